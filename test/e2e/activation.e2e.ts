/**
 * First end-to-end tests, in a real VS Code: the extension activates on a
 * workspace that contains `.isms` files, registers the `isms` language, and
 * its language server publishes diagnostics.
 *
 * The workspace (see scripts/e2e/workspace.mjs) is a multi-root workspace with
 * two folders, copies of examples/clinic and examples/flawed, each one ISMS.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'isms-studio.isms-studio';

suite('activation', () => {
  test('the extension activates on a workspace with .isms files', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed`);
    // Nothing has been opened yet: only `workspaceContains:**/*.isms` can have
    // activated it. Activation runs before the tests start, but allow for a
    // slow start (bounded).
    await waitFor(() => extension.isActive, 30_000, `${EXTENSION_ID} did not activate`);
    const api = extension.exports as { client?: { isRunning(): boolean } } | undefined;
    assert.ok(api?.client, 'activate() returned no language client');
    assert.ok(api.client.isRunning(), 'the language client is not running');
  });

  test('the isms language is registered', async () => {
    const languages = await vscode.languages.getLanguages();
    assert.ok(languages.includes('isms'), `isms not in ${languages.join(', ')}`);
  });

  test('the ISMS commands are registered', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('isms.restartServer'), 'isms.restartServer is not registered');
  });

  test('opening flawed/risks.isms shows an unknown-field diagnostic', async () => {
    const uri = vscode.Uri.joinPath(workspaceFolder('flawed').uri, 'risks.isms');
    const hasUnknownField = () =>
      vscode.languages.getDiagnostics(uri).some((d) => codeOf(d) === 'unknown-field' && d.message.includes('clasification'));
    // Listen before opening: the server may publish at any time from now on.
    const published = waitForDiagnostics(uri, hasUnknownField, 30_000);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    assert.equal(document.languageId, 'isms');
    await published;

    const diagnostic = vscode.languages.getDiagnostics(uri).find((d) => codeOf(d) === 'unknown-field')!;
    assert.equal(document.getText(diagnostic.range), 'clasification');
  });
});

function workspaceFolder(name: string): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.name === name);
  assert.ok(folder, `no workspace folder named ${name}: ${vscode.workspace.workspaceFolders?.map((f) => f.name).join(', ')}`);
  return folder;
}

function codeOf(diagnostic: vscode.Diagnostic): string | number | undefined {
  const code = diagnostic.code;
  return typeof code === 'object' ? code.value : code;
}

/** Resolves once `done()` holds for `uri`, checked now and on each diagnostics change. */
function waitForDiagnostics(uri: vscode.Uri, done: () => boolean, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    if (done()) return resolve();
    const timer = setTimeout(() => {
      subscription.dispose();
      const seen = vscode.languages.getDiagnostics(uri).map((d) => `${codeOf(d)}: ${d.message}`);
      reject(new Error(`no matching diagnostics for ${uri.toString()} after ${timeoutMs} ms; seen: ${JSON.stringify(seen)}`));
    }, timeoutMs);
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((u) => u.toString() === uri.toString())) return;
      if (!done()) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    });
  });
}

/** Polls a condition that has no change event (extension activation), bounded. */
async function waitFor(condition: () => boolean, timeoutMs: number, message: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${message} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
