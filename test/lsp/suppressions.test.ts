/** The language server honours `// isms-ignore CODE: reason` (LANGUAGE.md §7.7), as the command line does. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileUri, LspClient } from './lsp-client';
import { tempWorkspace } from './temp-workspace';

const FIXTURE = `//- /roles.isms
role ceo "Chief Executive" {
  top-management yes
}

// isms-ignore missing-competence-evidence: the certificate is being reissued (HR-212)
role cto "Chief Technology Officer" {
  responsibilities "Operates the ISMS"
}
`;

describe('language server: suppressions', function () {
  this.timeout(30_000);
  let client: LspClient | undefined;
  afterEach(async () => {
    await client?.stop();
    client = undefined;
  });

  it('publishes no suppressed finding, and reports a suppression that loses its reason', async () => {
    const dir = tempWorkspace(FIXTURE);
    const uri = fileUri(path.join(dir, 'roles.isms'));
    client = await LspClient.start([dir], { settings: { asOf: '2026-11-27' } });
    const mine = new Set(['missing-competence-evidence', 'suppression-without-reason', 'unused-suppression']);
    const first = await client.waitForDiagnostics(uri);
    assert.ok(first.diagnostics.some((d) => d.code === 'missing-scope'), 'whole-ISMS findings stand at line 1');
    assert.deepEqual(first.diagnostics.filter((d) => mine.has(String(d.code))), []);
    const text = fs.readFileSync(path.join(dir, 'roles.isms'), 'utf8');
    client.open(uri, text, 1);
    const colon = text.indexOf(': the certificate');
    const start = { line: 4, character: colon - text.lastIndexOf('\n', colon) - 1 };
    client.change(uri, 2, [{ range: { start, end: { line: 4, character: start.character + ': the certificate is being reissued (HR-212)'.length } }, text: '' }]);
    const after = await client.waitForDiagnostics(uri, (p) => p.version === 2);
    assert.deepEqual(
      after.diagnostics.filter((d) => mine.has(String(d.code))).map((d) => [d.code, d.range.start.line]),
      [
        ['suppression-without-reason', 4],
        ['missing-competence-evidence', 5],
      ],
    );
  });
});
