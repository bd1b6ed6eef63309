/** textDocument/codeAction → features/code-actions: quick fixes bound to diagnostic codes and data. */
import { CodeActionKind, type CodeAction as LspCodeAction, type TextEdit } from 'vscode-languageserver';
import { codeActions } from '../../language-service';
import { toLspDiagnostic, toOffset, toRange } from '../convert';
import { guarded, type ServerContext } from '../server-context';

export function registerCodeActions(context: ServerContext): void {
  context.connection.onCodeAction(
    guarded(context, 'code actions', [], (params) => {
      const document = context.resolve(params.textDocument.uri);
      if (!document) return [];
      if (params.context.only && !params.context.only.some((kind) => CodeActionKind.QuickFix.startsWith(kind))) return [];
      const { folder, snapshot, lines } = document;
      const start = toOffset(lines, params.range.start);
      const end = toOffset(lines, params.range.end);
      const target = (file: string) => {
        const parsed = snapshot.parsed(file);
        return parsed ? { lines: parsed.lines, uri: folder.uriOf(file) } : undefined;
      };
      return codeActions(snapshot, document.file, start, end).map((action): LspCodeAction => {
        const changes: Record<string, TextEdit[]> = {};
        for (const [file, edits] of Object.entries(action.edit.changes)) {
          // A fix may create a file that does not exist yet; edits of such a file start at offset 0.
          const parsed = snapshot.parsed(file);
          changes[folder.uriOf(file)] = edits.map((edit) => ({
            range: parsed ? toRange(parsed.lines, edit.start, edit.end) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
            newText: edit.newText,
          }));
        }
        return {
          title: action.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [toLspDiagnostic(action.diagnostic, target(action.diagnostic.file)!, target)],
          ...(action.isPreferred ? { isPreferred: true } : {}),
          edit: { changes },
        };
      });
    }),
  );
}
