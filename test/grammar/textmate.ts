/**
 * Loads syntaxes/isms.tmLanguage.json with the same engine VS Code uses
 * (vscode-textmate over the Oniguruma WebAssembly build) and tokenizes text
 * into tokens with their scopes, for the grammar tests.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

export const GRAMMAR_PATH = path.join(process.cwd(), 'syntaxes', 'isms.tmLanguage.json');
const WASM_PATH = path.join(process.cwd(), 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm');
export const ROOT_SCOPE = 'source.isms';

export interface ScopedToken {
  /** 1-based line. */
  readonly line: number;
  /** 1-based column (UTF-16 code units, as the editor counts). */
  readonly column: number;
  readonly text: string;
  /** The token's scopes, outermost first, without the root `source.isms`. */
  readonly scopes: readonly string[];
}

let loading: Promise<textmate.IGrammar> | undefined;

/** The grammar, loaded once per process. */
export function loadGrammar(): Promise<textmate.IGrammar> {
  loading ??= (async () => {
    const wasm = fs.readFileSync(WASM_PATH);
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
    const registry = new textmate.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
        createOnigString: (text: string) => new oniguruma.OnigString(text),
      }),
      loadGrammar: async (scopeName: string) =>
        scopeName === ROOT_SCOPE ? textmate.parseRawGrammar(fs.readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH) : null,
    });
    const grammar = await registry.loadGrammar(ROOT_SCOPE);
    if (!grammar) throw new Error(`cannot load ${GRAMMAR_PATH}`);
    return grammar;
  })();
  return loading;
}

/** The tokens of a whole text, line by line, as the editor would colour them. */
export function tokenizeText(grammar: textmate.IGrammar, text: string): ScopedToken[] {
  const tokens: ScopedToken[] = [];
  let state: textmate.StateStack = textmate.INITIAL;
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((lineText, index) => {
    const result = grammar.tokenizeLine(lineText, state);
    for (const token of result.tokens) {
      const tokenText = lineText.slice(token.startIndex, Math.min(token.endIndex, lineText.length));
      if (tokenText === '') continue;
      tokens.push({ line: index + 1, column: token.startIndex + 1, text: tokenText, scopes: token.scopes.filter((scope) => scope !== ROOT_SCOPE) });
    }
    state = result.ruleStack;
  });
  return tokens;
}

/** Whether a token is worth a line of its own in a golden file (blanks are, only inside strings and comments). */
function shown(token: ScopedToken): boolean {
  return token.text.trim() !== '' || token.scopes.some((scope) => scope.startsWith('string.') || scope.startsWith('comment.'));
}

/** The golden rendering: one line per token, `line:col "text" → scopes`. */
export function renderTokens(tokens: readonly ScopedToken[]): string {
  return tokens
    .filter(shown)
    .map((token) => `${token.line}:${token.column} ${JSON.stringify(token.text)} → ${token.scopes.join(' ') || '(none)'}`)
    .join('\n')
    .concat('\n');
}
