/**
 * What the end-to-end suites share: the extension's API, the workspace
 * folders, and bounded waits on VS Code events (never fixed sleeps).
 *
 * Not a suite itself (no `.e2e.ts`): esbuild inlines it into each suite's
 * bundle. Only types come from client/src: the suites talk to the extension
 * the way VS Code does, through `vscode` and the API that activate() returns.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { IsmsExtensionApi } from '../../client/src/extension';
import type { UpdateMessage } from '../../client/src/preview/messages';
import type { SoaPreviewPanel } from '../../client/src/preview/panel';
import type { TreeNode } from '../../client/src/tree/node-tree';

export type { IsmsExtensionApi, TreeNode };

export const EXTENSION_ID = 'isms-studio.isms-studio';

/** How long to wait for the language server's answers (its first analysis included). */
export const SERVER_TIMEOUT_MS = 30_000;

export function extension(): vscode.Extension<IsmsExtensionApi> {
  const found = vscode.extensions.getExtension<IsmsExtensionApi>(EXTENSION_ID);
  assert.ok(found, `${EXTENSION_ID} is not installed`);
  return found;
}

/** The API that activate() returned (activating first if needed, bounded). */
export async function extensionApi(): Promise<IsmsExtensionApi> {
  const found = extension();
  const api = found.isActive ? found.exports : await withTimeout(Promise.resolve(found.activate()), SERVER_TIMEOUT_MS, `${EXTENSION_ID} to activate`);
  assert.ok(api?.client, 'activate() returned no language client');
  return api;
}

export function workspaceFolder(name: string): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.name === name);
  assert.ok(folder, `no workspace folder named ${name}: ${vscode.workspace.workspaceFolders?.map((f) => f.name).join(', ')}`);
  return folder;
}

/** A file of a workspace folder, e.g. fileOf('flawed', 'risks.isms'). */
export function fileOf(folder: string, name: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder(folder).uri, name);
}

export function codeOf(diagnostic: vscode.Diagnostic): string | number | undefined {
  const code = diagnostic.code;
  return typeof code === 'object' ? code.value : code;
}

/** `code@line` with 1-based lines, as `isms check` and the example's comments count them. */
export function codesAtLines(uri: vscode.Uri): string[] {
  return vscode.languages.getDiagnostics(uri).map((d) => `${codeOf(d)}@${d.range.start.line + 1}`);
}

/** Rejects with `what` in the message when `promise` has not settled within `timeoutMs`. */
export function withTimeout<T>(promise: Thenable<T>, timeoutMs: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
    Promise.resolve(promise).then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** Resolves with the first event for which `matches` holds, bounded. */
export function nextEvent<T>(event: vscode.Event<T>, matches: (value: T) => boolean, timeoutMs: number, what: string): Promise<T> {
  let subscription: vscode.Disposable | undefined;
  const found = new Promise<T>((resolve) => {
    subscription = event((value) => {
      if (matches(value)) resolve(value);
    });
  });
  return withTimeout(found, timeoutMs, what).finally(() => subscription?.dispose());
}

/**
 * Resolves once `done()` holds for the diagnostics of `uri`: checked now and
 * on each diagnostics change of `uri`. Subscribe (call this) before causing
 * the change. The timeout's message lists what was seen.
 */
export function waitForDiagnostics(uri: vscode.Uri, done: (diagnostics: vscode.Diagnostic[]) => boolean, timeoutMs = SERVER_TIMEOUT_MS): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const current = vscode.languages.getDiagnostics(uri);
    if (done(current)) return resolve(current);
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`no matching diagnostics for ${uri.toString()} after ${timeoutMs} ms; seen: ${JSON.stringify(codesAtLines(uri))}`));
    }, timeoutMs);
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((u) => u.toString() === uri.toString())) return;
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (!done(diagnostics)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(diagnostics);
    });
  });
}

/** Opens `uri` in an editor (in the first column) and returns the editor. */
export async function showFile(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, preview: false });
}

/** A completion item's label as text (snippets come with `{ label, description }`). */
export function labelOf(item: vscode.CompletionItem | vscode.TreeItem): string {
  const label = item.label;
  if (label === undefined) return '';
  return typeof label === 'string' ? label : label.label;
}

/** A tree node's children as the view asks for them (root: no node). */
export async function childrenOf(provider: vscode.TreeDataProvider<TreeNode>, node?: TreeNode): Promise<TreeNode[]> {
  return (await withTimeout(Promise.resolve(provider.getChildren(node)), SERVER_TIMEOUT_MS, 'the tree children')) ?? [];
}

/** The node among `nodes` with this label. */
export function nodeLabelled(nodes: readonly TreeNode[], label: string): TreeNode {
  const node = nodes.find((n) => labelOf(n.item) === label);
  assert.ok(node, `no tree item '${label}' among ${JSON.stringify(nodes.map((n) => labelOf(n.item)))}`);
  return node;
}

/** `label — description` of each node, for exact comparisons. */
export function rows(nodes: readonly TreeNode[]): string[] {
  return nodes.map((n) => `${labelOf(n.item)} — ${String(n.item.description ?? '')}`);
}

/** Bounded polling of a condition that has no change event (extension activation only). */
export async function pollUntil(condition: () => boolean, timeoutMs: number, message: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${message} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Every message `panel` posts while `action` runs (watched on the webview's postMessage). */
export async function postedDuring(panel: SoaPreviewPanel, action: () => Promise<unknown>): Promise<unknown[]> {
  const webview = panel.panel.webview;
  const posted: unknown[] = [];
  const postMessage = webview.postMessage;
  webview.postMessage = (message: unknown) => {
    posted.push(message);
    return postMessage.call(webview, message);
  };
  try {
    await action();
  } finally {
    webview.postMessage = postMessage;
  }
  return posted;
}

/** The `update` messages among those posted. */
export function updatesOf(posted: readonly unknown[]): UpdateMessage[] {
  return posted.filter((m): m is UpdateMessage => (m as { type?: string }).type === 'update');
}
