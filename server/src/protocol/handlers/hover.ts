/** textDocument/hover → features/hover.ts. */
import { MarkupKind } from 'vscode-languageserver';
import { hover } from '../../language-service';
import { toOffset, toRange } from '../convert';
import { guarded, type ServerContext } from '../server-context';

export function registerHover(context: ServerContext): void {
  context.connection.onHover(
    guarded(context, 'hover', null, (params) => {
      const document = context.resolve(params.textDocument.uri);
      if (!document) return null;
      const result = hover(document.snapshot, document.file, toOffset(document.lines, params.position));
      if (!result) return null;
      return { contents: { kind: MarkupKind.Markdown, value: result.markdown }, range: toRange(document.lines, result.range.start, result.range.end) };
    }),
  );
}
