/**
 * Text positions and insertions shared by the quick fixes: line breaks,
 * indentation, "after this statement", "at the end of the file" and "as the
 * last line of this block". All in offsets of one file's current text.
 *
 * Every insertion keeps whatever it lands next to: a comment on the line of
 * the statement it follows stays on that line, a multi-line block comment is
 * stepped over, and the file's line break style (CRLF, LF or lone CR) is used
 * for the new lines.
 */
import type { ParsedFile, Statement } from '../../../../grammar/src';
import type { Entity } from '../../analysis/model';
import type { TextEdit } from '../feature-types';

/** The indentation unit of the canonical layout. */
export const INDENT = '  ';

/** The file's line break: that of its first line break, LF when it has none. */
export function lineBreakOf(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) return '\n';
    if (c === 13) return text.charCodeAt(i + 1) === 10 ? '\r\n' : '\r';
  }
  return '\n';
}

function isLineBreak(c: number): boolean {
  return c === 10 || c === 13;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 12 || c === 11 || c === 0xfeff;
}

/** The offset at which the line holding `offset` starts. */
export function lineStartOf(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && !isLineBreak(text.charCodeAt(i - 1))) i--;
  return i;
}

/** The offset of the line break that ends the line holding `offset` (the text's length on the last line). */
export function lineEndOf(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && !isLineBreak(text.charCodeAt(i))) i++;
  return i;
}

/** The offset just after the line break at `offset` (which must be a line end). */
export function afterLineBreak(text: string, offset: number): number {
  if (text.charCodeAt(offset) === 13 && text.charCodeAt(offset + 1) === 10) return offset + 2;
  return offset < text.length ? offset + 1 : offset;
}

/** The blanks at the start of the line holding `offset`. */
export function indentOf(text: string, offset: number): string {
  const start = lineStartOf(text, offset);
  let i = start;
  while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  return text.slice(start, i);
}

/** Whether only blanks stand between the start of its line and `offset`. */
export function startsItsLine(text: string, offset: number): boolean {
  for (let i = lineStartOf(text, offset); i < offset; i++) if (!isBlank(text.charCodeAt(i))) return false;
  return true;
}

/** Whether a comment starts or ends inside [start, end). */
export function hasCommentIn(parsed: ParsedFile, start: number, end: number): boolean {
  return parsed.comments.some((comment) => comment.start < end && comment.end > start);
}

/**
 * Where the line of the code ending at `offset` really ends: blanks and the
 * comments that start on that line are stepped over (a block comment may
 * span lines; the line it ends on counts). `clean` is false when other code
 * follows on that line.
 */
export function endOfCodeLine(parsed: ParsedFile, offset: number): { readonly at: number; readonly clean: boolean } {
  const text = parsed.text;
  let at = offset;
  for (;;) {
    while (at < text.length && isBlank(text.charCodeAt(at))) at++;
    const comment = parsed.comments.find((c) => c.start === at);
    if (!comment) break;
    at = comment.end;
  }
  return { at, clean: at >= text.length || isLineBreak(text.charCodeAt(at)) };
}

/**
 * Inserts top-level `lines` (already joined with the file's line break)
 * after the top-level code that ends at `offset`, separated from it by one
 * blank line.
 */
export function insertAfterCode(parsed: ParsedFile, offset: number, lines: string): TextEdit {
  const eol = lineBreakOf(parsed.text);
  const { at, clean } = endOfCodeLine(parsed, offset);
  return { start: at, end: at, newText: eol + eol + lines + (clean ? '' : eol) };
}

/**
 * Appends top-level `lines` after the last line that holds anything (code or
 * comment), separated from it by one blank line; into an empty file, at its
 * start. The file's trailing line break (if any) stays the last thing in it.
 */
export function appendToFile(parsed: ParsedFile, lines: string): TextEdit {
  const text = parsed.text;
  const eol = lineBreakOf(text);
  let contentEnd = text.length;
  // Only plain blanks and line breaks: \s would also skip, say, a U+3000 that ends a comment and move it out.
  while (contentEnd > 0 && /[ \t\r\n]/.test(text[contentEnd - 1])) contentEnd--;
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (contentEnd <= bom) return { start: bom, end: bom, newText: lines + eol };
  return insertAfterCode(parsed, contentEnd, lines);
}

/**
 * Adds a field line (`status planned`) as the last line of an entity's
 * block, indented like its other fields; creates the block when the entity
 * has none. Undefined when the block is not closed (the text is broken there).
 */
export function insertFieldLine(parsed: ParsedFile, entity: Entity, line: string): TextEdit | undefined {
  const text = parsed.text;
  const eol = lineBreakOf(text);
  const statement = entity.statement;
  const outer = indentOf(text, statement.start);
  const block = statement.block;
  if (!block) {
    const at = afterTrailingComma(text, statement);
    return { start: at, end: at, newText: ` {${eol}${outer}${INDENT}${line}${eol}${outer}}` };
  }
  if (!block.closed) return undefined;
  const close = block.end - 1;
  if (text[close] !== '}') return undefined;
  const indent = fieldIndent(text, entity) ?? outer + INDENT;
  if (startsItsLine(text, close) && lineStartOf(text, close) > block.open) {
    const at = lineStartOf(text, close);
    return { start: at, end: at, newText: `${indent}${line}${eol}` };
  }
  return { start: close, end: close, newText: `${eol}${indent}${line}${eol}${outer}` };
}

/**
 * Where a block goes after a statement's head: after its last argument, or
 * after the `,` that follows it (`risk R, {` is well formed; `risk R {…},` is not).
 */
function afterTrailingComma(text: string, statement: Statement): number {
  const last = statement.args[statement.args.length - 1];
  if (!last?.comma) return statement.end;
  let i = last.end;
  for (;;) {
    const c = text[i];
    if (c === ' ' || c === '\t') i++;
    else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      if (close < 0) return statement.end;
      i = close + 2;
    } else return c === ',' ? i + 1 : statement.end;
  }
}

/** The indentation of the entity's fields: that of the last field that starts its line. */
export function fieldIndent(text: string, entity: Entity): string | undefined {
  for (let i = entity.fields.length - 1; i >= 0; i--) {
    const start = entity.fields[i].start;
    if (startsItsLine(text, start)) return indentOf(text, start);
  }
  return undefined;
}

/**
 * The span that removes a whole field statement: its line with the line
 * break when the statement is alone on it; without the trailing comment
 * (which stays, on its own line) when one follows. Undefined when a comment
 * lies inside the statement (removing it would lose the comment).
 */
export function statementRemoval(parsed: ParsedFile, start: number, end: number): { readonly start: number; readonly end: number } | undefined {
  const text = parsed.text;
  if (hasCommentIn(parsed, start, end)) return undefined;
  const { at, clean } = endOfCodeLine(parsed, end);
  const lineStart = lineStartOf(text, start);
  const alone = startsItsLine(text, start);
  if (!alone || !clean) return { start, end };
  const trailingComment = hasCommentIn(parsed, end, at);
  if (trailingComment) {
    // Keep the comment where it is; drop the code and the blanks after it.
    let commentStart = end;
    while (isBlank(text.charCodeAt(commentStart))) commentStart++;
    return { start, end: commentStart };
  }
  if (at < text.length) return { start: lineStart, end: afterLineBreak(text, at) };
  // The last line of the file: take the line break before it instead.
  let before = lineStart;
  if (before > 0 && text.charCodeAt(before - 1) === 10) before--;
  if (before > 0 && text.charCodeAt(before - 1) === 13) before--;
  return { start: before, end: at };
}

/** The entity whose statement (head to `}`) holds `offset`. */
export function entityAt(entities: readonly Entity[], offset: number): Entity | undefined {
  return entities.find((entity) => entity.statement.start <= offset && offset < entity.statement.end);
}
