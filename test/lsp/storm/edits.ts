/**
 * Random incremental edits of one document, as an editor (or a misbehaving
 * client) sends them: insertions, deletions and replacements, pasted
 * statements, edits that break the syntax (unbalanced braces, unterminated
 * strings, text blocks and comments) and later repair it, edits at the end of
 * the document, and out-of-range positions (a line beyond the end, a character
 * beyond the line end, reversed and negative ranges).
 *
 * The client's copy of each document is its text as the LSP specification
 * applies the changes: in order, each range clamped (a line beyond the end
 * means the end of the document, a character beyond the line end means the
 * line end). Beside it, every change is also applied as
 * vscode-languageserver-textdocument's `TextDocument.update` applies it
 * unclamped (what the server's `TextDocuments` did before it clamped ranges
 * itself); changes after which the two differ are counted as divergences of
 * the library (see `hitsLineTableBug`), for the report.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-protocol';
import type { Random } from './random';

export interface RangeChange {
  range: Range;
  text: string;
}

/** Offsets at which lines start: LF, CRLF and a lone CR end a line (as LSP and the server count them). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10) starts.push(i + 1);
  }
  return starts;
}

/** The end of a line's own text (before its line break). */
function lineEnd(text: string, starts: readonly number[], line: number): number {
  const start = starts[line];
  let end = line + 1 < starts.length ? starts[line + 1] : text.length;
  if (end > start && text.charCodeAt(end - 1) === 10) end--;
  if (end > start && text.charCodeAt(end - 1) === 13) end--;
  return end;
}

export function positionOf(text: string, starts: readonly number[], offset: number): Position {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low, character: offset - starts[low] };
}

/** The offset of a position by the rule of the specification, clamped. */
export function specOffset(text: string, starts: readonly number[], position: Position): number {
  if (position.line < 0) return 0;
  if (position.line >= starts.length) return text.length;
  const start = starts[position.line];
  return start + Math.max(0, Math.min(position.character, lineEnd(text, starts, position.line) - start));
}

function ordered(range: Range): Range {
  const { start, end } = range;
  return start.line > end.line || (start.line === end.line && start.character > end.character) ? { start: end, end: start } : range;
}

function lineBreaks(text: string): number {
  return lineStarts(text).length - 1;
}

/**
 * Out-of-range changes of one shape corrupt the line table of
 * vscode-languageserver-textdocument 1.0.16 (`FullTextDocument.update`): a
 * range that starts on a line beyond the last one and spans as many lines as
 * its text has line breaks (≥ 1) writes the new line offsets past the end of
 * the table, leaving holes; later positions become NaN and later edits land in
 * the wrong place (text gets duplicated). The server clamps ranges before the
 * library applies them; the storm sends such changes (unless the sequence
 * `out-of-range-lines` is excluded) and checks that the server's text is the
 * specification's.
 */
export function hitsLineTableBug(lineCount: number, change: RangeChange): boolean {
  const { start, end } = ordered(change.range);
  const breaks = lineBreaks(change.text);
  return start.line >= lineCount && breaks >= 1 && end.line - start.line === breaks;
}

/** A piece of text inserted to break the syntax, and how it is later repaired. */
interface Marker {
  start: number;
  text: string;
  /** Text that closes it, inserted after it (instead of deleting it) when the repair completes rather than reverts. */
  closer: string;
}

const BREAKERS: readonly (readonly [string, string])[] = [
  ['{', '\n}'],
  ['}', ''],
  ['{\n', '}\n'],
  ['"', '"'],
  ['"unterminated string', '"'],
  ['"""', '\n"""'],
  ['"""\n  text block line', '\n"""'],
  ['/*', '*/'],
  ['/* block comment\n', '*/'],
  ['"\\', '"'],
];

const TOKENS = [
  ' ', ' ', '\n', '\n', '\t', '  ', ',', ', ', '-', '.', '{', '}', '"', '"""', '/*', '*/', '//', '// comment ', '\r\n', '\r', '\\', '\\"',
  'risk', 'asset', 'role', 'control', 'policy', 'scope', 'organization', 'risk-criteria', 'objective', 'measurement', 'audit', 'nonconformity',
  'owner', 'likelihood', 'impact', 'treatment', 'mitigate', 'accept', 'avoid', 'transfer', 'controls', 'residual-likelihood', 'residual-impact',
  'accepted-by', 'assessed', 'status', 'applicable', 'yes', 'no', 'justification', 'implemented', 'planned', 'document', 'evidence',
  'A.5.1', 'A.8.13', 'A.5.', 'A.12.3.1', 'A.9.9', 'R-1', 'R-', 'cto', 'ceo', 'ciso', '2026-01-15', '2026-13-45', '12 months', '3', '0', '6', '99', '-1',
  '"text"', '""', 'é', '€', '😀', '\u{1F600}'.slice(0, 1), '\u0000', '\u00a0', '\u2028', 'ß',
];

export type EditKind =
  | 'insert'
  | 'copy'
  | 'paste-statement'
  | 'delete'
  | 'delete-lines'
  | 'replace'
  | 'duplicate-line'
  | 'break'
  | 'repair'
  | 'at-end'
  | 'out-of-range'
  | 'reversed'
  | 'line-ending';

const KINDS: readonly (readonly [EditKind, number])[] = [
  ['insert', 18],
  ['copy', 8],
  ['paste-statement', 4],
  ['delete', 14],
  ['delete-lines', 5],
  ['replace', 10],
  ['duplicate-line', 3],
  ['break', 10],
  ['repair', 12],
  ['at-end', 5],
  ['out-of-range', 6],
  ['reversed', 2],
  ['line-ending', 3],
];

export interface EditOptions {
  /** Top-level statements (whole blocks) to paste, from the example files. */
  readonly statements: readonly string[];
  /** Also send out-of-range changes of the shape that corrupts TextDocument's line table (see hitsLineTableBug). */
  readonly outOfRangeLines: boolean;
}

/** One document as the client holds it: its text by the specification, and the break markers to repair. */
export class StormDocument {
  private current: string;
  private versionNumber: number;
  /** The same changes applied unclamped by TextDocument.update, to count where the library departs from the specification. */
  private raw: TextDocument;
  private markers: Marker[] = [];
  /** Changes after which TextDocument.update (unclamped) gave another text than the specification's rule. */
  divergences = 0;

  constructor(
    readonly uri: string,
    text: string,
    version: number,
  ) {
    this.current = text;
    this.versionNumber = version;
    this.raw = TextDocument.create(uri, 'isms', version, text);
  }

  get text(): string {
    return this.current;
  }

  get version(): number {
    return this.versionNumber;
  }

  /** Applies one change at `version` by the specification's rule, and keeps the markers in place. */
  apply(change: RangeChange, version: number): void {
    const before = this.current;
    const starts = lineStarts(before);
    const range = ordered(change.range);
    const start = specOffset(before, starts, range.start);
    const end = specOffset(before, starts, range.end);
    this.current = before.slice(0, start) + change.text + before.slice(end);
    this.versionNumber = version;
    TextDocument.update(this.raw, [change], version);
    if (this.raw.getText() !== this.current) {
      this.divergences++;
      this.raw = TextDocument.create(this.uri, 'isms', version, this.current);
    }
    const delta = change.text.length - (end - start);
    this.markers = this.markers.flatMap((m) => {
      const mEnd = m.start + m.text.length;
      if (end <= m.start) return [{ ...m, start: m.start + delta }];
      if (start >= mEnd) return [m];
      return [];
    });
  }

  /** Registers text just inserted at `start` as a break to repair later. */
  private mark(start: number, text: string, closer: string): void {
    this.markers.push({ start, text, closer });
  }

  /**
   * A random change against the current text. `afterApply` must be called
   * once the change is applied (it records break markers).
   */
  randomChange(rng: Random, options: EditOptions): { change: RangeChange; kind: EditKind; afterApply: () => void } {
    const text = this.text;
    const starts = lineStarts(text);
    const pos = (offset: number) => positionOf(text, starts, Math.max(0, Math.min(offset, text.length)));
    const at = () => rng.int(0, text.length);
    const lineStart = () => starts[rng.int(0, starts.length - 1)];
    const range = (s: number, e: number): Range => ({ start: pos(s), end: pos(e) });
    const token = () => rng.pick(TOKENS);
    const noop = () => {};
    let kind = rng.weighted(KINDS);
    if (kind === 'repair' && this.markers.length === 0) kind = 'break';

    switch (kind) {
      case 'insert': {
        const s = at();
        let inserted = token();
        while (rng.chance(0.3)) inserted += token();
        return { kind, change: { range: range(s, s), text: inserted }, afterApply: noop };
      }
      case 'copy': {
        const from = at();
        const piece = text.slice(from, from + rng.int(1, 60));
        const s = at();
        return { kind, change: { range: range(s, s), text: piece }, afterApply: noop };
      }
      case 'paste-statement': {
        const s = rng.chance(0.8) ? lineStart() : at();
        return { kind, change: { range: range(s, s), text: `${rng.pick(options.statements)}\n` }, afterApply: noop };
      }
      case 'delete': {
        const s = at();
        return { kind, change: { range: range(s, Math.min(text.length, s + rng.int(1, 20))), text: '' }, afterApply: noop };
      }
      case 'delete-lines': {
        const line = rng.int(0, starts.length - 1);
        const last = Math.min(starts.length - 1, line + rng.int(1, 5));
        return { kind, change: { range: { start: { line, character: 0 }, end: { line: last, character: 0 } }, text: '' }, afterApply: noop };
      }
      case 'replace': {
        const s = at();
        const e = Math.min(text.length, s + rng.int(1, 12));
        return { kind, change: { range: range(s, e), text: rng.chance(0.5) ? token() : text.slice(at()).slice(0, rng.int(1, 12)) }, afterApply: noop };
      }
      case 'duplicate-line': {
        const line = rng.int(0, starts.length - 1);
        const s = starts[line];
        const e = line + 1 < starts.length ? starts[line + 1] : text.length;
        return { kind, change: { range: range(e, e), text: text.slice(s, e) || '\n' }, afterApply: noop };
      }
      case 'break': {
        const [breaker, closer] = rng.pick(BREAKERS);
        const s = rng.chance(0.5) ? at() : lineStart();
        return {
          kind,
          change: { range: range(s, s), text: breaker },
          afterApply: () => this.mark(s, breaker, closer),
        };
      }
      case 'repair': {
        const index = rng.int(0, this.markers.length - 1);
        const marker = this.markers[index];
        this.markers.splice(index, 1);
        if (text.slice(marker.start, marker.start + marker.text.length) !== marker.text) return this.randomChange(rng, options);
        const markerEnd = marker.start + marker.text.length;
        if (marker.closer && rng.chance(0.35)) {
          // Complete it: the closer at the end of the marker's line (or a few lines on).
          const line = positionOf(text, starts, markerEnd).line;
          const target = Math.min(starts.length - 1, line + rng.int(0, 3));
          const e = lineEnd(text, starts, target);
          return { kind, change: { range: range(Math.max(e, markerEnd), Math.max(e, markerEnd)), text: marker.closer }, afterApply: noop };
        }
        return { kind, change: { range: range(marker.start, markerEnd), text: '' }, afterApply: noop };
      }
      case 'at-end': {
        const end = pos(text.length);
        const which = rng.int(0, 3);
        if (which === 0) return { kind, change: { range: { start: end, end }, text: rng.pick(['\n', ' ', '}', '// end', '"', '\nrisk', token()]) }, afterApply: noop };
        if (which === 1) return { kind, change: { range: range(Math.max(0, text.length - rng.int(1, 30)), text.length), text: '' }, afterApply: noop };
        if (which === 2) return { kind, change: { range: { start: end, end: { line: end.line + rng.int(1, 3), character: rng.int(0, 40) } }, text: token() }, afterApply: noop };
        return { kind, change: { range: range(Math.max(0, text.length - rng.int(1, 10)), text.length), text: token() }, afterApply: noop };
      }
      case 'out-of-range': {
        const lineCount = starts.length;
        const line = rng.int(0, lineCount - 1);
        const width = lineEnd(text, starts, line) - starts[line];
        const shapes: Range[] = [
          // a character beyond the line end
          { start: { line, character: width + rng.int(1, 200) }, end: { line, character: width + rng.int(1, 200) } },
          { start: { line, character: rng.int(0, width) }, end: { line, character: width + rng.int(1, 50) } },
          { start: { line, character: width + rng.int(1, 9) }, end: { line: Math.min(lineCount - 1, line + rng.int(0, 3)), character: rng.int(0, 300) } },
          // a line beyond the end
          { start: { line: lineCount + rng.int(0, 50), character: rng.int(0, 20) }, end: { line: lineCount + rng.int(0, 50), character: rng.int(0, 20) } },
          { start: { line, character: rng.int(0, width) }, end: { line: lineCount + rng.int(0, 10), character: 0 } },
          { start: { line: lineCount + 1000, character: 0 }, end: { line: lineCount + 1000, character: 0 } },
          // negative (not even a uinteger)
          { start: { line: -1, character: 0 }, end: { line: 0, character: rng.int(-3, 3) } },
          { start: { line, character: -5 }, end: { line, character: 2 } },
        ];
        if (options.outOfRangeLines && rng.chance(0.3)) {
          // The shape that corrupts TextDocument's line table (see hitsLineTableBug).
          const first = lineCount + rng.int(0, 3);
          return { kind, change: { range: { start: { line: first, character: 0 }, end: { line: first + 1, character: 0 } }, text: `${token()}\n${token()}` }, afterApply: noop };
        }
        const change: RangeChange = { range: rng.pick(shapes), text: rng.chance(0.5) ? '' : rng.chance(0.5) ? token() : `${token()}\n${token()}` };
        if (!options.outOfRangeLines && hitsLineTableBug(lineCount, change)) change.text += '\n';
        return { kind, change, afterApply: noop };
      }
      case 'reversed': {
        const s = at();
        const e = Math.min(text.length, s + rng.int(1, 15));
        return { kind, change: { range: { start: pos(e), end: pos(s) }, text: rng.chance(0.5) ? '' : token() }, afterApply: noop };
      }
      case 'line-ending': {
        const s = lineStart();
        const e = s > 0 ? s : 0;
        // Turn the break before a line into CRLF or a lone CR, or insert one.
        if (e > 0 && text.charCodeAt(e - 1) === 10 && text.charCodeAt(e - 2) !== 13) {
          return { kind, change: { range: range(e - 1, e), text: rng.pick(['\r\n', '\r']) }, afterApply: noop };
        }
        return { kind, change: { range: range(e, e), text: rng.pick(['\r\n', '\r', '\n']) }, afterApply: noop };
      }
    }
  }
}

/** Every top-level block (from a line starting with a letter to the next `}` line) of a text: statements to paste. */
export function harvestStatements(text: string): string[] {
  const out: string[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!/^[a-z]/.test(lines[i]) || !lines[i].trimEnd().endsWith('{')) continue;
    const end = lines.indexOf('}', i);
    if (end > i && end - i < 40) out.push(lines.slice(i, end + 1).join('\n'));
  }
  return out;
}

/** Text edits (all against one text, as LSP gives them) as changes to apply in order: from the last to the first. */
export function editsAsChanges(text: string, edits: readonly { range: Range; newText: string }[]): RangeChange[] | undefined {
  const starts = lineStarts(text);
  const withOffsets = edits.map((e, i) => ({ e, i, s: specOffset(text, starts, ordered(e.range).start), t: specOffset(text, starts, ordered(e.range).end) }));
  // Last first; of edits at the same place, the later one first, so that insertions keep their given order.
  withOffsets.sort((a, b) => b.s - a.s || b.t - a.t || b.i - a.i);
  for (let i = 1; i < withOffsets.length; i++) {
    if (withOffsets[i].t > withOffsets[i - 1].s) return undefined; // overlapping edits
  }
  return withOffsets.map(({ e }) => ({ range: e.range, text: e.newText }));
}
