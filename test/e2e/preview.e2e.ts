/**
 * The SoA preview (`isms.openSoaPreview`): the panel opens for a workspace
 * folder, its webview loads and says it is ready, the panel posts an `update`
 * with the folder's SoA rows and risk register, and the webview acknowledges
 * that version as rendered. Through the hook activate() returns
 * (`preview.current`, the open SoaPreviewPanel).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SoaPreviewPanel } from '../../client/src/preview/panel';
import { findingsView } from '../../client/src/preview/webview/findings';
import { codeOf, extensionApi, fileOf, nextEvent, postedDuring, showFile, updatesOf, waitForDiagnostics, withTimeout, workspaceFolder, SERVER_TIMEOUT_MS } from './helpers';

suite('SoA preview', () => {
  let panel: SoaPreviewPanel | undefined;

  suiteTeardown(() => {
    panel?.dispose();
  });

  test('opens for the clinic, receives its 93 SoA rows and 23 risks, and renders them', async () => {
    const api = await extensionApi();
    const clinic = workspaceFolder('clinic');
    // The preview opens in the active editor's column: the clinic's risks.
    await showFile(fileOf('clinic', 'risks.isms'));

    const opened = await withTimeout(
      vscode.commands.executeCommand<SoaPreviewPanel | undefined>('isms.openSoaPreview', clinic.uri),
      SERVER_TIMEOUT_MS,
      'isms.openSoaPreview',
    );
    panel = api.preview.current;
    assert.ok(panel, 'no preview open after isms.openSoaPreview');
    assert.equal(opened, panel);
    assert.deepEqual(panel.target, { uri: clinic.uri.toString(), name: 'clinic' });
    assert.equal(panel.panel.title, 'SoA Preview: clinic');
    assert.equal(panel.panel.viewType, 'isms.soaPreview');

    // The webview script loaded and said `ready`; its first update is rendered.
    await withTimeout(panel.ready, SERVER_TIMEOUT_MS, 'the preview webview to say ready');
    await withTimeout(panel.whenRendered(), SERVER_TIMEOUT_MS, 'the first update to be rendered');
    assert.ok(panel.lastPostedVersion >= 1, `lastPostedVersion ${panel.lastPostedVersion}`);

    // What the panel posts: watch the webview's postMessage while it refreshes.
    const posted = await postedDuring(panel, () => withTimeout(panel!.refresh(), SERVER_TIMEOUT_MS, 'the preview to refresh'));
    const updates = updatesOf(posted);
    assert.equal(updates.length, 1, `posted: ${JSON.stringify(posted.map((m) => (m as { type?: string }).type))}`);
    const update = updates[0]!;
    assert.equal(update.folderName, 'clinic');
    assert.ok(update.soa, 'the update has no SoA');
    assert.equal(update.soa.rows.length, 93);
    assert.deepEqual(
      update.soa.themes.map((t) => [t.theme, t.total]),
      [['organizational', 37], ['people', 8], ['physical', 14], ['technological', 34]],
    );
    assert.ok(update.risks, 'the update has no risk register');
    assert.equal(update.risks.risks.length, 23);
    assert.equal(update.risks.scales?.acceptance, 6);
    // Issue 13: the SoA's findings; the clinic has none, and the preview says so.
    assert.deepEqual(update.findings, []);
    assert.deepEqual(findingsView(update.findings), { text: 'No findings in the Statement of Applicability.', links: [] });
    assert.equal(panel.lastPostedVersion, update.version);

    // The webview acknowledges exactly that version.
    const rendered = await withTimeout(panel.whenRendered(update.version), SERVER_TIMEOUT_MS, `version ${update.version} to be rendered`);
    assert.ok(rendered >= update.version);
    assert.equal(panel.lastRenderedVersion, rendered);
  });

  test('shows the findings of the SoA (6.1.3 d) of flawed: a count and a link to each', async () => {
    assert.ok(panel, 'the previous test opened no preview');
    const flawed = workspaceFolder('flawed');
    await waitForDiagnostics(fileOf('flawed', 'soa.isms'), (ds) => ds.some((d) => codeOf(d) === 'unknown-annex-control'));
    const updates = updatesOf(await postedDuring(panel, async () => {
      await withTimeout(vscode.commands.executeCommand('isms.openSoaPreview', flawed.uri), SERVER_TIMEOUT_MS, 'isms.openSoaPreview for flawed');
      await withTimeout(panel!.refresh(), SERVER_TIMEOUT_MS, 'the preview to refresh');
    }));
    const update = updates.filter((u) => u.folderName === 'flawed').pop();
    assert.ok(update, `no update for flawed: ${JSON.stringify(updates.map((u) => u.folderName))}`);
    assert.equal(panel.panel.title, 'SoA Preview: flawed');
    const view = findingsView(update.findings);
    assert.ok(view, 'the update has no findings');
    assert.equal(view.text, '8 findings in the Statement of Applicability: 6 errors, 2 warnings');
    assert.deepEqual(
      view.links.map((l) => `${l.severity} ${l.code} ${l.where}`),
      [
        'error soa-incomplete organization.isms:18',
        'error excluded-control-used risks.isms:144',
        'error control-missing-status soa.isms:11',
        'error control-missing-justification soa.isms:18',
        'error unknown-annex-control soa.isms:56',
        'error legacy-annex-control soa.isms:63',
        'warning exclusion-contradicted soa.isms:43',
        'warning contradictory-control soa.isms:52',
      ],
    );
    // Each link reveals a place in flawed's files, as the diagnostics have it.
    const soaDiagnostics = vscode.languages.getDiagnostics(fileOf('flawed', 'soa.isms'));
    const unknown = view.links.find((l) => l.code === 'unknown-annex-control')!;
    assert.equal(unknown.location?.uri, fileOf('flawed', 'soa.isms').toString());
    const diagnostic = soaDiagnostics.find((d) => codeOf(d) === 'unknown-annex-control')!;
    assert.deepEqual(unknown.location?.range, {
      start: { line: diagnostic.range.start.line, character: diagnostic.range.start.character },
      end: { line: diagnostic.range.end.line, character: diagnostic.range.end.character },
    });
    await withTimeout(panel.whenRendered(update.version), SERVER_TIMEOUT_MS, `version ${update.version} to be rendered`);
  });

  test('closing the preview clears the hook', async () => {
    assert.ok(panel, 'the previous test opened no preview');
    const closed = nextEvent(panel.panel.onDidDispose, () => true, SERVER_TIMEOUT_MS, 'the preview to close');
    panel.panel.dispose();
    await closed;
    const api = await extensionApi();
    assert.equal(api.preview.current, undefined);
    panel = undefined;
  });
});
