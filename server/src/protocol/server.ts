/**
 * The ISMS language server: wires the connection, the documents and the
 * folders to the language service and the feature handlers. It only adapts;
 * every answer is computed by the pure language service and features.
 */
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { ANNEX_A_IDS } from '../catalogue/annex-a';
import { ANALYSIS_CHANGED_NOTIFICATION, type AnalysisChangedParams } from './custom-requests';
import { collectIfGrown, limitHeapGrowth } from '../node-host/heap-policy';
import { DiagnosticsPublisher } from './diagnostics-publisher';
import { FolderRegistry } from './folder-registry';
import type { IsmsFolder } from './isms-folder';
import { capabilities, registerFeatureHandlers } from './handlers/register';
import { DEFAULT_SETTINGS, readSettings, type ServerSettings } from './settings';
import type { ServerContext } from './server-context';

export function startServer(connection: Connection): void {
  const documents = new TextDocuments({ create: TextDocument.create, update: updateClamped });
  const logger = { info: (m: string) => connection.console.info(m), warn: (m: string) => connection.console.warn(m) };
  let clientCanConfigure = false;
  let clientRegistersConfiguration = false;
  let clientWatchesDynamically = false;
  let clientShowsProgress = false;
  let clientSupportsFolders = false;
  let initialFolders: string[] = [];

  const folders = new FolderRegistry(DEFAULT_SETTINGS, logger, (folder) => void indexFolder(folder));
  const publisher = new DiagnosticsPublisher(connection, documents);

  // Analysis runs on the next turn after a change, so that a burst of changes
  // is analysed once; it always sees the latest texts.
  const dirty = new Set<IsmsFolder>();
  const indexing = new Set<IsmsFolder>();
  let scheduled = false;
  function scheduleAnalysis(folder: IsmsFolder): void {
    dirty.add(folder);
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      for (const each of [...dirty]) {
        dirty.delete(each);
        if (indexing.has(each) || !folders.all().includes(each)) continue;
        try {
          const began = performance.now();
          const { errors, warnings } = publisher.publish(each);
          const soaDeclared = ANNEX_A_IDS.filter((id) => each.service.analysis().index.declarations(id).some((e) => e.kind === 'control')).length;
          const params: AnalysisChangedParams = { folderUri: each.uri, errors, warnings, soaDeclared, files: each.service.fileNames().length, analysisMs: Math.round(performance.now() - began) };
          void connection.sendNotification(ANALYSIS_CHANGED_NOTIFICATION, params);
          // From the first analysis on, the heap holds about what it will hold: from now on it grows slowly.
          limitHeapGrowth();
          setImmediate(collectIfGrown);
        } catch (error) {
          connection.console.error(`analysis of ${each.root} failed: ${(error as Error)?.stack ?? String(error)}`);
        }
      }
    });
  }

  async function indexFolder(folder: IsmsFolder): Promise<void> {
    indexing.add(folder);
    const progress = clientShowsProgress ? await connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
    // As the TypeScript and rust-analyzer servers do: "ISMS: reading 11 files…" while a folder loads, and a log line after.
    progress?.begin('ISMS', 0, 'reading files…', false);
    const began = performance.now();
    let count = 0;
    try {
      await folder.index((done, total) => {
        count = total;
        progress?.report(total === 0 ? 100 : Math.round((done / total) * 100), `reading ${total} ${total === 1 ? 'file' : 'files'}…`);
      });
      logger.info(`${folder.root}: ${count} .isms ${count === 1 ? 'file' : 'files'} read in ${Math.round(performance.now() - began)} ms`);
    } catch (error) {
      connection.console.error(`indexing ${folder.root} failed: ${(error as Error)?.message ?? String(error)}`);
    } finally {
      progress?.done();
      indexing.delete(folder);
      scheduleAnalysis(folder);
    }
  }

  const context: ServerContext = {
    connection,
    documents,
    folders,
    resolve(uri) {
      const ref = folders.resolve(uri);
      if (!ref) return undefined;
      const parsed = ref.folder.service.parsed(ref.file);
      if (!parsed) return undefined;
      return { folder: ref.folder, service: ref.folder.service, file: ref.file, lines: parsed.lines, text: parsed.text };
    },
    uriOf: (folder, file) => folder.uriOf(file),
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const workspace = params.capabilities.workspace;
    clientCanConfigure = workspace?.configuration === true;
    clientRegistersConfiguration = workspace?.didChangeConfiguration?.dynamicRegistration === true;
    clientWatchesDynamically = workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    clientShowsProgress = params.capabilities.window?.workDoneProgress === true;
    clientSupportsFolders = workspace?.workspaceFolders === true;
    initialFolders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
        ...capabilities(),
      },
      serverInfo: { name: 'isms-language-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(async () => {
    if (clientRegistersConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'isms' });
    if (clientCanConfigure) await refreshSettings();
    if (clientWatchesDynamically) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*' }] });
    }
    if (clientSupportsFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        for (const removed of event.removed) {
          const folder = folders.remove(removed.uri);
          if (folder) publisher.clearFolder(folder);
        }
        for (const added of event.added) folders.add(added.uri);
      });
    }
    for (const uri of initialFolders) folders.add(uri);
  });

  async function refreshSettings(): Promise<void> {
    let settings: ServerSettings = DEFAULT_SETTINGS;
    if (clientCanConfigure) {
      try {
        settings = readSettings(await connection.workspace.getConfiguration('isms'));
      } catch {
        settings = DEFAULT_SETTINGS;
      }
    }
    folders.configure(settings);
    for (const folder of folders.all()) scheduleAnalysis(folder);
  }

  connection.onDidChangeConfiguration(async (change) => {
    if (clientCanConfigure) await refreshSettings();
    else {
      folders.configure(readSettings((change.settings as { isms?: unknown } | undefined)?.isms));
      for (const folder of folders.all()) scheduleAnalysis(folder);
    }
  });

  documents.onDidOpen(({ document }) => {
    const ref = folders.resolve(document.uri, true);
    if (!ref) return;
    ref.folder.openDocument(ref.file, document.uri, document.getText());
    scheduleAnalysis(ref.folder);
  });
  documents.onDidChangeContent(({ document }) => {
    const ref = folders.resolve(document.uri);
    if (!ref) return;
    ref.folder.changeDocument(ref.file, document.getText());
    scheduleAnalysis(ref.folder);
  });
  documents.onDidClose(async ({ document }) => {
    const ref = folders.resolve(document.uri);
    if (!ref) return;
    await ref.folder.closeDocument(ref.file);
    scheduleAnalysis(ref.folder);
  });

  connection.onDidChangeWatchedFiles(async ({ changes }) => {
    const touched = new Set<IsmsFolder>();
    for (const change of changes) {
      const ref = folders.resolve(change.uri);
      if (!ref) continue;
      await ref.folder.diskChanged(ref.file);
      touched.add(ref.folder);
    }
    for (const folder of touched) scheduleAnalysis(folder);
  });

  registerFeatureHandlers(context);
  documents.listen(connection);
  connection.listen();
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
