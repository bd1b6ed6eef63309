#!/usr/bin/env node
// The cost cases of issue 14, each run by `isms check` in a fresh process:
//
//   duplicate-ids-8000   one id declared 8,000 times in one file (104 KB)
//   lines-1M             1,000,000 lines of `x` (2 MB)
//   arguments-2M         one field with 2,000,000 arguments on one line (10 MB)
//   symlink-dag-14       14 folders, each with two links to the next (2^14 paths)
//   link-to-root         a link `r -> /` in the workspace
//
//   npm run bench:hostile            # builds dist/, then runs this script
//   node bench/hostile.mjs [--json]  # figures as JSON on stdout
//
// For each: wall time, peak resident size (GNU time's %M, or the child's
// maxRSS from process.resourceUsage() in a wrapper when GNU time is absent) and
// the size of the output. PASS when within 5 s and 300 MB; exit code 1 when a
// case fails (or the CLI crashes: exit code other than 0 or 1).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CASES } from './hostile-cases.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const CLI = resolve(HERE, '..', 'dist', 'cli.js');
const LIMIT_SECONDS = 5;
const LIMIT_MB = 300;
const json = process.argv.includes('--json');

if (!existsSync(CLI)) {
  console.error(`missing ${CLI}: run npm run build first`);
  process.exit(1);
}

const GNU_TIME = existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-f', '%M', 'true'], { encoding: 'utf8' }).status === 0;

/** Runs `node dist/cli.js check PATH` in `cwd`: seconds, peak RSS in MB, output bytes, exit code. */
function measure(cwd, target) {
  const args = [CLI, 'check', target, '--as-of', '2026-11-27'];
  const started = process.hrtime.bigint();
  let result;
  let peakKb;
  if (GNU_TIME) {
    result = spawnSync('/usr/bin/time', ['-f', 'ISMS_PEAK_KB=%M', process.execPath, ...args], { cwd, maxBuffer: 1 << 30 });
    const stderr = result.stderr.toString();
    peakKb = Number(/ISMS_PEAK_KB=(\d+)/.exec(stderr)?.[1]);
    // GNU time's own lines are not the CLI's.
    result.stderr = Buffer.from(stderr.replace(/ISMS_PEAK_KB=\d+\n?/, '').replace(/Command exited with non-zero status \d+\n/, ''));
  } else {
    const wrapper = `const r=require('child_process').spawnSync(process.execPath,${JSON.stringify(args)},{stdio:['ignore','inherit','inherit']});process.stderr.write('ISMS_PEAK_KB='+process.resourceUsage().maxRSS+'\\n');process.exit(r.status??2)`;
    result = spawnSync(process.execPath, ['-e', wrapper], { cwd, maxBuffer: 1 << 30 });
    const stderr = result.stderr.toString();
    peakKb = Number(/ISMS_PEAK_KB=(\d+)/.exec(stderr)?.[1]);
    result.stderr = Buffer.from(stderr.replace(/ISMS_PEAK_KB=\d+\n?/, ''));
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { seconds, peakMb: peakKb / 1024, outputBytes: result.stdout.length, stderrBytes: result.stderr.length, exitCode: result.status };
}

const rows = [];
for (const [name, generate] of Object.entries(CASES)) {
  const dir = mkdtempSync(join(tmpdir(), `isms-hostile-${name}-`));
  try {
    const target = generate(dir);
    const figures = measure(dir, target);
    const pass = figures.seconds <= LIMIT_SECONDS && figures.peakMb <= LIMIT_MB && (figures.exitCode === 0 || figures.exitCode === 1);
    rows.push({ name, ...figures, pass });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const table = [
  'case                 time (s)   peak RSS (MB)   output (bytes)   stderr (bytes)   exit   result',
  ...rows.map(
    (r) =>
      `${r.name.padEnd(20)} ${r.seconds.toFixed(2).padStart(8)}   ${r.peakMb.toFixed(0).padStart(13)}   ${String(r.outputBytes).padStart(14)}   ${String(r.stderrBytes).padStart(14)}   ${String(r.exitCode).padStart(4)}   ${r.pass ? 'PASS' : 'FAIL'}`,
  ),
  `limits: ${LIMIT_SECONDS} s and ${LIMIT_MB} MB per case (peak RSS ${GNU_TIME ? 'from GNU time' : 'from process.resourceUsage'})`,
];
if (json) {
  console.error(table.join('\n'));
  console.log(JSON.stringify(rows, null, 2));
} else {
  console.log(table.join('\n'));
}
process.exitCode = rows.every((r) => r.pass) ? 0 : 1;
