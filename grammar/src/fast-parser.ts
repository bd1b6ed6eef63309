/**
 * The fast path of `parse`: a single-pass scanner and recursive-descent
 * parser for well-formed text only. It builds exactly the tree the Chevrotain
 * parser builds, and gives up (returns undefined) at the first thing that is
 * not plainly valid, leaving errors and recovery to Chevrotain.
 *
 * Why: on a 125,000-line workspace Chevrotain's lexer and parser took about
 * 450 ms cold, most of it token objects and garbage collection; this path
 * takes a fraction of that (bench/check.mjs). A differential property test
 * (test/unit/grammar/fast-parser.test.ts) holds the two trees equal.
 */
import { Argument, Statement, type ArgumentKind, type Block, type Comment, type SyntaxError } from './syntax-tree';
import { MAX_ARGUMENTS, MAX_BLOCK_DEPTH, tooManyArgumentsMessage } from './limits';

const enum Ch {
  Tab = 9,
  LF = 10,
  CR = 13,
  Space = 32,
  Quote = 34,
  Percent = 37,
  Star = 42,
  Comma = 44,
  Minus = 45,
  Dot = 46,
  Slash = 47,
  Zero = 48,
  Nine = 57,
  Backslash = 92,
  Underscore = 95,
  LBrace = 123,
  RBrace = 125,
  Bom = 0xfeff,
}

function isDigit(c: number): boolean {
  return c >= Ch.Zero && c <= Ch.Nine;
}

function isNameStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === Ch.Underscore;
}

/** `[\w.-]`: what may not directly follow a date or a duration. */
function isWordOrDotOrMinus(c: number): boolean {
  return isNameStart(c) || isDigit(c) || c === Ch.Dot || c === Ch.Minus;
}

const DURATION_UNIT = /[ \t]+(?:days?|weeks?|months?|years?)(?![\w.-])/y;
const STRING_ESCAPES = new Set(['"', '\\', 'n', 't'].map((c) => c.charCodeAt(0)));

/** Thrown to leave the fast path; caught in {@link parseFast} only. */
const GIVE_UP = Symbol('give up');

export interface FastParse {
  readonly statements: Statement[];
  readonly comments: Comment[];
  /** Only ever "more than MAX_ARGUMENTS values" (any other error leaves the fast path). */
  readonly errors: SyntaxError[];
}

/** The tree of a well-formed text, or undefined when the text needs the recovering parser. */
export function parseFast(text: string): FastParse | undefined {
  const parser = new FastParser(text);
  try {
    return parser.document();
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  }
}

class FastParser {
  private pos = 0;
  private readonly comments: Comment[] = [];
  private readonly errors: SyntaxError[] = [];
  /**
   * Scratch lists per block depth, copied out at their exact length: an array
   * grown by push keeps room for 17 elements, and the tree keeps 100,000s of
   * them alive (most of the heap, and of the garbage collector's copying).
   */
  private readonly statementBuffers: Statement[][] = [];
  private readonly argumentBuffers: Argument[][] = [];
  /** One string per distinct statement name (the same few dozen names repeat 100,000s of times). */
  private readonly names = new Map<string, string>();

  constructor(private readonly text: string) {
    if (text.charCodeAt(0) === Ch.Bom) this.pos = 1;
  }

  document(): FastParse {
    const statements = this.statements(0);
    if (this.pos < this.text.length) throw GIVE_UP;
    return { statements, comments: this.comments, errors: this.errors };
  }

  /** Statements up to the end of the text (depth 0) or up to a `}` (in a block). */
  private statements(depth: number): Statement[] {
    const statements = (this.statementBuffers[depth] ??= []);
    let count = 0;
    const text = this.text;
    for (;;) {
      this.skipBlankLines();
      if (this.pos >= text.length) {
        if (depth > 0) throw GIVE_UP;
        return statements.slice(0, count);
      }
      const c = text.charCodeAt(this.pos);
      if (c === Ch.RBrace) {
        if (depth === 0) throw GIVE_UP;
        return statements.slice(0, count);
      }
      if (!isNameStart(c)) throw GIVE_UP;
      statements[count++] = this.statement(depth);
      // A statement ends with a line break, or the end of the text at top level.
      if (this.pos >= text.length) {
        if (depth > 0) throw GIVE_UP;
        return statements.slice(0, count);
      }
      if (!this.lineBreak()) throw GIVE_UP;
    }
  }

  private statement(depth: number): Statement {
    const nameStart = this.pos;
    const nameEnd = this.scanName();
    const name = this.name(nameStart, nameEnd);
    const buffer = (this.argumentBuffers[depth] ??= []);
    let count = 0;
    let block: Block | undefined;
    const text = this.text;
    // Values past MAX_ARGUMENTS: scanned, not kept.
    let dropped = 0;
    let droppedStart = 0;
    let droppedEnd = 0;
    let droppedComma = false;
    for (;;) {
      this.skipSpacesAndComments();
      if (this.pos >= text.length) break;
      const c = text.charCodeAt(this.pos);
      if (c === Ch.LF || c === Ch.CR) break;
      if (c === Ch.LBrace) {
        block = this.block(depth);
        this.skipSpacesAndComments();
        break;
      }
      if (c === Ch.Comma && dropped > 0) {
        if (droppedComma) throw GIVE_UP;
        droppedComma = true;
        this.pos++;
        this.skipBlankLines();
        continue;
      }
      if (c === Ch.Comma) {
        if (count === 0) throw GIVE_UP;
        const last = buffer[count - 1];
        if (last.comma) throw GIVE_UP;
        buffer[count - 1] = new Argument(last.kind, last.image, last.start, true);
        this.pos++;
        // A line that ends with `,` continues on the next line.
        this.skipBlankLines();
        continue;
      }
      if (count === MAX_ARGUMENTS) {
        const argument = this.argument(c);
        if (dropped++ === 0) droppedStart = argument.start;
        droppedEnd = argument.end;
        droppedComma = false;
        continue;
      }
      buffer[count++] = this.argument(c);
    }
    if (dropped > 0) this.errors.push({ message: tooManyArgumentsMessage(dropped), start: droppedStart, end: droppedEnd });
    return new Statement(name, nameStart, buffer.slice(0, count), block);
  }

  private name(start: number, end: number): string {
    const name = this.text.slice(start, end);
    const known = this.names.get(name);
    if (known !== undefined) return known;
    this.names.set(name, name);
    return name;
  }

  private block(depth: number): Block {
    if (depth + 1 > MAX_BLOCK_DEPTH) throw GIVE_UP;
    const open = this.pos++;
    const statements = this.statements(depth + 1);
    // statements() returns at a `}` in a block.
    this.pos++;
    return { open, end: this.pos, closed: true, statements };
  }

  private argument(c: number): Argument {
    const start = this.pos;
    let kind: ArgumentKind;
    if (c === Ch.Quote) kind = this.scanQuoted();
    else if (isDigit(c)) kind = this.scanNumeric();
    else if (isNameStart(c)) {
      this.scanName();
      kind = 'name';
    } else throw GIVE_UP;
    this.requireSeparator();
    return new Argument(kind, this.text.slice(start, this.pos), start, false);
  }

  /** After an argument: a blank, `,`, `{`, `}`, a comment or a line end (else the lexer would split oddly). */
  private requireSeparator(): void {
    if (this.pos >= this.text.length) return;
    const c = this.text.charCodeAt(this.pos);
    if (c === Ch.Space || c === Ch.Tab || c === Ch.Comma || c === Ch.LF || c === Ch.CR || c === Ch.LBrace) return;
    if (c === Ch.Slash) {
      const next = this.text.charCodeAt(this.pos + 1);
      if (next === Ch.Slash || next === Ch.Star) return;
    }
    throw GIVE_UP;
  }

  private scanName(): number {
    const text = this.text;
    let i = this.pos + 1;
    for (;;) {
      const c = text.charCodeAt(i);
      if (isNameStart(c) || isDigit(c) || c === Ch.Dot || c === Ch.Minus) i++;
      else break;
    }
    const last = text.charCodeAt(i - 1);
    if (last === Ch.Dot || last === Ch.Minus) throw GIVE_UP;
    this.pos = i;
    return i;
  }

  private scanQuoted(): ArgumentKind {
    const text = this.text;
    if (text.startsWith('"""', this.pos)) {
      const close = text.indexOf('"""', this.pos + 3);
      if (close < 0) throw GIVE_UP;
      this.pos = close + 3;
      return 'textblock';
    }
    let i = this.pos + 1;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === Ch.Quote) break;
      if (Number.isNaN(c) || c === Ch.LF || c === Ch.CR) throw GIVE_UP;
      if (c === Ch.Backslash) {
        if (!STRING_ESCAPES.has(text.charCodeAt(i + 1))) throw GIVE_UP;
        i++;
      }
      i++;
    }
    this.pos = i + 1;
    return 'string';
  }

  /** Date, duration, percent or number, tried in the lexer's order. */
  private scanNumeric(): ArgumentKind {
    const text = this.text;
    const start = this.pos;
    let i = start;
    while (isDigit(text.charCodeAt(i))) i++;
    if (
      i - start === 4 &&
      text.charCodeAt(i) === Ch.Minus &&
      isDigit(text.charCodeAt(i + 1)) &&
      isDigit(text.charCodeAt(i + 2)) &&
      text.charCodeAt(i + 3) === Ch.Minus &&
      isDigit(text.charCodeAt(i + 4)) &&
      isDigit(text.charCodeAt(i + 5)) &&
      !isWordOrDotOrMinus(text.charCodeAt(i + 6))
    ) {
      this.pos = i + 6;
      return 'date';
    }
    if (text.charCodeAt(i) === Ch.Dot && isDigit(text.charCodeAt(i + 1))) {
      i++;
      while (isDigit(text.charCodeAt(i))) i++;
    }
    DURATION_UNIT.lastIndex = i;
    if (DURATION_UNIT.test(text)) {
      this.pos = DURATION_UNIT.lastIndex;
      return 'duration';
    }
    if (text.charCodeAt(i) === Ch.Percent) {
      this.pos = i + 1;
      return 'percent';
    }
    this.pos = i;
    return 'number';
  }

  /** Spaces, tabs and comments on the current line (a block comment may span lines). */
  private skipSpacesAndComments(): void {
    const text = this.text;
    for (;;) {
      const c = text.charCodeAt(this.pos);
      if (c === Ch.Space || c === Ch.Tab) this.pos++;
      else if (c === Ch.Slash && !this.comment()) throw GIVE_UP;
      else if (c !== Ch.Slash) return;
    }
  }

  /** Blank lines, spaces and comments, up to the next statement. */
  private skipBlankLines(): void {
    for (;;) {
      this.skipSpacesAndComments();
      if (!this.lineBreak()) return;
    }
  }

  private lineBreak(): boolean {
    const c = this.text.charCodeAt(this.pos);
    if (c === Ch.LF) {
      this.pos++;
      return true;
    }
    if (c === Ch.CR) {
      this.pos += this.text.charCodeAt(this.pos + 1) === Ch.LF ? 2 : 1;
      return true;
    }
    return false;
  }

  /** A comment at `pos` (which holds `/`); false when it is no comment. */
  private comment(): boolean {
    const text = this.text;
    const start = this.pos;
    const next = text.charCodeAt(start + 1);
    let end: number;
    let kind: Comment['kind'];
    if (next === Ch.Slash) {
      kind = 'line';
      end = start + 2;
      for (let c = text.charCodeAt(end); !Number.isNaN(c) && c !== Ch.LF && c !== Ch.CR; c = text.charCodeAt(++end));
    } else if (next === Ch.Star) {
      kind = 'block';
      const close = text.indexOf('*/', start + 2);
      if (close < 0) throw GIVE_UP;
      end = close + 2;
    } else return false;
    this.comments.push({ kind, text: text.slice(start, end), start, end });
    this.pos = end;
    return true;
  }
}
