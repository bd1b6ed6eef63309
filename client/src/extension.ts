/**
 * The VS Code extension: starts the language server and renders what it
 * computes. Architecture invariant: the client never parses `.isms` text.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerExportCommands } from './export-commands';
import { analysisLine, createLog } from './log';
import { registerSoaPreview, type SoaPreviewApi } from './preview/soa-preview';
import { registerRevealCommands } from './reveal';
import { createServerClient } from './server-client';
import { IsmsRequests } from './server-requests';
import { registerSeveritySetting } from './severity-setting';
import { registerSkeletonCommand } from './skeleton';
import { registerStatusBar, type IsmsLanguageStatus } from './status-bar';
import type { ClausesTreeProvider } from './tree/clauses-tree';
import type { RisksTreeProvider } from './tree/risks-tree';
import type { SoaTreeProvider } from './tree/soa-tree';
import type { FrameworksTreeProvider } from './tree/frameworks-tree';
import { registerIsmsViews } from './tree/views';

let client: LanguageClient | undefined;

/** What activate returns: the integration tests reach the client and the views through it. */
export interface IsmsExtensionApi {
  readonly client: LanguageClient;
  readonly requests: IsmsRequests;
  /** The data providers of the views isms.clauses, isms.risks, isms.soa and isms.frameworks. */
  readonly views: { readonly clauses: ClausesTreeProvider; readonly risks: RisksTreeProvider; readonly soa: SoaTreeProvider; readonly frameworks: FrameworksTreeProvider };
  /** The SoA preview: `current` is the open panel, if any. */
  readonly preview: SoaPreviewApi;
  /** The ISMS language status item and the folder it shows. */
  readonly status: IsmsLanguageStatus;
}

export async function activate(context: vscode.ExtensionContext): Promise<IsmsExtensionApi> {
  const output = vscode.window.createOutputChannel('ISMS', { log: true });
  context.subscriptions.push(output);
  const log = createLog(output);
  log.info(`ISMS Studio ${context.extension?.packageJSON?.version ?? ''} starting; folders: ${(vscode.workspace.workspaceFolders ?? []).map((f) => f.name).join(', ') || 'none'}`);
  client = createServerClient(context, output);
  const requests = new IsmsRequests(client);
  // The first analysis of each folder at info (file count and time), every later one at debug.
  const logged = new Set<string>();
  context.subscriptions.push(
    requests.onAnalysisChanged((params) => {
      if (logged.has(params.folderUri)) log.debug(analysisLine(params));
      else {
        logged.add(params.folderUri);
        log.info(analysisLine(params));
      }
    }),
  );
  context.subscriptions.push(
    vscode.commands.registerCommand('isms.restartServer', async () => {
      await client?.restart();
    }),
  );
  // The views, the preview, the status and the commands exist before the server starts: VS Code asks for
  // the views at once ("There is no data provider registered…" otherwise); they show a loading state.
  registerRevealCommands(context);
  const views = registerIsmsViews(context, requests);
  const preview = registerSoaPreview(context, requests);
  const status = registerStatusBar(context, requests, () => preview.current?.folderUri);
  registerExportCommands(context, requests);
  registerSeveritySetting(context);
  registerSkeletonCommand(context, requests, async () => {
    await setHasIsmsFiles(true);
    views.refresh();
  });
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.isms', false, true, false);
  context.subscriptions.push(
    watcher,
    watcher.onDidCreate(() => setHasIsmsFiles(true)),
    watcher.onDidDelete(updateHasIsmsFiles),
    vscode.workspace.onDidCreateFiles(updateHasIsmsFiles),
    vscode.workspace.onDidDeleteFiles(updateHasIsmsFiles),
    vscode.workspace.onDidChangeWorkspaceFolders(updateHasIsmsFiles),
  );
  // Without a .isms file there is nothing to load: the Clauses view shows its welcome at once, not a spinner.
  if (!(await updateHasIsmsFiles())) views.ready();
  const starting = Date.now();
  await client.start();
  log.info(`language server started in ${Date.now() - starting} ms`);
  return { client, requests, views: { clauses: views.clauses, risks: views.risks, soa: views.soa, frameworks: views.frameworks }, preview, status };
}

async function setHasIsmsFiles(value: boolean): Promise<void> {
  await vscode.commands.executeCommand('setContext', 'isms.hasIsmsFiles', value);
}

/** Drives the welcome view: shown while the workspace has no `.isms` file. */
async function updateHasIsmsFiles(): Promise<boolean> {
  const found = await vscode.workspace.findFiles('**/*.isms', '**/node_modules/**', 1);
  await setHasIsmsFiles(found.length > 0);
  return found.length > 0;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
