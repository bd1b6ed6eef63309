/**
 * The session's lifecycle: what the client can do (initialize), the
 * capabilities the server announces, the settings and their changes, the
 * workspace folders as they come and go.
 */
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { VERSION } from '../node-host/version';
import type { AnalysisScheduler } from './analysis-scheduler';
import type { DiagnosticsPublisher } from './diagnostics-publisher';
import type { FolderRegistry } from './folder-registry';
import { capabilities } from './handlers/register';
import { DEFAULT_SETTINGS, readSettings, type ServerSettings } from './settings';

/** What the client said it can do, once initialized. */
export interface ClientAbilities {
  showsProgress: boolean;
  /** Whether workspace edits may be versioned `documentChanges` (workspace.workspaceEdit.documentChanges). */
  documentChanges: boolean;
  /** Whether `documentChanges` may create files (workspace.workspaceEdit.resourceOperations has `create`). */
  createsFiles: boolean;
}

export function registerLifecycle(connection: Connection, folders: FolderRegistry, publisher: DiagnosticsPublisher, scheduler: AnalysisScheduler, client: ClientAbilities): void {
  let canConfigure = false;
  let registersConfiguration = false;
  let watchesDynamically = false;
  let supportsFolders = false;
  let initialFolders: string[] = [];

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const workspace = params.capabilities.workspace;
    canConfigure = workspace?.configuration === true;
    registersConfiguration = workspace?.didChangeConfiguration?.dynamicRegistration === true;
    watchesDynamically = workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    client.showsProgress = params.capabilities.window?.workDoneProgress === true;
    client.documentChanges = workspace?.workspaceEdit?.documentChanges === true;
    client.createsFiles = workspace?.workspaceEdit?.resourceOperations?.includes('create') === true;
    supportsFolders = workspace?.workspaceFolders === true;
    initialFolders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
        ...capabilities(),
      },
      serverInfo: { name: 'isms-language-server', version: VERSION },
    };
  });

  connection.onInitialized(async () => {
    if (registersConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'isms' });
    if (canConfigure) await refreshSettings();
    if (watchesDynamically) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*' }] });
    }
    if (supportsFolders) {
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
    if (canConfigure) {
      try {
        settings = readSettings(await connection.workspace.getConfiguration('isms'));
      } catch {
        settings = DEFAULT_SETTINGS;
      }
    }
    folders.configure(settings);
    scheduler.scheduleAll();
  }

  connection.onDidChangeConfiguration(async (change) => {
    if (canConfigure) await refreshSettings();
    else {
      folders.configure(readSettings((change.settings as { isms?: unknown } | undefined)?.isms));
      scheduler.scheduleAll();
    }
  });
}
