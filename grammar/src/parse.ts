/**
 * `parse(text)`: text → tokens → syntax tree, with every problem reported as
 * data. Architecture invariant: this function never throws, whatever the input.
 */
import type { IToken } from 'chevrotain';
import { tokenize } from './lexer';
import { LineIndex } from './line-index';
import { isTerminatedTextBlock, stringLiteralProblem } from './literals';
import { parseTokens } from './parser';
import type { Comment, ParsedFile, Statement, SyntaxError } from './syntax-tree';
import { tokenTypes } from './tokens';

import { MAX_BLOCK_DEPTH, MAX_SYNTAX_ERRORS } from './limits';
import { parseFast } from './fast-parser';

export function parse(text: string): ParsedFile {
  const lines = new LineIndex(text);
  try {
    return parseUnsafe(text, lines);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { text, statements: [], comments: [], errors: [{ message: `internal parser error: ${message}`, start: 0, end: 0 }], lines };
  }
}

function parseUnsafe(text: string, lines: LineIndex): ParsedFile {
  const fast = parseFast(text);
  if (fast) return { text, statements: fast.statements, comments: fast.comments, errors: fast.errors.length > 0 ? fast.errors : [], lines };
  return parseWithRecovery(text, lines);
}

/** The Chevrotain lexer and parser: every error reported, and recovery so that none hides the rest. */
export function parseWithRecovery(text: string, lines: LineIndex = new LineIndex(text)): ParsedFile {
  const lexed = tokenize(text);
  const errors: SyntaxError[] = [];
  for (const error of lexed.errors) {
    const shown = text.slice(error.offset, error.offset + Math.min(error.length, 16));
    errors.push({
      message: `unexpected character${error.length > 1 ? 's' : ''} ${JSON.stringify(shown)}`,
      start: error.offset,
      end: error.offset + error.length,
    });
  }

  const { BlockComment } = tokenTypes();
  const comments: Comment[] = [];
  for (const token of lexed.groups.comments ?? []) {
    const end = token.startOffset + token.image.length;
    const isBlock = token.tokenType === BlockComment;
    comments.push({ kind: isBlock ? 'block' : 'line', text: token.image, start: token.startOffset, end });
    if (isBlock && (token.image.length < 4 || !token.image.endsWith('*/'))) {
      errors.push({ message: "unterminated comment: close it with '*/'", start: token.startOffset, end: token.startOffset + 2 });
    }
  }

  const { tooDeep } = checkTokens(lexed.tokens, errors);
  const tokens = tooDeep ? cutDeepBlocks(lexed.tokens, errors) : lexed.tokens;
  const parsed = parseTokens(tokens);
  errors.push(...parsed.errors);
  errors.sort((a, b) => a.start - b.start);
  if (errors.length > MAX_SYNTAX_ERRORS) {
    const last = errors[MAX_SYNTAX_ERRORS - 1];
    errors.length = MAX_SYNTAX_ERRORS;
    errors.push({ message: `too many syntax errors; only the first ${MAX_SYNTAX_ERRORS} are shown`, start: last.start, end: last.end });
  }
  return { text, statements: parsed.statements as Statement[], comments, errors, lines };
}

/**
 * One pass over the tokens for what the lexer cannot say: unterminated or
 * badly escaped literals, and whether blocks nest too deep.
 */
function checkTokens(tokens: IToken[], errors: SyntaxError[]): { tooDeep: boolean } {
  const { LBrace, RBrace, StringLiteral, TextBlock } = tokenTypes();
  let depth = 0;
  let tooDeep = false;
  for (const token of tokens) {
    const type = token.tokenType;
    if (type === LBrace) {
      if (++depth > MAX_BLOCK_DEPTH) tooDeep = true;
    } else if (type === RBrace) {
      if (depth > 0) depth--;
    } else if (type === StringLiteral) {
      const problem = stringLiteralProblem(token.image);
      if (problem) errors.push({ message: problem, start: token.startOffset, end: token.startOffset + token.image.length });
    } else if (type === TextBlock && !isTerminatedTextBlock(token.image)) {
      errors.push({ message: 'unterminated text block: close it with \'"""\'', start: token.startOffset, end: token.startOffset + 3 });
    }
  }
  return { tooDeep };
}

/**
 * Drops the tokens of blocks nested deeper than {@link MAX_BLOCK_DEPTH} (one
 * error per cut), so that the recursive parser has a bounded depth.
 */
function cutDeepBlocks(tokens: IToken[], errors: SyntaxError[]): IToken[] {
  const { LBrace, RBrace } = tokenTypes();
  const kept: IToken[] = [];
  let depth = 0;
  let cutFrom = -1;
  for (const token of tokens) {
    if (token.tokenType === LBrace) {
      depth++;
      if (depth > MAX_BLOCK_DEPTH && cutFrom < 0) {
        cutFrom = token.startOffset;
        errors.push({
          message: `blocks are nested more than ${MAX_BLOCK_DEPTH} deep; the inner ones are ignored`,
          start: token.startOffset,
          end: token.startOffset + 1,
        });
      }
    } else if (token.tokenType === RBrace && depth > 0) {
      depth--;
      if (depth === MAX_BLOCK_DEPTH && cutFrom >= 0) {
        cutFrom = -1;
        continue;
      }
    }
    if (cutFrom < 0) kept.push(token);
  }
  return kept;
}
