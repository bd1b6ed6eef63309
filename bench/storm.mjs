#!/usr/bin/env node
// The edit storm, longer than the one `npm test` runs (test/lsp/edit-storm.test.ts):
// the language server (dist/server.js --stdio) on copies of examples/clinic and
// examples/flawed (two workspace folders), driven with random incremental
// didChange notifications (seeded), requests of every kind in between, quick
// fixes, renames and formatting applied, documents closed and opened, files
// created, changed and deleted on disk. See test/lsp/storm/storm.ts.
//
//   npm run bench:storm                 # builds dist/, then runs this script
//   node bench/storm.mjs [--edits N] [--seed S] [--checkpoint N] [--rss-every N]
//                        [--timeout S] [--exclude none|SEQUENCE,...] [--json]
//
// It reports the counts (edits, changes, requests by method with their errors
// and latencies, disk events), every checkpoint's comparison with a fresh
// analysis, the server's RSS series and peak RSS (VmHWM), and the load average.
// Exit code 1 when the storm failed (a request unanswered, the server gone, a
// logged failure, diagnostics that differ from a fresh analysis), else 0.
//
// --exclude leaves sequences out (see `Sequence` in test/lsp/storm/storm.ts:
// fifo, reopen-race, out-of-range-lines, folder-events, isms-named-folder-events,
// link-to-folder, disk-bursts). By default those of the bugs still open are left
// out (OPEN_BUGS; reproducers in test/lsp/storm/known-bugs.test.ts);
// `--exclude none` runs them all.

import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readOptions } from './options.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '..');
const ENTRY = join(REPO, 'test/lsp/storm/storm.ts');
const BUNDLE = join(HERE, '.work/build/storm.cjs');

const USAGE = 'usage: node bench/storm.mjs [--edits N] [--seed S] [--checkpoint N] [--rss-every N] [--timeout S] [--exclude none|SEQUENCE,...] [--json]';
const options = readOptions(
  'bench/storm',
  USAGE,
  {
    edits: { type: 'int' },
    seed: { type: 'int' },
    checkpoint: { type: 'int' },
    'rss-every': { type: 'int' },
    timeout: { type: 'int', key: 'timeoutS' },
    exclude: { type: 'string', parse: (value) => value.split(',').filter((v) => v && v !== 'none') },
    json: { type: 'flag' },
  },
  { edits: 20_000, seed: 27001, checkpoint: 1000, rssEvery: 100, timeoutS: 60, exclude: undefined, json: false },
);
const say = options.json ? (...a) => console.error(...a) : (...a) => console.log(...a);

// The storm is TypeScript (shared with the test): bundle it, then load it here.
process.chdir(REPO);
const esbuild = await import('esbuild');
mkdirSync(dirname(BUNDLE), { recursive: true });
await esbuild.build({ entryPoints: [ENTRY], outfile: BUNDLE, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' });
const { runStorm, formatReport, rssGrowth, SEQUENCES, OPEN_BUGS } = createRequire(import.meta.url)(BUNDLE);
const exclude = options.exclude ?? [...OPEN_BUGS];
for (const sequence of exclude) {
  if (!SEQUENCES.includes(sequence)) {
    console.error(`bench/storm: unknown sequence ${sequence} (${SEQUENCES.join(', ')})\n${USAGE}`);
    process.exit(2);
  }
}

say(`edit storm: ${options.edits} edits, seed ${options.seed}, checkpoints every ${options.checkpoint}, left out: ${exclude.join(', ') || 'nothing'}, Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, load average ${loadavg().map((v) => v.toFixed(2)).join(' ')}`);
const report = await runStorm({
  seed: options.seed,
  edits: options.edits,
  checkpointEvery: options.checkpoint,
  rssEvery: options.rssEvery,
  requestTimeoutMs: options.timeoutS * 1000,
  exclude,
  log: (line) => say(`  ${line}`),
});
say('');
say(formatReport(report));
if (options.json) {
  const growth = report.rss.length >= 6 ? rssGrowth(report.rss) : undefined;
  console.log(JSON.stringify({ ...report, rssGrowth: growth }, null, 2));
}
process.exitCode = report.failures.length > 0 || !report.serverAlive ? 1 : 0;
