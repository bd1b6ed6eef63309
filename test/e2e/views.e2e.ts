/**
 * The ISMS views of the activity bar, through the tree data providers that
 * activate() exposes (what VS Code itself asks them for): one folder node per
 * ISMS in the multi-root workspace, clauses 4–10 with their status, the risk
 * groups, the SoA by theme with counts.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { childrenOf, codeOf, extensionApi, fileOf, labelOf, nodeLabelled, rows, showFile, waitForDiagnostics, type IsmsExtensionApi, type TreeNode } from './helpers';

/** `label — description — contextValue — icon id`. */
function detailed(nodes: readonly TreeNode[]): string[] {
  return nodes.map((n) => {
    const icon = n.item.iconPath instanceof vscode.ThemeIcon ? n.item.iconPath.id : '';
    return `${labelOf(n.item)} — ${String(n.item.description ?? '')} — ${n.item.contextValue ?? ''} — ${icon}`;
  });
}

suite('views', () => {
  let api: IsmsExtensionApi;

  suiteSetup(async () => {
    api = await extensionApi();
    // The flawed example as it is on disk, analysed (the quick-fix suite reverts its edits).
    const uri = fileOf('flawed', 'risks.isms');
    const analysed = waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === 'unknown-field') && ds.some((d) => codeOf(d) === 'acceptor-not-owner'));
    const editor = await showFile(uri);
    assert.equal(editor.document.isDirty, false);
    await analysed;
    for (const provider of Object.values(api.views)) provider.refresh();
  });

  test('Clauses: clauses 4–10 and sub-clauses 4.1–10.2 of each ISMS with fail / warn / pass / unverified', async () => {
    const roots = await childrenOf(api.views.clauses);
    assert.deepEqual(rows(roots), ['clinic — 10 unverified · 20 passing', 'flawed — 6 failing · 14 with warnings · 9 unverified · 1 passing']);
    assert.deepEqual(roots.map((r) => r.item.contextValue), ['isms.folder', 'isms.folder']);

    // The clinic has no finding, but what nothing checks is unverified, never green: each main clause has such a sub-clause.
    const clinic = await childrenOf(api.views.clauses, roots[0]);
    assert.deepEqual(detailed(clinic), [
      '4 Context of the organization — no findings · 1 unverified — isms.clause.unverified — question',
      '5 Leadership — no findings · 1 unverified — isms.clause.unverified — question',
      '6 Planning — no findings · 2 unverified — isms.clause.unverified — question',
      '7 Support — no findings · 3 unverified — isms.clause.unverified — question',
      '8 Operation — no findings · 1 unverified — isms.clause.unverified — question',
      '9 Performance evaluation — no findings · 1 unverified — isms.clause.unverified — question',
      '10 Improvement — no findings · 1 unverified — isms.clause.unverified — question',
    ]);
    const context = await childrenOf(api.views.clauses, nodeLabelled(clinic, '4 Context of the organization'));
    assert.deepEqual(detailed(context), [
      '4.1 Understanding the organization and its context — no findings — isms.clause.pass — pass',
      '4.2 Understanding the needs and expectations of interested parties — no findings — isms.clause.pass — pass',
      '4.3 Determining the scope of the information security management system — no findings — isms.clause.pass — pass',
      '4.4 Information security management system — unverified — isms.clause.unverified — question',
    ]);
    // An unverified clause lists what the ISMS records for it and what an auditor will ask.
    const isms = await childrenOf(api.views.clauses, nodeLabelled(context, '4.4 Information security management system'));
    assert.deepEqual(
      isms.map((n) => `${labelOf(n.item)} — ${n.item.contextValue}`),
      [
        'Records: 6 policies, 23 risks, 93 SoA entries, 2 internal audits, 1 management review — isms.clause.records',
        'Auditor asks: How are the ISMS processes and their interactions established, implemented, maintained and continually improved? — isms.clause.ask',
        'Auditor asks: Show the process map: who runs risk assessment, treatment, audit, review and corrective action, and how they feed each other. — isms.clause.ask',
      ],
    );

    const flawed = await childrenOf(api.views.clauses, roots[1]);
    assert.deepEqual(detailed(flawed), [
      '4 Context of the organization — 5 findings · 1 unverified — isms.clause.fail — error',
      '5 Leadership — 8 findings — isms.clause.fail — error',
      '6 Planning — 32 findings · 2 unverified — isms.clause.fail — error',
      '7 Support — 6 findings · 3 unverified — isms.clause.warn — warning',
      '8 Operation — 3 findings · 1 unverified — isms.clause.warn — warning',
      '9 Performance evaluation — 7 findings · 1 unverified — isms.clause.fail — error',
      '10 Improvement — 5 findings · 1 unverified — isms.clause.fail — error',
    ]);

    // The findings under a sub-clause: errors first, each with its code; a click reveals it.
    const support = await childrenOf(api.views.clauses, nodeLabelled(flawed, '7 Support'));
    const competence = await childrenOf(api.views.clauses, nodeLabelled(support, '7.2 Competence'));
    assert.deepEqual(rows(competence), [
      'role it-admin has responsibilities but no competence-evidence — missing-competence-evidence',
      'role depot-lead has responsibilities but no competence-evidence — missing-competence-evidence',
    ]);
    assert.ok(competence.every((n) => n.item.command?.command === 'isms.revealLocation'));
    const operation = await childrenOf(api.views.clauses, nodeLabelled(flawed, '8 Operation'));
    const assessment = await childrenOf(api.views.clauses, nodeLabelled(operation, '8.2 Information security risk assessment'));
    assert.deepEqual(rows(assessment), [
      'R-08 was last assessed on 2025-03-01; reassessment was due on 2026-03-01 (as of 2026-11-27) — risk-assessment-overdue',
      'R-10 has no assessed date: record when it was last assessed — missing-assessment-date',
    ]);
  });

  test('Risks: the register grouped by where each risk stands against acceptance', async () => {
    const roots = await childrenOf(api.views.risks);
    assert.deepEqual(rows(roots), ['clinic — 23 risks', 'flawed — 10 risks · 2 above acceptance']);

    const clinic = await childrenOf(api.views.risks, roots[0]);
    assert.deepEqual(rows(clinic), ['Above acceptance, treated to acceptable — 21 risks', 'Acceptable before treatment — 2 risks']);

    const flawed = await childrenOf(api.views.risks, roots[1]);
    // R-03 is accepted above the criteria by a role that is not top management: a group of its own (issue 11 item 5).
    assert.deepEqual(rows(flawed), [
      'Residual rated above inherent — 1 risk',
      'Accepted above the criteria without top management — 1 risk',
      'Above acceptance after treatment — 1 risk · 1 not accepted',
      'Above acceptance, treated to acceptable — 5 risks',
      'Acceptable before treatment — 2 risks',
    ]);
    const label = (nodes: TreeNode[]) => nodes.map((n) => labelOf(n.item));
    const r09 = await childrenOf(api.views.risks, flawed[0]);
    const r03 = await childrenOf(api.views.risks, flawed[1]);
    assert.deepEqual(label(r09), ['R-09 Depot Wi-Fi password shared with visitors']);
    assert.deepEqual(label(r03), ['R-03 Portal taken offline by a denial of service']);
    // Both residual scores are within acceptance, but each record has a finding: never a green icon.
    assert.equal((r09[0].item.iconPath as vscode.ThemeIcon).id, 'error');
    assert.equal((r03[0].item.iconPath as vscode.ThemeIcon).id, 'warning');
    assert.deepEqual(label(await childrenOf(api.views.risks, flawed[2])), ['R-02 Customer data leaked from the TMS']);
    assert.deepEqual(label(await childrenOf(api.views.risks, flawed[3])), [
      'R-06 Break-in at the depot office',
      'R-01 Ransomware on depot PCs',
      'R-04 Portal account takeover',
      'R-05 Malware spread through the depot network',
      'R-07 Customer addresses scraped from the portal',
    ]);
    assert.deepEqual(label(await childrenOf(api.views.risks, flawed[4])), ['R-08 Lost handheld exposes delivery data', 'R-10 Parcel scanner firmware tampered with']);
    // R-02 is above acceptance and nobody accepted it: an error icon.
    const r02 = (await childrenOf(api.views.risks, flawed[2]))[0]!;
    assert.equal((r02.item.iconPath as vscode.ThemeIcon).id, 'error');
  });

  test('Statement of Applicability: Annex A themes with counts, then the invalid ids (never custom controls)', async () => {
    const roots = await childrenOf(api.views.soa);
    assert.deepEqual(rows(roots), ['clinic — 93 of 93 declared · 89 applicable', 'flawed — 8 of 93 declared · 4 applicable · 2 invalid ids']);

    const clinic = await childrenOf(api.views.soa, roots[0]);
    assert.deepEqual(rows(clinic), [
      'Organizational controls — 37 · 37 applicable · 0 excluded · 31 implemented',
      'People controls — 8 · 8 applicable · 0 excluded · 8 implemented',
      'Physical controls — 14 · 14 applicable · 0 excluded · 12 implemented',
      'Technological controls — 34 · 30 applicable · 4 excluded · 28 implemented',
    ]);
    const organizational = await childrenOf(api.views.soa, clinic[0]);
    assert.equal(organizational.length, 37);
    assert.equal(labelOf(organizational[0]!.item), 'A.5.1 Policies for information security');

    const flawed = await childrenOf(api.views.soa, roots[1]);
    assert.deepEqual(rows(flawed), [
      'Organizational controls — 37 · 1 applicable · 1 excluded · 0 implemented · 35 without entry',
      'People controls — 8 · 0 applicable · 0 excluded · 0 implemented · 8 without entry',
      'Physical controls — 14 · 0 applicable · 2 excluded · 0 implemented · 12 without entry',
      'Technological controls — 34 · 3 applicable · 1 excluded · 1 implemented · 30 without entry',
      'Invalid Annex A ids — 2 · not counted: fix or remove them',
    ]);
    const physical = await childrenOf(api.views.soa, nodeLabelled(flawed, 'Physical controls'));
    assert.equal(rows(physical.filter((n) => labelOf(n.item).startsWith('A.7.4 ')))[0], 'A.7.4 Physical security monitoring — excluded');
    const technological = await childrenOf(api.views.soa, nodeLabelled(flawed, 'Technological controls'));
    const byId = (id: string) => rows(technological.filter((n) => labelOf(n.item).startsWith(`${id} `)))[0];
    assert.equal(byId('A.8.7'), 'A.8.7 Protection against malware — applicable · implemented');
    assert.equal(byId('A.8.13'), 'A.8.13 Information backup — applicable · no status');
    assert.equal(byId('A.8.1'), 'A.8.1 User endpoint devices — no SoA entry');
    // The icon follows the findings in the entry: A.8.13 has control-missing-status (an error), A.8.7 none.
    const iconOf = (id: string) => (technological.find((n) => labelOf(n.item).startsWith(`${id} `))!.item.iconPath as vscode.ThemeIcon).id;
    assert.deepEqual([iconOf('A.8.7'), iconOf('A.8.13')], ['pass', 'error']);
    // Issue 13: A.9.99 and the 2013 id A.12.3.1 are no custom controls with a green tick, but invalid ids with an error.
    const invalid = await childrenOf(api.views.soa, nodeLabelled(flawed, 'Invalid Annex A ids'));
    assert.deepEqual(rows(invalid), ['A.12.3.1 Information backup — invalid id', 'A.9.99 Visitor badges — invalid id']);
    assert.deepEqual(invalid.map((n) => (n.item.iconPath as vscode.ThemeIcon).id), ['error', 'error']);
  });

  /** Flawed's clause 4.3 in the Clauses view, asked afresh. */
  async function flawedScopeClause(): Promise<TreeNode> {
    api.views.clauses.refresh();
    const roots = await childrenOf(api.views.clauses);
    const context = await childrenOf(api.views.clauses, nodeLabelled(await childrenOf(api.views.clauses, roots[1]), '4 Context of the organization'));
    return context.find((n) => labelOf(n.item).startsWith('4.3 '))!;
  }

  test('a suppressed error leaves the Problems panel but still fails its clause, marked suppressed with its reason', async () => {
    const organization = fileOf('flawed', 'organization.isms');
    const document = await vscode.workspace.openTextDocument(organization);
    const original = document.getText();
    const head = document.positionAt(original.indexOf('organization "Brightline Couriers Ltd" {'));
    const comment = '// isms-ignore missing-scope: the scope is with the board for approval (BRD-12)\n';
    const hidden = waitForDiagnostics(organization, (ds) => ds.length > 0 && !ds.some((d) => codeOf(d) === 'missing-scope'));
    const insert = new vscode.WorkspaceEdit();
    insert.insert(organization, head, comment);
    assert.equal(await vscode.workspace.applyEdit(insert), true);
    try {
      await hidden;
      const scope = await flawedScopeClause();
      assert.equal(scope.item.contextValue, 'isms.clause.fail');
      const finding = (await childrenOf(api.views.clauses, scope)).find((n) => n.item.contextValue === 'isms.finding')!;
      assert.equal(finding.item.description, 'missing-scope · suppressed');
      assert.match((finding.item.tooltip as vscode.MarkdownString).value, /Suppressed by `isms-ignore`: the scope is with the board for approval \\\(BRD\\-12\\\)\. The reason explains the error to an auditor; it does not meet the clause\.$/);
    } finally {
      const back = waitForDiagnostics(organization, (ds) => ds.some((d) => codeOf(d) === 'missing-scope'));
      const remove = new vscode.WorkspaceEdit();
      remove.delete(organization, new vscode.Range(head, document.positionAt(document.offsetAt(head) + comment.length)));
      assert.equal(await vscode.workspace.applyEdit(remove), true);
      if (document.isDirty) await document.save();
      assert.equal(document.getText(), original);
      await back;
      api.views.clauses.refresh();
    }
  });

  test('isms.severity changes the Problems panel, not the Clauses view: a check turned off still fails its clause', async () => {
    const organization = fileOf('flawed', 'organization.isms');
    const settings = vscode.workspace.getConfiguration('isms');
    const hidden = waitForDiagnostics(organization, (ds) => ds.length > 0 && !ds.some((d) => codeOf(d) === 'missing-scope'));
    await settings.update('severity', { 'missing-scope': 'off' }, vscode.ConfigurationTarget.Workspace);
    try {
      await hidden;
      const scope = await flawedScopeClause();
      assert.equal(scope.item.contextValue, 'isms.clause.fail', 'no scope fails 4.3 whatever the Problems panel shows');
      assert.match(rows(await childrenOf(api.views.clauses, scope)).join('\n'), /the ISMS has no scope/);
    } finally {
      const back = waitForDiagnostics(organization, (ds) => ds.some((d) => codeOf(d) === 'missing-scope'));
      await settings.update('severity', undefined, vscode.ConfigurationTarget.Workspace);
      await back;
      api.views.clauses.refresh();
    }
  });
});
