/**
 * Regression tests of the bugs the edit storm found (test/lsp/storm/storm.ts,
 * sequences `reopen-race`, `folder-events`, `fifo` and `out-of-range-lines`), each the
 * minimal reproducer, fixed in server/src/protocol (isms-folder.ts: the editor
 * text wins over a late disk read, folder events, regular files only;
 * server.ts: change ranges clamped before they are applied).
 *
 * Still open, and failing until fixed: 'links and folders named x.isms,
 * announced by one event' (the storm leaves their sequences out: OPEN_BUGS in
 * storm.ts; `node bench/storm.mjs --exclude none` runs them).
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { fileUri, LspClient } from '../lsp-client';
import { tempWorkspace } from '../temp-workspace';
import { freshDiagnostics } from './fresh';

const SETTINGS = { asOf: '2026-11-27' };
const ROLES = 'role cto "Chief Technology Officer" {\n  holder "Sam"\n}\n';
/** On disk: the owner is a role nobody declared. */
const DISK_RISK = 'risk R-1 "Ransomware" {\n  owner nobody\n  likelihood 2\n  impact 2\n}\n';
/** In the editor: the owner is declared. */
const EDITOR_RISK = 'risk R-1 "Ransomware" {\n  owner cto\n  likelihood 2\n  impact 2\n}\n';

const codes = (p: PublishDiagnosticsParams | undefined) => (p?.diagnostics ?? []).map((d) => d.code);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until every message the server sends for what came before has arrived: a round trip, then 600 ms without a notification. */
async function settle(client: LspClient): Promise<void> {
  await client.request('isms/clauseStatus', {});
  let count = client.notifications.length;
  for (let quiet = 0; quiet < 600; quiet += 50) {
    await sleep(50);
    if (client.notifications.length !== count) {
      count = client.notifications.length;
      quiet = 0;
    }
  }
}

function latest(client: LspClient, uri: string): PublishDiagnosticsParams | undefined {
  return (client as unknown as { latest: Map<string, PublishDiagnosticsParams> }).latest.get(uri);
}

describe('language server: bugs found by the edit storm', function () {
  this.timeout(30_000);
  let client: LspClient | undefined;
  afterEach(async () => {
    await client?.stop();
    client = undefined;
  });

  describe('an open document is the truth for its file, whatever disk reads are still under way', () => {
    // IsmsFolder.closeDocument and diskChanged check `open` before an await of
    // fs.promises.readFile, then setFile the disk text when it resolves, also when
    // the document was opened meanwhile: the disk text replaces the editor's
    // until the next edit of that document.

    it('keeps the editor text of a document closed and at once reopened', async () => {
      const dir = tempWorkspace(`//- /roles.isms\n${ROLES}//- /x.isms\n${DISK_RISK}`);
      const uri = fileUri(path.join(dir, 'x.isms'));
      client = await LspClient.start([dir], { settings: SETTINGS });
      await client.waitForDiagnostics(uri, (p) => codes(p).includes('unknown-reference'));
      client.open(uri, EDITOR_RISK, 1);
      await client.waitForDiagnostics(uri, (p) => p.version === 1 && !codes(p).includes('unknown-reference'));
      client.close(uri);
      client.open(uri, EDITOR_RISK, 2);
      await settle(client);
      assert.ok(!codes(latest(client, uri)).includes('unknown-reference'), 'the diagnostics of the editor text (owner cto), not of the disk text (owner nobody)');
    });

    it('keeps the editor text of a document opened right after a disk event for its file', async () => {
      const dir = tempWorkspace(`//- /roles.isms\n${ROLES}//- /x.isms\n${DISK_RISK}`);
      const uri = fileUri(path.join(dir, 'x.isms'));
      client = await LspClient.start([dir], { settings: SETTINGS });
      await client.waitForDiagnostics(uri, (p) => codes(p).includes('unknown-reference'));
      client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 2 }] });
      client.open(uri, EDITOR_RISK, 1);
      await settle(client);
      assert.ok(!codes(latest(client, uri)).includes('unknown-reference'), 'the diagnostics of the editor text (owner cto), not of the disk text (owner nobody)');
    });
  });

  describe('a folder created or deleted on disk, announced by one event for the folder', () => {
    // VS Code reports the deletion of a folder by one event for the folder, not
    // one per file (microsoft/vscode-languageserver-node#1317: "it is expected
    // that we do not send out delete events for each entry of a folder"); a
    // folder moved or renamed into the workspace comes as one created event.
    // IsmsFolder.diskChanged only reloads names ending in `.isms`.

    it('forgets the files of a deleted folder', async () => {
      const dir = tempWorkspace(`//- /team/roles.isms\n${ROLES}//- /risks.isms\n${EDITOR_RISK}`);
      const risks = fileUri(path.join(dir, 'risks.isms'));
      client = await LspClient.start([dir], { settings: SETTINGS });
      await client.waitForDiagnostics(risks, (p) => p.diagnostics.length > 0 && !codes(p).includes('unknown-reference'));
      fs.rmSync(path.join(dir, 'team'), { recursive: true });
      client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(path.join(dir, 'team')), type: 3 }] });
      const after = await client.waitForDiagnostics(risks, (p) => codes(p).includes('unknown-reference'), 5000).catch(() => undefined);
      assert.ok(after, `owner cto is unknown once team/roles.isms is gone; last: ${JSON.stringify(codes(latest(client, risks)))}`);
    });

    it('reads the files of a created folder', async () => {
      const dir = tempWorkspace(`//- /risks.isms\n${EDITOR_RISK}`);
      const risks = fileUri(path.join(dir, 'risks.isms'));
      client = await LspClient.start([dir], { settings: SETTINGS });
      await client.waitForDiagnostics(risks, (p) => codes(p).includes('unknown-reference'));
      fs.mkdirSync(path.join(dir, 'team'));
      fs.writeFileSync(path.join(dir, 'team', 'roles.isms'), ROLES);
      client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(path.join(dir, 'team')), type: 1 }] });
      const after = await client.waitForDiagnostics(risks, (p) => !codes(p).includes('unknown-reference'), 5000).catch(() => undefined);
      assert.ok(after, `owner cto is declared in team/roles.isms; last: ${JSON.stringify(codes(latest(client, risks)))}`);
    });
  });

  describe('links and folders named x.isms, announced by one event', () => {
    // IsmsFolder.diskChanged (since the fix above) loads a created folder with
    // collectIsmsFiles(folder), whose loop guard starts empty: a link to the
    // workspace folder is walked as a copy of the whole workspace, where a
    // fresh server (collectIsmsFiles of the root) skips it as a link loop. And a
    // path ending in `.isms` is always taken for a file: a folder named x.isms
    // created or deleted with one event neither loads nor drops its files.

    it('does not load the workspace again through a link to its own folder', async () => {
      const dir = tempWorkspace(`//- /roles.isms\n${ROLES}//- /risks.isms\n${EDITOR_RISK}`);
      const roles = fileUri(path.join(dir, 'roles.isms'));
      client = await LspClient.start([dir], { settings: SETTINGS });
      await client.waitForDiagnostics(roles);
      fs.symlinkSync('.', path.join(dir, 'mirror'));
      client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(path.join(dir, 'mirror')), type: 1 }] });
      await settle(client);
      const expected = freshDiagnostics(dir, new Map(), SETTINGS.asOf);
      assert.deepEqual(codes(latest(client, roles)), expected.get(roles)!.map((d) => d.code), 'no duplicate-id: mirror/ is a link loop, as a fresh server sees it');
      assert.equal(latest(client, fileUri(path.join(dir, 'mirror', 'roles.isms'))), undefined, 'no diagnostics published for mirror/roles.isms');
    });

    it('reads the files of a created folder named x.isms', async () => {
      const dir = tempWorkspace(`//- /risks.isms\n${EDITOR_RISK}`);
      const risks = fileUri(path.join(dir, 'risks.isms'));
      client = await LspClient.start([dir], { settings: SETTINGS });
      await client.waitForDiagnostics(risks, (p) => codes(p).includes('unknown-reference'));
      fs.mkdirSync(path.join(dir, 'team.isms'));
      fs.writeFileSync(path.join(dir, 'team.isms', 'roles.isms'), ROLES);
      client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(path.join(dir, 'team.isms')), type: 1 }] });
      const after = await client.waitForDiagnostics(risks, (p) => !codes(p).includes('unknown-reference'), 5000).catch(() => undefined);
      assert.ok(after, `owner cto is declared in team.isms/roles.isms; last: ${JSON.stringify(codes(latest(client, risks)))}`);
    });

    it('forgets the files of a deleted folder named x.isms', async () => {
      const dir = tempWorkspace(`//- /team.isms/roles.isms\n${ROLES}//- /risks.isms\n${EDITOR_RISK}`);
      const risks = fileUri(path.join(dir, 'risks.isms'));
      client = await LspClient.start([dir], { settings: SETTINGS });
      await client.waitForDiagnostics(risks, (p) => p.diagnostics.length > 0 && !codes(p).includes('unknown-reference'));
      fs.rmSync(path.join(dir, 'team.isms'), { recursive: true });
      client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(path.join(dir, 'team.isms')), type: 3 }] });
      const after = await client.waitForDiagnostics(risks, (p) => codes(p).includes('unknown-reference'), 5000).catch(() => undefined);
      assert.ok(after, `owner cto is unknown once team.isms/roles.isms is gone; last: ${JSON.stringify(codes(latest(client, risks)))}`);
    });
  });

  describe('a FIFO named x.isms', function () {
    // IsmsFolder.loadFromDisk reads any changed `.isms` path with
    // fs.promises.readFile; opening a FIFO blocks until a writer comes, so the
    // read never returns: it holds one of the 4 libuv threads for good, the
    // rest of its didChangeWatchedFiles batch is never read, and with 4 such
    // reads every later file read (disk events, didClose) waits forever.
    // process.exit then waits for the blocked thread: the server does not exit.
    // (The initial indexing skips FIFOs: collectIsmsFiles keeps regular files only.)
    if (process.platform === 'win32') return;

    const NEW_FILE = 'risk R-2 "Flood" {\n  owner nobody\n  likelihood 2\n  impact 2\n}\n';

    it('does not stop the other files of its batch from being read', async () => {
      const dir = tempWorkspace(`//- /roles.isms\n${ROLES}`);
      client = await LspClient.start([dir], { settings: SETTINGS });
      await client.waitForDiagnostics(fileUri(path.join(dir, 'roles.isms')));
      execFileSync('mkfifo', [path.join(dir, 'pipe.isms')]);
      fs.writeFileSync(path.join(dir, 'new.isms'), NEW_FILE);
      const uri = fileUri(path.join(dir, 'new.isms'));
      client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(path.join(dir, 'pipe.isms')), type: 1 }, { uri, type: 1 }] });
      const got = await client.waitForDiagnostics(uri, (p) => codes(p).includes('unknown-reference'), 5000).catch(() => undefined);
      assert.ok(got, 'new.isms, announced after pipe.isms in the same notification, is read');
    });

    it('does not stall later reads when four were announced', async () => {
      const dir = tempWorkspace(`//- /roles.isms\n${ROLES}`);
      client = await LspClient.start([dir], { settings: SETTINGS });
      await client.waitForDiagnostics(fileUri(path.join(dir, 'roles.isms')));
      for (let i = 0; i < 4; i++) {
        execFileSync('mkfifo', [path.join(dir, `pipe-${i}.isms`)]);
        client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(path.join(dir, `pipe-${i}.isms`)), type: 1 }] });
      }
      await client.request('isms/clauseStatus', {});
      fs.writeFileSync(path.join(dir, 'new.isms'), NEW_FILE);
      const uri = fileUri(path.join(dir, 'new.isms'));
      client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 1 }] });
      const got = await client.waitForDiagnostics(uri, (p) => codes(p).includes('unknown-reference'), 5000).catch(() => undefined);
      assert.ok(got, 'new.isms is read');
    });

    it('lets the server exit after shutdown and exit', async () => {
      const dir = tempWorkspace(`//- /roles.isms\n${ROLES}`);
      client = await LspClient.start([dir], { settings: SETTINGS });
      await client.waitForDiagnostics(fileUri(path.join(dir, 'roles.isms')));
      execFileSync('mkfifo', [path.join(dir, 'pipe.isms')]);
      client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(path.join(dir, 'pipe.isms')), type: 1 }] });
      await client.request('shutdown', null);
      client.notify('exit', null);
      for (let waited = 0; waited < 3000 && client.alive; waited += 50) await sleep(50);
      assert.equal(client.alive, false, 'the server process is gone 3 s after exit');
    });
  });

  describe('a change on a line beyond the end of the document', () => {
    // The LSP specification says clients never send one; VS Code does not.
    // vscode-languageserver-textdocument 1.0.16 (TextDocuments' update) applies
    // it to the text correctly (at the end) but, when the range spans as many
    // lines as its text has line breaks, writes the new line offsets past the
    // end of its line table, leaving holes. A later change on one of those lines
    // then lands at offset NaN: the whole text is duplicated. The server could
    // clamp such ranges before TextDocuments applies them (TextDocuments takes a
    // custom `update`).

    it('leaves the document as the specification applies the changes', async () => {
      const dir = tempWorkspace(`//- /roles.isms\n${ROLES}`);
      const uri = fileUri(path.join(dir, 'roles.isms'));
      client = await LspClient.start([dir], { settings: SETTINGS });
      await client.waitForDiagnostics(uri);
      client.open(uri, ROLES, 1);
      // ROLES has 4 lines (the last one empty). Lines 10–11 do not exist: the text goes at the end.
      client.change(uri, 2, [{ range: { start: { line: 10, character: 0 }, end: { line: 11, character: 0 } }, text: '// a\n// b' }]);
      // Now line 4 is "// b": make it "// c".
      client.change(uri, 3, [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 4 } }, text: '// c' }]);
      await settle(client);
      // By the specification the text is ROLES + "// a\n// c".
      const expected = freshDiagnostics(dir, new Map([[path.join(dir, 'roles.isms'), `${ROLES}// a\n// c`]]), SETTINGS.asOf).get(uri)!;
      assert.deepEqual(codes(latest(client, uri)), expected.map((d) => d.code), 'the findings of the text by the specification (no syntax error: the text was not duplicated)');
    });
  });
});
