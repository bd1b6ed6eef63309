/** textDocument/codeAction → features/code-actions: quick fixes bound to diagnostic codes and data. */
import { CodeActionKind, type CodeAction as LspCodeAction } from 'vscode-languageserver';
import { codeActions } from '../../language-service';
import { toLspDiagnostic, toOffset } from '../convert';
import { guarded, type ServerContext } from '../server-context';
import { toLspWorkspaceEdit } from '../workspace-edits';

export function registerCodeActions(context: ServerContext): void {
  context.connection.onCodeAction(
    guarded(context, 'code actions', [], async (params) => {
      let document = context.resolve(params.textDocument.uri);
      if (!document) return [];
      if (params.context.only && !params.context.only.some((kind) => CodeActionKind.QuickFix.startsWith(kind))) return [];
      const compute = (resolved: NonNullable<typeof document>) =>
        codeActions(resolved.snapshot, resolved.file, toOffset(resolved.lines, params.range.start), toOffset(resolved.lines, params.range.end));
      let actions = compute(document);
      // The files the fixes edit that are not open are re-read: if one changed on disk, the fixes are computed again (issue 14 #7).
      const touched = new Set(actions.flatMap((action) => Object.keys(action.edit.changes)));
      if (touched.size > 0 && (await document.folder.refreshFromDisk(touched))) {
        document = context.resolve(params.textDocument.uri);
        if (!document) return [];
        actions = compute(document);
      }
      const { folder, snapshot } = document;
      const target = (file: string) => {
        const parsed = snapshot.parsed(file);
        return parsed ? { lines: parsed.lines, uri: folder.uriOf(file) } : undefined;
      };
      return actions.map(
        (action): LspCodeAction => ({
          title: action.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [toLspDiagnostic(action.diagnostic, target(action.diagnostic.file)!, target)],
          ...(action.isPreferred ? { isPreferred: true } : {}),
          edit: toLspWorkspaceEdit(context, folder, snapshot, action.edit),
        }),
      );
    }),
  );
}
