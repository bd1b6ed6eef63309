/**
 * The Chevrotain lexer for `.isms` text, built on first use (it is never
 * needed for well-formed files, which the fast path parses: see
 * chevrotain-runtime.ts). Only start offsets are tracked (the cheapest
 * mode): end offsets follow from the token image and lines from the file's
 * LineIndex.
 */
import type { ILexingResult, Lexer } from 'chevrotain';
import { chevrotain } from './chevrotain-runtime';
import { tokenTypes } from './tokens';

let lexer: Lexer | undefined;

export function tokenize(text: string): ILexingResult {
  lexer ??= new (chevrotain().Lexer)(tokenTypes().all, {
    positionTracking: 'onlyOffset',
    ensureOptimizations: true,
  });
  return lexer.tokenize(text);
}
