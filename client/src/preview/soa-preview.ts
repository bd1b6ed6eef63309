/**
 * The commands `isms.openSoaPreview` and `isms.openSoaPreviewToSide`, the
 * live refresh on `isms/analysisChanged`, and the serializer that restores
 * the panel after a reload.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { IsmsRequests } from '../server-requests';
import { SOA_PREVIEW_VIEW_TYPE } from './messages';
import { SoaPreviewPanel, type PreviewTarget } from './panel';
import { folderUriOfState } from './webview/state';

export { SoaPreviewPanel, type PreviewTarget } from './panel';

/** What the extension can hand to integration tests. */
export interface SoaPreviewApi {
  /** The open preview, if any. */
  readonly current: SoaPreviewPanel | undefined;
}

/** A name for a target that is not a workspace folder: the folder holding the file. */
function targetOf(uri: vscode.Uri): PreviewTarget {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (folder) return { uri: folder.uri.toString(), name: folder.name };
  // A file outside every workspace folder: the server takes the files beside it as its ISMS.
  return { uri: uri.toString(), name: path.posix.basename(path.posix.dirname(uri.path)) || uri.toString() };
}

/**
 * The folder to preview: that of the URI a menu passed, else of the active
 * editor, else the open preview's, else the only workspace folder, else one
 * the user picks.
 */
export async function previewTarget(resource?: vscode.Uri): Promise<PreviewTarget | undefined> {
  const candidate = resource ?? vscode.window.activeTextEditor?.document.uri;
  if (candidate && candidate.scheme !== 'untitled') return targetOf(candidate);
  const open = SoaPreviewPanel.current;
  if (open) return open.target;
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 1) return { uri: folders[0]!.uri.toString(), name: folders[0]!.name };
  if (folders.length > 1) {
    const picked = await vscode.window.showWorkspaceFolderPick({ placeHolder: 'The workspace folder whose Statement of Applicability to preview' });
    return picked ? { uri: picked.uri.toString(), name: picked.name } : undefined;
  }
  return undefined;
}

export function registerSoaPreview(context: vscode.ExtensionContext, requests: IsmsRequests): SoaPreviewApi {
  const open = async (resource: unknown, toSide: boolean): Promise<SoaPreviewPanel | undefined> => {
    const target = await previewTarget(resource instanceof vscode.Uri ? resource : undefined);
    if (!target) {
      void vscode.window.showWarningMessage('Open a workspace folder with .isms files to preview its Statement of Applicability.');
      return undefined;
    }
    const placement = toSide
      ? { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }
      : { viewColumn: vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.Active, preserveFocus: false };
    return SoaPreviewPanel.createOrShow(context, requests, target, placement);
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('isms.openSoaPreview', (resource?: unknown) => open(resource, false)),
    vscode.commands.registerCommand('isms.openSoaPreviewToSide', (resource?: unknown) => open(resource, true)),
    requests.onAnalysisChanged((params) => SoaPreviewPanel.current?.analysisChanged(params)),
    // The preview follows the ISMS of the active editor, as the Markdown preview follows its document.
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      const current = SoaPreviewPanel.current;
      if (!current || !editor || editor.document.languageId !== 'isms' || editor.document.uri.scheme === 'untitled') return;
      current.follow(targetOf(editor.document.uri));
    }),
    vscode.window.registerWebviewPanelSerializer(SOA_PREVIEW_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
        const saved = folderUriOfState(state);
        const target = saved ? targetOf(vscode.Uri.parse(saved)) : await previewTarget();
        if (!target) {
          panel.dispose();
          return;
        }
        SoaPreviewPanel.revive(panel, context, requests, target);
      },
    }),
    { dispose: () => SoaPreviewPanel.current?.dispose() },
  );

  return {
    get current() {
      return SoaPreviewPanel.current;
    },
  };
}
