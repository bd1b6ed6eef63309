/** Blocks deeper than this are cut off with an error instead of overflowing the stack. */
export const MAX_BLOCK_DEPTH = 32;

/** Syntax errors reported per file, at most: past that they add nothing but noise. */
export const MAX_SYNTAX_ERRORS = 100;

/**
 * Values a statement keeps: those after are scanned but dropped, with one
 * error (a 10 MB line of 2,000,000 values would otherwise take 500 MB).
 */
export const MAX_ARGUMENTS = 10_000;

export function tooManyArgumentsMessage(dropped: number): string {
  return `more than ${MAX_ARGUMENTS} values: the ${dropped} after them are ignored`;
}
