/**
 * The editor's documents and the files on disk → the folders' services: an
 * open document's text is the truth for its file; on close, or when a file
 * changes on disk, the file goes back to what is on disk. Each change
 * schedules an analysis of its folder.
 */
import { TextDocuments, type Connection } from 'vscode-languageserver';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { AnalysisScheduler } from './analysis-scheduler';
import type { DiagnosticsPublisher } from './diagnostics-publisher';
import type { FolderRegistry } from './folder-registry';
import type { IsmsFolder } from './isms-folder';

/** The documents of a session, their lines table kept safe from out-of-range edits. */
export function createDocuments(): TextDocuments<TextDocument> {
  return new TextDocuments({ create: TextDocument.create, update: updateClamped });
}

export function registerDocumentSync(connection: Connection, documents: TextDocuments<TextDocument>, folders: FolderRegistry, scheduler: AnalysisScheduler, publisher: DiagnosticsPublisher): void {
  documents.onDidOpen(({ document }) => {
    const ref = folders.resolve(document.uri, true);
    if (!ref) return;
    ref.folder.openDocument(ref.file, document.uri, document.getText());
    scheduler.schedule(ref.folder);
  });
  documents.onDidChangeContent(({ document }) => {
    const ref = folders.resolve(document.uri);
    if (!ref) return;
    ref.folder.changeDocument(ref.file, document.getText());
    scheduler.schedule(ref.folder);
  });
  documents.onDidClose(async ({ document }) => {
    const ref = folders.resolve(document.uri);
    if (!ref) return;
    // A stray file closed: its one-file ISMS goes, with its diagnostics.
    if (folders.removeSingle(ref.folder)) {
      publisher.clearFolder(ref.folder);
      return;
    }
    await ref.folder.closeDocument(ref.file);
    scheduler.schedule(ref.folder);
  });

  connection.onDidChangeWatchedFiles(async ({ changes }) => {
    const touched = new Set<IsmsFolder>();
    for (const change of changes) {
      const ref = folders.resolve(change.uri);
      if (!ref) continue;
      await ref.folder.diskChanged(ref.file);
      touched.add(ref.folder);
    }
    for (const folder of touched) scheduler.schedule(folder);
  });
}

/**
 * Applies changes one by one, each range clamped to the document as it then
 * is. Clients should never send positions beyond the end, but one that does
 * must not corrupt the text: the library's line table breaks on such ranges.
 */
function updateClamped(document: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument {
  for (const change of changes) {
    if (!('range' in change) || !change.range) {
      TextDocument.update(document, [change], version);
      continue;
    }
    const clamp = (position: { line: number; character: number }) => document.positionAt(document.offsetAt(position));
    const start = clamp(change.range.start);
    const end = clamp(change.range.end);
    TextDocument.update(document, [{ range: { start, end }, text: change.text }], version);
  }
  return document;
}
