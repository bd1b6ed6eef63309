/**
 * The Chevrotain lexer for `.isms` text, built on first use (16 ms of
 * start-up that `isms check` of well-formed files, which the fast path
 * parses, never needs). Only start offsets are tracked (the cheapest mode):
 * end offsets follow from the token image and lines from the file's
 * LineIndex.
 */
import { Lexer, type ILexingResult } from 'chevrotain';
import { ALL_TOKENS } from './tokens';

let lexer: Lexer | undefined;

export function tokenize(text: string): ILexingResult {
  lexer ??= new Lexer(ALL_TOKENS, {
    positionTracking: 'onlyOffset',
    ensureOptimizations: true,
  });
  return lexer.tokenize(text);
}
