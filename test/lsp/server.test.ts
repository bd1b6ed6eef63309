import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileUri, LspClient } from './lsp-client';
import { copyFolder, tempWorkspace } from './temp-workspace';

const SETTINGS = { asOf: '2026-11-27' };

const FIXTURE = `//- /roles.isms
role cto "Chief Technology Officer" {
  holder "Sam"
}
//- /risks.isms
risk R-1 "Ransomware" {
  owner cto
  likelihood 2
  impact 2
}
`;

describe('language server: workspace and diagnostics', function () {
  this.timeout(30_000);
  let client: LspClient | undefined;
  afterEach(async () => {
    await client?.stop();
    client = undefined;
  });

  it('indexes the folder on start and pushes diagnostics for files never opened', async () => {
    const dir = copyFolder('examples/flawed');
    client = await LspClient.start([dir], { settings: SETTINGS });
    const risks = await client.waitForDiagnostics(fileUri(path.join(dir, 'risks.isms')), (p) => p.diagnostics.length > 0);
    const codes = new Set(risks.diagnostics.map((d) => d.code));
    for (const code of ['unknown-field', 'duplicate-field', 'wrong-reference-kind', 'rating-out-of-scale']) assert.ok(codes.has(code), code);
    const unknownField = risks.diagnostics.find((d) => d.code === 'unknown-field')!;
    assert.equal(unknownField.source, 'isms');
    assert.match(unknownField.message as string, /did you mean 'classification'\?/);
    assert.match(unknownField.codeDescription!.href, /docs\/diagnostics\.md#unknown-field$/);
    assert.deepEqual((unknownField.data as { suggestion: string }).suggestion, 'classification');
    const duplicate = (await client.waitForDiagnostics(fileUri(path.join(dir, 'organization.isms')), (p) => p.diagnostics.some((d) => d.code === 'duplicate-id'))).diagnostics.find((d) => d.code === 'duplicate-id')!;
    assert.equal(duplicate.relatedInformation?.[0].location.uri, fileUri(path.join(dir, 'risks.isms')));
    const whole = (await client.waitForDiagnostics(fileUri(path.join(dir, 'organization.isms')))).diagnostics.find((d) => d.code === 'missing-scope')!;
    // The clause once: not in the message (it was "(4.3) (ISO/IEC 27001:2022 4.3)"), in `data` and the code's documentation.
    assert.equal(whole.message, 'the ISMS has no scope: add a scope statement');
    assert.equal((whole.data as { clause: string }).clause, '4.3');
    assert.equal(whole.codeDescription?.href, 'https://github.com/isms-studio/isms-studio/blob/main/docs/diagnostics.md#missing-scope');
  });

  it('reports work-done progress while it reads a folder, and logs the file count and time (issue 13)', async () => {
    const dir = copyFolder('examples/flawed');
    client = await LspClient.start([dir], { settings: SETTINGS });
    await client.waitForDiagnostics(fileUri(path.join(dir, 'risks.isms')), (p) => p.diagnostics.length > 0);
    const progress = client.notifications
      .filter((n) => n.method === '$/progress')
      .map((n) => (n.params as { value: { kind: string; title?: string; message?: string } }).value);
    assert.deepEqual(progress[0], { kind: 'begin', title: 'ISMS', cancellable: false, message: 'reading files…', percentage: 0 });
    assert.ok(progress.some((v) => v.kind === 'report' && v.message === 'reading 5 files…'), JSON.stringify(progress));
    assert.equal(progress.at(-1)?.kind, 'end');
    assert.ok(client.logs.some((line) => /: 5 \.isms files read in \d+ ms$/.test(line)), client.logs.join('\n'));
  });

  it('follows edits of an open document, with its version', async () => {
    const dir = tempWorkspace(FIXTURE);
    const uri = fileUri(path.join(dir, 'risks.isms'));
    client = await LspClient.start([dir], { settings: SETTINGS });
    await client.waitForDiagnostics(uri);
    const text = fs.readFileSync(path.join(dir, 'risks.isms'), 'utf8');
    client.open(uri, text, 1);
    // Rename the owner to one nobody declared: a one-character incremental edit.
    const at = text.indexOf('cto');
    client.change(uri, 2, [{ range: { start: { line: 1, character: 8 }, end: { line: 1, character: 9 } }, text: 'x' }]);
    assert.equal(at, text.indexOf('owner cto') + 6);
    const after = await client.waitForDiagnostics(uri, (p) => p.version === 2);
    assert.deepEqual(after.diagnostics.filter((d) => d.code === 'unknown-reference').map((d) => d.message), [
      "no role 'xto' is declared; did you mean 'cto'?",
    ]);
  });

  it('makes references unknown when their file is deleted on disk', async () => {
    const dir = tempWorkspace(FIXTURE);
    const uri = fileUri(path.join(dir, 'risks.isms'));
    client = await LspClient.start([dir], { settings: SETTINGS });
    await client.waitForDiagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'unknown-reference'));
    fs.rmSync(path.join(dir, 'roles.isms'));
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(path.join(dir, 'roles.isms')), type: 3 }] });
    const after = await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'unknown-reference'));
    assert.match(after.diagnostics.find((d) => d.code === 'unknown-reference')!.message as string, /no role 'cto' is declared/);
    const cleared = await client.waitForDiagnostics(fileUri(path.join(dir, 'roles.isms')), (p) => p.diagnostics.length === 0);
    assert.deepEqual(cleared.diagnostics, []);
  });

  it('picks up a file created on disk', async () => {
    const dir = tempWorkspace(FIXTURE.replace(/\/\/- \/roles\.isms[\s\S]*?(?=\/\/- )/, ''));
    const uri = fileUri(path.join(dir, 'risks.isms'));
    client = await LspClient.start([dir], { settings: SETTINGS });
    await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'unknown-reference'));
    fs.writeFileSync(path.join(dir, 'roles.isms'), 'role cto "CTO" {\n}\n');
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(path.join(dir, 'roles.isms')), type: 1 }] });
    await client.waitForDiagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'unknown-reference'));
  });

  it('applies the isms.severity and isms.asOf settings', async () => {
    const dir = copyFolder('examples/flawed');
    const uri = fileUri(path.join(dir, 'organization.isms'));
    client = await LspClient.start([dir], { settings: { asOf: '2020-01-01', severity: { 'missing-scope': 'off', 'missing-context': 'error' } } });
    const diagnostics = (await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0)).diagnostics;
    assert.ok(!diagnostics.some((d) => d.code === 'missing-scope'));
    assert.equal(diagnostics.find((d) => d.code === 'missing-context')!.severity, 1);
    assert.ok(!diagnostics.some((d) => d.code === 'review-overdue'), 'not overdue as of 2020');
  });

  it('judges clause readiness and the SoA by the standard severities, whatever isms.severity shows', async () => {
    // The clinic without its scope (missing-scope, an error of 4.3) and with A.5.1 lacking its
    // status (control-missing-status, an error of 6.1.3): the settings turn one off and show the other as a note.
    const dir = copyFolder('examples/clinic');
    const organization = path.join(dir, 'organization.isms');
    const soaFile = path.join(dir, 'soa.isms');
    fs.writeFileSync(organization, fs.readFileSync(organization, 'utf8').replace(/^scope \{[\s\S]*?^\}\n/m, ''));
    fs.writeFileSync(soaFile, fs.readFileSync(soaFile, 'utf8').replace('status implemented\n  owner it-lead\n  evidence "policies/information-security.md"', 'owner it-lead\n  evidence "policies/information-security.md"'));
    client = await LspClient.start([dir], { settings: { ...SETTINGS, severity: { 'missing-scope': 'off', 'control-missing-status': 'info' } } });
    const shown = (await client.waitForDiagnostics(fileUri(soaFile), (p) => p.diagnostics.length > 0)).diagnostics;
    assert.deepEqual(shown.map((d) => `${d.code}:${d.severity}:${d.range.start.line + 1}`), ['control-missing-status:3:15']);
    const atOrganization = (await client.waitForDiagnostics(fileUri(organization))).diagnostics;
    assert.deepEqual(atOrganization, [], 'missing-scope is off in the Problems panel');

    // What an auditor would find is unchanged: 4.3 and 6.1.3 fail, and the SoA is a draft with two errors.
    const { clauses } = await client.request<{ clauses: { clause: string; status: string }[] }>('isms/clauseStatus', { uri: fileUri(dir) });
    const stateOf = (id: string) => clauses.find((c) => c.clause === id)!.status;
    assert.deepEqual(['4.3', '6.1.3', '6.1.2'].map(stateOf), ['fail', 'fail', 'pass']);
    const soa = await client.request<{ errors: number; rows: { id: string; findings: { errors: number; warnings: number } }[] }>('isms/soaTable', { uri: fileUri(dir) });
    assert.equal(soa.errors, 2);
    assert.deepEqual(soa.rows.find((r) => r.id === 'A.5.1')!.findings, { errors: 1, warnings: 0 });
    // The language status learns that the Problems panel hides both (it is never green then).
    const changed = client.notifications.filter((n) => n.method === 'isms/analysisChanged').map((n) => n.params as { errors: number; hiddenErrors?: number });
    const last = changed[changed.length - 1];
    assert.deepEqual(last && { errors: last.errors, hiddenErrors: last.hiddenErrors }, { errors: 0, hiddenErrors: 2 });
  });

  it('keeps a suppressed error failing its clause and the SoA a draft, while the Problems panel and the gate let it pass', async () => {
    const dir = copyFolder('examples/clinic');
    const organization = path.join(dir, 'organization.isms');
    const text = fs.readFileSync(organization, 'utf8').replace(/^scope \{[\s\S]*?^\}\n/m, '');
    fs.writeFileSync(organization, text.replace(/^organization /m, '// isms-ignore missing-scope: the scope is with the board for approval (BRD-12)\norganization '));
    client = await LspClient.start([dir], { settings: SETTINGS });
    assert.deepEqual((await client.waitForDiagnostics(fileUri(organization))).diagnostics, []);
    const { clauses } = await client.request<{ clauses: { clause: string; status: string; findings: { code: string; suppressed?: string }[] }[] }>('isms/clauseStatus', { uri: fileUri(dir) });
    const scope = clauses.find((c) => c.clause === '4.3')!;
    assert.equal(scope.status, 'fail');
    assert.deepEqual(scope.findings.map((f) => [f.code, f.suppressed]), [['missing-scope', 'the scope is with the board for approval (BRD-12)']]);
    assert.equal((await client.request<{ errors: number }>('isms/soaTable', { uri: fileUri(dir) })).errors, 1);
    const changed = client.notifications.filter((n) => n.method === 'isms/analysisChanged').map((n) => n.params as { errors: number; hiddenErrors?: number });
    const last = changed[changed.length - 1];
    assert.deepEqual(last && { errors: last.errors, hiddenErrors: last.hiddenErrors }, { errors: 0, hiddenErrors: 1 });
  });

  it('formats a document with the canonical layout', async () => {
    const dir = tempWorkspace('//- /a.isms\nscope   {\n     statement "x"   // kept\n}\n');
    const uri = fileUri(path.join(dir, 'a.isms'));
    client = await LspClient.start([dir], { settings: SETTINGS });
    client.open(uri, fs.readFileSync(path.join(dir, 'a.isms'), 'utf8'));
    await client.waitForDiagnostics(uri);
    const edits = await client.request<{ range: unknown; newText: string }[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    assert.ok(edits.length > 0);
  });

  it('answers the custom requests with plain data', async () => {
    const dir = copyFolder('examples/clinic');
    client = await LspClient.start([dir], { settings: SETTINGS });
    await client.waitForDiagnostics(fileUri(path.join(dir, 'soa.isms')));
    const soa = await client.request<{ rows: { id: string }[]; folderUri: string }>('isms/soaTable', { uri: fileUri(dir) });
    assert.equal(soa.rows.filter((r) => r.id.startsWith('A.')).length, 93);
    const clauses = await client.request<{ clauses: { clause: string; status: string; records: { count: number }[]; asks: string[] }[] }>('isms/clauseStatus', {});
    // Clause readiness (§7.5): the clinic has no fail or warn; what nothing checks is unverified, with its records and questions.
    assert.equal(clauses.clauses.length, 41);
    assert.deepEqual([...new Set(clauses.clauses.map((c) => c.status))].sort(), ['pass', 'unverified']);
    assert.deepEqual(clauses.clauses.filter((c) => c.clause.split('.').length === 1).map((c) => `${c.clause}:${c.status}`), ['4:unverified', '5:unverified', '6:unverified', '7:unverified', '8:unverified', '9:unverified', '10:unverified']);
    const s44 = clauses.clauses.find((c) => c.clause === '4.4')!;
    assert.equal(s44.status, 'unverified');
    assert.deepEqual(s44.records.map((r) => r.count), [6, 23, 93, 2, 1]);
    assert.ok(s44.asks.length > 0);
    assert.equal(clauses.clauses.find((c) => c.clause === '6.1.2')!.status, 'pass');
    const risks = await client.request<{ risks: unknown[]; inherentMatrix: { cells: unknown[][] } }>('isms/riskRegister', {});
    assert.ok(risks.risks.length > 10);
    assert.equal(risks.inherentMatrix.cells.length, 5);
    const xlsx = await client.request<{ encoding: string; content: string; fileName: string }>('isms/export', { format: 'xlsx' });
    assert.equal(xlsx.encoding, 'base64');
    assert.equal(Buffer.from(xlsx.content, 'base64').subarray(0, 2).toString(), 'PK');
    const md = await client.request<{ content: string }>('isms/export', { format: 'md' });
    assert.match(md.content, /^# Statement of Applicability — Northbridge Family Clinic/);
  });
});
