/** textDocument/semanticTokens/full → features/semantic-tokens.ts, encoded as LSP relative integers. */
import { SemanticTokensBuilder, type SemanticTokensLegend } from 'vscode-languageserver';
import { SEMANTIC_TOKEN_MODIFIERS, SEMANTIC_TOKEN_TYPES, semanticTokens } from '../../language-service';
import { guarded, type ServerContext } from '../server-context';

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = {
  tokenTypes: [...SEMANTIC_TOKEN_TYPES],
  tokenModifiers: [...SEMANTIC_TOKEN_MODIFIERS],
};

export function registerSemanticTokens(context: ServerContext): void {
  const typeIndex = new Map<string, number>(SEMANTIC_TOKEN_TYPES.map((type, index) => [type, index]));
  const modifierBit = new Map<string, number>(SEMANTIC_TOKEN_MODIFIERS.map((modifier, index) => [modifier, 1 << index]));
  context.connection.languages.semanticTokens.on(
    guarded(context, 'semantic tokens', { data: [] }, (params) => {
      const document = context.resolve(params.textDocument.uri);
      if (!document) return { data: [] };
      const builder = new SemanticTokensBuilder();
      for (const token of semanticTokens(document.snapshot, document.file)) {
        const { line, column } = document.lines.position(token.start);
        const modifiers = token.modifiers.reduce((bits, modifier) => bits | (modifierBit.get(modifier) ?? 0), 0);
        builder.push(line, column, token.length, typeIndex.get(token.type) ?? 0, modifiers);
      }
      return builder.build();
    }),
  );
}
