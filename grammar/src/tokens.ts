/**
 * The token types of the ISMS language (LANGUAGE.md §1).
 *
 * Order matters: Chevrotain tries patterns in this order, so the longer
 * numeric forms (date, duration, percent) come before a plain number.
 * Comments go to their own group so that the parser never sees them but the
 * formatter can put every one of them back.
 */
import type { CustomPatternMatcherReturn, TokenType } from 'chevrotain';
import { chevrotain } from './chevrotain-runtime';

/** Lexer group that receives comments (kept for the formatter and folding). */
export const COMMENTS_GROUP = 'comments';

function matched(text: string, start: number, end: number): CustomPatternMatcherReturn {
  return [text.slice(start, end)] as CustomPatternMatcherReturn;
}

/** `/* … *\/`; an unterminated one runs to the end of the text (reported by the parser). */
function matchBlockComment(text: string, offset: number): CustomPatternMatcherReturn | null {
  if (text.charCodeAt(offset) !== 47 /* / */ || text.charCodeAt(offset + 1) !== 42 /* * */) return null;
  const close = text.indexOf('*/', offset + 2);
  return matched(text, offset, close < 0 ? text.length : close + 2);
}

/** `"""` … `"""`; an unterminated one runs to the end of the text (reported by the parser). */
function matchTextBlock(text: string, offset: number): CustomPatternMatcherReturn | null {
  if (!text.startsWith('"""', offset)) return null;
  const close = text.indexOf('"""', offset + 3);
  return matched(text, offset, close < 0 ? text.length : close + 3);
}

/** The token types, by name, and `all` of them in matching order (the order of the names here). */
export interface TokenTypes {
  readonly ArgumentToken: TokenType;
  readonly StrayToken: TokenType;
  readonly WhiteSpace: TokenType;
  readonly LineComment: TokenType;
  readonly BlockComment: TokenType;
  readonly Newline: TokenType;
  readonly LBrace: TokenType;
  readonly RBrace: TokenType;
  readonly Comma: TokenType;
  readonly TextBlock: TokenType;
  readonly StringLiteral: TokenType;
  readonly DateLiteral: TokenType;
  readonly Duration: TokenType;
  readonly Percent: TokenType;
  readonly NumberLiteral: TokenType;
  readonly Name: TokenType;
  readonly all: TokenType[];
}

let defined: TokenTypes | undefined;

/** The token types, defined on first use (with Chevrotain: see chevrotain-runtime.ts). */
export function tokenTypes(): TokenTypes {
  return (defined ??= defineTokenTypes());
}

function defineTokenTypes(): TokenTypes {
  const { createToken, Lexer } = chevrotain();
  /** Category of every token that may stand as an argument (one CONSUME instead of a 7-way OR). */
  const ArgumentToken = createToken({ name: 'ArgumentToken', pattern: Lexer.NA, label: 'value' });
  /** Category of the tokens that cannot start a statement (reported and skipped by recovery). */
  const StrayToken = createToken({ name: 'StrayToken', pattern: Lexer.NA });

  const WhiteSpace = createToken({
    name: 'WhiteSpace',
    // U+FEFF (a BOM) and U+2028/U+2029 are blanks here: editors do not count them as line breaks.
    pattern: /[ \t\f\v\u00a0\ufeff\u2028\u2029]+/,
    group: Lexer.SKIPPED,
  });
  const LineComment = createToken({ name: 'LineComment', pattern: /\/\/[^\r\n]*/, group: COMMENTS_GROUP });
  const BlockComment = createToken({
    name: 'BlockComment',
    pattern: { exec: matchBlockComment },
    start_chars_hint: ['/'],
    line_breaks: true,
    group: COMMENTS_GROUP,
  });
  const Newline = createToken({ name: 'Newline', pattern: /\r\n|\r|\n/, line_breaks: true, label: 'end of line' });
  const LBrace = createToken({ name: 'LBrace', pattern: '{', categories: [StrayToken], label: "'{'" });
  const RBrace = createToken({ name: 'RBrace', pattern: '}', label: "'}'" });
  const Comma = createToken({ name: 'Comma', pattern: ',', categories: [StrayToken], label: "','" });
  const TextBlock = createToken({
    name: 'TextBlock', categories: [ArgumentToken, StrayToken],
    pattern: { exec: matchTextBlock },
    start_chars_hint: ['"'],
    line_breaks: true,
    label: 'text block',
  });
  const StringLiteral = createToken({
    name: 'StringLiteral', categories: [ArgumentToken, StrayToken],
    // An unterminated string stops at the line end (reported by the parser).
    pattern: /"(?:[^"\\\r\n]|\\[^\r\n])*"?/,
    label: 'string',
  });
  const DateLiteral = createToken({ name: 'DateLiteral', categories: [ArgumentToken, StrayToken], pattern: /\d{4}-\d{2}-\d{2}(?![\w.-])/, label: 'date' });
  const Duration = createToken({
    name: 'Duration', categories: [ArgumentToken, StrayToken],
    pattern: /\d+(?:\.\d+)?[ \t]+(?:days?|weeks?|months?|years?)(?![\w.-])/,
    label: 'duration',
  });
  const Percent = createToken({ name: 'Percent', categories: [ArgumentToken, StrayToken], pattern: /\d+(?:\.\d+)?%/, label: 'percent' });
  const NumberLiteral = createToken({ name: 'NumberLiteral', categories: [ArgumentToken, StrayToken], pattern: /\d+(?:\.\d+)?/, label: 'number' });
  const Name = createToken({
    name: 'Name',
    pattern: /[A-Za-z_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?/,
    categories: [ArgumentToken],
    label: 'name',
  });

  // In matching order: `all` lists them as written here.
  const named = {
    ArgumentToken,
    StrayToken,
    WhiteSpace,
    LineComment,
    BlockComment,
    Newline,
    LBrace,
    RBrace,
    Comma,
    TextBlock,
    StringLiteral,
    DateLiteral,
    Duration,
    Percent,
    NumberLiteral,
    Name,
  };
  return { ...named, all: Object.values(named) };
}
