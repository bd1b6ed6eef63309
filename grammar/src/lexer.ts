/**
 * The Chevrotain lexer for `.isms` text, built once. Only start offsets are
 * tracked (the cheapest mode): end offsets follow from the token image and
 * lines from the file's LineIndex.
 */
import { Lexer, type ILexingResult } from 'chevrotain';
import { ALL_TOKENS } from './tokens';

const lexer = new Lexer(ALL_TOKENS, {
  positionTracking: 'onlyOffset',
  ensureOptimizations: true,
});

export function tokenize(text: string): ILexingResult {
  return lexer.tokenize(text);
}
