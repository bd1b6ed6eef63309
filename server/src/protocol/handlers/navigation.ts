/** Definition, references and document highlights → features/definition.ts, references.ts, document-highlight.ts. */
import { DocumentHighlightKind } from 'vscode-languageserver';
import { definition, documentHighlights, references } from '../../language-service';
import { toOffset, toRange } from '../convert';
import { guarded, type ServerContext } from '../server-context';
import { toLocations } from './locations';

export function registerNavigation(context: ServerContext): void {
  const { connection } = context;
  connection.onDefinition(
    guarded(context, 'definition', [], (params) => {
      const document = context.resolve(params.textDocument.uri);
      if (!document) return [];
      return toLocations(document.folder, document.snapshot, definition(document.snapshot, document.file, toOffset(document.lines, params.position)));
    }),
  );
  connection.onReferences(
    guarded(context, 'references', [], (params) => {
      const document = context.resolve(params.textDocument.uri);
      if (!document) return [];
      const found = references(document.snapshot, document.file, toOffset(document.lines, params.position), params.context.includeDeclaration);
      return toLocations(document.folder, document.snapshot, found);
    }),
  );
  connection.onDocumentHighlight(
    guarded(context, 'document highlight', [], (params) => {
      const document = context.resolve(params.textDocument.uri);
      if (!document) return [];
      return documentHighlights(document.snapshot, document.file, toOffset(document.lines, params.position)).map((h) => ({
        range: toRange(document.lines, h.range.start, h.range.end),
        kind: h.kind === 'write' ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
      }));
    }),
  );
}
