/** Every feature handler of the server, and the capabilities they announce. */
import { CodeActionKind, type ServerCapabilities } from 'vscode-languageserver';
import type { ServerContext } from '../server-context';
import { registerCodeActions } from './code-actions';
import { registerCompletion } from './completion';
import { registerCustomRequests } from './custom-requests';
import { registerEditorAids } from './editor-aids';
import { registerFormatting } from './formatting';
import { registerFrameworks } from './frameworks';
import { registerHover } from './hover';
import { registerNavigation } from './navigation';
import { registerRename } from './rename';
import { SEMANTIC_TOKENS_LEGEND, registerSemanticTokens } from './semantic-tokens';
import { registerStructure } from './structure';
import { registerSymbols } from './symbols';

export function capabilities(): ServerCapabilities {
  return {
    completionProvider: { triggerCharacters: [' ', ',', '.'], resolveProvider: false },
    hoverProvider: true,
    definitionProvider: true,
    referencesProvider: true,
    documentHighlightProvider: true,
    renameProvider: { prepareProvider: true },
    documentSymbolProvider: true,
    workspaceSymbolProvider: true,
    semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true, range: false },
    foldingRangeProvider: true,
    selectionRangeProvider: true,
    documentLinkProvider: { resolveProvider: false },
    inlayHintProvider: true,
    codeLensProvider: { resolveProvider: false },
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
  };
}

export function registerFeatureHandlers(context: ServerContext): void {
  registerFormatting(context);
  registerCustomRequests(context);
  registerCompletion(context);
  registerHover(context);
  registerNavigation(context);
  registerRename(context);
  registerSymbols(context);
  registerSemanticTokens(context);
  registerStructure(context);
  registerEditorAids(context);
  registerCodeActions(context);
  registerFrameworks(context);
}
