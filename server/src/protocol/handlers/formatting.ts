/** Document and range formatting: the canonical layout of `isms fmt` (never on a file with syntax errors). */
import type { TextEdit as LspTextEdit } from 'vscode-languageserver';
import { formatting } from '../../language-service';
import { toOffset, toRange } from '../convert';
import { guarded, type ServerContext } from '../server-context';

export function registerFormatting(context: ServerContext): void {
  const edits = (uri: string, range?: { start: number; end: number }): LspTextEdit[] => {
    const document = context.resolve(uri);
    if (!document) return [];
    const result = formatting(document.snapshot, document.file, range) ?? [];
    return result.map((edit) => ({ range: toRange(document.lines, edit.start, edit.end), newText: edit.newText }));
  };
  context.connection.onDocumentFormatting(guarded(context, 'formatting', [], (params) => edits(params.textDocument.uri)));
  context.connection.onDocumentRangeFormatting(
    guarded(context, 'range formatting', [], (params) => {
      const document = context.resolve(params.textDocument.uri);
      if (!document) return [];
      return edits(params.textDocument.uri, { start: toOffset(document.lines, params.range.start), end: toOffset(document.lines, params.range.end) });
    }),
  );
}
