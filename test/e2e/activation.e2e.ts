/**
 * Activation in a real VS Code: the extension activates on a workspace that
 * contains `.isms` files, registers the `isms` language and its commands,
 * returns its API, and its language server publishes diagnostics.
 *
 * The workspace (see scripts/e2e/workspace.mjs) is a multi-root workspace with
 * two folders, copies of examples/clinic and examples/flawed, each one ISMS.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, codeOf, extension, fileOf, pollUntil, showFile, waitForDiagnostics } from './helpers';

suite('activation', () => {
  test('the extension activates on the example workspace (workspaceContains:**/*.isms)', async () => {
    const found = extension();
    // Nothing has been opened yet: only `workspaceContains:**/*.isms` can have
    // activated it. Activation runs before the tests start, but allow for a
    // slow start (bounded; activation has no change event).
    await pollUntil(() => found.isActive, 30_000, `${EXTENSION_ID} did not activate`);
    const api = found.exports;
    assert.ok(api?.client, 'activate() returned no language client');
    assert.ok(api.client.isRunning(), 'the language client is not running');
    assert.ok(api.requests, 'activate() returned no requests');
    assert.ok(api.views?.clauses && api.views.risks && api.views.soa, 'activate() returned no tree data providers');
    assert.ok(api.preview, 'activate() returned no preview hook');
    assert.deepEqual(
      vscode.workspace.workspaceFolders?.map((f) => f.name),
      ['clinic', 'flawed'],
    );
  });

  test('the isms language is registered', async () => {
    const languages = await vscode.languages.getLanguages();
    assert.ok(languages.includes('isms'), `isms not in ${languages.join(', ')}`);
  });

  test('the ISMS commands are registered', async () => {
    const commands = await vscode.commands.getCommands(true);
    const contributed = (extension().packageJSON.contributes.commands as { command: string }[]).map((c) => c.command);
    assert.ok(contributed.length >= 10, `only ${contributed.length} contributed commands`);
    assert.deepEqual(contributed.filter((id) => !commands.includes(id)), [], 'contributed but not registered');
  });

  test('opening flawed/risks.isms shows an unknown-field diagnostic', async () => {
    const uri = fileOf('flawed', 'risks.isms');
    // Listen before opening: the server may publish at any time from now on.
    const published = waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === 'unknown-field' && d.message.includes('clasification')));
    const editor = await showFile(uri);
    assert.equal(editor.document.languageId, 'isms');
    await published;

    const diagnostic = vscode.languages.getDiagnostics(uri).find((d) => codeOf(d) === 'unknown-field')!;
    assert.equal(editor.document.getText(diagnostic.range), 'clasification');
  });
});
