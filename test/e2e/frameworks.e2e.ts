/**
 * Issue 12 in the real VS Code: the Frameworks view (framework → section →
 * requirement with its status → the mapped controls, which reveal their SoA
 * entry; the filter by status) through the tree data provider activate()
 * exposes, and the SoA preview's coverage section (a bar per function or
 * section, the gaps table, the ENISA credit) from the update the panel posts.
 *
 * The figures are those of `isms coverage examples/clinic --framework ID
 * --as-of 2026-11-27 --format json` (the workspace pins isms.asOf).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SoaPreviewPanel } from '../../client/src/preview/panel';
import { coverageSections } from '../../client/src/preview/webview/coverage';
import { childrenOf, extensionApi, fileOf, labelOf, nextEvent, nodeLabelled, postedDuring, rows, showFile, updatesOf, withTimeout, workspaceFolder, SERVER_TIMEOUT_MS, type IsmsExtensionApi, type TreeNode } from './helpers';

/** `label — description — icon id`. */
function withIcons(nodes: readonly TreeNode[]): string[] {
  return nodes.map((n) => `${labelOf(n.item)} — ${String(n.item.description ?? '')} — ${n.item.iconPath instanceof vscode.ThemeIcon ? n.item.iconPath.id : ''}`);
}

const CSF_GROUPS = [
  'GV GOVERN — 29 covered · 1 partial · 1 gap · 0 unmapped',
  'ID IDENTIFY — 21 covered · 0 partial · 0 gaps · 0 unmapped',
  'PR PROTECT — 20 covered · 1 partial · 1 gap · 0 unmapped',
  'DE DETECT — 10 covered · 1 partial · 0 gaps · 0 unmapped',
  'RS RESPOND — 11 covered · 2 partial · 0 gaps · 0 unmapped',
  'RC RECOVER — 5 covered · 1 partial · 2 gaps · 0 unmapped',
];

const NIS2_GROUP_TOTALS = [
  '18 covered · 0 partial · 0 gaps · 0 unmapped',
  '21 covered · 0 partial · 0 gaps · 0 unmapped',
  '45 covered · 0 partial · 0 gaps · 0 unmapped',
  '35 covered · 0 partial · 0 gaps · 1 unmapped',
  '24 covered · 0 partial · 0 gaps · 1 unmapped',
  '67 covered · 4 partial · 0 gaps · 0 unmapped',
  '1 covered · 0 partial · 0 gaps · 8 unmapped',
  '14 covered · 0 partial · 0 gaps · 0 unmapped',
  '1 covered · 0 partial · 0 gaps · 16 unmapped',
  '14 covered · 0 partial · 0 gaps · 0 unmapped',
  '41 covered · 0 partial · 0 gaps · 0 unmapped',
  '22 covered · 0 partial · 0 gaps · 0 unmapped',
  '11 covered · 7 partial · 0 gaps · 0 unmapped',
];

suite('frameworks', () => {
  let api: IsmsExtensionApi;
  let panel: SoaPreviewPanel | undefined;

  suiteSetup(async () => {
    api = await extensionApi();
    api.views.frameworks.refresh();
  });

  suiteTeardown(async () => {
    panel?.dispose();
    await vscode.commands.executeCommand('isms.clearFrameworksFilter');
  });

  test('Frameworks view: the declared frameworks of the clinic with their totals; flawed declares none it knows', async () => {
    const roots = await childrenOf(api.views.frameworks);
    assert.deepEqual(rows(roots), ['clinic — NIST CSF 2.0 96/106 covered · NIS2 314/351 covered', 'flawed — ']);

    const clinic = await childrenOf(api.views.frameworks, roots[0]);
    assert.deepEqual(withIcons(clinic), [
      'NIST CSF 2.0 — 96 covered · 6 partial · 4 gaps · 0 unmapped — checklist',
      'NIS2 — 314 covered · 11 partial · 0 gaps · 26 unmapped — checklist',
    ]);
    assert.deepEqual(clinic.map((n) => n.item.contextValue), ['isms.framework', 'isms.framework']);
    // The NIS2 tooltip credits ENISA and says what a mapping means.
    // (The Markdown escapes punctuation: read it unescaped.)
    const tooltip = (clinic[1]!.item.tooltip as vscode.MarkdownString).value.replace(/\\(.)/g, '$1');
    assert.match(tooltip, /^\*\*NIS2: Commission Implementing Regulation \(EU\) 2024\/2690, Annex \(technical and methodological requirements\)\*\*\n\n314 covered · 11 partial · 0 gaps · 26 unmapped\n/);
    assert.match(tooltip, /Source: NIS2 mapping to ISO\/IEC 27001:2022: © European Union Agency for Cybersecurity \(ENISA\), 2025/);
    assert.match(tooltip, /CC BY 4\.0/);
    assert.match(tooltip, /helps meet \(part of\) the requirement; it never shows compliance on its own/);

    // flawed names `nis-2` (an unknown-framework error): a note, no framework.
    const flawed = await childrenOf(api.views.frameworks, roots[1]);
    assert.deepEqual(rows(flawed), ['No frameworks declared: add "frameworks nist-csf-2.0, nis2" to the organization — ']);
  });

  test('Frameworks view: functions and sections, requirements with status icons, mapped controls with their state', async () => {
    const [clinicRoot] = await childrenOf(api.views.frameworks);
    const [csf, nis2] = await childrenOf(api.views.frameworks, clinicRoot);

    const functions = await childrenOf(api.views.frameworks, csf);
    assert.deepEqual(rows(functions), CSF_GROUPS);
    const protect = await childrenOf(api.views.frameworks, nodeLabelled(functions, 'PR PROTECT'));
    assert.equal(protect.length, 22);
    const byId = (id: string) => withIcons([nodeLabelled(protect, id)])[0];
    assert.equal(byId('PR.PS-06'), 'PR.PS-06 — Secure software development practices are integrated, and their performance is monitored throughout the software development life cycle — error');
    assert.equal(byId('PR.IR-02'), "PR.IR-02 — The organization's technology assets are protected from environmental threats — issues");
    assert.equal(byId('PR.DS-11'), 'PR.DS-11 — Backups of data are created, protected, maintained, and tested — pass');
    assert.deepEqual(nodeLabelled(protect, 'PR.PS-06').item.contextValue, 'isms.requirement.gap');

    // The gap: both mapped controls are excluded in the clinic's SoA.
    const gap = await childrenOf(api.views.frameworks, nodeLabelled(protect, 'PR.PS-06'));
    assert.deepEqual(withIcons(gap), ['A.8.25 Secure development life cycle — excluded — circle-slash', 'A.8.28 Secure coding — excluded — circle-slash']);
    assert.deepEqual(gap.map((n) => n.item.contextValue), ['isms.mapped.control', 'isms.mapped.control']);
    const covered = await childrenOf(api.views.frameworks, nodeLabelled(protect, 'PR.AT-01'));
    assert.deepEqual(withIcons(covered), ['7.3 Awareness — clause · pass — pass', 'A.6.3 Information security awareness, education and training — implemented — pass']);

    // NIS2: thirteen sections; sub-points under their parent point (2.1.2 and 2.1.2.a–j counted as eleven).
    const sections = await childrenOf(api.views.frameworks, nis2);
    assert.equal(sections.length, 13);
    assert.deepEqual(sections.map((s) => String(s.item.description)), NIS2_GROUP_TOTALS);
    assert.equal(labelOf(sections[1]!.item), '2 RISK MANAGEMENT POLICY (ARTICLE 21(2), POINT (A) OF DIRECTIVE (EU) 2022/2555)');
    const risk = await childrenOf(api.views.frameworks, sections[1]);
    assert.deepEqual(
      risk.map((n) => labelOf(n.item)),
      ['2.1.1', '2.1.2', '2.1.3', '2.1.4', '2.2.1', '2.2.2', '2.2.3', '2.3.1', '2.3.2', '2.3.3', '2.3.4'],
    );
    const point = await childrenOf(api.views.frameworks, nodeLabelled(risk, '2.1.2'));
    const labels = point.map((n) => labelOf(n.item));
    assert.deepEqual(labels.slice(0, 10), ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].map((l) => `2.1.2.${l}`));
    assert.equal(labels.length, 20, `2.1.2: ten sub-points and ten mapped ids, got ${JSON.stringify(labels)}`);
    assert.equal(String(point[0]!.item.description), 'follow a risk management methodology;');
  });

  test('Frameworks view: a mapped control reveals its SoA entry', async () => {
    const [clinicRoot] = await childrenOf(api.views.frameworks);
    const [csf] = await childrenOf(api.views.frameworks, clinicRoot);
    const protect = await childrenOf(api.views.frameworks, nodeLabelled(await childrenOf(api.views.frameworks, csf), 'PR PROTECT'));
    const control = nodeLabelled(await childrenOf(api.views.frameworks, nodeLabelled(protect, 'PR.PS-06')), 'A.8.25 Secure development life cycle');
    const command = control.item.command;
    assert.ok(command, 'A.8.25 has no command');
    assert.equal(command.command, 'isms.revealLocation');
    const soa = fileOf('clinic', 'soa.isms');
    const shown = nextEvent(vscode.window.onDidChangeActiveTextEditor, (e) => e?.document.uri.toString() === soa.toString(), SERVER_TIMEOUT_MS, 'soa.isms to be shown');
    await showFile(fileOf('clinic', 'risks.isms'));
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const editor = await shown;
    assert.ok(editor, 'no active editor after the reveal');
    // `control A.8.25 {` is line 671 of the clinic's soa.isms.
    assert.equal(editor.selection.start.line, 680);
    assert.equal(editor.document.lineAt(680).text, 'control A.8.25 {');
  });

  test('Frameworks view: the filter by status shows one status only, and clears', async () => {
    await vscode.commands.executeCommand('isms.filterFrameworksByStatus', 'gap');
    const [clinicRoot] = await childrenOf(api.views.frameworks);
    const [csf, nis2] = await childrenOf(api.views.frameworks, clinicRoot);
    assert.deepEqual(rows(await childrenOf(api.views.frameworks, csf)), ['GV GOVERN — 1 gap', 'PR PROTECT — 1 gap', 'RC RECOVER — 2 gaps']);
    assert.deepEqual(await childrenOf(api.views.frameworks, nis2), []);
    const gapGroups = await childrenOf(api.views.frameworks, csf);
    assert.deepEqual((await childrenOf(api.views.frameworks, gapGroups[1])).map((n) => labelOf(n.item)), ['PR.PS-06']);
    assert.deepEqual((await childrenOf(api.views.frameworks, gapGroups[2])).map((n) => labelOf(n.item)), ['RC.RP-04', 'RC.CO-04']);

    await vscode.commands.executeCommand('isms.filterFrameworksByStatus', 'partial');
    const [root2] = await childrenOf(api.views.frameworks);
    const [, nis2Partial] = await childrenOf(api.views.frameworks, root2);
    const partialSections = await childrenOf(api.views.frameworks, nis2Partial);
    assert.deepEqual(rows(partialSections).map((r) => r.replace(/^(\d+) .* — /, '$1 — ')), ['6 — 4 partial', '13 — 7 partial']);
    assert.deepEqual(
      (await childrenOf(api.views.frameworks, partialSections[1])).map((n) => labelOf(n.item)),
      ['13.1.1', '13.1.2.a', '13.1.2.b', '13.1.2.c', '13.1.2.d', '13.1.2.f', '13.1.3'],
    );

    await vscode.commands.executeCommand('isms.clearFrameworksFilter');
    const [root3] = await childrenOf(api.views.frameworks);
    const [csf3] = await childrenOf(api.views.frameworks, root3);
    assert.deepEqual(rows(await childrenOf(api.views.frameworks, csf3)), CSF_GROUPS);
  });

  test('SoA preview: a coverage section per framework, a bar per function or section, the gaps, the ENISA credit', async () => {
    const clinic = workspaceFolder('clinic');
    await showFile(fileOf('clinic', 'risks.isms'));
    await withTimeout(vscode.commands.executeCommand('isms.openSoaPreview', clinic.uri), SERVER_TIMEOUT_MS, 'isms.openSoaPreview');
    panel = api.preview.current;
    assert.ok(panel, 'no preview open');
    await withTimeout(panel.ready, SERVER_TIMEOUT_MS, 'the preview webview to say ready');

    const posted = await postedDuring(panel, () => withTimeout(panel!.refresh(), SERVER_TIMEOUT_MS, 'the preview to refresh'));
    const update = updatesOf(posted)[0];
    assert.ok(update, 'no update posted');
    assert.equal(update.folderName, 'clinic');
    await withTimeout(panel.whenRendered(update.version), SERVER_TIMEOUT_MS, `version ${update.version} to be rendered`);

    // What the webview renders of it (the same pure function its script runs).
    const sections = coverageSections(update.frameworks);
    assert.deepEqual(sections.map((s) => s.id), ['nist-csf-2.0', 'nis2']);
    const [csf, nis2] = sections;
    assert.equal(csf!.name, 'NIST Cybersecurity Framework (CSF) 2.0');
    assert.deepEqual(
      csf!.bars.map((b) => `${b.title}: ${b.caption}`),
      [
        'GV GOVERN: 29 covered · 1 partial · 1 gap · 0 unmapped of 31',
        'ID IDENTIFY: 21 covered · 0 partial · 0 gaps · 0 unmapped of 21',
        'PR PROTECT: 20 covered · 1 partial · 1 gap · 0 unmapped of 22',
        'DE DETECT: 10 covered · 1 partial · 0 gaps · 0 unmapped of 11',
        'RS RESPOND: 11 covered · 2 partial · 0 gaps · 0 unmapped of 13',
        'RC RECOVER: 5 covered · 1 partial · 2 gaps · 0 unmapped of 8',
        'All requirements: 96 covered · 6 partial · 4 gaps · 0 unmapped of 106',
      ],
    );
    assert.deepEqual(
      csf!.gaps.map((g) => [g.id, g.targets.map((t) => `${t.id} ${t.state}`)]),
      [
        ['GV.RM-07', ['6.1.1 unverified']],
        ['PR.PS-06', ['A.8.25 excluded', 'A.8.28 excluded']],
        ['RC.RP-04', ['8.1 unverified']],
        ['RC.CO-04', ['7.4 unverified']],
      ],
    );
    // The gap's controls link to their SoA entries (locations the panel will reveal).
    assert.deepEqual(csf!.gaps[1]!.targets.map((t) => [t.location?.uri.endsWith('/soa.isms'), t.location?.range.start.line]), [[true, 680], [true, 700]]);

    assert.equal(nis2!.name, 'NIS2: Commission Implementing Regulation (EU) 2024/2690, Annex (technical and methodological requirements)');
    assert.equal(nis2!.bars.length, 14);
    assert.deepEqual(nis2!.bars.slice(0, 13).map((b) => b.caption.replace(/ of \d+$/, '')), NIS2_GROUP_TOTALS);
    assert.equal(nis2!.bars[13]!.caption, '314 covered · 11 partial · 0 gaps · 26 unmapped of 351');
    assert.deepEqual(nis2!.bars[8]!.segments.map((s) => `${s.kind} ${s.count}`), ['covered 1', 'partial 0', 'gap 0', 'unmapped 16']);
    assert.deepEqual(nis2!.gaps, []);
    assert.match(nis2!.credit, /^NIS2 mapping to ISO\/IEC 27001:2022: © European Union Agency for Cybersecurity \(ENISA\), 2025/);
    assert.match(nis2!.credit, /licensed under CC BY 4\.0 \(https:\/\/creativecommons\.org\/licenses\/by\/4\.0\/\)/);
    assert.match(nis2!.credit, /Changes made: ids normalised/);
    assert.match(csf!.credit, /^NIST Cybersecurity Framework 2\.0 and its mapping to ISO\/IEC 27001:2022: NIST/);
    assert.equal(update.frameworks?.meaning, 'A mapping means the ISO/IEC 27001 control or clause helps meet (part of) the requirement; it never shows compliance on its own.');
  });
});
