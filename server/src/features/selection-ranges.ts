/**
 * Smart selection: for each offset, the ranges around it from the innermost
 * out, each holding the one before:
 *
 * string contents → argument → the arguments of a list (`A.8.7, A.8.13`) →
 * the statement's head (name and arguments, without the block) → the
 * statement → the contents of the enclosing block (first to last statement)
 * → the enclosing statement → … → the whole document.
 *
 * On a statement's name the chain starts at the name; in a comment, at the
 * comment (then the ranges around it). Spans that do not hold the offset
 * are skipped, so between statements the chain may be just the document.
 */
import type { ParsedFile } from '../../../grammar/src';
import type { Snapshot } from '../analysis/snapshot';
import { findStatement } from './cursor-context';

export interface SelectionRange {
  readonly start: number;
  readonly end: number;
  readonly parent?: SelectionRange;
}

type Span = readonly [start: number, end: number];

export function selectionRanges(snapshot: Snapshot, file: string, offsets: readonly number[]): SelectionRange[] {
  const parsed = snapshot.parsed(file);
  if (!parsed) return offsets.map((offset) => ({ start: offset, end: offset }));
  return offsets.map((offset) => chain(parsed, Math.max(0, Math.min(offset, parsed.text.length))));
}

function chain(parsed: ParsedFile, offset: number): SelectionRange {
  // Outermost first; spans that do not hold the offset are dropped below.
  const spans: Span[] = [[0, parsed.text.length]];
  let statements = parsed.statements;
  for (;;) {
    const statement = findStatement(statements, offset);
    if (!statement) break;
    spans.push([statement.start, statement.end]);
    const block = statement.block;
    if (block && offset > block.open && (!block.closed || offset < block.end)) {
      const inner = block.statements;
      if (inner.length > 0) spans.push([inner[0].start, inner[inner.length - 1].end]);
      else spans.push([block.open + 1, block.closed ? block.end - 1 : block.end]);
      statements = inner;
      continue;
    }
    const args = statement.args;
    const headEnd = args.length > 0 ? args[args.length - 1].end : statement.nameEnd;
    if (offset > headEnd) break;
    spans.push([statement.start, headEnd]);
    if (offset <= statement.nameEnd) {
      spans.push([statement.nameStart, statement.nameEnd]);
      break;
    }
    const argument = args.find((a) => offset >= a.start && offset <= a.end);
    if (argument) {
      if (args.length > 1) spans.push([args[0].start, headEnd]);
      spans.push([argument.start, argument.end]);
      const quote = argument.kind === 'string' ? 1 : argument.kind === 'textblock' ? 3 : 0;
      const closed = argument.kind === 'string' ? argument.image.length >= 2 && argument.image.endsWith('"') : argument.image.length >= 6 && argument.image.endsWith('"""');
      if (quote > 0 && closed && offset >= argument.start + quote && offset <= argument.end - quote) {
        spans.push([argument.start + quote, argument.end - quote]);
      }
    }
    break;
  }
  const comment = commentAt(parsed, offset);
  if (comment) spans.push([comment.start, comment.end]);
  let result: SelectionRange | undefined;
  for (const [start, end] of spans) {
    if (offset < start || offset > end) continue;
    if (result && (start < result.start || end > result.end || (start === result.start && end === result.end))) continue;
    result = result ? { start, end, parent: result } : { start, end };
  }
  return result!;
}

/** The comment that holds the offset (comments are sorted). */
function commentAt(parsed: ParsedFile, offset: number) {
  const comments = parsed.comments;
  let low = 0;
  let high = comments.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const c = comments[mid];
    if (offset < c.start) high = mid - 1;
    else if (offset > c.end) low = mid + 1;
    else return c;
  }
  return undefined;
}

