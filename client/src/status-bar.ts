/** The status bar item: SoA coverage and the error count; a click opens the Problems panel. */
import * as vscode from 'vscode';
import type { AnalysisChangedParams, IsmsRequests } from './server-requests';

export function registerStatusBar(context: vscode.ExtensionContext, requests: IsmsRequests): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem('isms.status', vscode.StatusBarAlignment.Left, 50);
  item.name = 'ISMS';
  item.command = 'isms.showProblems';
  const latest = new Map<string, AnalysisChangedParams>();
  /** The folder of the active editor when the server analysed it, else every folder together. */
  const shown = (): AnalysisChangedParams[] => {
    const document = vscode.window.activeTextEditor?.document;
    const folder = document && vscode.workspace.getWorkspaceFolder(document.uri);
    const match = folder && [...latest.values()].find((f) => vscode.Uri.parse(f.folderUri).fsPath === folder.uri.fsPath);
    return match ? [match] : [...latest.values()];
  };
  const render = () => {
    const folders = shown();
    if (folders.length === 0) return item.hide();
    const errors = folders.reduce((sum, f) => sum + f.errors, 0);
    const warnings = folders.reduce((sum, f) => sum + f.warnings, 0);
    const declared = Math.min(...folders.map((f) => f.soaDeclared));
    item.text = `$(shield) SoA ${declared}/93 $(error) ${errors} $(warning) ${warnings}`;
    item.tooltip = `ISMS: ${declared} of 93 Annex A controls in the Statement of Applicability; ${errors} errors, ${warnings} warnings. Click to show the problems.`;
    item.backgroundColor = errors > 0 ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    item.show();
  };
  context.subscriptions.push(
    item,
    requests.onAnalysisChanged((params) => {
      latest.set(params.folderUri, params);
      render();
    }),
    vscode.window.onDidChangeActiveTextEditor(render),
    vscode.commands.registerCommand('isms.showProblems', () => vscode.commands.executeCommand('workbench.actions.view.problems')),
  );
  return item;
}
