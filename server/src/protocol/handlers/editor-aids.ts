/** Document links, inlay hints and code lenses → features/document-links.ts, inlay-hints.ts, code-lenses.ts. */
import { pathToFileURL } from 'node:url';
import { InlayHintKind } from 'vscode-languageserver';
import { codeLenses, documentLinks, inlayHints } from '../../language-service';
import { toOffset, toPosition, toRange } from '../convert';
import { guarded, type ServerContext } from '../server-context';

export function registerEditorAids(context: ServerContext): void {
  const { connection } = context;
  connection.onDocumentLinks(
    guarded(context, 'document links', [], (params) => {
      const document = context.resolve(params.textDocument.uri);
      if (!document) return [];
      return documentLinks(document.snapshot, document.file).map((link) => ({
        range: toRange(document.lines, link.start, link.end),
        target: pathToFileURL(document.folder.absolute(link.target)).href,
        tooltip: `Open ${link.target}`,
      }));
    }),
  );
  connection.languages.inlayHint.on(
    guarded(context, 'inlay hints', [], (params) => {
      const document = context.resolve(params.textDocument.uri);
      if (!document) return [];
      const range = { start: toOffset(document.lines, params.range.start), end: toOffset(document.lines, params.range.end) };
      return inlayHints(document.snapshot, document.file, range).map((hint) => ({
        position: toPosition(document.lines, hint.offset),
        label: hint.label,
        kind: hint.kind === 'type' ? InlayHintKind.Type : InlayHintKind.Parameter,
        paddingLeft: true,
        ...(hint.tooltip ? { tooltip: hint.tooltip } : {}),
      }));
    }),
  );
  connection.onCodeLens(
    guarded(context, 'code lenses', [], (params) => {
      const document = context.resolve(params.textDocument.uri);
      if (!document) return [];
      return codeLenses(document.snapshot, document.file).map((lens) => ({
        range: toRange(document.lines, lens.range.start, lens.range.end),
        command: { title: lens.title, command: lens.command?.id ?? '', arguments: lens.command?.arguments ?? [], ...(lens.tooltip ? { tooltip: lens.tooltip } : {}) },
      }));
    }),
  );
}
