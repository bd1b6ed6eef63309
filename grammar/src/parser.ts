/**
 * The Chevrotain parser for LANGUAGE.md §2, with embedded actions that build
 * the syntax tree directly (a CST doubled the garbage on large files; see
 * docs/architecture.md).
 *
 * Error recovery is line based and deterministic: a statement that does not
 * end where it should is reported and the rest of its line is skipped (with
 * any block it opens); a missing `}` is reported at the `{`. Every decision
 * is guarded by lookahead, so the parser never throws a recognition error.
 */
import type { IToken, TokenType } from 'chevrotain';
import { chevrotain } from './chevrotain-runtime';
import { Argument, Statement, type ArgumentKind, type Block, type SyntaxError } from './syntax-tree';
import { tokenTypes, type TokenTypes } from './tokens';
import { MAX_ARGUMENTS, tooManyArgumentsMessage } from './limits';

function argumentKinds({ StringLiteral, TextBlock, DateLiteral, Duration, Percent, NumberLiteral, Name }: TokenTypes): [TokenType, ArgumentKind][] {
  return [
    [StringLiteral, 'string'],
    [TextBlock, 'textblock'],
    [DateLiteral, 'date'],
    [Duration, 'duration'],
    [Percent, 'percent'],
    [NumberLiteral, 'number'],
    [Name, 'name'],
  ];
}

/** Argument kind by `tokenTypeIdx` (an array index: cheaper than a Map on the hot path). */
let argumentKindByIndex: ArgumentKind[] = [];

function argumentKind(token: IToken): ArgumentKind {
  return argumentKindByIndex[token.tokenType.tokenTypeIdx!];
}

function tokenEnd(token: IToken): number {
  return token.startOffset + token.image.length;
}

/** How a token is named in an error message. */
export function describeToken(token: IToken): string {
  if (token.tokenType === chevrotain().EOF) return 'end of file';
  if (token.tokenType === tokenTypes().Newline) return 'end of line';
  const image = token.image.length > 24 ? `${token.image.slice(0, 24)}…` : token.image;
  return `'${image}'`;
}

/**
 * The parser class, defined once Chevrotain is loaded (its base class comes
 * from Chevrotain; see chevrotain-runtime.ts).
 */
function createParser() {
  const { EmbeddedActionsParser, EOF } = chevrotain();
  const tokens = tokenTypes();
  const { ArgumentToken, Comma, LBrace, Name, Newline, RBrace, StrayToken } = tokens;

  class IsmsParser extends EmbeddedActionsParser {
    /** Syntax errors found by the recovery logic of the last parse. */
    recoveryErrors: SyntaxError[] = [];

    // The statements and arguments under construction. The DSL callbacks below
    // are built once (not per call) and share this state: on large files the
    // per-call closures and arrays were a large part of the garbage.
    private statementStack: Statement[][] = [];
    private args: Argument[] = [];
    private dropped = 0;
    private droppedStart = 0;
    private droppedEnd = 0;

    constructor() {
      super(tokens.all, { recoveryEnabled: false, maxLookahead: 1 });
      this.performSelfAnalysis();
      // Token type indices are assigned once the lexer and parser know the vocabulary.
      argumentKindByIndex = [];
      for (const [type, kind] of argumentKinds(tokens)) argumentKindByIndex[type.tokenTypeIdx!] = kind;
    }

    private readonly consumeNewline = (): void => {
      this.CONSUME(Newline);
    };

    private readonly topLevelLine = (): void => {
      this.OR1(this.topLevelAlternatives);
    };

    private readonly topLevelAlternatives = [
      { ALT: () => this.statementThenEnd(false) },
      { ALT: () => this.SUBRULE(this.strayAtTop) },
    ];

    private readonly blockLine = (): void => {
      this.OR2(this.blockAlternatives);
    };

    private readonly blockAlternatives = [
      { ALT: () => this.statementThenEnd(true) },
      { ALT: () => this.SUBRULE(this.strayInBlock) },
    ];

    private readonly argument = (): void => {
      const token = this.CONSUME(ArgumentToken);
      const comma = this.OPTION(this.commaAndContinuation);
      this.ACTION(() => {
        if (this.args.length < MAX_ARGUMENTS) {
          this.args.push(new Argument(argumentKind(token), token.image, token.startOffset, comma === true));
        } else {
          // Past MAX_ARGUMENTS values are dropped, with one error (reported at the end of the statement's values).
          if (this.dropped++ === 0) this.droppedStart = token.startOffset;
          this.droppedEnd = tokenEnd(token);
        }
      });
    };

    private readonly commaAndContinuation = (): boolean => {
      this.CONSUME(Comma);
      // A line that ends with `,` continues on the next line.
      this.MANY3(this.consumeNewline);
      return true;
    };

    private readonly subruleBlock = (): Block => this.SUBRULE(this.block);

    private readonly consumeLineEnd = (): void => {
      this.CONSUME2(Newline);
    };

    private readonly lineEnds = (): boolean => {
      this.AT_LEAST_ONE(this.consumeLineEnd);
      return true;
    };

    /** A statement and what must follow it: line breaks, the end of the file, or (in a block) `}`. */
    private statementThenEnd(inBlock: boolean): void {
      const statement = this.SUBRULE(this.statement);
      const ended = this.OPTION3(this.lineEnds);
      this.ACTION(() => {
        this.statementStack[this.statementStack.length - 1].push(statement);
        if (ended !== true) this.recoverAtStatementEnd(inBlock);
      });
    }

    private recoverAtStatementEnd(inBlock: boolean): void {
      const next = this.LA(1);
      if (next.tokenType === EOF) return;
      if (inBlock && next.tokenType === RBrace) {
        this.report("expected a line break before '}'", next.startOffset, tokenEnd(next));
        return;
      }
      this.report(`unexpected ${describeToken(next)}: expected end of line`, next.startOffset, tokenEnd(next));
      this.skipRestOfLine(inBlock);
    }

    readonly document = this.RULE('document', (): Statement[] => {
      this.ACTION(() => {
        this.statementStack = [[]];
        this.args = [];
      });
      this.MANY(this.consumeNewline);
      this.MANY2(this.topLevelLine);
      return this.ACTION(() => this.statementStack[0]);
    });

    readonly statement = this.RULE('statement', (): Statement => {
      const name = this.CONSUME(Name);
      this.ACTION(() => {
        this.args = [];
        this.dropped = 0;
      });
      this.MANY(this.argument);
      const args = this.args;
      this.ACTION(() => {
        if (this.dropped > 0) this.report(tooManyArgumentsMessage(this.dropped), this.droppedStart, this.droppedEnd);
        this.dropped = 0;
      });
      const block = this.OPTION2(this.subruleBlock);
      return this.ACTION(() => new Statement(name.image, name.startOffset, args, block));
    });

    readonly block = this.RULE('block', (): Block => {
      const open = this.CONSUME(LBrace);
      this.ACTION(() => this.statementStack.push([]));
      this.MANY(this.consumeNewline);
      this.MANY2(this.blockLine);
      const close = this.OPTION(() => this.CONSUME(RBrace));
      return this.ACTION(() => {
        const statements = this.statementStack.pop()!;
        if (close) return { open: open.startOffset, end: tokenEnd(close), closed: true, statements };
        this.report("missing '}' to close this block", open.startOffset, tokenEnd(open));
        const last = statements.length > 0 ? statements[statements.length - 1].end : tokenEnd(open);
        return { open: open.startOffset, end: last, closed: false, statements };
      });
    });

    /** A line at top level that does not start with a name. */
    readonly strayAtTop = this.RULE('strayAtTop', () => {
      const token = this.OR([{ ALT: () => this.CONSUME(StrayToken) }, { ALT: () => this.CONSUME(RBrace) }]);
      this.ACTION(() => this.reportStray(token, false));
    });

    /** A line in a block that does not start with a name (a `}` closes the block instead). */
    readonly strayInBlock = this.RULE('strayInBlock', () => {
      const token = this.CONSUME(StrayToken);
      this.ACTION(() => this.reportStray(token, true));
    });

    private reportStray(token: IToken, inBlock: boolean): void {
      const message =
        token.tokenType === RBrace
          ? "unexpected '}': no block is open here"
          : `unexpected ${describeToken(token)}: a statement starts with a name`;
      this.report(message, token.startOffset, tokenEnd(token));
      if (token.tokenType === LBrace) this.skipBlockBody();
      this.skipRestOfLine(inBlock);
    }

    private report(message: string, start: number, end: number): void {
      this.recoveryErrors.push({ message, start, end });
    }

    /** Skips to the next line, passing over whole blocks; stops before a `}` that closes the enclosing block. */
    private skipRestOfLine(inBlock: boolean): void {
      for (;;) {
        const type = this.LA(1).tokenType;
        if (type === EOF) return;
        if (type === Newline) {
          while (this.LA(1).tokenType === Newline) this.SKIP_TOKEN();
          return;
        }
        if (type === RBrace && inBlock) return;
        this.SKIP_TOKEN();
        if (type === LBrace) this.skipBlockBody();
      }
    }

    /** Skips up to and including the `}` that matches a `{` just skipped. */
    private skipBlockBody(): void {
      let depth = 1;
      while (depth > 0) {
        const type = this.LA(1).tokenType;
        if (type === EOF) return;
        if (type === LBrace) depth++;
        else if (type === RBrace) depth--;
        this.SKIP_TOKEN();
      }
    }
  }

  return new IsmsParser();
}

let instance: ReturnType<typeof createParser> | undefined;

/** The one parser instance (Chevrotain parsers are costly to build; reset with new input). */
export function parseTokens(tokens: IToken[]): { statements: Statement[]; errors: SyntaxError[] } {
  instance ??= createParser();
  instance.input = tokens;
  instance.recoveryErrors = [];
  const statements = instance.document();
  const errors = [...instance.recoveryErrors];
  for (const error of instance.errors) {
    // Not expected (every decision is guarded), but never lose a report.
    const token = error.token;
    errors.push({ message: error.message, start: token.startOffset, end: tokenEnd(token) });
  }
  return { statements: statements ?? [], errors };
}
