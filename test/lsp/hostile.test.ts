/** The language server in a hostile workspace (issue 14 #4, #7, #11). */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
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
});
