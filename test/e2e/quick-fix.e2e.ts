/**
 * Quick fixes as VS Code gets them (`vscode.executeCodeActionProvider` on a
 * diagnostic's range) and applies them (`vscode.workspace.applyEdit`): the
 * document's exact text afterwards, and the finding gone. Each test then
 * restores flawed/risks.isms (document and file) and waits for its finding to
 * come back, so the other suites see the example as it is. (The e2e workspace
 * turns auto-save off, as on desktop; the restore does not depend on it.)
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { codeOf, fileOf, nextEvent, showFile, waitForDiagnostics, withTimeout, SERVER_TIMEOUT_MS } from './helpers';

async function codeActions(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  return withTimeout(
    vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range),
    SERVER_TIMEOUT_MS,
    'code actions',
  );
}

/**
 * Puts the original text back (an edit of the whole document, then a save:
 * whatever auto-save did meanwhile, the document and the file end as they
 * began) and waits for the server to report `code` again.
 */
async function restore(editor: vscode.TextEditor, original: string, code: string): Promise<void> {
  const document = editor.document;
  const back = waitForDiagnostics(document.uri, (ds) => ds.some((d) => codeOf(d) === code));
  if (document.getText() !== original) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), original);
    assert.equal(await vscode.workspace.applyEdit(edit), true, 'applyEdit refused to restore flawed/risks.isms');
  }
  if (document.isDirty) assert.equal(await withTimeout(document.save(), SERVER_TIMEOUT_MS, 'the save'), true, 'flawed/risks.isms was not saved');
  await back;
  assert.equal(document.getText(), original, 'flawed/risks.isms was not restored');
  assert.equal(document.isDirty, false, 'flawed/risks.isms is still dirty');
  assert.equal(fs.readFileSync(document.uri.fsPath, 'utf8'), original, 'flawed/risks.isms differs on disk');
}

/**
 * Opens flawed/risks.isms, finds the diagnostic `code` on `line` (1-based),
 * asks for its code actions, applies the one titled `title`, and checks that
 * the text is the original with `line` replaced by `after`.
 */
async function applyQuickFix(code: string, line: number, title: string, before: string, after: string): Promise<void> {
  const uri = fileOf('flawed', 'risks.isms');
  const found = waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === code && d.range.start.line === line - 1));
  const editor = await showFile(uri);
  const diagnostics = await found;
  const original = editor.document.getText();
  assert.equal(editor.document.isDirty, false);
  assert.equal(fs.readFileSync(uri.fsPath, 'utf8'), original, 'flawed/risks.isms: the document differs from the file');
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
    await restore(editor, original, code);
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
