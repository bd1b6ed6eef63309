#!/usr/bin/env node
// Benchmark of `isms check` on a large generated workspace (about 8,000 risks,
// 125,000 lines), against the baseline of reading the same content as JSON.
//
//   npm run bench:check                # builds dist/, then runs this script
//   node bench/check.mjs [--runs N] [--risks N] [--json] [--regenerate]
//
// It generates the workspace into bench/.work/ (gitignored) when it is absent
// or stale, then measures, as medians over N runs (default 7, after one
// untimed warm-up run of each process):
//
//   baseline      wall time of a fresh `node` that reads and JSON.parses the
//                 JSON twin bench/.work/workspace.json;
//   isms check    wall time of `node dist/cli.js check bench/.work --format json
//                 --as-of 2026-11-27`, whose answer is verified on every run
//                 (exit code 0, no diagnostics, every generated file counted);
//                 target: at most 4× the baseline (reported, not enforced);
//   in-process    in one child `node`, the language service's analysis of the
//                 workspace (texts already in memory), a one-file edit, and
//                 JSON.parse of the twin for the ratio (bench/analysis-entry.ts,
//                 bundled with esbuild);
//   CPU time and  of the check process and of the baseline, when GNU time
//   peak RSS      (/usr/bin/time) is present: it wraps every measured run
//                 (CPU time is less disturbed than wall time by other load).
//
// Exit code: 1 when an answer is wrong (or the CLI is missing), else 0.
// With --json the table goes to stderr and the figures, as one JSON object, to stdout.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { AS_OF, DEFAULT_RISKS } from './generate-workspace.mjs';
import { readOptions } from './options.mjs';
import { WORK, ensureWorkspace } from './workspace.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '..');
const WORK_REL = relative(REPO, WORK) || '.'; // "bench/.work": the PATH given to the CLI
const CLI = join(REPO, 'dist/cli.js');
const LANGUAGE_SERVICE = join(REPO, 'server/src/language-service.ts');
const ANALYSIS_ENTRY = join(HERE, 'analysis-entry.ts');
const ANALYSIS_BUNDLE = join(WORK, 'build/analysis.cjs');
const TIME = '/usr/bin/time';
const TARGET_RATIO = 4;

// ---------------------------------------------------------------------------
// Arguments

const options = readOptions(
  'bench/check',
  'usage: node bench/check.mjs [--runs N] [--risks N] [--json] [--regenerate]',
  { runs: { type: 'int' }, risks: { type: 'int' }, json: { type: 'flag' }, regenerate: { type: 'flag' } },
  { runs: 7, risks: DEFAULT_RISKS, json: false, regenerate: false },
);
// The table goes to stdout, or to stderr when stdout carries the JSON figures.
const say = options.json ? (...a) => console.error(...a) : (...a) => console.log(...a);

/** Stops the benchmark: the answer is wrong or a tool is missing. */
function fail(message, detail) {
  console.error(`\nbench/check: FAILED: ${message}`);
  if (detail) console.error(detail);
  process.exit(1);
}

// ---------------------------------------------------------------------------
// Measuring processes

// GNU time, when present, wraps every measured process: it reports the
// process's CPU time (user + sys, less sensitive than wall time to other load
// on the machine) and its peak resident set size. It adds about a millisecond
// (one fork and exec) to the wall time, alike for every process measured.
const USE_TIME = existsSync(TIME);
const TIME_DIR = mkdtempSync(join(tmpdir(), 'isms-bench-'));
const TIME_OUT = join(TIME_DIR, 'time');
process.on('exit', () => rmSync(TIME_DIR, { recursive: true, force: true }));

/**
 * Runs `node ARGS` from the repository root; returns its wall time (ms), and
 * with GNU time its CPU time (ms) and peak RSS (MB), and its result.
 */
function timeNode(args) {
  const [command, argv] = USE_TIME ? [TIME, ['-f', '%U %S %M', '-o', TIME_OUT, process.execPath, ...args]] : [process.execPath, args];
  const start = performance.now();
  const result = spawnSync(command, argv, { cwd: REPO, encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = performance.now() - start;
  if (result.error) fail(`cannot run node ${args.join(' ')}: ${result.error.message}`);
  let cpuMs;
  let rssMb;
  if (USE_TIME && existsSync(TIME_OUT)) {
    // The last line (GNU time prefixes a line when the command exits non-zero).
    const [user, sys, kb] = readFileSync(TIME_OUT, 'utf8').trim().split('\n').pop().split(' ').map(Number);
    if ([user, sys, kb].every(Number.isFinite)) [cpuMs, rssMb] = [(user + sys) * 1000, kb / 1024];
    rmSync(TIME_OUT, { force: true });
  }
  return { ms, cpuMs, rssMb, status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

// The baseline: a fresh node that reads and parses the JSON twin, and prints
// the number of risks (so that the parse cannot be skipped, and is checked).
const JSON_TWIN = join(WORK_REL, 'workspace.json');
const BASELINE_ARGS = ['-e', "process.stdout.write(String(JSON.parse(require('fs').readFileSync(process.argv[1], 'utf8')).risk.length))", JSON_TWIN];
// Node's own start-up, for context: both processes above pay it.
const STARTUP_ARGS = ['-e', '0'];
const CHECK_ARGS = [relative(REPO, CLI), 'check', WORK_REL, '--format', 'json', '--as-of', AS_OF];

function verifyBaseline(run, manifest) {
  if (run.status !== 0 || run.stdout.trim() !== String(manifest.risks)) {
    fail(`the baseline printed ${JSON.stringify(run.stdout)} (exit ${run.status}); expected ${manifest.risks}`, run.stderr);
  }
}

/** The right answer: exit 0, no diagnostics, every generated file counted. */
function verifyCheck(run, manifest) {
  const command = `node ${CHECK_ARGS.join(' ')}`;
  let output;
  try {
    output = JSON.parse(run.stdout);
  } catch {
    fail(`${command} did not print JSON (exit ${run.status ?? run.signal})`, `${run.stdout.slice(0, 2000)}\n${run.stderr.slice(0, 2000)}`);
  }
  const diagnostics = Array.isArray(output.diagnostics) ? output.diagnostics : undefined;
  const problems = [];
  if (run.status !== 0) problems.push(`exit code ${run.status ?? run.signal}, expected 0`);
  if (!diagnostics) problems.push('no diagnostics array');
  else if (diagnostics.length) problems.push(`${diagnostics.length} diagnostics, expected none`);
  if (output.files !== manifest.files.length) problems.push(`files ${output.files}, expected ${manifest.files.length}`);
  if (problems.length) {
    const sample = (diagnostics ?? [])
      .slice(0, 10)
      .map((d) => `  ${d.file}:${d.line}:${d.column} ${d.severity} ${d.code}: ${d.message}`)
      .join('\n');
    fail(`${command}: ${problems.join('; ')}`, [sample, run.stderr.slice(0, 2000)].filter(Boolean).join('\n'));
  }
}

// ---------------------------------------------------------------------------
// In-process analysis (child node running the esbuild bundle of analysis-entry.ts)

async function inProcess(manifest) {
  if (!existsSync(LANGUAGE_SERVICE)) return { skipped: 'no language service yet' };
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    return { skipped: 'esbuild is not installed' };
  }
  mkdirSync(dirname(ANALYSIS_BUNDLE), { recursive: true });
  try {
    await esbuild.build({
      entryPoints: [ANALYSIS_ENTRY],
      outfile: ANALYSIS_BUNDLE,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      logLevel: 'silent',
    });
  } catch (error) {
    fail('cannot bundle bench/analysis-entry.ts', error.message);
  }
  const run = timeNode([ANALYSIS_BUNDLE, WORK, String(options.runs), AS_OF]);
  let figures;
  try {
    figures = JSON.parse(run.stdout);
  } catch {
    fail(`the in-process benchmark failed (exit ${run.status ?? run.signal})`, `${run.stdout.slice(0, 2000)}\n${run.stderr.slice(0, 4000)}`);
  }
  if (figures.diagnostics !== 0 || figures.files !== manifest.files.length) {
    fail(`in-process analysis found ${figures.diagnostics} diagnostics in ${figures.files} files; expected 0 in ${manifest.files.length}`);
  }
  return figures;
}

// ---------------------------------------------------------------------------
// Main

const manifest = ensureWorkspace({ risks: options.risks, regenerate: options.regenerate, say });
if (!existsSync(CLI)) fail(`${relative(REPO, CLI)} does not exist: run \`npm run build\` (or \`npm run bench:check\`)`);

say(`measuring: ${options.runs} run${options.runs === 1 ? '' : 's'} each, after one warm-up run …`);
// Warm-up (file cache, compile cache) and a first verification of both answers.
verifyBaseline(timeNode(BASELINE_ARGS), manifest);
verifyCheck(timeNode(CHECK_ARGS), manifest);
const startupRuns = [];
const baselineRuns = [];
const checkRuns = [];
for (let i = 0; i < options.runs; i++) {
  // Interleaved, so that drifts of the machine affect all alike.
  startupRuns.push(timeNode(STARTUP_ARGS));
  const baseline = timeNode(BASELINE_ARGS);
  verifyBaseline(baseline, manifest);
  baselineRuns.push(baseline);
  const check = timeNode(CHECK_ARGS);
  verifyCheck(check, manifest);
  checkRuns.push(check);
}
const inproc = await inProcess(manifest);

// ---------------------------------------------------------------------------
// Report

const startup = median(startupRuns.map((r) => r.ms));
const baselineMs = baselineRuns.map((r) => r.ms);
const checkMs = checkRuns.map((r) => r.ms);
const baseline = median(baselineMs);
const check = median(checkMs);
const ratio = check / baseline;
// CPU time and peak RSS, when GNU time measured them (undefined otherwise).
const cpuOf = (runs) => (USE_TIME && runs.every((r) => r.cpuMs !== undefined) ? median(runs.map((r) => r.cpuMs)) : undefined);
const rssOf = (runs) => (USE_TIME && runs.every((r) => r.rssMb !== undefined) ? Math.max(...runs.map((r) => r.rssMb)) : undefined);
const baselineCpu = cpuOf(baselineRuns);
const checkCpu = cpuOf(checkRuns);
const baselineRssMb = rssOf(baselineRuns);
const checkRssMb = rssOf(checkRuns);
const pass = ratio <= TARGET_RATIO;
const figures = {
  node: process.version,
  cpus: cpus().length,
  cpu: cpus()[0]?.model ?? 'unknown',
  runs: options.runs,
  asOf: AS_OF,
  workspace: {
    dir: WORK_REL,
    files: manifest.files.length,
    lines: manifest.lines,
    bytes: manifest.bytes,
    jsonBytes: manifest.jsonBytes,
    risks: manifest.risks,
    assets: manifest.assets,
  },
  startup: { medianMs: startup },
  baseline: { medianMs: baseline, runsMs: baselineMs, cpuMedianMs: baselineCpu, peakRssMb: baselineRssMb },
  check: {
    medianMs: check,
    runsMs: checkMs,
    cpuMedianMs: checkCpu,
    peakRssMb: checkRssMb,
    ratioToBaseline: ratio,
    cpuRatioToBaseline: checkCpu !== undefined && baselineCpu ? checkCpu / baselineCpu : undefined,
    targetRatio: TARGET_RATIO,
    pass,
  },
  inProcess: inproc.skipped
    ? { skipped: inproc.skipped }
    : {
        analysisMedianMs: median(inproc.analysis),
        analysisFirstMs: inproc.analysis[0],
        editMedianMs: median(inproc.edit),
        jsonParseMedianMs: median(inproc.jsonParse),
        ratioToJsonParse: median(inproc.analysis) / median(inproc.jsonParse),
        runsMs: { analysis: inproc.analysis, edit: inproc.edit, jsonParse: inproc.jsonParse },
      },
};

const ms = (v) => `${v.toFixed(0)} ms`;
const mb = (v) => (v === undefined ? 'n/a (no /usr/bin/time)' : `${v.toFixed(0)} MB`);
const rows = [
  ['workspace', `${figures.workspace.files} files, ${manifest.lines.toLocaleString('en')} lines, ${(manifest.bytes / 1e6).toFixed(2)} MB (${manifest.risks} risks, ${manifest.assets} assets); JSON twin ${(manifest.jsonBytes / 1e6).toFixed(2)} MB`],
  ['node start-up (node -e 0)', ms(startup)],
  ['baseline: node + JSON.parse', `${ms(baseline)}  (min ${ms(Math.min(...baselineMs))}, max ${ms(Math.max(...baselineMs))})`],
  ['isms check (whole process)', `${ms(check)}  (min ${ms(Math.min(...checkMs))}, max ${ms(Math.max(...checkMs))})`],
  ['check / baseline', `${ratio.toFixed(2)}×  (target ≤ ${TARGET_RATIO}×: ${pass ? 'PASS' : 'FAIL'})`],
];
if (checkCpu !== undefined) {
  rows.push(['CPU time: check / baseline', `${ms(checkCpu)} / ${ms(baselineCpu)} = ${(checkCpu / baselineCpu).toFixed(2)}×  (user + sys, all threads)`]);
}
if (inproc.skipped) {
  rows.push(['in-process', `skipped (${inproc.skipped})`]);
} else {
  const p = figures.inProcess;
  rows.push(['in-process analysis', `${ms(p.analysisMedianMs)}  (first, cold: ${ms(p.analysisFirstMs)})`]);
  rows.push(['in-process JSON.parse', ms(p.jsonParseMedianMs)]);
  rows.push(['analysis / JSON.parse', `${p.ratioToJsonParse.toFixed(1)}×`]);
  rows.push(['one-file edit, re-analysis', ms(p.editMedianMs)]);
}
rows.push(['peak RSS: check / baseline', `${mb(checkRssMb)} / ${mb(baselineRssMb)}  (maximum over the runs)`]);

const width = Math.max(...rows.map(([label]) => label.length));
say(`\nisms check benchmark — Node ${process.version}, ${figures.cpus} × ${figures.cpu}, medians of ${options.runs} run${options.runs === 1 ? '' : 's'}, --as-of ${AS_OF}\n`);
for (const [label, value] of rows) say(`  ${label.padEnd(width)}  ${value}`);
say('');
if (options.json) console.log(JSON.stringify(figures, null, 2));
