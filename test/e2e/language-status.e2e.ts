/**
 * Issue 13 in the real VS Code: the ISMS language status item names the ISMS
 * folder of the active editor with its SoA coverage (never every folder added
 * together), and the SoA preview follows the ISMS of the active editor, as
 * the Markdown preview follows its document.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SoaPreviewPanel } from '../../client/src/preview/panel';
import { extensionApi, fileOf, pollUntil, showFile, withTimeout, workspaceFolder, SERVER_TIMEOUT_MS } from './helpers';

/** The SoA coverage the server reports for a folder: Annex A rows with an entry. */
async function coverage(folder: string): Promise<number> {
  const api = await extensionApi();
  const soa = await withTimeout(api.requests.soaTable(workspaceFolder(folder).uri.toString()), SERVER_TIMEOUT_MS, `the SoA of ${folder}`);
  assert.ok(soa, `no SoA for ${folder}`);
  return soa.rows.filter((row) => row.theme !== 'custom' && row.theme !== 'invalid' && row.declared).length;
}

suite('Language status and the preview following the editor', () => {
  let panel: SoaPreviewPanel | undefined;

  suiteTeardown(() => {
    panel?.dispose();
  });

  test('the language status item names the active editor\'s ISMS with its SoA coverage', async () => {
    const api = await extensionApi();
    const item = api.status.item;
    assert.equal(item.name, 'ISMS');
    assert.deepEqual(item.selector, { language: 'isms' });

    await showFile(fileOf('flawed', 'risks.isms'));
    const flawed = await coverage('flawed');
    await pollUntil(() => item.text === `$(shield) flawed: SoA ${flawed}/93`, SERVER_TIMEOUT_MS, `the status to show flawed (it shows '${item.text}')`);
    assert.ok(flawed < 93, `flawed declares ${flawed}`);
    assert.match(item.detail ?? '', /^\d+ errors?, \d+ warnings?$/);
    assert.equal(item.severity, vscode.LanguageStatusSeverity.Error);
    assert.equal(item.busy, false);
    assert.equal(item.command?.command, 'isms.showProblems');
    assert.equal(vscode.Uri.parse(api.status.folderUri!).fsPath, workspaceFolder('flawed').uri.fsPath);

    await showFile(fileOf('clinic', 'soa.isms'));
    await pollUntil(() => item.text === '$(shield) clinic: SoA 93/93', SERVER_TIMEOUT_MS, `the status to show clinic (it shows '${item.text}')`);
    assert.equal(vscode.Uri.parse(api.status.folderUri!).fsPath, workspaceFolder('clinic').uri.fsPath);
  });

  test('every finding offers "Configure the severity of …" (as ESLint and Pylance do)', async () => {
    const uri = fileOf('flawed', 'risks.isms');
    await showFile(uri);
    const diagnostic = vscode.languages.getDiagnostics(uri).find((d) => (typeof d.code === 'object' ? d.code.value : d.code) === 'unknown-field');
    assert.ok(diagnostic, 'no unknown-field finding in flawed/risks.isms');
    const actions = await withTimeout(
      Promise.resolve(vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range)),
      SERVER_TIMEOUT_MS,
      'the code actions',
    );
    const configure = actions.find((a) => a.title === "Configure the severity of 'unknown-field'…");
    assert.ok(configure, `actions: ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.deepEqual(configure.command?.arguments, ['unknown-field']);
    assert.equal(configure.command?.command, 'isms.configureSeverity');
  });

  test('the SoA preview follows the ISMS of the active editor', async () => {
    const api = await extensionApi();
    await showFile(fileOf('clinic', 'risks.isms'));
    await withTimeout(vscode.commands.executeCommand('isms.openSoaPreviewToSide'), SERVER_TIMEOUT_MS, 'isms.openSoaPreviewToSide');
    panel = api.preview.current;
    assert.ok(panel, 'no preview open');
    assert.equal(panel.target.name, 'clinic');
    await withTimeout(panel.ready, SERVER_TIMEOUT_MS, 'the preview webview to say ready');
    await withTimeout(panel.whenRendered(), SERVER_TIMEOUT_MS, 'the first update to be rendered');

    const before = panel.lastPostedVersion;
    await showFile(fileOf('flawed', 'soa.isms'));
    await pollUntil(() => panel!.target.name === 'flawed', SERVER_TIMEOUT_MS, 'the preview to follow flawed');
    assert.equal(panel.panel.title, 'SoA Preview: flawed');
    await pollUntil(() => panel!.lastPostedVersion > before, SERVER_TIMEOUT_MS, 'an update for flawed');
    await withTimeout(panel.whenRendered(panel.lastPostedVersion), SERVER_TIMEOUT_MS, 'the update for flawed to be rendered');
    assert.equal(api.preview.current, panel, 'following retargets the one preview, it opens no other');

    await showFile(fileOf('clinic', 'soa.isms'));
    await pollUntil(() => panel!.target.name === 'clinic', SERVER_TIMEOUT_MS, 'the preview to follow clinic back');
  });
});
