/** prepareRename and rename → features/rename.ts; refusals come back as errors the editor shows. */
import { ResponseError, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { prepareRename, rename } from '../../language-service';
import { toOffset, toRange } from '../convert';
import type { ServerContext } from '../server-context';

/** JSON-RPC error code for a request the server refuses (LSP RequestFailed). */
const REQUEST_FAILED = -32803;

export function registerRename(context: ServerContext): void {
  const { connection } = context;
  connection.onPrepareRename(async (params) => {
    const document = context.resolve(params.textDocument.uri);
    if (!document) return null;
    const result = prepareRename(document.snapshot, document.file, toOffset(document.lines, params.position));
    if ('error' in result) throw new ResponseError(REQUEST_FAILED, result.error);
    return { range: toRange(document.lines, result.start, result.end), placeholder: result.placeholder };
  });
  connection.onRenameRequest(async (params) => {
    const document = context.resolve(params.textDocument.uri);
    if (!document) return null;
    const result = rename(document.snapshot, document.file, toOffset(document.lines, params.position), params.newName);
    if ('error' in result) throw new ResponseError(REQUEST_FAILED, result.error);
    const changes: Record<string, TextEdit[]> = {};
    for (const [file, edits] of Object.entries(result.changes)) {
      const parsed = document.snapshot.parsed(file);
      if (!parsed) continue;
      changes[document.folder.uriOf(file)] = edits.map((edit) => ({ range: toRange(parsed.lines, edit.start, edit.end), newText: edit.newText }));
    }
    const edit: WorkspaceEdit = { changes };
    return edit;
  });
}
