/**
 * `isms.createSkeleton`: asks for the folder (the first workspace folder
 * proposed), writes a starter ISMS (composed by the server, `isms/skeleton`)
 * into it, never over an existing file, updates the welcome view at once and
 * opens its organization file.
 */
import * as vscode from 'vscode';
import type { IsmsRequests } from './server-requests';

export function registerSkeletonCommand(context: vscode.ExtensionContext, requests: IsmsRequests, written: (uris: vscode.Uri[]) => unknown): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('isms.createSkeleton', async (options?: { folder?: vscode.Uri }) => {
      const uris = await createSkeleton(requests, options?.folder);
      if (uris.length > 0) await written(uris);
      return uris;
    }),
  );
}

/** The folder to write into: the one given (tests, menus), else the one the user picks; `undefined` when cancelled. */
async function chooseFolder(given: vscode.Uri | undefined): Promise<{ uri: vscode.Uri; name: string } | undefined> {
  if (given) return { uri: given, name: vscode.workspace.getWorkspaceFolder(given)?.name ?? given.path.split('/').filter(Boolean).pop() ?? given.toString() };
  const folders = vscode.workspace.workspaceFolders ?? [];
  const picked = await vscode.window.showOpenDialog({
    canSelectFiles: false,
    canSelectFolders: true,
    canSelectMany: false,
    defaultUri: folders[0]?.uri,
    title: 'Create an ISMS Skeleton: choose its folder',
    openLabel: 'Create the Skeleton Here',
  });
  const uri = picked?.[0];
  if (!uri) return undefined;
  return { uri, name: vscode.workspace.getWorkspaceFolder(uri)?.name ?? uri.path.split('/').filter(Boolean).pop() ?? uri.toString() };
}

/** Returns the URIs written (empty when nothing was). */
export async function createSkeleton(requests: IsmsRequests, given?: vscode.Uri): Promise<vscode.Uri[]> {
  if (!given && !vscode.workspace.workspaceFolders?.length) {
    const open = 'Open Folder';
    const choice = await vscode.window.showWarningMessage('Open a folder first: the ISMS skeleton is written into the workspace folder.', open);
    if (choice === open) await vscode.commands.executeCommand('workbench.action.files.openFolder');
    return [];
  }
  const folder = await chooseFolder(given);
  if (!folder) return [];
  const skeleton = await requests.skeleton(folder.name);
  const files = skeleton.files.map((file) => ({
    ...file,
    uri: vscode.Uri.joinPath(folder.uri, ...file.path.split('/')),
  }));
  const existing: string[] = [];
  for (const file of files) if (await exists(file.uri)) existing.push(file.path);
  if (existing.length > 0) {
    await vscode.window.showWarningMessage(`Nothing was written: ${existing.join(', ')} already exist${existing.length === 1 ? 's' : ''} in ${folder.name}.`);
    return [];
  }
  // A workspace edit, so the creation can be undone and file-creation listeners hear of it.
  const edit = new vscode.WorkspaceEdit();
  const encoder = new TextEncoder();
  for (const file of files) edit.createFile(file.uri, { overwrite: false, contents: encoder.encode(file.text) });
  if (!(await vscode.workspace.applyEdit(edit))) {
    await vscode.window.showErrorMessage(`Could not create the ISMS skeleton in ${folder.name}.`);
    return [];
  }
  const main = files.find((file) => file.path === skeleton.mainFile)!;
  await vscode.window.showTextDocument(main.uri, { preview: false });
  return files.map((file) => file.uri);
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
