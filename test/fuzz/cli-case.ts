/**
 * The command line under fuzzing: a case's final workspace is written to a
 * temporary folder (sometimes with invalid UTF-8 bytes) and the bundled
 * dist/cli.js runs over it as a process, each run with a timeout.
 *
 * - `check ws --format json --as-of …`: exit 0 or 1 (never 2: the files are
 *   readable), one JSON object of the LANGUAGE.md §5 shape on stdout, exactly
 *   the findings of the language service over the same bytes.
 * - `soa ws --format md|html|csv|json`: exit 0, exactly the in-process export.
 * - `fmt --check ws`: 0 or 1 as the formatter says, or 2 with one line on
 *   stderr when a file has syntax errors; sometimes `fmt ws` too, which must
 *   write the formatted texts.
 */
import { isUtf8 } from 'node:buffer';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';

import { ALL_CODES, codeInfo } from '../../server/src/analysis/diagnostic-codes';
import { exportReport } from '../../server/src/features/export/export-report';
import { formatText } from '../../server/src/features/format';
import { riskRegister } from '../../server/src/features/risk-register';
import { soaTable } from '../../server/src/features/soa-table';
import { createLanguageService } from '../../server/src/language-service';
import { finalFiles, type FuzzCase } from './cases';
import { hashSeed, Rng } from './mutations';
import { AS_OF, FuzzFailure } from './pipeline';

export const CLI = path.join(process.cwd(), 'dist', 'cli.js');

export interface CliReport {
  readonly ms: number;
  readonly runs: number;
  /** The slowest process, in ms. */
  readonly slowest: number;
  readonly exitCodes: readonly string[];
}

const REPORT_KEYS = ['version', 'files', 'diagnostics', 'suppressed'];
const DIAGNOSTIC_KEYS = ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'clause', 'message'];

interface Positioned {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  code: string;
  clause: string | null;
  message: string;
}

function fail(message: string): never {
  throw new FuzzFailure('cli', message);
}

function check(condition: unknown, message: () => string): asserts condition {
  if (!condition) fail(message());
}

/** Bytes with invalid UTF-8 spliced in: overlong forms, stray continuation bytes, truncated sequences, 0xFF. */
function damagedBytes(text: string, rng: Rng): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  const bad = rng.pick([[0xff], [0xc0, 0xaf], [0x80], [0xe2, 0x82], [0xf0, 0x9f, 0x98], [0xed, 0xa0, 0x80], [0xfe, 0xff], [0xef, 0xbb, 0xbf]]);
  const at = rng.int(bytes.length + 1);
  return Buffer.concat([bytes.subarray(0, at), Buffer.from(bad), bytes.subarray(at)]);
}

export async function runCliCase(fuzzCase: FuzzCase, options: { timeoutMs: number; keep?: boolean }): Promise<CliReport> {
  const started = performance.now();
  const rng = new Rng(hashSeed(fuzzCase.seed, 'cli'));
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'isms-fuzz-'));
  const ws = path.join(root, 'ws');
  let runs = 0;
  let slowest = 0;
  const exitCodes: string[] = [];

  const run = (args: readonly string[]): SpawnSyncReturns<string> => {
    const t = performance.now();
    const result = spawnSync(process.execPath, [CLI, ...args], { cwd: root, encoding: 'utf8', timeout: options.timeoutMs, maxBuffer: 64 * 1024 * 1024, killSignal: 'SIGKILL' });
    const ms = performance.now() - t;
    runs++;
    slowest = Math.max(slowest, ms);
    const what = `isms ${args.join(' ')}`;
    if (result.error) fail(`${what}: ${(result.error as NodeJS.ErrnoException).code === 'ETIMEDOUT' ? `killed after ${options.timeoutMs} ms (a hang)` : result.error.message}`);
    check(result.signal === null, () => `${what}: killed by ${result.signal}\n${result.stderr}`);
    check(!/internal error|\n\s+at /.test(result.stderr), () => `${what}: exit ${result.status} with an internal error: ${result.stderr.slice(0, 2000)}`);
    exitCodes.push(`${args[0]}${args.includes('--check') ? ' --check' : ''}:${result.status}`);
    return result;
  };

  try {
    // The workspace on disk; the texts as the CLI will read them (UTF-8 decoding replaces what is invalid).
    const files = finalFiles(fuzzCase);
    if (Object.keys(files).length === 0) files['empty.isms'] = '';
    const texts: Record<string, string> = {};
    const damaged = rng.chance(0.2) ? rng.pick(Object.keys(files)) : undefined;
    for (const [file, text] of Object.entries(files)) {
      const target = path.join(ws, ...file.split('/'));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, file === damaged ? damagedBytes(text, rng) : text);
      texts[file] = fs.readFileSync(target, 'utf8');
    }
    const service = createLanguageService({
      asOf: AS_OF,
      documents: {
        exists(file) {
          try {
            return fs.statSync(path.join(ws, file)).isFile();
          } catch {
            return false;
          }
        },
      },
    });
    for (const [file, text] of Object.entries(texts)) service.setFile(file, text);
    const names = Object.keys(texts).sort();

    // isms check --format json
    const checked = run(['check', 'ws', '--format', 'json', '--as-of', AS_OF]);
    check(checked.status === 0 || checked.status === 1, () => `isms check exited ${checked.status}: ${checked.stderr.slice(0, 500)}`);
    check(checked.stderr === '', () => `isms check wrote to stderr: ${checked.stderr.slice(0, 500)}`);
    let report: { version: number; files: number; diagnostics: Positioned[] };
    try {
      report = JSON.parse(checked.stdout);
    } catch (error) {
      fail(`isms check --format json printed no JSON: ${(error as Error).message}: ${checked.stdout.slice(0, 200)}`);
    }
    check(isDeepStrictEqual(Object.keys(report), REPORT_KEYS), () => `report keys ${Object.keys(report)}`);
    check(report.version === 1 && report.files === names.length, () => `version ${report.version}, files ${report.files} (expected ${names.length})`);
    const codes = new Set<string>(ALL_CODES);
    let errors = 0;
    let previous: Positioned | undefined;
    for (const d of report.diagnostics) {
      check(isDeepStrictEqual(Object.keys(d), DIAGNOSTIC_KEYS), () => `diagnostic keys ${Object.keys(d)}`);
      check(names.some((name) => `ws/${name}` === d.file), () => `diagnostic in ${d.file}, not a workspace file`);
      check([d.line, d.column, d.endLine, d.endColumn].every((n) => Number.isInteger(n) && n >= 1), () => `positions not 1-based: ${JSON.stringify(d)}`);
      check(d.endLine > d.line || (d.endLine === d.line && d.endColumn >= d.column), () => `range ends before it starts: ${JSON.stringify(d)}`);
      check(codes.has(d.code) && d.severity === codeInfo(d.code as never).severity, () => `code/severity ${d.code}/${d.severity}`);
      check(d.clause === null || typeof d.clause === 'string', () => `clause ${d.clause}`);
      check(typeof d.message === 'string' && d.message.length > 0, () => 'empty message');
      if (previous) {
        const order = previous.file < d.file ? -1 : previous.file > d.file ? 1 : previous.line - d.line || previous.column - d.column;
        check(order <= 0, () => `not sorted: ${JSON.stringify(previous)} before ${JSON.stringify(d)}`);
      }
      if (d.severity === 'error') errors++;
      previous = d;
    }
    check(checked.status === (errors > 0 ? 1 : 0), () => `exit ${checked.status} with ${errors} errors`);
    // Exactly the language service's findings, positioned by the file's LineIndex.
    const expected = service.diagnostics().map((d) => {
      const lines = service.parsed(d.file)!.lines;
      const start = lines.position(d.start);
      const end = lines.position(d.end);
      return [`ws/${d.file}`, start.line + 1, start.column + 1, end.line + 1, end.column + 1, d.severity, d.code, d.clause, d.message].join('\u0001');
    });
    const actual = report.diagnostics.map((d) => DIAGNOSTIC_KEYS.map((key) => (d as unknown as Record<string, unknown>)[key]).join('\u0001'));
    const missing = expected.filter((e) => !actual.includes(e));
    check(actual.length === expected.length && missing.length === 0, () => `isms check differs from the language service: ${actual.length} vs ${expected.length} findings; first missing: ${missing[0]?.replace(/\u0001/g, ' | ')}`);

    // Sometimes SARIF too: valid, and as many results.
    if (rng.chance(0.15)) {
      const sarif = run(['check', 'ws', '--format', 'sarif', '--as-of', AS_OF]);
      check(sarif.status === checked.status, () => `sarif exit ${sarif.status}, json exit ${checked.status}`);
      const parsed = JSON.parse(sarif.stdout);
      check(parsed.version === '2.1.0' && parsed.runs[0].results.filter((r: { suppressions?: unknown }) => !r.suppressions).length === report.diagnostics.length, () => 'sarif results differ from the json diagnostics');
    }

    // isms soa --format …: exactly the in-process export.
    const format = rng.pick(['md', 'html', 'csv', 'json'] as const);
    const soa = run(['soa', 'ws', '--format', format, '--as-of', AS_OF]);
    check(soa.status === 0, () => `isms soa --format ${format} exited ${soa.status}: ${soa.stderr.slice(0, 500)}`);
    check(soa.stderr === '', () => `isms soa wrote to stderr: ${soa.stderr.slice(0, 500)}`);
    const { index, diagnostics } = service.analysis();
    const expectedSoa = await exportReport(format, { soa: soaTable(index, AS_OF, diagnostics), risks: riskRegister(index) });
    check(soa.stdout === expectedSoa, () => `isms soa --format ${format} differs from the in-process export (${soa.stdout.length} vs ${(expectedSoa as string).length} characters)`);

    {
      // isms fmt --check: what formatText says of each file.
      const formatted = names.map((name) => [name, formatText(texts[name])] as const);
      // isms fmt refuses files with syntax errors, and files that are not UTF-8 (issue 14).
      const notUtf8 = names.some((name) => !isUtf8(fs.readFileSync(path.join(ws, ...name.split('/')))));
      const refused = notUtf8 || formatted.some(([, result]) => result === undefined);
      const fmtCheck = run(['fmt', '--check', 'ws']);
      if (refused) {
        const lines = fmtCheck.stderr.trimEnd().split('\n');
        check(fmtCheck.status === 2, () => `isms fmt --check exited ${fmtCheck.status} on a file with syntax errors`);
        check(lines.length === 1 && /^isms: cannot format '.*': it (has syntax errors|is not valid UTF-8)/.test(lines[0]), () => `isms fmt --check: not one line: ${fmtCheck.stderr.slice(0, 500)}`);
      } else {
        const changed = formatted.filter(([, result]) => result!.changed).map(([name]) => `ws/${name}: would be reformatted`);
        check(fmtCheck.status === (changed.length > 0 ? 1 : 0), () => `isms fmt --check exited ${fmtCheck.status} with ${changed.length} files to reformat`);
        check(fmtCheck.stdout === changed.map((line) => line + '\n').join(''), () => `isms fmt --check listed ${JSON.stringify(fmtCheck.stdout)}, expected ${JSON.stringify(changed)}`);
        if (changed.length > 0 && rng.chance(0.3)) {
          const written = run(['fmt', 'ws']);
          check(written.status === 0, () => `isms fmt exited ${written.status}: ${written.stderr.slice(0, 500)}`);
          for (const [name, result] of formatted) {
            check(fs.readFileSync(path.join(ws, ...name.split('/')), 'utf8') === result!.text, () => `isms fmt wrote ${name} other than formatText formats it`);
          }
          const again = run(['fmt', '--check', 'ws']);
          check(again.status === 0 && again.stdout === '', () => `isms fmt --check after isms fmt exited ${again.status}: ${again.stdout.slice(0, 300)}`);
        }
      }
    }
    return { ms: performance.now() - started, runs, slowest, exitCodes };
  } finally {
    if (!options.keep) fs.rmSync(root, { recursive: true, force: true });
  }
}

