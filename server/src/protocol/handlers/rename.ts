/** prepareRename and rename → features/rename.ts; refusals come back as errors the editor shows. */
import { ResponseError } from 'vscode-languageserver';
import { prepareRename, rename } from '../../language-service';
import { toOffset, toRange } from '../convert';
import type { ServerContext } from '../server-context';
import { toLspWorkspaceEdit } from '../workspace-edits';

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
    const before = context.resolve(params.textDocument.uri);
    if (!before) return null;
    // Files not open are re-read first: a rename computed on a stale text edits the wrong place (issue 14 #7).
    await before.folder.refreshFromDisk();
    const document = context.resolve(params.textDocument.uri);
    if (!document) return null;
    const result = rename(document.snapshot, document.file, toOffset(document.lines, params.position), params.newName);
    if ('error' in result) throw new ResponseError(REQUEST_FAILED, result.error);
    return toLspWorkspaceEdit(context, document.folder, document.snapshot, result);
  });
}
