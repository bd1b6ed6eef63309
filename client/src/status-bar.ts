/**
 * The ISMS language status item (as Pylance and ESLint show theirs, in the
 * `{}` of the status bar while an `.isms` editor is active): the ISMS folder
 * of the active editor with its SoA coverage, its error and warning counts
 * as detail; a click opens the Problems panel. Busy until the folder's first
 * analysis arrives. VS Code's own status bar already counts problems: the
 * extension adds no status-bar item of its own.
 */
import * as vscode from 'vscode';
import type { AnalysisChangedParams, IsmsRequests } from './server-requests';
import { shownFolder, statusText } from './status-text';

export interface IsmsLanguageStatus {
  readonly item: vscode.LanguageStatusItem;
  /** The folder URI (as the server spells it) the item shows, if any. */
  readonly folderUri: string | undefined;
}

const SEVERITY = {
  information: vscode.LanguageStatusSeverity.Information,
  warning: vscode.LanguageStatusSeverity.Warning,
  error: vscode.LanguageStatusSeverity.Error,
} as const;

export function registerStatusBar(context: vscode.ExtensionContext, requests: IsmsRequests, previewFolder: () => string | undefined): IsmsLanguageStatus {
  const item = vscode.languages.createLanguageStatusItem('isms.status', { language: 'isms' });
  item.name = 'ISMS';
  item.text = '$(loading~spin) ISMS';
  item.detail = 'Reading the workspace…';
  item.busy = true;
  const latest = new Map<string, AnalysisChangedParams>();
  let last: string | undefined;
  let shown: string | undefined;

  /** The server's key for the folder holding `uri` (the server names folders by their workspace-folder URI). */
  const serverKey = (uri: vscode.Uri | string | undefined): string | undefined => {
    if (uri === undefined) return undefined;
    const parsed = typeof uri === 'string' ? vscode.Uri.parse(uri) : uri;
    const folder = vscode.workspace.getWorkspaceFolder(parsed);
    const path = (folder?.uri ?? parsed).fsPath;
    return [...latest.keys()].find((key) => vscode.Uri.parse(key).fsPath === path) ?? folder?.uri.toString();
  };

  const render = () => {
    const editor = vscode.window.activeTextEditor?.document;
    const editorFolder = editor?.languageId === 'isms' ? serverKey(editor.uri) : undefined;
    if (editorFolder) last = editorFolder;
    shown = shownFolder({ editor: editorFolder, preview: serverKey(previewFolder()), last });
    const status = statusText(shown, latest);
    if (!status) {
      item.text = '$(loading~spin) ISMS';
      item.detail = 'Reading the workspace…';
      item.busy = true;
      item.severity = vscode.LanguageStatusSeverity.Information;
      item.command = undefined;
      return;
    }
    item.busy = false;
    item.text = status.text;
    item.detail = status.detail;
    item.severity = SEVERITY[status.severity];
    item.command = { title: 'Show Problems', command: 'isms.showProblems', arguments: [status.folderUri], tooltip: 'Show the problems of this ISMS' };
  };
  render();
  context.subscriptions.push(
    item,
    requests.onAnalysisChanged((params) => {
      latest.set(params.folderUri, params);
      render();
    }),
    vscode.window.onDidChangeActiveTextEditor(render),
    vscode.window.tabGroups.onDidChangeTabs(render),
    vscode.commands.registerCommand('isms.showProblems', () => vscode.commands.executeCommand('workbench.actions.view.problems')),
  );
  return {
    item,
    get folderUri() {
      return shown;
    },
  };
}
