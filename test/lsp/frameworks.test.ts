/**
 * Other frameworks through the bundled server: the hover of an Annex A
 * control (what it helps meet, with the credit), the code lens on the
 * organization's `frameworks` line, the `isms/frameworks` request of the
 * Frameworks view, and mapping packs from the `mappings` setting.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Hover } from 'vscode-languageserver-protocol';
import { loadWorkspace } from '../../server/src/cli/load-workspace';
import { totalsLine, workspaceCoverage } from '../../server/src/features/coverage';
import type { FrameworksResult } from '../../server/src/protocol/custom-requests';
import { fileUri, LspClient } from './lsp-client';
import { copyFolder } from './temp-workspace';

const HEADER = 'framework_id\ttitle\tfunction\tcategory\tiso27001\trelationship';
const PACK = `${HEADER}\nCC6.1\tLogical access security\tCC6\tCC6.1\tA.5.15\tintersect\nCC6.1\tLogical access security\tCC6\tCC6.1\tA.8.5\tintersect\nCC9.9\tOwn evidence\tCC9\tCC9.9\t\t\n`;

describe('language server: frameworks', function () {
  this.timeout(30_000);
  let client: LspClient;
  let dir: string;
  let orgUri: string;
  let soaUri: string;
  let orgText: string;

  before(async () => {
    dir = copyFolder('examples/clinic');
    fs.mkdirSync(path.join(dir, 'mappings'));
    fs.writeFileSync(path.join(dir, 'mappings', 'soc2.tsv'), PACK);
    orgText = fs.readFileSync(path.join(dir, 'organization.isms'), 'utf8').replace('frameworks nist-csf-2.0, nis2', 'frameworks nist-csf-2.0, nis2, soc2');
    fs.writeFileSync(path.join(dir, 'organization.isms'), orgText);
    orgUri = fileUri(path.join(dir, 'organization.isms'));
    soaUri = fileUri(path.join(dir, 'soa.isms'));
    client = await LspClient.start([dir], { settings: { asOf: '2026-11-27', mappings: 'mappings' } });
    client.open(orgUri, orgText);
    client.open(soaUri, fs.readFileSync(path.join(dir, 'soa.isms'), 'utf8'));
    await client.waitForDiagnostics(soaUri, () => true);
  });
  after(() => client.stop());

  /** The line (0-based) of `control A.5.15` in soa.isms. */
  function a515Line(): number {
    return fs.readFileSync(path.join(dir, 'soa.isms'), 'utf8').split('\n').findIndex((line) => line.startsWith('control A.5.15 '));
  }

  /** The same workspace and packs computed in-process, for expected figures. */
  function expected(id: string) {
    const workspace = loadWorkspace([dir], dir, { asOf: '2026-11-27', mappings: [{ file: 'mappings/soc2.tsv', text: PACK }] });
    return workspaceCoverage(workspace.service, id)!;
  }

  it('hovers an Annex A control with what it helps meet in each declared framework, with titles and credit', async () => {
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: soaUri }, position: { line: a515Line(), character: 10 } });
    const text = (hover.contents as { value: string }).value;
    assert.match(text, /^\*\*A\.5\.15 Access control\*\*/);
    assert.match(text, /\*\*Helps meet in NIST CSF 2\.0\*\* \(\d+ requirements?\)\n- PR\.AA-01 Identities and credentials for authorized users/);
    assert.match(text, /\*\*Helps meet in NIS2\*\* \(\d+ requirements\)\n- /);
    assert.match(text, /\*\*Helps meet in soc2\*\* \(1 requirement\)\n- CC6\.1 Logical access security/);
    assert.match(text, /European Union Agency for Cybersecurity \(ENISA\), 2025.*CC BY 4\.0/);
    assert.match(text, /helps meet \(part of\) the requirement; it never shows compliance on its own/);
  });

  it('shows each framework’s totals in a code lens on the frameworks line', async () => {
    const lenses = await client.request<{ range: { start: { line: number } }; command: { title: string; command: string; arguments: unknown[] } }[]>('textDocument/codeLens', {
      textDocument: { uri: orgUri },
    });
    const line = orgText.split('\n').findIndex((l) => l.includes('frameworks '));
    const onLine = lenses.filter((lens) => lens.range.start.line === line);
    assert.deepEqual(
      onLine.map((lens) => [lens.command.title, lens.command.command, lens.command.arguments]),
      [
        [totalsLine('NIST CSF 2.0', expected('nist-csf-2.0').totals), 'isms.showFramework', ['nist-csf-2.0']],
        [totalsLine('NIS2', expected('nis2').totals), 'isms.showFramework', ['nis2']],
        ['soc2: 1 covered · 0 partial · 0 gaps · 1 unmapped', 'isms.showFramework', ['soc2']],
      ],
    );
    assert.match(onLine[1].command.title, /^NIS2: \d+ covered · \d+ partial · \d+ gaps? · 26 unmapped$/);
    assert.match((onLine[1].command as { tooltip?: string }).tooltip ?? '', /helps meet.*ENISA.*CC BY 4\.0.*Changes made/);
  });

  it('answers isms/frameworks with groups, requirements, statuses and the SoA entries of mapped controls', async () => {
    const result = await client.request<FrameworksResult>('isms/frameworks', {});
    assert.deepEqual(result.frameworks.map((f) => f.framework.id), ['nist-csf-2.0', 'nis2', 'soc2']);
    assert.deepEqual(result.packErrors, []);
    assert.match(result.meaning, /helps meet/);
    const nis2 = result.frameworks[1];
    assert.equal(nis2.groups.length, 13);
    assert.deepEqual(nis2.totals, expected('nis2').totals);
    assert.match(nis2.framework.credit, /ENISA.*CC BY 4\.0.*Changes made/);
    const soc2 = result.frameworks[2];
    assert.deepEqual(
      soc2.groups.map((g) => [g.id, g.requirements.map((r) => [r.id, r.status, r.targets.map((t) => `${t}:${soc2.targets[t].state}`)])]),
      [
        ['CC6', [['CC6.1', 'covered', ['A.5.15:implemented', 'A.8.5:implemented']]]],
        ['CC9', [['CC9.9', 'unmapped', []]]],
      ],
    );
    assert.deepEqual(Object.keys(soc2.targets), ['A.5.15', 'A.8.5']);
    const location = soc2.targets['A.5.15'].location!;
    assert.equal(location.uri, soaUri);
    assert.equal(location.range.start.line, a515Line());
  });

  it('reports a malformed pack with its file, line and column, and keeps going', async () => {
    fs.writeFileSync(path.join(dir, 'mappings', 'broken.tsv'), `${HEADER}\nX1\tSomething\tX\n`);
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(path.join(dir, 'mappings', 'broken.tsv')), type: 1 }] });
    let result: FrameworksResult | undefined;
    for (let attempt = 0; attempt < 50; attempt++) {
      result = await client.request<FrameworksResult>('isms/frameworks', {});
      if (result.packErrors.length > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.deepEqual(
      result!.packErrors.map((e) => `${e.file}:${e.line}:${e.column}`),
      ['mappings/broken.tsv:2:15'],
    );
    assert.match(result!.packErrors[0].message, /expected 6 tab-separated columns/);
    assert.deepEqual(result!.frameworks.map((f) => f.framework.id), ['nist-csf-2.0', 'nis2', 'soc2']);
  });
});
