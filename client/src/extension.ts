/**
 * The VS Code extension: starts the language server and renders what it
 * computes. Architecture invariant: the client never parses `.isms` text.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerExportCommands } from './export-commands';
import { registerSoaPreview, type SoaPreviewApi } from './preview/soa-preview';
import { registerRevealCommands } from './reveal';
import { createServerClient } from './server-client';
import { IsmsRequests } from './server-requests';
import { registerSkeletonCommand } from './skeleton';
import { registerStatusBar } from './status-bar';
import type { ClausesTreeProvider } from './tree/clauses-tree';
import type { RisksTreeProvider } from './tree/risks-tree';
import type { SoaTreeProvider } from './tree/soa-tree';
import { registerIsmsViews } from './tree/views';

let client: LanguageClient | undefined;

/** What activate returns: the integration tests reach the client and the views through it. */
export interface IsmsExtensionApi {
  readonly client: LanguageClient;
  readonly requests: IsmsRequests;
  /** The data providers of the views isms.clauses, isms.risks and isms.soa. */
  readonly views: { readonly clauses: ClausesTreeProvider; readonly risks: RisksTreeProvider; readonly soa: SoaTreeProvider };
  /** The SoA preview: `current` is the open panel, if any. */
  readonly preview: SoaPreviewApi;
}

export async function activate(context: vscode.ExtensionContext): Promise<IsmsExtensionApi> {
  const output = vscode.window.createOutputChannel('ISMS', { log: true });
  context.subscriptions.push(output);
  client = createServerClient(context, output);
  const requests = new IsmsRequests(client);
  context.subscriptions.push(
    vscode.commands.registerCommand('isms.restartServer', async () => {
      await client?.restart();
    }),
  );
  await updateHasIsmsFiles();
  context.subscriptions.push(vscode.workspace.onDidCreateFiles(updateHasIsmsFiles), vscode.workspace.onDidDeleteFiles(updateHasIsmsFiles));
  await client.start();
  registerStatusBar(context, requests);
  registerRevealCommands(context);
  const views = registerIsmsViews(context, requests);
  const preview = registerSoaPreview(context, requests);
  registerExportCommands(context, requests);
  registerSkeletonCommand(context, requests);
  return { client, requests, views: { clauses: views.clauses, risks: views.risks, soa: views.soa }, preview };
}

/** Drives the welcome view: shown while the workspace has no `.isms` file. */
async function updateHasIsmsFiles(): Promise<void> {
  const found = await vscode.workspace.findFiles('**/*.isms', '**/node_modules/**', 1);
  await vscode.commands.executeCommand('setContext', 'isms.hasIsmsFiles', found.length > 0);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
