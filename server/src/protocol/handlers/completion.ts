/** textDocument/completion → features/completion.ts. */
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem as LspCompletionItem } from 'vscode-languageserver';
import { completion, type CompletionItem, type CompletionKind } from '../../language-service';
import { toOffset, toRange } from '../convert';
import { guarded, type ServerContext } from '../server-context';

const KIND: Record<CompletionKind, CompletionItemKind> = {
  kind: CompletionItemKind.Keyword,
  field: CompletionItemKind.Property,
  enum: CompletionItemKind.EnumMember,
  reference: CompletionItemKind.Reference,
  'annex-control': CompletionItemKind.Constant,
  date: CompletionItemKind.Value,
  snippet: CompletionItemKind.Snippet,
};

export function registerCompletion(context: ServerContext): void {
  context.connection.onCompletion(
    guarded(context, 'completion', [], (params) => {
      const document = context.resolve(params.textDocument.uri);
      if (!document) return [];
      const offset = toOffset(document.lines, params.position);
      return completion(document.snapshot, document.file, offset).map((item) => toLsp(item, document.lines));
    }),
  );
}

function toLsp(item: CompletionItem, lines: Parameters<typeof toRange>[0]): LspCompletionItem {
  return {
    label: item.label,
    kind: KIND[item.kind],
    ...(item.detail ? { detail: item.detail } : {}),
    ...(item.documentation ? { documentation: { kind: MarkupKind.Markdown, value: item.documentation } } : {}),
    ...(item.filterText ? { filterText: item.filterText } : {}),
    ...(item.sortText ? { sortText: item.sortText } : {}),
    insertTextFormat: item.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    textEdit: { range: toRange(lines, item.replace.start, item.replace.end), newText: item.insertText },
  };
}
