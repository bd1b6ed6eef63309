/**
 * The ISMS language server: wires the connection, the documents and the
 * folders to the language service and the feature handlers. It only adapts;
 * every answer is computed by the language service (the facade).
 *
 * lifecycle.ts: initialize, capabilities, settings, workspace folders;
 * document-sync.ts: documents and files on disk → the folders' services;
 * analysis-scheduler.ts: when folders are analysed and diagnostics published;
 * handlers/: one module per group of requests.
 */
import type { Connection } from 'vscode-languageserver';
import { AnalysisScheduler } from './analysis-scheduler';
import { DiagnosticsPublisher } from './diagnostics-publisher';
import { createDocuments, registerDocumentSync } from './document-sync';
import { FolderRegistry } from './folder-registry';
import { registerFeatureHandlers } from './handlers/register';
import { registerLifecycle, type ClientAbilities } from './lifecycle';
import type { ServerContext } from './server-context';
import { DEFAULT_SETTINGS } from './settings';

export function startServer(connection: Connection): void {
  const documents = createDocuments();
  const logger = { info: (m: string) => connection.console.info(m), warn: (m: string) => connection.console.warn(m) };
  const client: ClientAbilities = { showsProgress: false, documentChanges: false, createsFiles: false };
  const publisher = new DiagnosticsPublisher(connection, documents);
  // The registry indexes each folder added; the scheduler needs the registry: bound once both exist.
  let scheduler: AnalysisScheduler | undefined;
  const folders = new FolderRegistry(DEFAULT_SETTINGS, logger, (folder) => void scheduler!.index(folder, client.showsProgress));
  scheduler = new AnalysisScheduler(connection, folders, publisher);

  const context: ServerContext = {
    connection,
    documents,
    folders,
    client,
    resolve(uri) {
      const ref = folders.resolve(uri);
      if (!ref) return undefined;
      const snapshot = ref.folder.service.snapshot();
      const parsed = snapshot.parsed(ref.file);
      if (!parsed) return undefined;
      return { folder: ref.folder, snapshot, file: ref.file, lines: parsed.lines, text: parsed.text };
    },
    uriOf: (folder, file) => folder.uriOf(file),
  };

  registerLifecycle(connection, folders, publisher, scheduler, client);
  registerDocumentSync(connection, documents, folders, scheduler, publisher);
  registerFeatureHandlers(context);
  documents.listen(connection);
  connection.listen();
}
