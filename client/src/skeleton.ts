/**
 * `isms.createSkeleton`: writes a starter ISMS (composed by the server,
 * `isms/skeleton`) into the first workspace folder, never over an existing
 * file, then opens its organization file.
 */
import * as vscode from 'vscode';
import type { IsmsRequests } from './server-requests';

export function registerSkeletonCommand(context: vscode.ExtensionContext, requests: IsmsRequests): void {
  context.subscriptions.push(vscode.commands.registerCommand('isms.createSkeleton', () => createSkeleton(requests)));
}

/** Returns the URIs written (empty when nothing was). */
export async function createSkeleton(requests: IsmsRequests): Promise<vscode.Uri[]> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    const open = 'Open Folder';
    const choice = await vscode.window.showWarningMessage('Open a folder first: the ISMS skeleton is written into the workspace folder.', open);
    if (choice === open) await vscode.commands.executeCommand('workbench.action.files.openFolder');
    return [];
  }
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
