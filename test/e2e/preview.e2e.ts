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
import type { UpdateMessage } from '../../client/src/preview/messages';
import { extensionApi, fileOf, nextEvent, showFile, withTimeout, workspaceFolder, SERVER_TIMEOUT_MS } from './helpers';

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
    const webview = panel.panel.webview;
    const posted: unknown[] = [];
    const postMessage = webview.postMessage;
    webview.postMessage = (message: unknown) => {
      posted.push(message);
      return postMessage.call(webview, message);
    };
    try {
      await withTimeout(panel.refresh(), SERVER_TIMEOUT_MS, 'the preview to refresh');
    } finally {
      webview.postMessage = postMessage;
    }
    const updates = posted.filter((m): m is UpdateMessage => (m as { type?: string }).type === 'update');
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
    assert.equal(panel.lastPostedVersion, update.version);

    // The webview acknowledges exactly that version.
    const rendered = await withTimeout(panel.whenRendered(update.version), SERVER_TIMEOUT_MS, `version ${update.version} to be rendered`);
    assert.ok(rendered >= update.version);
    assert.equal(panel.lastRenderedVersion, rendered);
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
