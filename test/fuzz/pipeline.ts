/**
 * The in-process pipeline a fuzz case goes through, and the invariants it
 * must keep: parse → analysis → incremental re-analysis → SoA and risk
 * register → every export → formatter → editor features at random offsets.
 * Nothing may throw, every range stays inside its file, incremental
 * analysis equals a fresh one (which gets the files in another order), the
 * fast path and Chevrotain agree, the formatter keeps tokens and text-block
 * values and is idempotent, exports keep their structure and neutralise
 * hostile cells, renames and quick fixes keep a well-formed file well formed.
 *
 * A broken invariant throws a {@link FuzzFailure} naming the stage; any other
 * exception is wrapped into one. Timing is measured per stage.
 */
import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';

import { decodeTextBlock, MAX_SYNTAX_ERRORS, parse, parseWithRecovery, tokenize, tokenTypes, type ParsedFile, type Statement } from '../../grammar/src';
import type { Diagnostic } from '../../server/src/analysis/diagnostic';
import { ALL_CODES, codeInfo, type DiagnosticCode } from '../../server/src/analysis/diagnostic-codes';
import { clauseStatus } from '../../server/src/features/clause-status';
import { codeActions } from '../../server/src/features/code-actions/code-actions';
import { codeLenses } from '../../server/src/features/code-lenses';
import { completions } from '../../server/src/features/completion';
import { definition } from '../../server/src/features/definition';
import { documentHighlights } from '../../server/src/features/document-highlight';
import { documentLinks } from '../../server/src/features/document-links';
import { documentSymbols, type DocumentSymbol } from '../../server/src/features/document-symbols';
import { exportReport, type ExportFormat } from '../../server/src/features/export/export-report';
import { isFormulaLike } from '../../server/src/features/export/cell-safety';
import { applyEdits, type WorkspaceEdit } from '../../server/src/features/feature-types';
import { foldingRanges } from '../../server/src/features/folding';
import { formatEdits, formatText } from '../../server/src/features/format';
import { hover } from '../../server/src/features/hover';
import { inlayHints } from '../../server/src/features/inlay-hints';
import { references } from '../../server/src/features/references';
import { prepareRename, rename } from '../../server/src/features/rename';
import { riskRegister } from '../../server/src/features/risk-register';
import { selectionRanges, type SelectionRange } from '../../server/src/features/selection-ranges';
import { semanticTokens } from '../../server/src/features/semantic-tokens';
import { soaTable } from '../../server/src/features/soa-table';
import { workspaceSymbols } from '../../server/src/features/workspace-symbols';
import { createLanguageService, type LanguageService } from '../../server/src/language-service';
import { finalFiles, type FuzzCase } from './cases';
import { hashSeed, Rng } from './mutations';

const Tokens = tokenTypes();

export const AS_OF = '2026-11-27';

/** A case (all stages of one workspace) must finish within this: a hang detector with room for a loaded machine. */
export const SLOW_MS = 2000;

/** The stages of the in-process pipeline, and `cli` for the command-line runs. */
export type Stage = 'parse' | 'analysis' | 'incremental' | 'soa' | 'export' | 'xlsx' | 'format' | 'features' | 'cli';
export type PipelineStage = Exclude<Stage, 'cli'>;
export const STAGES: readonly PipelineStage[] = ['parse', 'analysis', 'incremental', 'soa', 'export', 'xlsx', 'format', 'features'];

/** A broken invariant (or an exception) in one stage of the pipeline. */
export class FuzzFailure extends Error {
  constructor(
    readonly stage: Stage,
    message: string,
    override readonly cause?: unknown,
  ) {
    super(`[${stage}] ${message}`);
    this.name = 'FuzzFailure';
    if (cause instanceof Error && cause.stack) this.stack = `${this.name}: ${this.message}\ncaused by ${cause.stack}`;
  }
}

function check(condition: unknown, stage: Stage, message: () => string): asserts condition {
  if (!condition) throw new FuzzFailure(stage, message());
}

/** What one case reached: for coverage statistics. */
export interface CaseReport {
  readonly ms: number;
  readonly stageMs: Readonly<Record<PipelineStage, number>>;
  readonly codes: readonly DiagnosticCode[];
  /** Syntax error messages with numbers and quoted text blanked: the kinds of error met. */
  readonly syntaxErrors: readonly string[];
  /** Features that returned something, e.g. `completion:reference`, `hover`, `rename`. */
  readonly features: readonly string[];
  /** Whether the formatter accepted each file (`format:ok`, `format:refused`) and the fast path took it. */
  readonly paths: readonly string[];
}

/** A stable resolver for `document-not-found`: some paths exist, others do not. */
const DOCUMENTS = { exists: (file: string) => hashSeed(file) % 3 === 0 };

function newService(files: Readonly<Record<string, string>>): LanguageService {
  const service = createLanguageService({ asOf: AS_OF, documents: DOCUMENTS });
  for (const [file, text] of Object.entries(files)) service.setFile(file, text);
  return service;
}

/** Runs a stage, turning an exception into a FuzzFailure and adding its time. */
function stage<T>(name: PipelineStage, times: Record<PipelineStage, number>, run: () => T): T {
  const started = performance.now();
  try {
    return run();
  } catch (error) {
    if (error instanceof FuzzFailure) throw error;
    throw new FuzzFailure(name, `threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`, error);
  } finally {
    times[name] += performance.now() - started;
  }
}

async function stageAsync<T>(name: PipelineStage, times: Record<PipelineStage, number>, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await run();
  } catch (error) {
    if (error instanceof FuzzFailure) throw error;
    throw new FuzzFailure(name, `threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`, error);
  } finally {
    times[name] += performance.now() - started;
  }
}

/** A message with quoted text, file names and numbers blanked: the kind of a syntax error or failure. */
export function errorKind(message: string): string {
  return message
    .replace(/[^\s'"]*\.isms\b/g, 'F.isms')
    .replace(/"(?:[^"\\]|\\.)*"/g, '"…"')
    .replace(/'[\s\S]*?'(?=:|$)/g, "'…'")
    .replace(/'[^'\n]*'/g, "'…'")
    .replace(/\d+/g, 'N');
}

// ---------------------------------------------------------------------------
// The pipeline

export interface PipelineOptions {
  /** Offsets probed per file by completion, hover, definition, … */
  readonly probes?: number;
  /**
   * The share of cases (0–1) that also ask for quick fixes (on the line of each probed offset, and on the
   * whole file when it is small): in bounds, not overlapping, and a well-formed file stays well formed.
   */
  readonly codeActions?: number;
}

export async function runPipeline(fuzzCase: FuzzCase, options: PipelineOptions = {}): Promise<CaseReport> {
  const started = performance.now();
  const times = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<PipelineStage, number>;
  const codes = new Set<DiagnosticCode>();
  const syntaxErrors = new Set<string>();
  const features = new Set<string>();
  const paths = new Set<string>();
  const final = finalFiles(fuzzCase);

  // 1. The parser, on every text the case produces.
  stage('parse', times, () => {
    const texts = new Set([...Object.values(fuzzCase.files), ...Object.values(final)]);
    for (const text of texts) {
      if (passedBefore(checkedParses, text)) continue;
      const parsed = parse(text);
      checkParsed(text, parsed);
      for (const error of parsed.errors) syntaxErrors.add(errorKind(error.message));
      if (parsed.errors.length === 0) {
        // A text the fast path took must also be well-formed for Chevrotain, with the same tree.
        const slow = parseWithRecovery(text);
        check(slow.errors.length === 0, 'parse', () => `the fast path accepted a text Chevrotain rejects: ${slow.errors[0]?.message}`);
        check(sameTree(slow.statements, parsed.statements), 'parse', () => 'the fast path and Chevrotain build different trees');
        paths.add('parse:clean');
      } else {
        paths.add('parse:errors');
      }
      remember(checkedParses, text);
    }
  });

  // 2. The analysis of the first workspace.
  const service = stage('analysis', times, () => {
    const service = newService(fuzzCase.files);
    const diagnostics = service.diagnostics();
    checkDiagnostics(service, diagnostics, 'analysis');
    for (const d of diagnostics) codes.add(d.code);
    clauseStatus(diagnostics);
    return service;
  });

  // 3. Incremental re-analysis: the edit applied to the live service equals a fresh analysis.
  stage('incremental', times, () => {
    const edit = fuzzCase.edit;
    if (edit.kind === 'remove') check(service.removeFile(edit.file), 'incremental', () => `removeFile(${edit.file}) found nothing`);
    else service.setFile(edit.file, edit.text);
    const incremental = service.diagnostics();
    checkDiagnostics(service, incremental, 'incremental');
    for (const d of incremental) codes.add(d.code);
    // The fresh service gets the files in reverse order: findings must not depend on the order a host adds files in.
    const fresh = newService(Object.fromEntries(Object.entries(final).reverse()));
    const expected = normalised(fresh.diagnostics());
    const actual = normalised(incremental);
    if (!isDeepStrictEqual(actual, expected)) {
      const sameOrder = normalised(newService(final).diagnostics());
      check(
        isDeepStrictEqual(sameOrder, expected),
        'analysis',
        () => `the findings depend on the order files are added in: ${firstDifference(sameOrder, expected)}`,
      );
      check(false, 'incremental', () => `incremental diagnostics differ from a fresh analysis: ${firstDifference(actual, expected)}`);
    }
    if (edit.kind !== 'remove') {
      const tree = service.parsed(edit.file)!;
      const full = parse(edit.text);
      check(sameTree(tree.statements, full.statements), 'incremental', () => `the re-parsed tree of ${edit.file} differs from a full parse`);
      check(isDeepStrictEqual(tree.errors, full.errors), 'incremental', () => `the re-parsed syntax errors of ${edit.file} differ from a full parse`);
      check(isDeepStrictEqual(tree.lines.lineStarts, full.lines.lineStarts), 'incremental', () => `the line index of ${edit.file} differs from a full parse`);
    }
  });

  // 4. The SoA and the risk register.
  const report = stage('soa', times, () => {
    const { index, diagnostics } = service.analysis();
    // With the workspace's errors, so that the exports carry the draft banner (§7.6) when the case has errors.
    const soa = soaTable(index, AS_OF, diagnostics);
    const risks = riskRegister(index);
    check(soa.rows.length >= 93, 'soa', () => `the SoA has ${soa.rows.length} rows, fewer than the 93 Annex A controls`);
    for (const row of soa.rows) if (row.location) checkRange(service, row.location.file, row.location.start, row.location.end, 'soa', `SoA row ${row.id}`);
    for (const summary of soa.themes) check(summary.declared <= summary.total && summary.applicable + summary.excluded <= summary.declared, 'soa', () => `inconsistent theme summary ${JSON.stringify(summary)}`);
    JSON.stringify(risks);
    return { soa, risks };
  });

  // 5. Every text export (unless this very SoA and register were exported before: exports are pure), and xlsx for a subset.
  const exported = stage('export', times, () => JSON.stringify(report));
  if (!passedBefore(checkedExports, exported)) {
    for (const format of ['md', 'html', 'csv', 'json'] as const satisfies readonly ExportFormat[]) {
      const out = await stageAsync('export', times, () => exportReport(format, report));
      stage('export', times, () => checkExport(format, out, report.soa.rows.length));
    }
    remember(checkedExports, exported);
    paths.add('export:new');
  } else {
    paths.add('export:seen');
  }
  if (fuzzCase.xlsx) {
    const out = await stageAsync('xlsx', times, () => exportReport('xlsx', report));
    check(out instanceof Uint8Array && out.length > 100 && out[0] === 0x50 && out[1] === 0x4b, 'xlsx', () => 'xlsx export is not a zip file');
  }

  // 6. The formatter: undefined exactly when the text has syntax errors, else idempotent and token-preserving.
  stage('format', times, () => {
    for (const [file, text] of Object.entries(final)) {
      if (passedBefore(checkedFormats, text)) continue;
      const result = formatText(text);
      const errors = service.parsed(file)!.errors.length;
      if (!result) {
        check(errors > 0, 'format', () => `formatText refused ${file}, which parses without errors`);
        check(formatEdits(text) === undefined, 'format', () => 'formatEdits gives edits where formatText refuses');
        paths.add('format:refused');
        remember(checkedFormats, text);
        continue;
      }
      paths.add(result.changed ? 'format:changed' : 'format:unchanged');
      check(errors === 0, 'format', () => `formatText formatted ${file}, which has syntax errors`);
      check(result.changed === (result.text !== text), 'format', () => '`changed` is wrong');
      const again = formatText(result.text);
      check(again !== undefined && again.text === result.text && !again.changed, 'format', () => `not idempotent on ${file}${again ? '' : ': the formatted text does not parse'}`);
      check(parse(result.text).errors.length === 0, 'format', () => `the formatted ${file} has syntax errors`);
      const before = contentOf(text);
      const after = contentOf(result.text);
      check(isDeepStrictEqual(before, after), 'format', () => `the formatter changed the tokens of ${file}: ${firstDifference(after, before)}`);
      const blocksBefore = textBlockValues(text);
      const blocksAfter = textBlockValues(result.text);
      check(isDeepStrictEqual(blocksBefore, blocksAfter), 'format', () => `the formatter changed a text block's value in ${file}: ${firstDifference(blocksAfter, blocksBefore)}`);
      const edits = formatEdits(text)!;
      let applied = text;
      for (let i = edits.length - 1; i >= 0; i--) {
        const edit = edits[i];
        check(edit.start >= 0 && edit.start <= edit.end && edit.end <= text.length && (i === 0 || edits[i - 1].end <= edit.start), 'format', () => 'format edits out of bounds or overlapping');
        applied = applied.slice(0, edit.start) + edit.newText + applied.slice(edit.end);
      }
      check(applied === result.text, 'format', () => 'the format edits do not give the formatted text');
      remember(checkedFormats, text);
    }
  });

  // 7. Editor features at random offsets (and whole-file ones).
  stage('features', times, () => probeFeatures(service, new Rng(fuzzCase.probeSeed), options, features, fuzzCase.probeSeed));

  return { ms: performance.now() - started, stageMs: times, codes: [...codes], syntaxErrors: [...syntaxErrors], features: [...features], paths: [...paths] };
}

/**
 * Texts whose pure checks (parse, format) already passed: unmutated example
 * files recur in many cases, and checking them again finds nothing new.
 */
const checkedParses = new Set<string>();
const checkedFormats = new Set<string>();
const checkedExports = new Set<string>();

/** Whether a text's checks have passed before (a text that failed is checked again: minimisation re-runs it). */
function passedBefore(passed: Set<string>, text: string): boolean {
  return passed.has(text);
}

function remember(passed: Set<string>, text: string): void {
  if (passed.size > 500) passed.clear();
  passed.add(text);
}

// ---------------------------------------------------------------------------
// Parse invariants

function checkParsed(text: string, parsed: ParsedFile): void {
  const len = text.length;
  check(parsed.text === text, 'parse', () => 'the tree does not hold its text');
  const inText = (start: number, end: number) => Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= len;
  for (const error of parsed.errors) {
    check(inText(error.start, error.end), 'parse', () => `syntax error out of bounds: ${JSON.stringify(error)} in ${len}`);
    check(!error.message.startsWith('internal parser error'), 'parse', () => error.message);
    check(error.message.length > 0, 'parse', () => 'an empty syntax error message');
  }
  check(parsed.errors.length <= MAX_SYNTAX_ERRORS + 1, 'parse', () => `${parsed.errors.length} syntax errors, more than the limit`);
  for (const comment of parsed.comments) {
    check(inText(comment.start, comment.end) && text.slice(comment.start, comment.end) === comment.text, 'parse', () => `comment out of place: ${JSON.stringify(comment).slice(0, 200)}`);
  }
  const walk = (statements: readonly Statement[], from: number, to: number): void => {
    let previous = from;
    for (const s of statements) {
      check(inText(s.start, s.end) && s.start >= previous && s.end <= to, 'parse', () => `statement ${JSON.stringify(s.name)} at ${s.start}–${s.end} outside ${previous}–${to}`);
      check(s.nameStart === s.start && text.slice(s.nameStart, s.nameEnd) === s.name, 'parse', () => `statement name ${JSON.stringify(s.name)} is not the text at ${s.nameStart}`);
      let argFrom = s.nameEnd;
      for (const arg of s.args) {
        check(arg.start >= argFrom && arg.end <= s.end && text.slice(arg.start, arg.end) === arg.image, 'parse', () => `argument ${JSON.stringify(arg.image).slice(0, 80)} out of place`);
        argFrom = arg.end;
      }
      if (s.block) {
        check(s.block.open >= argFrom && text[s.block.open] === '{' && s.block.end <= s.end && s.block.end > s.block.open, 'parse', () => `block of ${s.name} out of place`);
        if (s.block.closed) check(text[s.block.end - 1] === '}', 'parse', () => `closed block of ${s.name} does not end at '}'`);
        walk(s.block.statements, s.block.open + 1, s.block.end);
      }
      previous = s.end;
    }
  };
  walk(parsed.statements, 0, len);
  const lines = parsed.lines;
  for (const offset of [0, len, Math.floor(len / 2)]) {
    if (text[offset - 1] === '\r' && text[offset] === '\n') continue; // inside a CRLF: no position of its own
    const position = lines.position(offset);
    check(position.line >= 0 && position.column >= 0 && lines.offset(position.line, position.column) === offset, 'parse', () => `LineIndex round trip fails at ${offset}`);
  }
}

/** Trees equal as plain data (the slow comparison only when the quick one fails on a detail such as an absent vs undefined key). */
function sameTree(a: readonly Statement[], b: readonly Statement[]): boolean {
  return isDeepStrictEqual(a, b) || isDeepStrictEqual(JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(b)));
}

// ---------------------------------------------------------------------------
// Diagnostics

function checkDiagnostics(service: LanguageService, diagnostics: readonly Diagnostic[], at: Stage): void {
  const codes = new Set<string>(ALL_CODES);
  for (const d of diagnostics) {
    const what = `${d.code} "${d.message.slice(0, 80)}"`;
    check(service.hasFile(d.file), at, () => `${what} names a file not in the workspace: ${d.file}`);
    checkRange(service, d.file, d.start, d.end, at, what);
    check(codes.has(d.code), at, () => `unknown code ${d.code}`);
    check(d.severity === codeInfo(d.code).severity, at, () => `${what} has severity ${d.severity}, not ${codeInfo(d.code).severity}`);
    check(typeof d.message === 'string' && d.message.trim().length > 0, at, () => `${d.code} has no message`);
    check(d.clause === null || typeof d.clause === 'string', at, () => `${what} has clause ${String(d.clause)}`);
    for (const related of d.related ?? []) {
      check(service.hasFile(related.file), at, () => `${what}: related location in a file not in the workspace: ${related.file}`);
      checkRange(service, related.file, related.start, related.end, at, `${what} (related)`);
    }
  }
}

function checkRange(service: LanguageService, file: string, start: number, end: number, at: Stage, what: string): void {
  const text = service.text(file);
  check(text !== undefined, at, () => `${what}: no such file ${file}`);
  check(
    Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= text.length,
    at,
    () => `${what}: range ${start}–${end} outside ${file} (length ${text.length})`,
  );
}

/** Diagnostics as sorted strings, one each (ties in the analysis's order broken by the whole finding). */
function normalised(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics
    .map((d) => [d.file, d.start, d.end, d.code, d.severity, d.clause, d.message, JSON.stringify(d.related ?? null), JSON.stringify(d.data ?? null)].join('\u0001'))
    .sort();
}

function firstDifference(actual: readonly unknown[], expected: readonly unknown[]): string {
  if (actual.length !== expected.length) return `${actual.length} findings instead of ${expected.length}; ${firstDifferenceAt(actual, expected)}`;
  return firstDifferenceAt(actual, expected);
}

function firstDifferenceAt(actual: readonly unknown[], expected: readonly unknown[]): string {
  for (let i = 0; i < Math.max(actual.length, expected.length); i++) {
    if (!isDeepStrictEqual(actual[i], expected[i])) return `at #${i}: got ${JSON.stringify(actual[i])?.slice(0, 300)}, expected ${JSON.stringify(expected[i])?.slice(0, 300)}`;
  }
  return 'none';
}

// ---------------------------------------------------------------------------
// The formatter: token images and comments in order (whitespace inside text blocks, comments and durations normalised)

export function contentOf(text: string): string[] {
  const lexed = tokenize(text);
  const all = [...lexed.tokens, ...(lexed.groups.comments ?? [])].sort((a, b) => a.startOffset - b.startOffset);
  return all
    .filter((token) => token.tokenType !== Tokens.Newline)
    .map((token) => {
      const type = token.tokenType;
      const spaced = type === Tokens.TextBlock || type === Tokens.BlockComment || type === Tokens.LineComment || type === Tokens.Duration;
      return `${type.name} ${spaced ? token.image.replace(/\s+/g, ' ').trim() : token.image}`;
    });
}

/** The decoded values of the text blocks of a text. */
function textBlockValues(text: string): string[] {
  return tokenize(text)
    .tokens.filter((token) => token.tokenType === Tokens.TextBlock)
    .map((token) => decodeTextBlock(token.image));
}

// ---------------------------------------------------------------------------
// Exports

const HOSTILE_MARKUP = /<fuzzxss/i;

function checkExport(format: ExportFormat, out: string | Uint8Array, soaRows: number): void {
  check(typeof out === 'string' && out.length > 0, 'export', () => `${format} export is empty or not text`);
  switch (format) {
    case 'json':
      try {
        JSON.parse(out);
      } catch (error) {
        throw new FuzzFailure('export', `json export does not parse: ${(error as Error).message}`);
      }
      break;
    case 'html':
      check(!HOSTILE_MARKUP.test(out), 'export', () => 'html export contains unescaped markup from the input');
      break;
    case 'md': {
      check(!HOSTILE_MARKUP.test(out), 'export', () => 'markdown export contains raw HTML from the input');
      // Every table row has as many cells as its header.
      let columns = -1;
      for (const line of out.split('\n')) {
        if (!line.startsWith('|')) {
          columns = -1;
          continue;
        }
        const cells = line.replace(/\\./g, '').split('|').length;
        if (columns < 0) columns = cells;
        check(cells === columns, 'export', () => `markdown table row with ${cells - 2} cells instead of ${columns - 2}: ${line.slice(0, 200)}`);
      }
      break;
    }
    case 'csv': {
      // The document control line and, in a draft, the banner come first: one-field records starting with '#' (§7.6).
      const rows = parseCsv(out.replace(/^\ufeff/, '')).filter((row) => !(row.length === 1 && row[0].startsWith('#')));
      check(rows.length === soaRows + 1, 'export', () => `csv has ${rows.length - 1} rows for ${soaRows} SoA rows`);
      for (const row of rows) {
        check(row.length === rows[0].length, 'export', () => `csv row with ${row.length} cells instead of ${rows[0].length}`);
        for (const cell of row) check(!isFormulaLike(cell), 'export', () => `csv cell may be read as a formula: ${JSON.stringify(cell).slice(0, 100)}`);
      }
      break;
    }
  }
}

/** RFC 4180 with CRLF records (as the export writes them). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  const cell = /"((?:[^"]|"")*)"|([^",\r\n]*)/y;
  let i = 0;
  while (i < text.length) {
    cell.lastIndex = i;
    const m = cell.exec(text)!;
    row.push(m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2]);
    i = cell.lastIndex;
    if (text[i] === ',') {
      i++;
    } else {
      check(text.startsWith('\r\n', i), 'export', () => `csv: a cell not followed by ',' or CRLF at ${i}: ${JSON.stringify(text.slice(i, i + 20))}`);
      i += 2;
      rows.push(row);
      row = [];
    }
  }
  return rows;
}

// ---------------------------------------------------------------------------
// Editor features

/** Offsets worth probing: anywhere, the ends, and next to punctuation, quotes and line breaks. */
function probeOffsets(text: string, rng: Rng, count: number): number[] {
  const offsets = new Set<number>([0, text.length]);
  const wanted = Math.min(count + 2, text.length + 1);
  for (let tries = 0; offsets.size < wanted && tries < 10 * wanted; tries++) {
    const at = rng.int(text.length + 1);
    offsets.add(rng.chance(0.5) ? at : Math.min(text.length, Math.max(0, at + rng.range(-1, 1))));
    if (rng.chance(0.3)) {
      const next = text.slice(at).search(/[{}",\n\r]/);
      if (next >= 0) offsets.add(at + next + rng.int(2));
    }
  }
  return [...offsets].sort((a, b) => a - b);
}

function probeFeatures(service: LanguageService, rng: Rng, options: PipelineOptions, hits: Set<string>, probeSeed: number): void {
  const at: Stage = 'features';
  // Decided by a hash, not by rng: the offsets probed stay the same whatever the share.
  const codeActionsToo = (hashSeed(probeSeed, 'code-actions') % 1000) / 1000 < (options.codeActions ?? 0);
  const files = service.fileNames();
  for (const file of files) {
    const text = service.text(file)!;
    const len = text.length;
    const lines = service.parsed(file)!.lines;
    const lastLine = lines.position(len).line;
    const offsets = probeOffsets(text, rng, options.probes ?? 6);
    for (const offset of offsets) {
      for (const item of completions(service, file, offset, AS_OF)) {
        hits.add(`completion:${item.kind}`);
        check(typeof item.label === 'string' && item.label.length > 0 && typeof item.insertText === 'string', at, () => `completion item without label at ${offset}`);
        checkRange(service, file, item.replace.start, item.replace.end, at, `completion ${item.label} at ${offset}`);
        check(item.replace.start <= offset && offset <= item.replace.end, at, () => `completion ${item.label} replaces ${item.replace.start}–${item.replace.end}, not around ${offset}`);
      }
      const shown = hover(service, file, offset);
      if (shown) {
        hits.add('hover');
        check(typeof shown.markdown === 'string' && shown.markdown.length > 0, at, () => `empty hover at ${offset}`);
        checkRange(service, file, shown.range.start, shown.range.end, at, `hover at ${offset}`);
      }
      for (const target of definition(service, file, offset)) {
        hits.add('definition');
        checkRange(service, target.file, target.start, target.end, at, `definition at ${offset}`);
      }
      for (const found of references(service, file, offset, rng.chance(0.5))) {
        hits.add('references');
        checkRange(service, found.file, found.start, found.end, at, `reference at ${offset}`);
      }
      for (const highlight of documentHighlights(service, file, offset)) {
        hits.add('highlight');
        checkRange(service, file, highlight.range.start, highlight.range.end, at, `highlight at ${offset}`);
      }
      const prepared = prepareRename(service, file, offset);
      if (!('error' in prepared)) {
        hits.add('prepare-rename');
        checkRange(service, file, prepared.start, prepared.end, at, `prepareRename at ${offset}`);
        if (rng.chance(0.3)) {
          const renamed = rename(service, file, offset, rng.pick(['Fuzz-1', 'x', 'A.8.1', 'cto']));
          if (!('error' in renamed)) {
            hits.add('rename');
            checkEdit(service, renamed, `rename at ${offset}`);
            keepsWellFormed(service, renamed, `rename at ${offset}`);
          }
        }
      }
    }
    for (const chain of selectionRanges(service, file, offsets)) {
      let range: SelectionRange | undefined = chain;
      while (range) {
        checkRange(service, file, range.start, range.end, at, 'selection range');
        const parent: SelectionRange | undefined = range.parent;
        if (parent) check(parent.start <= range.start && range.end <= parent.end, at, () => `selection range ${range!.start}–${range!.end} not inside its parent ${parent.start}–${parent.end}`);
        range = parent;
      }
    }
    const walkSymbols = (symbols: readonly DocumentSymbol[]): void => {
      for (const symbol of symbols) {
        hits.add('symbol');
        checkRange(service, file, symbol.range.start, symbol.range.end, at, `symbol ${symbol.name}`);
        checkRange(service, file, symbol.selectionRange.start, symbol.selectionRange.end, at, `symbol ${symbol.name} (selection)`);
        check(symbol.range.start <= symbol.selectionRange.start && symbol.selectionRange.end <= symbol.range.end, at, () => `symbol ${symbol.name}: selection range outside its range`);
        walkSymbols(symbol.children);
      }
    };
    walkSymbols(documentSymbols(service, file));
    for (const range of foldingRanges(service, file)) {
      hits.add('folding');
      check(range.startLine >= 0 && range.startLine < range.endLine && range.endLine <= lastLine, at, () => `folding range ${range.startLine}–${range.endLine} outside lines 0–${lastLine}`);
    }
    let previousEnd = 0;
    for (const token of semanticTokens(service, file)) {
      hits.add('semantic-token');
      checkRange(service, file, token.start, token.start + token.length, at, `semantic token ${token.type}`);
      check(token.length > 0 && token.start >= previousEnd, at, () => `semantic token ${token.type} at ${token.start} overlaps the previous one or is empty`);
      previousEnd = token.start + token.length;
    }
    for (const hint of inlayHints(service, file, { start: 0, end: len })) {
      hits.add('inlay-hint');
      check(hint.offset >= 0 && hint.offset <= len, at, () => `inlay hint at ${hint.offset} outside ${file}`);
    }
    for (const lens of codeLenses(service, file)) {
      hits.add('code-lens');
      checkRange(service, file, lens.range.start, lens.range.end, at, `code lens ${lens.title}`);
    }
    for (const link of documentLinks(service, file)) {
      hits.add('document-link');
      checkRange(service, file, link.start, link.end, at, `document link ${link.target}`);
    }
    if (codeActionsToo) {
      // As an editor asks: the line at each probed offset; the whole file only when it is small
      // (each action re-parses its file to check it, so a whole large broken file takes seconds).
      const ranges = offsets.map((offset) => {
        const { line } = lines.position(offset);
        return [lines.offset(line, 0), lines.offset(line + 1, 0)];
      });
      if (len < 4000) ranges.push([0, len]);
      for (const [start, end] of ranges) {
        for (const action of codeActions(service, file, start, end)) {
          hits.add(`quick-fix:${action.diagnostic.code}`);
          checkEdit(service, action.edit, `quick fix '${action.title}'`);
          keepsWellFormed(service, action.edit, `quick fix '${action.title}' for ${action.diagnostic.code}`);
        }
      }
    }
  }
  for (const symbol of workspaceSymbols(service, rng.pick(['', 'r', 'A.8', 'cto', 'zz']))) {
    hits.add('workspace-symbol');
    checkRange(service, symbol.location.file, symbol.location.start, symbol.location.end, at, `workspace symbol ${symbol.name}`);
  }
}

/**
 * An edit of a well-formed file keeps it well formed and keeps its comments.
 * (For files with syntax errors the quick fixes check this themselves.)
 */
function keepsWellFormed(service: LanguageService, edit: WorkspaceEdit, what: string): void {
  for (const [file, edits] of Object.entries(edit.changes)) {
    const before = service.parsed(file)!;
    if (before.errors.length > 0) continue;
    const after = parse(applyEdits(before.text, edits));
    check(after.errors.length === 0, 'features', () => `${what} makes ${file} ill-formed: ${after.errors[0].message} at ${after.errors[0].start}`);
    // Trailing blanks of a comment may move after an insertion at the end of its line: they are not lost.
    const trimmed = (text: string) => text.replace(/\s+$/, '');
    const comments = new Set(after.comments.map((c) => trimmed(c.text)));
    for (const comment of before.comments) check(comments.has(trimmed(comment.text)), 'features', () => `${what} loses the comment ${JSON.stringify(comment.text).slice(0, 80)} of ${file}`);
  }
}

function checkEdit(service: LanguageService, edit: WorkspaceEdit, what: string): void {
  for (const [file, edits] of Object.entries(edit.changes)) {
    const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
    sorted.forEach((e, i) => {
      checkRange(service, file, e.start, e.end, 'features', what);
      if (i > 0) check(sorted[i - 1].end <= e.start, 'features', () => `${what}: overlapping edits in ${file}`);
    });
  }
}
