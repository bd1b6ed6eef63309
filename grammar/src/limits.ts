/** Blocks deeper than this are cut off with an error instead of overflowing the stack. */
export const MAX_BLOCK_DEPTH = 32;

/** Syntax errors reported per file, at most: past that they add nothing but noise. */
export const MAX_SYNTAX_ERRORS = 100;
