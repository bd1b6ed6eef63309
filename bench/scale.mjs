#!/usr/bin/env node
// How the analysis scales with the input: generated workspaces of 1×, 2× and
// 4× a base size (default 12,800 risks: about 5, 10 and 20 MB) and one single
// file holding the whole 1× workspace (about 5 MB), each analysed
//
//   - in-process: a fresh `createLanguageService`, every file set, `analysis()`,
//     on texts already in memory, in a child `node --expose-gc` running an
//     esbuild bundle of the language service (bench/.work/build/scale-analysis.cjs),
//     the heap collected before each run; the first (cold) run, the median wall
//     and CPU time (user + sys) of the others, the heap one analysed workspace
//     holds (after a collection), the child's peak RSS; then, on that service,
//     edits of the largest file (a comment between two risks, an unbalanced
//     brace, one more character while broken, the repair), each re-analysed;
//   - as a process: `node dist/cli.js check DIR --format json --as-of 2026-11-27`,
//     wall time from spawning to exit (median of the runs) and peak RSS (GNU
//     time, when /usr/bin/time exists).
//
// It reports the times and the ratios 2×/1× and 4×/1× (linear growth gives
// about 2 and 4), and checks every answer: no crash, exit code 0, no
// diagnostics (the generated workspace is valid), every file counted.
//
//   npm run bench:scale                  # builds dist/, then runs this script
//   node bench/scale.mjs [--risks N] [--runs N] [--regenerate] [--json]
//
// Exit code 1 when an answer is wrong or a run fails, else 0: the figures are
// reported, not enforced. The workspaces go to bench/.work-scale/ (gitignored; not under bench/.work, which bench:check checks whole)
// and are regenerated when the generator or the options change.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { AS_OF, DEFAULT_SEED, generateWorkspace } from './generate-workspace.mjs';
import { readOptions } from './options.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '..');
const WORK = join(HERE, '.work-scale');
const BUNDLE = join(HERE, '.work', 'build', 'scale-analysis.cjs');
const CLI = join(REPO, 'dist', 'cli.js');
const TIME = '/usr/bin/time';
const USE_TIME = existsSync(TIME);
const FACTORS = [1, 2, 4];

// ---------------------------------------------------------------------------
// Arguments

const options = readOptions(
  'bench/scale',
  'usage: node bench/scale.mjs [--risks N] [--runs N] [--regenerate] [--json]',
  { risks: { type: 'int' }, runs: { type: 'int' }, regenerate: { type: 'flag' }, json: { type: 'flag' } },
  { risks: 12_800, runs: 3, regenerate: false, json: false },
);
const say = options.json ? (...a) => console.error(...a) : (...a) => console.log(...a);
const problems = [];
const problem = (message) => {
  problems.push(message);
  say(`  PROBLEM: ${message}`);
};

// ---------------------------------------------------------------------------
// The workspaces

function fingerprint(extra) {
  const hash = createHash('sha256');
  hash.update(readFileSync(join(HERE, 'generate-workspace.mjs')));
  const catalogue = join(REPO, 'server/src/catalogue/annex-a-data.ts');
  if (existsSync(catalogue)) hash.update(readFileSync(catalogue));
  hash.update(JSON.stringify({ ...extra, seed: DEFAULT_SEED }));
  return hash.digest('hex');
}

const ismsFiles = (dir) => readdirSync(dir).filter((f) => f.endsWith('.isms')).sort();

function sizeOf(dir) {
  const files = ismsFiles(dir);
  let bytes = 0;
  let lines = 0;
  for (const f of files) {
    const text = readFileSync(join(dir, f), 'utf8');
    bytes += Buffer.byteLength(text);
    lines += text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  }
  return { bytes, lines };
}

/** A generated workspace of `risks` risks in bench/.work-scale/NAME, regenerated when stale. */
function ensureWorkspace(name, risks) {
  const dir = join(WORK, name);
  const manifestPath = join(dir, 'manifest.json');
  const print = fingerprint({ risks });
  if (!options.regenerate && existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    if (manifest.fingerprint === print && JSON.stringify(ismsFiles(dir)) === JSON.stringify(manifest.files) && manifest.files.every((f) => statSync(join(dir, f)).size === manifest.sizes[f])) return manifest;
  }
  say(`generating ${name}: ${risks.toLocaleString('en')} risks …`);
  rmSync(dir, { recursive: true, force: true });
  const result = generateWorkspace(dir, { risks, clean: true });
  rmSync(join(dir, 'workspace.json'), { force: true });
  const manifest = { fingerprint: print, name, risks, files: ismsFiles(dir), sizes: {}, ...sizeOf(dir), assets: result.assets };
  for (const f of manifest.files) manifest.sizes[f] = statSync(join(dir, f)).size;
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** The 1× workspace as one file (its files concatenated: ids are unique across them, so it stays valid). */
function ensureSingle(base) {
  const dir = join(WORK, 'single');
  const manifestPath = join(dir, 'manifest.json');
  const print = fingerprint({ single: base.fingerprint });
  if (!options.regenerate && existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    if (manifest.fingerprint === print && existsSync(join(dir, 'all.isms')) && statSync(join(dir, 'all.isms')).size === manifest.bytes) return manifest;
  }
  say('writing single: the 1× workspace as one file …');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const text = base.files.map((f) => readFileSync(join(WORK, base.name, f), 'utf8')).join('\n');
  writeFileSync(join(dir, 'all.isms'), text);
  const manifest = { fingerprint: print, name: 'single', risks: base.risks, files: ['all.isms'], ...sizeOf(dir), assets: base.assets };
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

// ---------------------------------------------------------------------------
// In-process analysis: an esbuild bundle of the language service and a small entry

const ENTRY = `
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createLanguageService } from './server/src/language-service';

const [dir, runs, asOf] = process.argv.slice(2);
const texts = readdirSync(dir).filter((f) => f.endsWith('.isms')).sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')]);
const out = { files: texts.length, diagnostics: -1, runsMs: [], cpuMs: [], heapUsedMb: [] };
const gc = globalThis.gc ?? (() => {});
let service;
for (let run = 0; run < Number(runs); run++) {
  // Each run starts from a collected heap: the previous service is garbage.
  gc();
  const cpu = process.cpuUsage();
  const start = performance.now();
  service = createLanguageService({ asOf });
  for (const [name, text] of texts) service.setFile(name, text);
  const diagnostics = service.analysis().diagnostics;
  out.runsMs.push(performance.now() - start);
  const used = process.cpuUsage(cpu);
  out.cpuMs.push((used.user + used.system) / 1000);
  out.diagnostics = Math.max(out.diagnostics, diagnostics.length);
  if (diagnostics.length > 0 && !out.sample) out.sample = diagnostics.slice(0, 5).map((d) => d.file + ':' + d.start + ' ' + d.code + ': ' + d.message);
  // What one analysed workspace holds: the heap after a collection, the service still alive.
  gc();
  out.heapUsedMb.push(process.memoryUsage().heapUsed / 1048576);
  if (run < Number(runs) - 1) service = undefined;
}

// Edits of the largest file on the last analysed service, as an editor makes them: a comment
// between two risks (valid: re-parsed by statement), an unbalanced brace (the whole file
// re-parsed with error recovery), one more character while it is broken, and the repair.
const [bigName, bigText] = texts.reduce((a, b) => (b[1].length > a[1].length ? b : a));
const mid = bigText.indexOf('\\nrisk ', bigText.length >> 1) + 1;
const edit = (label, text) => {
  const cpu = process.cpuUsage();
  const start = performance.now();
  service.setFile(bigName, text);
  const count = service.analysis().diagnostics.length;
  const used = process.cpuUsage(cpu);
  out.edits.push({ label, ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000, diagnostics: count });
};
out.edits = [];
out.editedFile = { name: bigName, bytes: Buffer.byteLength(bigText) };
edit('comment', bigText.slice(0, mid) + '// edited\\n' + bigText.slice(mid));
edit('break', bigText.slice(0, mid) + '{' + bigText.slice(mid));
edit('while broken', bigText.slice(0, mid) + '{x' + bigText.slice(mid));
edit('repair', bigText);
out.maxRssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(JSON.stringify(out) + '\\n');
`;

async function bundle() {
  const esbuild = await import('esbuild');
  mkdirSync(dirname(BUNDLE), { recursive: true });
  await esbuild.build({
    stdin: { contents: ENTRY, resolveDir: REPO, sourcefile: 'scale-analysis.ts', loader: 'ts' },
    outfile: BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
  });
}

function inProcess(manifest) {
  const dir = join(WORK, manifest.name);
  // One cold run, then the timed ones.
  const result = spawnSync(process.execPath, ['--expose-gc', BUNDLE, dir, String(options.runs + 1), AS_OF], { cwd: REPO, encoding: 'utf8', maxBuffer: 1 << 26 });
  let figures;
  try {
    figures = JSON.parse(result.stdout);
  } catch {
    problem(`${manifest.name}: the in-process analysis failed (exit ${result.status ?? result.signal}): ${result.stderr.slice(0, 2000)}`);
    return undefined;
  }
  if (figures.diagnostics !== 0) problem(`${manifest.name}: in-process analysis found ${figures.diagnostics} diagnostics, expected none: ${(figures.sample ?? []).join(' | ')}`);
  const [comment, broken, whileBroken, repair] = figures.edits;
  if (comment.diagnostics !== 0 || repair.diagnostics !== 0) problem(`${manifest.name}: a comment or the repair left ${comment.diagnostics} / ${repair.diagnostics} diagnostics, expected none`);
  if (broken.diagnostics === 0 || whileBroken.diagnostics === 0) problem(`${manifest.name}: an unbalanced brace gave no diagnostic`);
  if (figures.files !== manifest.files.length) problem(`${manifest.name}: in-process analysis read ${figures.files} files, expected ${manifest.files.length}`);
  return {
    coldMs: figures.runsMs[0],
    medianMs: median(figures.runsMs.slice(1)),
    cpuMedianMs: median(figures.cpuMs.slice(1)),
    runsMs: figures.runsMs,
    cpuMs: figures.cpuMs,
    maxRssMb: figures.maxRssMb,
    retainedHeapMb: median(figures.heapUsedMb),
    editedFile: figures.editedFile,
    edits: figures.edits,
  };
}

// ---------------------------------------------------------------------------
// The CLI, as a process

const TIME_DIR = mkdtempSync(join(tmpdir(), 'isms-scale-'));
const TIME_OUT = join(TIME_DIR, 'time');
process.on('exit', () => rmSync(TIME_DIR, { recursive: true, force: true }));

function timeCheck(dir) {
  const args = [relative(REPO, CLI), 'check', relative(REPO, dir), '--format', 'json', '--as-of', AS_OF];
  const [command, argv] = USE_TIME ? [TIME, ['-f', '%U %S %M', '-o', TIME_OUT, process.execPath, ...args]] : [process.execPath, args];
  const start = performance.now();
  const result = spawnSync(command, argv, { cwd: REPO, encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = performance.now() - start;
  let cpuMs;
  let rssMb;
  if (USE_TIME && existsSync(TIME_OUT)) {
    const [user, sys, kb] = readFileSync(TIME_OUT, 'utf8').trim().split('\n').pop().split(' ').map(Number);
    if ([user, sys, kb].every(Number.isFinite)) [cpuMs, rssMb] = [(user + sys) * 1000, kb / 1024];
    rmSync(TIME_OUT, { force: true });
  }
  return { ms, cpuMs, rssMb, status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr, error: result.error };
}

function cli(manifest) {
  const dir = join(WORK, manifest.name);
  const runs = [];
  for (let i = 0; i <= options.runs; i++) {
    const run = timeCheck(dir);
    let output;
    try {
      output = JSON.parse(run.stdout);
    } catch {
      output = undefined;
    }
    const wrong = [];
    if (run.error) wrong.push(run.error.message);
    if (run.status !== 0) wrong.push(`exit ${run.status ?? run.signal}`);
    if (!output || !Array.isArray(output.diagnostics)) wrong.push('no diagnostics array');
    else if (output.diagnostics.length) wrong.push(`${output.diagnostics.length} diagnostics, expected none (${output.diagnostics.slice(0, 3).map((d) => `${d.file}:${d.line} ${d.code}`).join(', ')})`);
    if (output && output.files !== manifest.files.length) wrong.push(`files ${output.files}, expected ${manifest.files.length}`);
    if (wrong.length) {
      problem(`${manifest.name}: isms check: ${wrong.join('; ')}${run.stderr ? `\n${run.stderr.slice(0, 1000)}` : ''}`);
      return undefined;
    }
    if (i > 0) runs.push(run); // the first run warms the file cache
  }
  const max = (values) => (values.every((v) => v !== undefined) ? Math.max(...values) : undefined);
  return { medianMs: median(runs.map((r) => r.ms)), runsMs: runs.map((r) => r.ms), cpuMedianMs: runs.every((r) => r.cpuMs !== undefined) ? median(runs.map((r) => r.cpuMs)) : undefined, peakRssMb: max(runs.map((r) => r.rssMb)) };
}

function median(values) {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

// ---------------------------------------------------------------------------
// Main

if (!existsSync(CLI)) {
  console.error(`bench/scale: ${relative(REPO, CLI)} does not exist: run \`npm run build\` (or \`npm run bench:scale\`)`);
  process.exit(2);
}
const loadBefore = loadavg();
say(`scale benchmark — Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, base ${options.risks.toLocaleString('en')} risks, ${options.runs} timed runs each after one warm-up, load average ${loadBefore.map((v) => v.toFixed(2)).join(' ')}`);
const workspaces = FACTORS.map((f) => ensureWorkspace(`${f}x`, options.risks * f));
workspaces.push(ensureSingle(workspaces[0]));
await bundle();

const results = [];
for (const manifest of workspaces) {
  say(`measuring ${manifest.name} (${manifest.files.length} files, ${(manifest.bytes / 1e6).toFixed(1)} MB) … load ${loadavg()[0].toFixed(2)}`);
  const inproc = inProcess(manifest);
  const check = cli(manifest);
  results.push({ name: manifest.name, files: manifest.files.length, bytes: manifest.bytes, lines: manifest.lines, risks: manifest.risks, inProcess: inproc, check });
}
const loadAfter = loadavg();

const ratio = (a, b) => (a !== undefined && b ? a / b : undefined);
const [one, two, four, single] = results;
const ratios = {
  inProcessMedian: { '2x/1x': ratio(two.inProcess?.medianMs, one.inProcess?.medianMs), '4x/1x': ratio(four.inProcess?.medianMs, one.inProcess?.medianMs) },
  inProcessCpu: { '2x/1x': ratio(two.inProcess?.cpuMedianMs, one.inProcess?.cpuMedianMs), '4x/1x': ratio(four.inProcess?.cpuMedianMs, one.inProcess?.cpuMedianMs) },
  inProcessCold: { '2x/1x': ratio(two.inProcess?.coldMs, one.inProcess?.coldMs), '4x/1x': ratio(four.inProcess?.coldMs, one.inProcess?.coldMs) },
  check: { '2x/1x': ratio(two.check?.medianMs, one.check?.medianMs), '4x/1x': ratio(four.check?.medianMs, one.check?.medianMs) },
  checkCpu: { '2x/1x': ratio(two.check?.cpuMedianMs, one.check?.cpuMedianMs), '4x/1x': ratio(four.check?.cpuMedianMs, one.check?.cpuMedianMs) },
  singleVs1x: { inProcessMedian: ratio(single.inProcess?.medianMs, one.inProcess?.medianMs), check: ratio(single.check?.medianMs, one.check?.medianMs) },
};

const ms = (v) => (v === undefined ? 'n/a' : `${Math.round(v).toLocaleString('en')} ms`);
const mb = (v) => (v === undefined ? 'n/a' : `${v.toFixed(0)} MB`);
const x = (v) => (v === undefined ? 'n/a' : `${v.toFixed(2)}×`);
const table = [['workspace', 'files', 'size', 'lines', 'in-process cold', 'median', 'CPU', 'heap held', 'peak RSS', 'isms check', 'CPU', 'peak RSS']];
for (const r of results) {
  const p = r.inProcess;
  table.push([r.name, String(r.files), `${(r.bytes / 1e6).toFixed(1)} MB`, r.lines.toLocaleString('en'), ms(p?.coldMs), ms(p?.medianMs), ms(p?.cpuMedianMs), mb(p?.retainedHeapMb), mb(p?.maxRssMb), ms(r.check?.medianMs), ms(r.check?.cpuMedianMs), mb(r.check?.peakRssMb)]);
}
const widths = table[0].map((_, c) => Math.max(...table.map((row) => row[c].length)));
say('');
for (const row of table) say(`  ${row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ')}`);
say('');
say(`  ratios 2×/1× and 4×/1× (linear: 2 and 4):`);
say(`    in-process median   ${x(ratios.inProcessMedian['2x/1x'])}  ${x(ratios.inProcessMedian['4x/1x'])}`);
say(`    in-process CPU      ${x(ratios.inProcessCpu['2x/1x'])}  ${x(ratios.inProcessCpu['4x/1x'])}`);
say(`    in-process cold     ${x(ratios.inProcessCold['2x/1x'])}  ${x(ratios.inProcessCold['4x/1x'])}`);
say(`    isms check (wall)   ${x(ratios.check['2x/1x'])}  ${x(ratios.check['4x/1x'])}`);
say(`    isms check (CPU)    ${x(ratios.checkCpu['2x/1x'])}  ${x(ratios.checkCpu['4x/1x'])}`);
say('');
say('  edits of the largest file, then analysis() (in-process, CPU time; wall in parentheses):');
for (const r of results) {
  if (!r.inProcess) continue;
  const e = r.inProcess.edits.map((edit) => `${edit.label} ${ms(edit.cpuMs)} (${ms(edit.ms)})`).join(', ');
  say(`    ${r.name.padEnd(7)} ${r.inProcess.editedFile.name} (${(r.inProcess.editedFile.bytes / 1e6).toFixed(2)} MB): ${e}`);
}
say('');
say(`  one 5 MB file / 1× workspace: in-process ${x(ratios.singleVs1x.inProcessMedian)}, isms check ${x(ratios.singleVs1x.check)}`);
say(`  load average: ${loadBefore.map((v) => v.toFixed(2)).join(' ')} → ${loadAfter.map((v) => v.toFixed(2)).join(' ')} (${cpus().length} cores; figures taken well above ${cpus().length} are slower than on a quiet machine)`);
say(problems.length ? `\n${problems.length} PROBLEM(S): see above` : '\nevery answer right: no crash, exit 0, no diagnostics, every file counted');
if (options.json) console.log(JSON.stringify({ node: process.version, cpus: cpus().length, asOf: AS_OF, baseRisks: options.risks, runs: options.runs, loadAverage: { before: loadBefore, after: loadAfter }, results, ratios, problems }, null, 2));
process.exitCode = problems.length ? 1 : 0;
