/** Document symbols (outline) and workspace symbols → features/document-symbols.ts, workspace-symbols.ts. */
import { SymbolKind, type DocumentSymbol as LspDocumentSymbol, type WorkspaceSymbol } from 'vscode-languageserver';
import { derivedForFile, documentSymbols, fileDerivation, workspaceSymbols, type DocumentSymbol, type EntityKind, type LineIndex } from '../../language-service';
import { toRange } from '../convert';
import { guarded, type ServerContext } from '../server-context';
import { toLocation } from './locations';

/** LSP symbol kinds for the ISMS kinds: close in meaning, and distinct in an outline. */
const SYMBOL_KIND: Record<DocumentSymbol['kind'], SymbolKind> = {
  organization: SymbolKind.Namespace,
  scope: SymbolKind.Package,
  issue: SymbolKind.Event,
  party: SymbolKind.Interface,
  role: SymbolKind.Class,
  policy: SymbolKind.File,
  'risk-criteria': SymbolKind.Enum,
  asset: SymbolKind.Object,
  risk: SymbolKind.Struct,
  control: SymbolKind.Constant,
  objective: SymbolKind.Number,
  measurement: SymbolKind.Operator,
  audit: SymbolKind.Event,
  review: SymbolKind.Event,
  nonconformity: SymbolKind.Key,
  soa: SymbolKind.Array,
  'audit-programme': SymbolKind.Module,
  supplier: SymbolKind.Class,
  obligation: SymbolKind.Interface,
  incident: SymbolKind.Event,
  training: SymbolKind.Method,
  change: SymbolKind.Event,
  communication: SymbolKind.Function,
  field: SymbolKind.Property,
};

function toLspSymbol(symbol: DocumentSymbol, lines: LineIndex): LspDocumentSymbol {
  return {
    name: symbol.name,
    ...(symbol.detail ? { detail: symbol.detail } : {}),
    kind: SYMBOL_KIND[symbol.kind] ?? SymbolKind.Field,
    range: toRange(lines, symbol.range.start, symbol.range.end),
    selectionRange: toRange(lines, symbol.selectionRange.start, symbol.selectionRange.end),
    children: symbol.children.map((child) => toLspSymbol(child, lines)),
  };
}


/**
 * The LSP outline of a version of a file, kept with it in the derived-data
 * store (a large file's is 13,000 symbols; building it again and again filled
 * the heap with garbage).
 */
const LSP_OUTLINE = /* @__PURE__ */ fileDerivation<LspDocumentSymbol[]>('LSP outline');

export function registerSymbols(context: ServerContext): void {
  context.connection.onDocumentSymbol(
    guarded(context, 'document symbols', [], (params) => {
      const document = context.resolve(params.textDocument.uri);
      if (!document) return [];
      // The outline, breadcrumbs and sticky scroll each ask for the same version: one answer per model.
      const { snapshot, file, lines } = document;
      return derivedForFile(snapshot, file, LSP_OUTLINE, () => documentSymbols(snapshot, file).map((symbol) => toLspSymbol(symbol, lines))) ?? [];
    }),
  );
  context.connection.onWorkspaceSymbol(
    guarded(context, 'workspace symbols', [], (params) => {
      const result: WorkspaceSymbol[] = [];
      for (const folder of context.folders.all()) {
        const snapshot = folder.service.snapshot();
        for (const symbol of workspaceSymbols(snapshot, params.query)) {
          const location = toLocation(folder, snapshot, symbol.location);
          if (location) result.push({ name: symbol.name, kind: SYMBOL_KIND[symbol.kind] ?? SymbolKind.Field, containerName: symbol.detail, location });
        }
      }
      return result;
    }),
  );
}
