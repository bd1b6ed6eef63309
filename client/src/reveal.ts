/**
 * Revealing places the server reported: `isms.revealLocation(uri, start,
 * end)` with LSP positions, and `isms.showRisk(id)` (from code lenses and the
 * preview) through workspace symbols.
 */
import * as vscode from 'vscode';

export interface RevealTarget {
  readonly uri: string;
  readonly range: { readonly start: { line: number; character: number }; readonly end: { line: number; character: number } };
}

export async function reveal(target: RevealTarget): Promise<void> {
  const range = new vscode.Range(target.range.start.line, target.range.start.character, target.range.end.line, target.range.end.character);
  // From the preview or a view there is no active text editor: open in the first column, not over the preview.
  const viewColumn = vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.One;
  const editor = await vscode.window.showTextDocument(vscode.Uri.parse(target.uri), { selection: range, preserveFocus: false, preview: true, viewColumn });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

export function registerRevealCommands(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('isms.revealLocation', (target: RevealTarget) => reveal(target)),
    vscode.commands.registerCommand('isms.showRisk', async (id: string) => {
      const symbols = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', id);
      const match = symbols?.find((symbol) => symbol.name === id || symbol.name.startsWith(`${id} `));
      if (!match) return vscode.window.showWarningMessage(`No risk ${id} in this workspace.`);
      await reveal({ uri: match.location.uri.toString(), range: match.location.range });
    }),
  );
}
