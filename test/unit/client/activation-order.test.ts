/**
 * Issue 13: "There is no data provider registered…" for about 5 s at start.
 * The views, the language status and every command exist before the language
 * server has started; until its first analysis the views show a loading node.
 */
import { strict as assert } from 'node:assert';

import { skeletonFiles, today } from '../../../server/src/language-service';
import { answer, commands, installFakeVscode, type FakeHost } from './fake-vscode';

describe('client: activation registers the views before the server starts (issue 13)', () => {
  let host: FakeHost;

  before(() => {
    host = installFakeVscode();
  });

  after(() => {
    host.restore();
  });

  it('creates the three tree views and the status before client.start resolves', async () => {
    answer('vscode.workspace.findFiles', () => Promise.resolve([{ path: '/ws/a.isms' }]));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const extension = require('../../../client/src/extension') as typeof import('../../../client/src/extension');
    const context = { subscriptions: [] as unknown[], asAbsolutePath: (p: string) => p, extensionUri: {} };
    const activated = extension.activate(context as never);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const beforeStart = [...host.log];
    assert.ok(beforeStart.includes('client.start'), `log: ${beforeStart.join(', ')}`);
    assert.ok(!beforeStart.includes('client.started'));
    for (const view of ['isms.clauses', 'isms.risks', 'isms.soa']) assert.ok(beforeStart.includes(`createTreeView:${view}`), `${view} not registered before the server started: ${beforeStart.join(', ')}`);
    assert.ok(beforeStart.includes('createLanguageStatusItem:isms.status'));
    assert.ok(beforeStart.includes('registerCommand:isms.createSkeleton'));
    assert.ok(!beforeStart.includes('client.sendRequest'), 'nothing asks the server before it started');
    host.startClient();
    const api = await activated;
    assert.equal(api.views.clauses.loading, true);
    const roots = (await api.views.clauses.getChildren()) as { item: { label: unknown } }[];
    assert.deepEqual(roots.map((node) => node.item.label), ['Reading the ISMS…']);
    api.views.clauses.markReady();
    assert.equal(api.views.clauses.loading, false);
    assert.equal(api.views.risks.loading, true, 'the others still wait for the first analysis');
    for (const disposable of context.subscriptions) (disposable as { dispose?: () => void }).dispose?.();
  });
});

describe('client: Create an ISMS Skeleton (issue 13)', () => {
  it('asks for the folder, writes there and updates the welcome view at once', async () => {
    const host = installFakeVscode();
    try {
      const folder = { path: '/ws/new', toString: () => 'file:///ws/new' };
      answer('vscode.workspace.workspaceFolders', () => undefined);
      answer('vscode.window.showOpenDialog', () => Promise.resolve([folder]));
      answer('vscode.workspace.getWorkspaceFolder', () => undefined);
      answer('vscode.workspace.fs.stat', () => Promise.reject(new Error('ENOENT')));
      answer('vscode.Uri.joinPath', (base: unknown, ...parts: unknown[]) => ({ path: `${(base as { path: string }).path}/${parts.join('/')}` }));
      answer('vscode.workspace.applyEdit', () => Promise.resolve(true));
      answer('vscode.workspace.findFiles', () => Promise.resolve([]));
      answer('vscode.window.showTextDocument', () => Promise.resolve(undefined));
      // The server composes the skeleton (isms/skeleton), as its handler does.
      let asked: unknown;
      answer('client.sendRequest:isms/skeleton', (params) => {
        asked = params;
        const files = skeletonFiles({ organization: (params as { organization: string }).organization, today: today() });
        return { files, mainFile: files[0]!.path };
      });
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const extension = require('../../../client/src/extension') as typeof import('../../../client/src/extension');
      const context = { subscriptions: [] as unknown[], asAbsolutePath: (p: string) => p, extensionUri: {} };
      const activated = extension.activate(context as never);
      host.startClient();
      const api = await activated;
      // No .isms file: no spinner, the welcome view shows at once.
      assert.equal(api.views.clauses.loading, false);
      host.log.length = 0;
      const written = (await commands.get('isms.createSkeleton')!()) as { path: string }[];
      assert.ok(written.length > 0);
      assert.deepEqual(asked, { organization: 'new' }, 'the skeleton is composed for the chosen folder');
      assert.ok(written.every((uri) => uri.path.startsWith('/ws/new/')), JSON.stringify(written));
      const dialog = host.log.indexOf('window.showOpenDialog');
      const edit = host.log.indexOf('workspace.applyEdit');
      const welcome = host.log.indexOf('executeCommand:"setContext","isms.hasIsmsFiles",true');
      assert.ok(dialog >= 0 && dialog < edit, `log: ${host.log.join(', ')}`);
      assert.ok(welcome > edit, `the welcome view is updated after writing: ${host.log.join(', ')}`);
      for (const disposable of context.subscriptions) (disposable as { dispose?: () => void }).dispose?.();
    } finally {
      host.restore();
    }
  });
});
