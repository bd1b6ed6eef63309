/**
 * The language service's edits (offsets per file) → an LSP WorkspaceEdit
 * (issue 14 #7). When the client supports `documentChanges`, every file's
 * edits are a TextDocumentEdit carrying the version they were computed
 * against: the open document's version, or `null` for a file that is not open
 * (whose text was re-read from disk just before, see
 * {@link IsmsFolder.refreshFromDisk}). The editor then refuses edits computed
 * against a text it no longer has, instead of editing the wrong place.
 * Otherwise plain `changes`.
 */
import type { CreateFile, TextDocumentEdit, TextEdit as LspTextEdit, WorkspaceEdit as LspWorkspaceEdit } from 'vscode-languageserver';
import type { Snapshot, WorkspaceEdit } from '../language-service';
import { toRange } from './convert';
import type { IsmsFolder } from './isms-folder';
import type { ServerContext } from './server-context';

const START = { line: 0, character: 0 };

export function toLspWorkspaceEdit(context: ServerContext, folder: IsmsFolder, snapshot: Snapshot, edit: WorkspaceEdit): LspWorkspaceEdit {
  const perFile: { file: string; uri: string; exists: boolean; edits: LspTextEdit[] }[] = [];
  for (const [file, edits] of Object.entries(edit.changes)) {
    // A fix may create a file that does not exist yet; edits of such a file start at offset 0.
    const parsed = snapshot.parsed(file);
    perFile.push({
      file,
      uri: folder.uriOf(file),
      exists: parsed !== undefined,
      edits: edits.map((one) => ({ range: parsed ? toRange(parsed.lines, one.start, one.end) : { start: START, end: START }, newText: one.newText })),
    });
  }
  const creates = perFile.some((entry) => !entry.exists);
  if (context.client.documentChanges && (!creates || context.client.createsFiles)) {
    const documentChanges: (TextDocumentEdit | CreateFile)[] = [];
    for (const entry of perFile) {
      if (!entry.exists) documentChanges.push({ kind: 'create', uri: entry.uri, options: { ignoreIfExists: true } });
      const version = folder.isOpen(entry.file) ? (context.documents.get(entry.uri)?.version ?? null) : null;
      documentChanges.push({ textDocument: { uri: entry.uri, version }, edits: entry.edits });
    }
    return { documentChanges };
  }
  const changes: Record<string, LspTextEdit[]> = {};
  for (const entry of perFile) changes[entry.uri] = entry.edits;
  return { changes };
}
