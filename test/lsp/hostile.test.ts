/** The language server in a hostile workspace (issue 14 #4, #7, #11). */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileUri, LspClient } from './lsp-client';

const SETTINGS = { asOf: '2026-11-27' };

/** A fresh real folder with the given files. */
function tempDir(files: Record<string, string> = {}): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'isms-lsp-hostile-')));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

describe('language server: hostile workspaces', function () {
  this.timeout(30_000);
  let client: LspClient | undefined;
  afterEach(async () => {
    await client?.stop();
    client = undefined;
  });

  describe('a document that is a link out of the workspace (issue 14 #11)', () => {
    if (process.platform === 'win32') return;

    it('is reported as document-outside-workspace, as the command line does, not as existing', async () => {
      const top = tempDir({
        'outside/secret.md': 'x',
        'ws/soa.isms': 'control A.5.37 {\n  applicable yes\n  reason "r"\n  status implemented\n  evidence "docs/runbook.md", "docs/real.md"\n}\n',
        'ws/docs/real.md': 'x',
      });
      fs.symlinkSync(path.join(top, 'outside', 'secret.md'), path.join(top, 'ws', 'docs', 'runbook.md'));
      const ws = path.join(top, 'ws');
      client = await LspClient.start([ws], { settings: SETTINGS });
      const published = await client.waitForDiagnostics(fileUri(path.join(ws, 'soa.isms')));
      const found = published.diagnostics.filter((d) => String(d.code).startsWith('document-'));
      assert.deepEqual(
        found.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}: ${d.message}`),
        ["5:12 document-outside-workspace: 'docs/runbook.md' is a link to a file outside the workspace folder; it is not followed"],
      );
    });
  });

  describe('versioned edits (issue 14 #7)', () => {
    const ROLES = 'role cto "Chief Technology Officer" {\n  holder "Sam"\n}\n';
    const RISKS = 'risk R-1 "Ransomware" {\n  owner cto\n  likelihood 2\n  impact 2\n}\n';
    const apply = (text: string, edits: TextDocumentEdit['edits']) => TextDocument.applyEdits(TextDocument.create('file:///x', 'isms', 0, text), edits as never);

    it('renames across an open and a closed file changed on disk: documentChanges with versions, the reference edited, not a comment', async () => {
      const dir = tempDir({ 'roles.isms': ROLES, 'risks.isms': RISKS });
      const roles = fileUri(path.join(dir, 'roles.isms'));
      const risks = fileUri(path.join(dir, 'risks.isms'));
      client = await LspClient.start([dir], { settings: SETTINGS, workspaceEdit: { documentChanges: true } });
      await client.waitForDiagnostics(roles);
      client.open(risks, RISKS, 1);
      // Version 4: a comment line above, so the open text is not the one on disk.
      client.change(risks, 4, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '// cto approves\n' }]);
      await client.waitForDiagnostics(risks, (p) => p.version === 4);
      // The closed file changes on disk after the server read it, and no watcher tells it: the old offset of `cto` is now in a comment.
      const onDisk = '// cto: the role below\n\n' + ROLES;
      fs.writeFileSync(path.join(dir, 'roles.isms'), onDisk);
      const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: risks }, position: { line: 2, character: 9 }, newName: 'cio' });
      assert.equal(edit.changes, undefined);
      const byUri = new Map((edit.documentChanges as TextDocumentEdit[]).map((change) => [change.textDocument.uri, change]));
      assert.deepEqual([...byUri.keys()].sort(), [risks, roles].sort());
      assert.equal(byUri.get(risks)!.textDocument.version, 4);
      assert.equal(byUri.get(roles)!.textDocument.version, null);
      assert.deepEqual(byUri.get(roles)!.edits.map((e) => e.range), [{ start: { line: 2, character: 5 }, end: { line: 2, character: 8 } }]);
      assert.equal(apply(onDisk, byUri.get(roles)!.edits), onDisk.replace('role cto', 'role cio'));
      assert.equal(apply('// cto approves\n' + RISKS, byUri.get(risks)!.edits), '// cto approves\n' + RISKS.replace('owner cto', 'owner cio'));
    });

    it('answers plain changes to a client without documentChanges, also re-read from disk', async () => {
      const dir = tempDir({ 'roles.isms': ROLES, 'risks.isms': RISKS });
      const roles = fileUri(path.join(dir, 'roles.isms'));
      const risks = fileUri(path.join(dir, 'risks.isms'));
      client = await LspClient.start([dir], { settings: SETTINGS });
      await client.waitForDiagnostics(roles);
      // Messages are handled in order: the rename comes after the open.
      client.open(risks, RISKS, 1);
      const onDisk = '// cto: the role below\n' + ROLES;
      fs.writeFileSync(path.join(dir, 'roles.isms'), onDisk);
      const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: risks }, position: { line: 1, character: 9 }, newName: 'cio' });
      assert.equal(edit.documentChanges, undefined);
      assert.equal(apply(onDisk, edit.changes![roles]), onDisk.replace('role cto', 'role cio'));
      assert.equal(apply(RISKS, edit.changes![risks]), RISKS.replace('owner cto', 'owner cio'));
    });

    it('gives quick fixes of an open document its version', async () => {
      const dir = tempDir({ 'roles.isms': ROLES, 'risks.isms': RISKS.replace('owner cto', 'owner ctx') });
      const risks = fileUri(path.join(dir, 'risks.isms'));
      client = await LspClient.start([dir], { settings: SETTINGS, workspaceEdit: { documentChanges: true } });
      client.open(risks, RISKS.replace('owner cto', 'owner ctx'), 7);
      const published = await client.waitForDiagnostics(risks, (p) => p.version === 7 && p.diagnostics.some((d) => d.code === 'unknown-reference'));
      const diagnostic = published.diagnostics.find((d) => d.code === 'unknown-reference')!;
      const actions = await client.request<{ title: string; edit: WorkspaceEdit }[]>('textDocument/codeAction', { textDocument: { uri: risks }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
      const fix = actions.find((a) => /cto/.test(a.title));
      assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
      assert.equal(fix.edit.changes, undefined);
      assert.deepEqual((fix.edit.documentChanges as TextDocumentEdit[]).map((c) => [c.textDocument.uri, c.textDocument.version]), [[risks, 7]]);
    });
  });

  describe('a file outside every workspace folder (issue 14 #4)', () => {
    const STRAY = 'risk R-1 "Ransomware" {\n  owner cto\n  likelihood 2\n  impact 2\n}\n';
    /** A folder with the stray file and, beside it, the role it names: read alone, the reference is unknown. */
    const strayFolder = () => tempDir({ 'stray.isms': STRAY, 'roles.isms': 'role cto "CTO" {\n}\n' });
    const unknown = (d: { code?: string | number }) => d.code === 'unknown-reference';

    it('is analysed alone, promptly, while a large workspace folder is read, and the server answers meanwhile', async () => {
      const files: Record<string, string> = {};
      for (let i = 0; i < 1500; i++) files[`f${Math.floor(i / 50)}/r${i}.isms`] = `role r${i} "R ${i}" {\n}\n`;
      const ws = tempDir(files);
      const stray = strayFolder();
      // Written with `..`: the path climbs out of the workspace folder to the stray's folder.
      const uri = `${fileUri(ws)}/${'../'.repeat(ws.split('/').length - 1)}${stray.slice(1)}/stray.isms`;
      client = await LspClient.start([ws], { settings: SETTINGS });
      const began = Date.now();
      client.open(uri, STRAY, 1);
      const symbols = await client.request<{ name: string }[]>('textDocument/documentSymbol', { textDocument: { uri } });
      assert.deepEqual(symbols.map((s) => s.name), ['risk R-1']);
      const published = await client.waitForDiagnostics(uri, (p) => p.diagnostics.some(unknown), 2_000);
      assert.ok(Date.now() - began < 2_000, `${Date.now() - began} ms`);
      assert.deepEqual(published.diagnostics.filter(unknown).map((d) => d.message), ["no role 'cto' is declared"]);
      // The stray's neighbour was never read: no diagnostics for it, and no workspace symbol from it.
      assert.equal(client.diagnostics(fileUri(path.join(stray, 'roles.isms'))), undefined);
      // The workspace folder is read in full all the same.
      await client.waitForDiagnostics(fileUri(path.join(ws, 'f0', 'r0.isms')));
    });

    it('is analysed alone without any workspace folder, and its diagnostics go when it is closed', async () => {
      const stray = strayFolder();
      const uri = fileUri(path.join(stray, 'stray.isms'));
      client = await LspClient.start([], { settings: SETTINGS });
      client.open(uri, STRAY, 1);
      const published = await client.waitForDiagnostics(uri, (p) => p.diagnostics.some(unknown), 2_000);
      assert.deepEqual(published.diagnostics.filter(unknown).map((d) => d.message), ["no role 'cto' is declared"]);
      assert.equal(client.diagnostics(fileUri(path.join(stray, 'roles.isms'))), undefined);
      client.close(uri);
      await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
    });
  });
});
