/** The public surface of the grammar package: text → syntax tree. */
export { parse, parseWithRecovery } from './parse';
export { MAX_BLOCK_DEPTH, MAX_SYNTAX_ERRORS } from './limits';
export { parseFast } from './fast-parser';
export { LineIndex, type LineColumn } from './line-index';
export * from './syntax-tree';
export * from './literals';
export { tokenize } from './lexer';
export { tokenTypes, type TokenTypes } from './tokens';
export type { IToken } from 'chevrotain';
export { reparse, type Reparse, type StatementSplice } from './incremental';
