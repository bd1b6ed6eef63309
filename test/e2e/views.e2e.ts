/**
 * The ISMS views of the activity bar, through the tree data providers that
 * activate() exposes (what VS Code itself asks them for): one folder node per
 * ISMS in the multi-root workspace, clauses 4–10 with their status, the risk
 * groups, the SoA by theme with counts.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { childrenOf, codeOf, extensionApi, fileOf, labelOf, nodeLabelled, rows, showFile, waitForDiagnostics, type IsmsExtensionApi, type TreeNode } from './helpers';

const CLAUSES = [
  '4 Context of the organization',
  '5 Leadership',
  '6 Planning',
  '7 Support',
  '8 Operation',
  '9 Performance evaluation',
  '10 Improvement',
];

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

  test('Clauses: clauses 4–10 of each ISMS with pass / warn / fail', async () => {
    const roots = await childrenOf(api.views.clauses);
    assert.deepEqual(rows(roots), ['clinic — 7 passing', 'flawed — 5 failing · 2 with warnings']);
    assert.deepEqual(roots.map((r) => r.item.contextValue), ['isms.folder', 'isms.folder']);

    const clinic = await childrenOf(api.views.clauses, roots[0]);
    assert.deepEqual(detailed(clinic), CLAUSES.map((c) => `${c} — no findings — isms.clause.pass — pass`));

    const flawed = await childrenOf(api.views.clauses, roots[1]);
    assert.deepEqual(detailed(flawed), [
      '4 Context of the organization — 4 findings — isms.clause.fail — error',
      '5 Leadership — 6 findings — isms.clause.fail — error',
      '6 Planning — 20 findings — isms.clause.fail — error',
      '7 Support — 2 findings — isms.clause.warn — warning',
      '8 Operation — 1 finding — isms.clause.warn — warning',
      '9 Performance evaluation — 3 findings — isms.clause.fail — error',
      '10 Improvement — 3 findings — isms.clause.fail — error',
    ]);

    // The findings under a clause: errors first, each with its code; a click reveals it.
    const support = await childrenOf(api.views.clauses, nodeLabelled(flawed, '7 Support'));
    assert.deepEqual(rows(support), [
      "role it-admin has responsibilities but no competence-evidence — missing-competence-evidence",
      "'policies/information-security.md' does not exist — document-not-found",
    ]);
    assert.ok(support.every((n) => n.item.command?.command === 'isms.revealLocation'));
    const operation = await childrenOf(api.views.clauses, nodeLabelled(flawed, '8 Operation'));
    assert.deepEqual(rows(operation), [
      'R-08 was last assessed on 2025-03-01; reassessment was due on 2026-03-01 (as of 2026-11-27) — risk-assessment-overdue',
    ]);
  });

  test('Risks: the register grouped by where each risk stands against acceptance', async () => {
    const roots = await childrenOf(api.views.risks);
    assert.deepEqual(rows(roots), ['clinic — 23 risks', 'flawed — 8 risks · 2 above acceptance']);

    const clinic = await childrenOf(api.views.risks, roots[0]);
    assert.deepEqual(rows(clinic), ['Above acceptance, treated to acceptable — 21 risks', 'Acceptable before treatment — 2 risks']);

    const flawed = await childrenOf(api.views.risks, roots[1]);
    assert.deepEqual(rows(flawed), [
      'Above acceptance after treatment — 2 risks · 1 not accepted',
      'Above acceptance, treated to acceptable — 5 risks',
      'Acceptable before treatment — 1 risk',
    ]);
    const label = (nodes: TreeNode[]) => nodes.map((n) => labelOf(n.item));
    assert.deepEqual(label(await childrenOf(api.views.risks, flawed[0])), ['R-02 Customer data leaked from the TMS', 'R-03 Portal taken offline by a denial of service']);
    assert.deepEqual(label(await childrenOf(api.views.risks, flawed[1])), [
      'R-06 Break-in at the depot office',
      'R-01 Ransomware on depot PCs',
      'R-04 Portal account takeover',
      'R-05 Malware spread through the depot network',
      'R-07 Customer addresses scraped from the portal',
    ]);
    assert.deepEqual(label(await childrenOf(api.views.risks, flawed[2])), ['R-08 Lost handheld exposes delivery data']);
    // R-02 is above acceptance and nobody accepted it: an error icon.
    const r02 = (await childrenOf(api.views.risks, flawed[0]))[0]!;
    assert.equal((r02.item.iconPath as vscode.ThemeIcon).id, 'error');
  });

  test('Statement of Applicability: Annex A themes with counts, then the invalid ids (never custom controls)', async () => {
    const roots = await childrenOf(api.views.soa);
    assert.deepEqual(rows(roots), ['clinic — 93 of 93 declared · 89 applicable', 'flawed — 4 of 93 declared · 2 applicable · 2 invalid ids']);

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
      'Organizational controls — 37 · 0 applicable · 0 excluded · 0 implemented · 37 without entry',
      'People controls — 8 · 0 applicable · 0 excluded · 0 implemented · 8 without entry',
      'Physical controls — 14 · 0 applicable · 1 excluded · 0 implemented · 13 without entry',
      'Technological controls — 34 · 2 applicable · 1 excluded · 1 implemented · 31 without entry',
      'Invalid Annex A ids — 2 · not counted: fix or remove them',
    ]);
    const physical = await childrenOf(api.views.soa, nodeLabelled(flawed, 'Physical controls'));
    assert.equal(rows(physical.filter((n) => labelOf(n.item).startsWith('A.7.4 ')))[0], 'A.7.4 Physical security monitoring — excluded');
    const technological = await childrenOf(api.views.soa, nodeLabelled(flawed, 'Technological controls'));
    const byId = (id: string) => rows(technological.filter((n) => labelOf(n.item).startsWith(`${id} `)))[0];
    assert.equal(byId('A.8.7'), 'A.8.7 Protection against malware — applicable · implemented');
    assert.equal(byId('A.8.13'), 'A.8.13 Information backup — applicable · no status');
    assert.equal(byId('A.8.1'), 'A.8.1 User endpoint devices — no SoA entry');
    // Issue 13: A.9.99 and the 2013 id A.12.3.1 are no custom controls with a green tick, but invalid ids with an error.
    const invalid = await childrenOf(api.views.soa, nodeLabelled(flawed, 'Invalid Annex A ids'));
    assert.deepEqual(rows(invalid), ['A.12.3.1 Information backup — invalid id', 'A.9.99 Visitor badges — invalid id']);
    assert.deepEqual(invalid.map((n) => (n.item.iconPath as vscode.ThemeIcon).id), ['error', 'error']);
  });
});
