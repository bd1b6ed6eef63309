/**
 * Quick fixes as VS Code gets them (`vscode.executeCodeActionProvider` on a
 * diagnostic's range) and applies them (`vscode.workspace.applyEdit`): the
 * document's exact text afterwards, and the finding gone. Each test reverts
 * flawed/risks.isms (never saved) and waits for its findings to come back, so
 * the other suites see the example as it is.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, fileOf, nextEvent, showFile, waitForDiagnostics, withTimeout, SERVER_TIMEOUT_MS } from './helpers';

async function codeActions(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  return withTimeout(
    vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range),
    SERVER_TIMEOUT_MS,
    'code actions',
  );
}

/** Reverts the (unsaved) document and waits for the server to report `code` again. */
async function revert(editor: vscode.TextEditor, original: string, code: string): Promise<void> {
  const uri = editor.document.uri;
  if (editor.document.isDirty) {
    const back = waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === code));
    await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preview: false });
    await withTimeout(vscode.commands.executeCommand('workbench.action.files.revert'), SERVER_TIMEOUT_MS, 'the revert');
    await back;
  }
  assert.equal(editor.document.isDirty, false, 'flawed/risks.isms is still dirty after the revert');
  assert.equal(editor.document.getText(), original, 'the revert did not restore flawed/risks.isms');
}

/**
 * Opens flawed/risks.isms, finds the diagnostic `code` on `line` (1-based),
 * asks for its code actions, applies the one titled `title`, and checks that
 * the text is the original with `line` replaced by `expectedLine`.
 */
async function applyQuickFix(code: string, line: number, title: string, before: string, after: string): Promise<void> {
  const uri = fileOf('flawed', 'risks.isms');
  const found = waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === code && d.range.start.line === line - 1));
  const editor = await showFile(uri);
  const diagnostics = await found;
  const original = editor.document.getText();
  assert.equal(editor.document.isDirty, false);
  const lines = original.split('\n');
  assert.equal(lines[line - 1], before);

  try {
    const diagnostic = diagnostics.find((d) => codeOf(d) === code && d.range.start.line === line - 1)!;
    const actions = await codeActions(uri, diagnostic.range);
    const fix = actions.find((a) => a.title === title);
    assert.ok(fix, `no code action '${title}' among ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.equal(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
    assert.equal(fix.isPreferred, true);
    assert.ok(fix.edit, 'the quick fix has no edit');

    const gone = waitForDiagnostics(uri, (ds) => ds.length > 0 && !ds.some((d) => codeOf(d) === code));
    const changed = nextEvent(vscode.workspace.onDidChangeTextDocument, (e) => e.document.uri.toString() === uri.toString(), SERVER_TIMEOUT_MS, 'the edit');
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true, 'applyEdit refused the quick fix');
    await changed;

    const expected = [...lines.slice(0, line - 1), after, ...lines.slice(line)].join('\n');
    assert.equal(editor.document.getText(), expected);
    await gone;
  } finally {
    await revert(editor, original, code);
  }
}

suite('quick fixes', () => {
  test("did you mean: 'clasification' becomes 'classification'", async () => {
    await applyQuickFix(
      'unknown-field',
      35,
      "Change 'clasification' to 'classification'",
      '  clasification internal',
      '  classification internal',
    );
  });

  test('acceptor-not-owner: the risk owner accepts the residual risk', async () => {
    await applyQuickFix(
      'acceptor-not-owner',
      133,
      "Have the risk owner 'it-admin' accept the residual risk",
      '  accepted-by ops-manager',
      '  accepted-by it-admin',
    );
  });
});
