/**
 * The VS Code extension: starts the language server and renders what it
 * computes. Architecture invariant: the client never parses `.isms` text.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createServerClient } from './server-client';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<{ client: LanguageClient }> {
  const output = vscode.window.createOutputChannel('ISMS', { log: true });
  context.subscriptions.push(output);
  client = createServerClient(context, output);
  context.subscriptions.push(
    vscode.commands.registerCommand('isms.restartServer', async () => {
      await client?.restart();
    }),
  );
  await client.start();
  return { client };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
