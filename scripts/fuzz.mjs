#!/usr/bin/env node
// The long fuzz run (`npm run fuzz -- [options]`): the pipeline fuzzer of
// test/fuzz/ over many more cases than `npm test` runs, guided by V8 block
// coverage (a case that reaches new product code joins the corpus that later
// cases mutate), then the command line over a few hundred cases. Prints how
// many cases ran, the diagnostic codes, syntax errors, features and code
// blocks reached, the slowest case, and every distinct failure, minimised
// and written to test/fuzz/found/ (replayed by test/fuzz/replay.test.ts).
//
//   --cases N        in-process cases (20000)
//   --cli N          command-line cases (300)
//   --seed S         run seed (default: from the clock, printed)
//   --workers W      worker threads (2)
//   --no-coverage    no block coverage and no guidance (faster)
//   --no-minimise    write failures as found
//   --no-write       do not write reproducers
//   --slow-ms MS     a case slower than this fails (2000); confirmed by re-running
//   --hang-ms MS     a case running this long is killed as a hang (10000)
//   --case SEED      run one in-process case seed (as printed by npm test), minimise if it fails
//   --cli-case SEED  run one command-line case seed
//   --replay FILE    run a reproducer of test/fuzz/found/ again; if it still fails, minimise it further and rewrite it
//
// Needs the compiled tests and the bundle: `npm run fuzz` builds both first.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const require = createRequire(import.meta.url);
const out = (name) => require(path.join(root, 'out', 'test', 'fuzz', name));
const { caseSeed, finalFiles, loadExamples, makeCase } = out('cases.js');
const { runCliCase } = out('cli-case.js');
const { signature, writeReproducer } = out('found.js');
const { minimiseCase } = out('minimise.js');
const { FuzzFailure, SLOW_MS } = out('pipeline.js');
const { FuzzRunner } = out('runner.js');
const { ALL_CODES } = require(path.join(root, 'out', 'server', 'src', 'analysis', 'diagnostic-codes.js'));

// ---------------------------------------------------------------------------
// Options

function parseOptions(argv) {
  const options = { cases: 20000, cli: 300, seed: undefined, workers: Math.min(2, os.availableParallelism()), coverage: true, minimise: true, write: true, slowMs: SLOW_MS, hangMs: 10000, case: undefined, cliCase: undefined, replay: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || !/^\d+$/.test(v)) throw new Error(`${arg} needs a whole number`);
      return Number(v);
    };
    if (arg === '--cases') options.cases = value();
    else if (arg === '--cli') options.cli = value();
    else if (arg === '--seed') options.seed = value();
    else if (arg === '--workers') options.workers = Math.max(1, value());
    else if (arg === '--slow-ms') options.slowMs = value();
    else if (arg === '--hang-ms') options.hangMs = value();
    else if (arg === '--case') options.case = value();
    else if (arg === '--cli-case') options.cliCase = value();
    else if (arg === '--replay') options.replay = argv[++i];
    else if (arg === '--no-coverage') options.coverage = false;
    else if (arg === '--no-minimise') options.minimise = false;
    else if (arg === '--no-write') options.write = false;
    else throw new Error(`unknown option ${arg}`);
  }
  options.seed ??= Date.now() % 1_000_000_007;
  return options;
}

/** As npm test runs them (same offsets probed), with quick fixes in a quarter of the cases. */
const PIPELINE = { probes: 4, codeActions: 0.25 };
const XLSX_EVERY = 20;

// ---------------------------------------------------------------------------
// Statistics

class Stats {
  cases = 0;
  totalMs = 0;
  stageMs = {};
  codes = new Set();
  syntaxErrors = new Set();
  features = new Set();
  paths = new Set();
  mutations = new Map();
  slowest = { ms: 0, seed: undefined, stages: {} };
  durations = [];

  add(report, fuzzCase) {
    this.cases++;
    this.totalMs += report.ms;
    this.durations.push(report.ms);
    for (const [stage, ms] of Object.entries(report.stageMs)) this.stageMs[stage] = (this.stageMs[stage] ?? 0) + ms;
    for (const code of report.codes) this.codes.add(code);
    for (const kind of report.syntaxErrors) this.syntaxErrors.add(kind);
    for (const feature of report.features) this.features.add(feature);
    for (const p of report.paths) this.paths.add(p);
    if (fuzzCase) for (const m of fuzzCase.mutations) this.mutations.set(m, (this.mutations.get(m) ?? 0) + 1);
    if (report.ms > this.slowest.ms) this.slowest = { ms: report.ms, seed: fuzzCase?.seed, stages: report.stageMs, files: fuzzCase && Object.fromEntries(Object.entries(fuzzCase.files).map(([f, t]) => [f, t.length])), mutations: fuzzCase?.mutations };
  }

  percentile(p) {
    const sorted = [...this.durations].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
  }
}

class Coverage {
  blocks = new Set();
  functions = new Set();
  files = new Set();
  add(reached) {
    for (const key of reached.blocks) this.blocks.add(key);
    for (const key of reached.functions) this.functions.add(key);
    for (const key of reached.files) this.files.add(key);
  }
}

const ms = (n) => `${Math.round(n)} ms`;

// ---------------------------------------------------------------------------
// Failures: grouped by signature, confirmed (slow ones re-run), minimised, written

class Failures {
  bySignature = new Map();

  add(kind, failure, fuzzCase, found) {
    const key = `${kind} ${signature(failure.stage, failure.message)}`;
    const entry = this.bySignature.get(key);
    if (entry) entry.count++;
    else this.bySignature.set(key, { kind, failure, fuzzCase, found, count: 1 });
  }

  get size() {
    return this.bySignature.size;
  }
}

/** Runs one in-process case in a fresh runner: the failure, or undefined. */
async function runOne(runner, fuzzCase) {
  let failed;
  await runner.run([{ id: 0, fuzzCase }], { fail: (f) => (failed ??= f.failure) });
  return failed;
}

async function runCliOne(fuzzCase) {
  try {
    await runCliCase(fuzzCase, { timeoutMs: 30000 });
    return undefined;
  } catch (error) {
    if (error instanceof FuzzFailure) return { stage: error.stage, message: error.message, stack: error.stack ?? error.message };
    return { stage: 'cli', message: `threw ${error?.message ?? error}`, stack: error?.stack ?? String(error) };
  }
}

async function settle(failures, options) {
  const written = [];
  const confirmed = [];
  for (const [key, entry] of failures.bySignature) {
    const wanted = signature(entry.failure.stage, entry.failure.message);
    let fuzzCase = entry.fuzzCase;
    let failure = entry.failure;
    let tests = 0;
    if (entry.kind === 'in-process') {
      const runner = new FuzzRunner({ setup: { pipeline: options.pipeline ?? PIPELINE, xlsxEvery: 0, coverage: false }, hangMs: failure.stage === 'hang' ? Math.min(options.hangMs, 5000) : options.hangMs, slowMs: options.slowMs });
      try {
        // A slow case may be the machine's fault: it must be slow twice more.
        if (failure.stage === 'slow') {
          const again = [await runOne(runner, fuzzCase), await runOne(runner, fuzzCase)];
          if (!again.every((f) => f && signature(f.stage, f.message) === wanted)) {
            console.log(`  not confirmed (timing): ${key}: ${failure.message}`);
            continue;
          }
        }
        if (options.minimise) {
          const result = await minimiseCase(fuzzCase, async (candidate) => {
            const f = await runOne(runner, candidate);
            return f !== undefined && signature(f.stage, f.message) === wanted;
          }, { maxTests: failure.stage === 'hang' || failure.stage === 'slow' ? 150 : 4000 });
          fuzzCase = result.fuzzCase;
          tests = result.tests;
          failure = (await runOne(runner, fuzzCase)) ?? failure;
        }
      } finally {
        await runner.close();
      }
    } else if (options.minimise) {
      const result = await minimiseCase(fuzzCase, async (candidate) => {
        const f = await runCliOne(candidate);
        return f !== undefined && signature(f.stage, f.message) === wanted;
      }, { maxTests: 150 });
      fuzzCase = result.fuzzCase;
      tests = result.tests;
      failure = (await runCliOne(fuzzCase)) ?? failure;
    }
    confirmed.push({ key, entry, fuzzCase, failure, tests });
    if (options.write) {
      const file = writeReproducer({
        title: failure.message.split('\n')[0].slice(0, 200),
        stage: failure.stage,
        message: failure.message,
        stack: failure.stack,
        found: { ...entry.found, date: new Date().toISOString().slice(0, 10) },
        cli: entry.kind === 'cli',
        fuzzCase,
      });
      written.push(file);
    }
  }
  return { written, confirmed };
}

// ---------------------------------------------------------------------------
// Runs

async function single(options, examples) {
  const cli = options.cliCase !== undefined;
  const seed = cli ? options.cliCase : options.case;
  const fuzzCase = cli ? makeCase(seed, examples, { gentle: 0.5 }) : { ...makeCase(seed, examples), xlsx: true };
  options.pipeline = { ...PIPELINE, codeActions: 1 };
  console.log(`case seed ${seed}${cli ? ' (command line)' : ''}`);
  for (const [file, text] of Object.entries(fuzzCase.files)) console.log(`  ${file}: ${text.length} characters`);
  console.log(`  edit: ${fuzzCase.edit.kind} ${fuzzCase.edit.file}; mutations: ${fuzzCase.mutations.join(', ')}`);
  let failure;
  if (cli) failure = await runCliOne(fuzzCase);
  else {
    const runner = new FuzzRunner({ setup: { pipeline: options.pipeline, xlsxEvery: 0, coverage: false }, hangMs: options.hangMs, slowMs: options.slowMs });
    try {
      failure = await runOne(runner, fuzzCase);
    } finally {
      await runner.close();
    }
  }
  if (!failure) {
    console.log('passes');
    return 0;
  }
  console.log(`FAILS: ${failure.stage}: ${failure.message}\n${failure.stack}`);
  const failures = new Failures();
  failures.add(cli ? 'cli' : 'in-process', failure, fuzzCase, { caseSeed: seed });
  const { written, confirmed } = await settle(failures, options);
  for (const { fuzzCase: small, tests } of confirmed) {
    console.log(`minimised in ${tests} tests:`);
    for (const [file, text] of Object.entries(finalFiles(small))) console.log(`  ${file}: ${JSON.stringify(text).slice(0, 400)}`);
  }
  for (const file of written) console.log(`written: ${path.relative(root, file)}`);
  return 1;
}

async function replay(options) {
  const file = path.resolve(options.replay);
  const reproducer = JSON.parse(fs.readFileSync(file, 'utf8'));
  options.pipeline = { ...PIPELINE, codeActions: 1 };
  let failure;
  if (reproducer.cli) failure = await runCliOne(reproducer.fuzzCase);
  else {
    const runner = new FuzzRunner({ setup: { pipeline: options.pipeline, xlsxEvery: 0, coverage: false }, hangMs: options.hangMs, slowMs: options.slowMs });
    try {
      failure = await runOne(runner, reproducer.fuzzCase);
    } finally {
      await runner.close();
    }
  }
  if (!failure) {
    console.log(`${path.relative(root, file)} passes now: keep it as a regression test`);
    return 0;
  }
  console.log(`still fails: ${failure.message.split('\n')[0]}`);
  const failures = new Failures();
  failures.add(reproducer.cli ? 'cli' : 'in-process', failure, reproducer.fuzzCase, reproducer.found);
  const { written, confirmed } = await settle(failures, { ...options, write: false });
  for (const { fuzzCase, failure: now, tests } of confirmed) {
    fs.writeFileSync(file, JSON.stringify({ ...reproducer, title: now.message.split('\n')[0].slice(0, 200), stage: now.stage, message: now.message, stack: now.stack, fuzzCase }, null, 2) + '\n');
    console.log(`minimised in ${tests} tests and rewritten:`);
    for (const [name, text] of Object.entries(finalFiles(fuzzCase))) console.log(`  ${name}: ${JSON.stringify(text).slice(0, 400)}`);
  }
  void written;
  return 1;
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  const examples = loadExamples();
  if (options.replay !== undefined) return replay(options);
  if (options.case !== undefined || options.cliCase !== undefined) return single(options, examples);

  console.log(`fuzz: seed ${options.seed}, ${options.cases} in-process cases on ${options.workers} workers, ${options.cli} command-line cases, coverage ${options.coverage ? 'on (guided)' : 'off'}`);
  const started = Date.now();
  const stats = new Stats();
  const coverage = new Coverage();
  const failures = new Failures();
  const corpus = [];
  let corpusAdded = 0;

  // In-process, in batches: the corpus grows between batches with the cases that reached new code.
  const runners = Array.from({ length: options.workers }, () => new FuzzRunner({ setup: { pipeline: PIPELINE, xlsxEvery: XLSX_EVERY, coverage: options.coverage }, hangMs: options.hangMs, slowMs: options.slowMs }));
  const BATCH = 50;
  let lastReport = Date.now();
  let next = 0;
  try {
    while (next < options.cases) {
      const pool = corpus.length > 0 ? [...examples, ...corpus] : examples;
      const batches = runners.map(() => []);
      for (let w = 0; w < runners.length && next < options.cases; w++) {
        for (let k = 0; k < BATCH && next < options.cases; k++, next++) {
          const seed = caseSeed(options.seed, next);
          const fuzzCase = makeCase(seed, pool, { xlsxEvery: XLSX_EVERY });
          batches[w].push({ id: next, fuzzCase });
        }
      }
      await Promise.all(
        runners.map((runner, w) =>
          runner.run(batches[w], {
            done: ({ report, newBlocks, id }) => {
              const fuzzCase = batches[w].find((job) => job.id === id).fuzzCase;
              stats.add(report, fuzzCase);
              if (newBlocks > 0) {
                // Keep the texts of a case that reached new code as seeds (bounded).
                for (const [file, text] of Object.entries(finalFiles(fuzzCase))) {
                  if (text.length > 40000) continue;
                  const entry = { name: `corpus/${corpusAdded++}-${path.posix.basename(file).replace(/^(\d+-)+/, '')}`, text };
                  if (corpus.length < 400) corpus.push(entry);
                  else corpus[corpusAdded % corpus.length] = entry;
                }
              }
            },
            fail: (f) => {
              const fuzzCase = f.fuzzCase ?? f.job.fuzzCase;
              failures.add('in-process', f.failure, fuzzCase, { runSeed: options.seed, index: f.id, caseSeed: fuzzCase.seed });
              console.log(`  FAIL case ${f.id} (seed ${fuzzCase.seed}): ${f.failure.stage}: ${f.failure.message.split('\n')[0].slice(0, 300)}`);
            },
          }),
        ),
      );
      if (options.coverage) for (const runner of runners) coverage.add(await runner.coverage());
      if (Date.now() - lastReport > 10000 || next >= options.cases) {
        lastReport = Date.now();
        const seconds = (Date.now() - started) / 1000;
        console.log(`  ${next} cases, ${(stats.cases / seconds).toFixed(1)}/s, ${failures.size} distinct failures, ${stats.codes.size} codes, ${coverage.blocks.size} blocks, corpus ${corpus.length}, slowest ${ms(stats.slowest.ms)}`);
      }
    }
  } finally {
    await Promise.all(runners.map((runner) => runner.close()));
  }
  const inProcessSeconds = (Date.now() - started) / 1000;

  // The command line.
  const cli = { cases: 0, runs: 0, slowest: 0, totalMs: 0, exitCodes: new Map() };
  const cliStarted = Date.now();
  for (let i = 0; i < options.cli; i++) {
    const pool = corpus.length > 0 ? [...examples, ...corpus] : examples;
    const fuzzCase = makeCase(caseSeed(options.seed + 1, i), pool, { gentle: 0.5 });
    try {
      const report = await runCliCase(fuzzCase, { timeoutMs: 30000 });
      cli.runs += report.runs;
      cli.slowest = Math.max(cli.slowest, report.slowest);
      for (const code of report.exitCodes) cli.exitCodes.set(code, (cli.exitCodes.get(code) ?? 0) + 1);
    } catch (error) {
      const failure = error instanceof FuzzFailure ? { stage: error.stage, message: error.message, stack: error.stack } : { stage: 'cli', message: String(error?.message ?? error), stack: String(error?.stack ?? error) };
      failures.add('cli', failure, fuzzCase, { runSeed: options.seed + 1, index: i, caseSeed: fuzzCase.seed });
      console.log(`  FAIL command-line case ${i} (seed ${fuzzCase.seed}): ${failure.message.split('\n')[0].slice(0, 300)}`);
    }
    cli.cases++;
    if ((i + 1) % 50 === 0) console.log(`  ${i + 1} command-line cases, ${cli.runs} processes`);
  }
  const cliSeconds = (Date.now() - cliStarted) / 1000;

  // Failures: confirm, minimise, write.
  const { written, confirmed } = failures.size > 0 ? await settle(failures, options) : { written: [], confirmed: [] };

  // Summary.
  const missing = ALL_CODES.filter((code) => !stats.codes.has(code));
  console.log('');
  console.log(`seed ${options.seed}`);
  console.log(`in-process: ${stats.cases} cases in ${inProcessSeconds.toFixed(0)} s (${(stats.cases / inProcessSeconds).toFixed(1)}/s on ${options.workers} workers); per case median ${ms(stats.percentile(0.5))}, p99 ${ms(stats.percentile(0.99))}`);
  console.log(`  time by stage: ${Object.entries(stats.stageMs).map(([s, t]) => `${s} ${(t / 1000).toFixed(1)} s`).join(', ')}`);
  console.log(`  slowest case: ${ms(stats.slowest.ms)} (case seed ${stats.slowest.seed}; ${JSON.stringify(stats.slowest.files)}; ${stats.slowest.mutations?.join(', ')}; ${Object.entries(stats.slowest.stages).filter(([, t]) => t >= 1).map(([s, t]) => `${s} ${ms(t)}`).join(', ')})`);
  console.log(`  diagnostic codes: ${stats.codes.size} of ${ALL_CODES.length}${missing.length ? ` (never: ${missing.join(', ')})` : ''}`);
  console.log(`  syntax error kinds: ${stats.syntaxErrors.size}: ${[...stats.syntaxErrors].sort().join(' | ')}`);
  console.log(`  features reached: ${stats.features.size}; pipeline paths: ${[...stats.paths].sort().join(', ')}`);
  if (options.coverage) console.log(`  code coverage (grammar/src, server/src): ${coverage.blocks.size} blocks in ${coverage.functions.size} functions of ${coverage.files.size} files; corpus grew by ${corpusAdded} texts`);
  console.log(`  mutations applied: ${[...stats.mutations].sort((a, b) => b[1] - a[1]).map(([m, n]) => `${m} ${n}`).join(', ')}`);
  console.log(`command line: ${cli.cases} cases, ${cli.runs} processes in ${cliSeconds.toFixed(0)} s; slowest process ${ms(cli.slowest)}; exits ${[...cli.exitCodes].sort().map(([c, n]) => `${c}×${n}`).join(', ')}`);
  console.log(`failures: ${confirmed.length} distinct${confirmed.length ? '' : ' (none)'}${failures.size > confirmed.length ? ` (${failures.size - confirmed.length} slow cases not confirmed on re-running)` : ''}`);
  for (const { key, entry, fuzzCase, failure, tests } of confirmed) {
    console.log(`  ${key} (×${entry.count}; first: case seed ${entry.found.caseSeed}${tests ? `; minimised in ${tests} tests` : ''})`);
    console.log(`    ${failure.message.split('\n')[0]}`);
    for (const [file, text] of Object.entries(finalFiles(fuzzCase))) console.log(`    ${file}: ${JSON.stringify(text).slice(0, 300)}`);
  }
  for (const file of written) console.log(`  written: ${path.relative(root, file)}`);
  return confirmed.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`fuzz: ${error?.stack ?? error}`);
    process.exit(2);
  },
);
