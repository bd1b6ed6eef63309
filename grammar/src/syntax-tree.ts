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

/** A statement argument, as written. Its decoded value comes from `argumentValue`. */
export interface Argument {
  readonly kind: ArgumentKind;
  /** The source text of the argument, quotes and all. */
  readonly image: string;
  readonly start: number;
  readonly end: number;
  /** Whether a `,` follows the argument. */
  readonly comma: boolean;
}

/** `name { argument [","] } [ block ]`. */
export interface Statement {
  readonly name: string;
  readonly nameStart: number;
  readonly nameEnd: number;
  readonly args: readonly Argument[];
  readonly block: Block | undefined;
  /** Start of the name. */
  readonly start: number;
  /** End of the last argument or of the block's `}`. */
  readonly end: number;
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
