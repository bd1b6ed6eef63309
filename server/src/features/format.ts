/**
 * The canonical formatter (`isms fmt`, "Format Document", "Format Selection"):
 * a pure function over text, token based. The lexer's tokens and its comments
 * are merged by offset into one stream and laid out again, so every token and
 * every comment is kept by construction; only whitespace changes (plus the
 * blank-free forms of durations, text blocks and comments described below).
 * A text with syntax errors is never reformatted: nothing may be lost.
 *
 * Canonical layout
 *
 * Indentation and spacing
 * - Indent 2 spaces per block depth; a line starting with `}` is at the outer
 *   depth. No trailing whitespace (inside comments and text blocks too). The
 *   file ends with exactly one line break; leading and trailing blank lines
 *   are removed (an empty or blank file becomes empty).
 * - Within a line, tokens are separated by one space; no space before `,`,
 *   one space after `,` unless the line ends there. A `{` is preceded by one
 *   space; an empty block written on one line is `{}`. A trailing `//`
 *   comment is separated from the code by one space.
 * - A statement written on the line of the `{` that opens its block
 *   (`a { b`) moves to a line of its own.
 * - Exception, so that the tokens stay the same: a number written directly
 *   against a name (`12months`, which is two tokens) is left as written, since
 *   `12 months` would be one duration token.
 * - Continuation lines (the last code before them is a `,` ending a line,
 *   trailing comments ignored) are indented one level (2 spaces) deeper than
 *   their statement; a comment line inside such a list is indented likewise.
 *
 * Blank lines
 * - Top level: exactly one blank line between top-level statements. Comment
 *   lines directly above a statement stay attached to it (the blank line goes
 *   above the comment group); a blank line the author left between a comment
 *   and the next statement or comment is kept (one). A comment after a
 *   statement is always separated from it by one blank line.
 * - Inside blocks (and inside continuation lists): runs of blank lines collapse
 *   to one; no blank line right after a line ending with `{` or right before
 *   `}`.
 *
 * Literals and comments
 * - Text blocks (`"""…"""` spanning lines) whose opening `"""` ends its line:
 *   the content lines are re-indented to (indent of the line holding the
 *   opening `"""`) + 2, keeping their relative indentation (the value is
 *   defined with the common indentation removed, so it does not change); the
 *   closing `"""` goes at that line's indent when it was alone on its line
 *   (when not, whatever stands before it on its line is kept).
 *   A text block with content on the line of its opening `"""` keeps its
 *   lines as written (re-indenting them could change the value). A one-line
 *   text block is kept verbatim. The value of a text block never changes
 *   (checked; when in doubt the block is kept as written).
 * - Block comments spanning lines are kept verbatim (only the first line
 *   moves; trailing whitespace is removed). Strings are verbatim. A
 *   duration's inner whitespace becomes one space (`12   months` → `12 months`).
 *
 * File
 * - Line breaks keep the file's style: if the first line break is CRLF, the
 *   output uses CRLF, else LF (mixed files are normalised, text blocks and
 *   block comments included). A BOM at the start is kept.
 * - Idempotent: formatting formatted text changes nothing.
 *
 * Range formatting changes only whole lines that intersect the range; a line
 * whose statement spans several lines by a multi-line text block or comment
 * is formatted only when all its lines are in the range.
 */
import { decodeTextBlock, parse, tokenize, tokenTypes, type IToken } from '../../../grammar/src';
import type { TextEdit } from './feature-types';

export interface FormatResult {
  readonly text: string;
  readonly changed: boolean;
}


/** undefined when the text has syntax errors: a file that does not parse is never reformatted (nothing may be lost). */
export function formatText(text: string): FormatResult | undefined {
  const units = formatUnits(text);
  if (!units) return undefined;
  const formatted = joinUnits(text, units);
  return { text: formatted, changed: formatted !== text };
}

/**
 * Minimal edits turning `text` into the formatted text, limited to whole lines
 * that intersect [rangeStart, rangeEnd) when given (range formatting).
 * Offsets into the original text; edits are sorted and do not overlap.
 */
export function formatEdits(text: string, range?: { start: number; end: number }): TextEdit[] | undefined {
  const units = formatUnits(text);
  if (!units) return undefined;
  const lines = range ? lineSpan(text, range) : undefined;
  const edits: TextEdit[] = [];
  for (const unit of units) {
    if (lines && (unit.start < lines.start || unit.end > lines.end)) continue;
    const edit = minimalEdit(text, unit.start, unit.end, unit.newText);
    if (edit) edits.push(edit);
  }
  return edits;
}

// ---------------------------------------------------------------------------
// Units: the original text partitioned into logical lines, each with its
// formatted replacement.

/** One logical line of the original (a blank line, or the items up to a line break), with its formatted text. */
interface Unit {
  /** Offsets of the whole span in the original text, line break included. */
  readonly start: number;
  readonly end: number;
  newText: string;
}

/** A token or a comment: the lexer's own objects, merged by offset. */
type Item = IToken;

const BOM = '\ufeff';
const INDENT = '  ';
const LINE_BREAK = /\r\n|\r|\n/;

function isComment(item: Item): boolean {
  const Tokens = tokenTypes();
  return item.tokenType === Tokens.LineComment || item.tokenType === Tokens.BlockComment;
}

function endOf(item: Item): number {
  return item.startOffset + item.image.length;
}

function joinUnits(text: string, units: readonly Unit[]): string {
  const parts: string[] = text.startsWith(BOM) ? [BOM] : [];
  for (const unit of units) parts.push(unit.newText);
  return parts.join('');
}

/** The units of a text that parses, with their formatted text; undefined on syntax errors. */
function formatUnits(text: string): Unit[] | undefined {
  if (parse(text).errors.length > 0) return undefined;
  const base = text.startsWith(BOM) ? 1 : 0;
  const body = text.slice(base);
  const eol = LINE_BREAK.exec(text)?.[0] === '\r\n' ? '\r\n' : '\n';
  const items = lexItems(body);
  if (!items) return undefined;
  const units = layout(items, body, eol);
  // Safety net: the formatted text must say exactly what the original says.
  const formatted = lexItems(units.map((u) => u.newText).join(''));
  if (!formatted || !sameContent(items, formatted)) return undefined;
  if (base > 0) return units.map((u) => ({ start: u.start + base, end: u.end + base, newText: u.newText }));
  return units;
}

/** Tokens (newlines included) and comments of a text, by offset; undefined on lexical errors. */
function lexItems(text: string): Item[] | undefined {
  const lexed = tokenize(text);
  if (lexed.errors.length > 0) return undefined;
  const tokens = lexed.tokens;
  const comments = lexed.groups.comments ?? [];
  if (comments.length === 0) return tokens;
  const items: Item[] = [];
  let i = 0;
  let j = 0;
  while (i < tokens.length || j < comments.length) {
    if (j >= comments.length || (i < tokens.length && tokens[i].startOffset < comments[j].startOffset)) {
      items.push(tokens[i++]);
    } else {
      items.push(comments[j++]);
    }
  }
  return items;
}

type TopLevelKind = 'none' | 'comment' | 'statement';

/**
 * The layout proper: indentation, spacing and blank lines, line by line.
 * Items are addressed by index ranges [from, to) to keep allocation low.
 */
function layout(items: readonly Item[], body: string, eol: string): Unit[] {
  const Tokens = tokenTypes();
  const length = body.length;
  const units: Unit[] = [];
  let depth = 0;
  let last: Item | undefined; // the last code token so far
  let previousTop: TopLevelKind = 'none';
  let previousEndsWithOpen = false;
  let pendingBlanks: Unit[] = [];

  /** Lays out items[from, to): one output line (a logical line, or part of one split after `{`). */
  const segment = (from: number, to: number, first: boolean): string => {
    let text = '';
    let firstCode: Item | undefined;
    let lastCodeHere: Item | undefined;
    for (let k = from; k < to; k++) {
      if (!isComment(items[k])) {
        firstCode ??= items[k];
        lastCodeHere = items[k];
      }
    }
    const continuation = last?.tokenType === Tokens.Comma;
    const closes = firstCode?.tokenType === Tokens.RBrace;
    const topLevel = depth === 0 && !continuation && !closes;

    if (first) {
      const hadBlank = pendingBlanks.length > 0;
      let blanks: number;
      if (previousTop === 'none') blanks = 0; // leading blank lines
      else if (topLevel) blanks = previousTop === 'statement' || hadBlank ? 1 : 0;
      else blanks = closes || previousEndsWithOpen ? 0 : hadBlank ? 1 : 0;
      if (blanks === 1 && hadBlank) pendingBlanks[0].newText = eol;
      else if (blanks === 1) text += eol;
      pendingBlanks = [];
      if (topLevel) previousTop = firstCode ? 'statement' : 'comment';
    }

    const level = Math.max(0, depth - (closes ? 1 : 0) + (continuation ? 1 : 0));
    const indent = INDENT.repeat(level);
    text += indent + renderSegment(items, from, to, indent, eol, body) + eol;

    for (let k = from; k < to; k++) {
      const item = items[k];
      if (isComment(item)) continue;
      if (item.tokenType === Tokens.LBrace) depth++;
      else if (item.tokenType === Tokens.RBrace) depth = Math.max(0, depth - 1);
    }
    if (lastCodeHere) last = lastCodeHere;
    previousEndsWithOpen = lastCodeHere?.tokenType === Tokens.LBrace;
    return text;
  };

  /** Lays out the logical line items[from, to), split after each `{` followed by code other than `}` (`a { b` → `a {` / `b`). */
  const line = (start: number, end: number, from: number, to: number): void => {
    const unit: Unit = { start, end, newText: '' };
    units.push(unit);
    if (from === to) {
      pendingBlanks.push(unit);
      return;
    }
    let text = '';
    let segmentFrom = from;
    let afterOpen = false;
    for (let k = from; k < to; k++) {
      const item = items[k];
      if (isComment(item)) continue;
      if (afterOpen && item.tokenType !== Tokens.RBrace) {
        text += segment(segmentFrom, k, segmentFrom === from);
        segmentFrom = k;
      }
      afterOpen = item.tokenType === Tokens.LBrace;
    }
    text += segment(segmentFrom, to, segmentFrom === from);
    unit.newText = text;
  };

  let start = 0;
  let from = 0;
  for (let k = 0; k < items.length; k++) {
    const item = items[k];
    if (item.tokenType !== Tokens.Newline) continue;
    line(start, endOf(item), from, k);
    start = endOf(item);
    from = k + 1;
  }
  if (start < length || from < items.length) line(start, length, from, items.length);
  // Trailing blank lines stay removed (their newText is '').
  return units;
}

function renderSegment(items: readonly Item[], from: number, to: number, indent: string, eol: string, body: string): string {
  let out = '';
  for (let k = from; k < to; k++) {
    if (k > from) out += separator(items[k - 1], items[k], body);
    out += renderItem(items[k], indent, eol);
  }
  return out.trimEnd();
}

function separator(previous: Item, item: Item, body: string): string {
  const Tokens = tokenTypes();
  if (item.tokenType === Tokens.Comma) return '';
  if (previous.tokenType === Tokens.LBrace && item.tokenType === Tokens.RBrace) return '';
  if (previous.tokenType === Tokens.NumberLiteral && item.tokenType === Tokens.Name) {
    // `12months` is a number and a name; `12 months` would be one duration.
    if (endOf(previous) === item.startOffset) return '';
    // So is `12<BOM>months` (only a space or tab joins a duration): keep that blank as it is.
    if (DURATION_UNIT.test(item.image)) return body.slice(endOf(previous), item.startOffset);
  }
  return ' ';
}

const DURATION_UNIT = /^(?:days?|weeks?|months?|years?)$/;

function renderItem(item: Item, indent: string, eol: string): string {
  const Tokens = tokenTypes();
  switch (item.tokenType) {
    case Tokens.Duration:
      return item.image.replace(/[ \t]+/, ' ');
    case Tokens.TextBlock:
      return renderTextBlock(item.image, indent, eol);
    case Tokens.BlockComment:
      return item.image
        .split(LINE_BREAK)
        .map((line, i, all) => (i < all.length - 1 ? line.trimEnd() : line))
        .join(eol);
    case Tokens.LineComment:
      return item.image.trimEnd();
    default:
      return item.image;
  }
}

/** Re-indents a multi-line text block under `indent` without changing its value. */
function renderTextBlock(image: string, indent: string, eol: string): string {
  if (!LINE_BREAK.test(image)) return image;
  const lines = image.slice(3, -3).split(LINE_BREAK);
  const value = decodeTextBlock(image);
  const verbatim = '"""' + lines.map((line, i) => (i < lines.length - 1 ? line.trimEnd() : line)).join(eol) + '"""';
  let candidate = verbatim;
  if (lines[0].trim() === '') {
    const closingAlone = lines[lines.length - 1].trim() === '';
    const content = lines.slice(1, closingAlone ? -1 : undefined);
    let common = Infinity;
    for (const line of content) {
      if (line.trim() !== '') common = Math.min(common, /^[ \t]*/.exec(line)![0].length);
    }
    const inner = indent + INDENT;
    // Trailing whitespace goes, except before a closing `"""` on the same line.
    const body = content.map((line, i) => {
      if (line.trim() === '') return '';
      const kept = inner + line.slice(common);
      return closingAlone || i < content.length - 1 ? kept.trimEnd() : kept;
    });
    if (closingAlone) body.push(indent);
    candidate = '"""' + eol + body.join(eol) + '"""';
  }
  if (decodeTextBlock(candidate) === value) return candidate;
  if (decodeTextBlock(verbatim) === value) return verbatim;
  return image;
}

// ---------------------------------------------------------------------------
// Checks and edits.

/**
 * Whether two item streams have the same tokens (durations, text block values
 * and comments compared with their whitespace normalised) and the same line
 * structure (blank lines and line breaks after `{` aside). By the grammar,
 * the second then parses to the same tree as the first.
 */
function sameContent(a: readonly Item[], b: readonly Item[]): boolean {
  const left = new Significant(a);
  const right = new Significant(b);
  for (;;) {
    const x = left.next();
    const y = right.next();
    if (x === undefined || y === undefined) return x === y;
    if (x === NEWLINE || y === NEWLINE) {
      if (x !== y) return false;
      continue;
    }
    if (x.tokenType !== y.tokenType) return false;
    if (x.image !== y.image && normalised(x) !== normalised(y)) return false;
  }
}

const NEWLINE = Symbol('newline');

/** Walks an item stream, yielding the items and the line breaks that matter. */
class Significant {
  private index = 0;
  private started = false;
  private afterOpen = false; // the last code token is `{`
  private breakYielded = false;

  constructor(private readonly items: readonly Item[]) {}

  next(): Item | typeof NEWLINE | undefined {
    const Tokens = tokenTypes();
    const items = this.items;
    let sawBreak = false;
    while (this.index < items.length && items[this.index].tokenType === Tokens.Newline) {
      sawBreak = true;
      this.index++;
    }
    if (this.index >= items.length) return undefined; // trailing line breaks do not matter
    // Leading line breaks, runs of them and those after `{` are layout only.
    if (sawBreak && this.started && !this.afterOpen && !this.breakYielded) {
      this.breakYielded = true;
      this.index--; // back onto the last break: the item comes next time
      return NEWLINE;
    }
    this.breakYielded = false;
    const item = items[this.index++];
    this.started = true;
    if (!isComment(item)) this.afterOpen = item.tokenType === Tokens.LBrace;
    return item;
  }
}

function normalised(item: Item): string {
  const Tokens = tokenTypes();
  if (item.tokenType === Tokens.TextBlock) return decodeTextBlock(item.image);
  if (isComment(item) || item.tokenType === Tokens.Duration) return item.image.replace(/\s+/g, ' ').trim();
  return item.image;
}

function minimalEdit(text: string, start: number, end: number, newText: string): TextEdit | undefined {
  const old = text.slice(start, end);
  if (old === newText) return undefined;
  let prefix = 0;
  const max = Math.min(old.length, newText.length);
  while (prefix < max && old.charCodeAt(prefix) === newText.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < max - prefix &&
    old.charCodeAt(old.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)
  ) {
    suffix++;
  }
  // Never split a CRLF pair (an editor would see a lone CR).
  let editStart = start + prefix;
  let editEnd = end - suffix;
  let insertStart = prefix;
  let insertEnd = newText.length - suffix;
  if (editStart > start && text[editStart - 1] === '\r' && (text[editStart] === '\n' || newText[insertStart] === '\n')) {
    editStart--;
    insertStart--;
  }
  if (editEnd < end && text[editEnd] === '\n' && (text[editEnd - 1] === '\r' || newText[insertEnd - 1] === '\r')) {
    editEnd++;
    insertEnd++;
  }
  return { start: editStart, end: editEnd, newText: newText.slice(insertStart, insertEnd) };
}

/** The offsets of the whole lines that intersect `range` (an empty range: the line holding it). */
function lineSpan(text: string, range: { start: number; end: number }): { start: number; end: number } {
  const from = Math.max(0, Math.min(range.start, text.length));
  const to = Math.max(from, Math.min(range.end, text.length));
  const lastChar = to > from ? to - 1 : from;
  let start = from;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  // A range starting between the CR and LF of a line break belongs to the line the break ends.
  if (start === from && from > 0 && text[from] === '\n' && text[from - 1] === '\r') {
    start--;
    while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  }
  let end = lastChar;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  if (text[end] === '\r' && text[end + 1] === '\n') end += 2;
  else if (end < text.length) end++;
  return { start, end };
}
