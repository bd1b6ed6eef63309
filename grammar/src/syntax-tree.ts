/**
 * The syntax tree of one `.isms` file: a per-file value with positions on
 * every node and no meaning attached (the schema gives meaning later).
 *
 * Architecture invariant: nodes hold offsets (`start` inclusive, `end`
 * exclusive) into the file's text; line and column come from the file's
 * {@link LineIndex}, so a tree stays cheap to build on large files.
 */
import type { LineIndex } from './line-index';

export type ArgumentKind = 'string' | 'textblock' | 'date' | 'duration' | 'percent' | 'number' | 'name';

/*
 * Arguments and statements are classes whose derived positions are getters:
 * a large workspace holds 100,000s of them, and every stored property costs
 * 8 bytes of heap that the garbage collector copies while the tree is built
 * (`isms check` of the 125,000-line benchmark workspace took about 2.5% less
 * time with three fewer stored properties per statement and one per
 * argument; 25 interleaved runs).
 */

/** A statement argument, as written. Its decoded value comes from `argumentValue`. */
export class Argument {
  constructor(
    readonly kind: ArgumentKind,
    /** The source text of the argument, quotes and all. */
    readonly image: string,
    readonly start: number,
    /** Whether a `,` follows the argument. */
    readonly comma: boolean,
  ) {}

  /** The image is the source text, so the argument ends where it does. */
  get end(): number {
    return this.start + this.image.length;
  }

  /** With the derived `end`, as a plain object would have it. */
  toJSON(): object {
    return { kind: this.kind, image: this.image, start: this.start, end: this.end, comma: this.comma };
  }
}

/** `name { argument [","] } [ block ]`. */
export class Statement {
  constructor(
    readonly name: string,
    readonly nameStart: number,
    readonly args: readonly Argument[],
    readonly block: Block | undefined,
  ) {}

  get nameEnd(): number {
    return this.nameStart + this.name.length;
  }

  /** Start of the name. */
  get start(): number {
    return this.nameStart;
  }

  /** End of the last argument or of the block's `}`. */
  get end(): number {
    if (this.block) return this.block.end;
    return this.args.length > 0 ? this.args[this.args.length - 1].end : this.nameEnd;
  }

  /** With the derived positions, as a plain object would have them. */
  toJSON(): object {
    return { name: this.name, nameStart: this.nameStart, nameEnd: this.nameEnd, args: this.args, block: this.block, start: this.start, end: this.end };
  }
}

export interface Block {
  /** Offset of `{`. */
  readonly open: number;
  /** Offset just after `}`, or the offset where the block was cut off when `}` is missing. */
  readonly end: number;
  /** Whether the closing `}` is present. */
  readonly closed: boolean;
  readonly statements: readonly Statement[];
}

export interface Comment {
  readonly kind: 'line' | 'block';
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

export interface SyntaxError {
  readonly message: string;
  readonly start: number;
  readonly end: number;
}

/** The result of parsing one file. Parsing never fails: errors are data. */
export interface ParsedFile {
  readonly text: string;
  readonly statements: readonly Statement[];
  readonly comments: readonly Comment[];
  readonly errors: readonly SyntaxError[];
  readonly lines: LineIndex;
}
