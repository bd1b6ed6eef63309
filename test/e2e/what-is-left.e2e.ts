/**
 * Issue 13, "what's left is always visible": the placeholders that the
 * skeleton and the add-missing-controls quick fix write stay in the Problems
 * panel (`placeholder-text`, read with `vscode.languages.getDiagnostics`),
 * and an inline suppression `// isms-ignore CODE: reason` takes a finding
 * out only with its reason (`suppression-without-reason` otherwise).
 *
 * Works in two scratch folders beside the workspace folders, added to the
 * workspace for the suite (after clinic and flawed, so the extension host
 * keeps running; a file outside every workspace folder would be analysed
 * alone): `acme`, empty, where `isms.createSkeleton` writes the skeleton, and
 * `flawed-copy`, a copy of flawed, so that clinic and flawed stay as they
 * are. Named to run last. Each test puts its documents back; the folders
 * leave the workspace and are deleted at the end.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { codeOf, codesAtLines, nextEvent, showFile, waitForDiagnostics, withTimeout, workspaceFolder, SERVER_TIMEOUT_MS } from './helpers';

const PLACEHOLDER_MESSAGE = /^'([a-z-]+)' starts with 'TODO': a placeholder, not the text an auditor reads/;

/** `line:column 'field' covered-text` of each placeholder-text diagnostic of `uri` (1-based), in order. */
function placeholders(uri: vscode.Uri, document?: vscode.TextDocument): string[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => codeOf(d) === 'placeholder-text')
    .sort((a, b) => a.range.start.compareTo(b.range.start))
    .map((d) => {
      assert.equal(d.severity, vscode.DiagnosticSeverity.Warning, `placeholder-text is a warning: ${d.message}`);
      const field = PLACEHOLDER_MESSAGE.exec(d.message);
      assert.ok(field, `unexpected placeholder-text message: ${d.message}`);
      const covered = document ? ` ${document.getText(d.range).split('\n')[0]}` : '';
      return `${d.range.start.line + 1}:${d.range.start.character + 1} '${field[1]}'${covered}`;
    });
}

function countOf(uri: vscode.Uri, code: string): number {
  return vscode.languages.getDiagnostics(uri).filter((d) => codeOf(d) === code).length;
}

/** The 93 Annex A controls of ISO/IEC 27001:2022, in catalogue order. */
const ANNEX_A = [
  ...Array.from({ length: 37 }, (_, i) => `A.5.${i + 1}`),
  ...Array.from({ length: 8 }, (_, i) => `A.6.${i + 1}`),
  ...Array.from({ length: 14 }, (_, i) => `A.7.${i + 1}`),
  ...Array.from({ length: 34 }, (_, i) => `A.8.${i + 1}`),
];

async function codeActions(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  return withTimeout(vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range), SERVER_TIMEOUT_MS, 'code actions');
}

/** Replaces the whole text of `document` (an edit VS Code applies as the user's). */
async function setText(document: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), text);
  const changed = nextEvent(vscode.workspace.onDidChangeTextDocument, (e) => e.document.uri.toString() === document.uri.toString(), SERVER_TIMEOUT_MS, 'the edit');
  assert.equal(await vscode.workspace.applyEdit(edit), true, `applyEdit refused to edit ${document.uri.path}`);
  await changed;
}

/** Puts `document` back to `original` and saves it, so that it is neither changed nor dirty. */
async function restore(document: vscode.TextDocument, original: string): Promise<void> {
  if (document.getText() !== original) await setText(document, original);
  if (document.isDirty) assert.equal(await withTimeout(document.save(), SERVER_TIMEOUT_MS, 'the save'), true, `${document.uri.path} was not saved`);
  assert.equal(document.getText(), original);
  assert.equal(fs.readFileSync(document.uri.fsPath, 'utf8'), original);
}

const SCRATCH_FOLDERS = ['acme', 'flawed-copy'];

/** Adds (or removes) the scratch workspace folders and waits for VS Code to say so. */
async function changeScratchFolders(add: vscode.Uri[] | undefined): Promise<void> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const present = folders.filter((f) => SCRATCH_FOLDERS.includes(f.name));
  if (!add && present.length === 0) return;
  const changed = nextEvent(
    vscode.workspace.onDidChangeWorkspaceFolders,
    (e) => (add ? e.added.length === add.length : e.removed.length === present.length),
    SERVER_TIMEOUT_MS,
    'the scratch workspace folders',
  );
  const done = add
    ? vscode.workspace.updateWorkspaceFolders(folders.length, 0, ...add.map((uri, i) => ({ uri, name: SCRATCH_FOLDERS[i] })))
    : vscode.workspace.updateWorkspaceFolders(present[0].index, present.length);
  assert.equal(done, true, 'updateWorkspaceFolders refused the change');
  await changed;
}

suite("what's left is always visible (issue 13)", () => {
  let scratch: vscode.Uri;
  /** The empty folder for the skeleton. */
  let acme: vscode.Uri;
  /** The copy of flawed. */
  let copy: vscode.Uri;

  suiteSetup(async () => {
    scratch = vscode.Uri.joinPath(workspaceFolder('flawed').uri, '..', `what-is-left-${process.pid}`);
    acme = vscode.Uri.joinPath(scratch, 'acme');
    copy = vscode.Uri.joinPath(scratch, 'flawed-copy');
    await vscode.workspace.fs.createDirectory(acme);
    await vscode.workspace.fs.copy(workspaceFolder('flawed').uri, copy, { overwrite: false });
    await changeScratchFolders([acme, copy]);
    assert.deepEqual(
      vscode.workspace.workspaceFolders?.map((f) => f.name),
      ['clinic', 'flawed', ...SCRATCH_FOLDERS],
    );
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await changeScratchFolders(undefined);
    if (scratch) await vscode.workspace.fs.delete(scratch, { recursive: true, useTrash: false });
  });

  test('Create an ISMS Skeleton: each TODO is a placeholder-text warning in the Problems panel', async () => {
    const folder = acme;
    const uris = await withTimeout(
      Promise.resolve(vscode.commands.executeCommand<vscode.Uri[]>('isms.createSkeleton', { folder })),
      SERVER_TIMEOUT_MS,
      'isms.createSkeleton',
    );
    const isms = vscode.Uri.joinPath(folder, 'isms');
    const names = ['organization.isms', 'risks.isms', 'soa.isms', 'performance.isms'];
    assert.deepEqual(
      uris.map((u) => u.toString()),
      names.map((n) => vscode.Uri.joinPath(isms, n).toString()),
    );
    // The command opens the organization file.
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uris[0].toString());

    const expected: Record<string, string[]> = {
      'organization.isms': [
        `14:13 'statement' "TODO: the services, sites, teams and information the ISMS covers"`,
        `15:12 'includes' "TODO: sites, services and teams in scope"`,
        `16:12 'excludes' "TODO: what the ISMS leaves out, and why"`,
        `17:14 'interfaces' "TODO: interfaces and dependencies with activities outside the scope"`,
        `24:8 'note' "TODO: how the issue bears on the ISMS"`,
        `30:15 'requirement' "TODO: what customers require of information security"`,
        `37:10 'holder' "TODO: name"`,
        `43:10 'holder' "TODO: name"`,
        `45:14 'competence' "TODO: the competence the role needs"`,
        `57:13 'statement' """`,
      ],
      'risks.isms': [],
      'soa.isms': [],
      'performance.isms': [
        `5:11 'measure' "TODO: how achievement is measured"`,
        `10:13 'resources' "TODO: the resources required"`,
        `11:14 'evaluation' "TODO: how and when the results are evaluated"`,
        `16:10 'method' "TODO: the method of measurement"`,
        `30:11 'auditor' "TODO: an objective and impartial auditor"`,
        `38:10 'inputs' "TODO: the inputs of 9.3.2"`,
        `41:13 'decisions' "TODO: the decisions of 9.3.3"`,
      ],
    };
    const documents = new Map<string, vscode.TextDocument>();
    for (const name of names) documents.set(name, await vscode.workspace.openTextDocument(vscode.Uri.joinPath(isms, name)));
    // risks: the threat and vulnerability of the example risk.
    const risks = documents.get('risks.isms')!.getText().split('\n');
    for (const [field, column] of [['threat', 10], ['vulnerability', 17]] as const) {
      const line = risks.findIndex((l) => l.startsWith(`  ${field} "TODO`));
      assert.ok(line >= 0, `no TODO ${field} in the skeleton's risks.isms`);
      expected['risks.isms'].push(`${line + 1}:${column} '${field}' ${risks[line].slice(column - 1)}`);
    }
    // soa: the reason of each of the 93 Annex A controls, in catalogue order.
    const soa = documents.get('soa.isms')!.getText().split('\n');
    let at = 0;
    for (const id of ANNEX_A) {
      at = soa.indexOf(`control ${id} {`, at);
      assert.ok(at >= 0, `the skeleton's soa.isms has no entry for ${id}`);
      const reason = soa.findIndex((l, i) => i > at && l.startsWith('  reason '));
      expected['soa.isms'].push(`${reason + 1}:10 'reason' ${soa[reason].slice(9)}`);
    }
    assert.equal(expected['soa.isms'].length, 93);
    assert.ok(expected['soa.isms'].every((e) => / "TODO/.test(e)), JSON.stringify(expected['soa.isms'].slice(0, 3)));

    for (const name of names) {
      const uri = vscode.Uri.joinPath(isms, name);
      await waitForDiagnostics(uri, () => countOf(uri, 'placeholder-text') === expected[name].length);
      assert.deepEqual(placeholders(uri, documents.get(name)), expected[name], name);
    }
    const total = names.reduce((sum, name) => sum + countOf(vscode.Uri.joinPath(isms, name), 'placeholder-text'), 0);
    assert.equal(total, 112);
  });

  for (const variant of [
    { decision: 'applicable', title: 'Add 85 missing Annex A controls to the SoA as applicable (to decide)', fields: ['  applicable yes', '  reason "TODO: justify inclusion or exclusion"', '  status planned'] },
    { decision: 'excluded', title: 'Add 85 missing Annex A controls to the SoA as excluded (to justify)', fields: ['  applicable no', '  reason "TODO: justify exclusion"'] },
  ]) {
    test(`soa-incomplete: '${variant.title}' inserts controls that carry placeholder-text warnings`, async () => {
      const organization = vscode.Uri.joinPath(copy, 'organization.isms');
      const soaUri = vscode.Uri.joinPath(copy, 'soa.isms');
      const found = waitForDiagnostics(organization, (ds) => ds.some((d) => codeOf(d) === 'soa-incomplete'));
      await showFile(organization);
      const diagnostic = (await found).find((d) => codeOf(d) === 'soa-incomplete')!;
      assert.equal(diagnostic.range.start.line + 1, 18);
      assert.match(diagnostic.message, /^the Statement of Applicability lacks 85 of the 93 Annex A controls: A\.5\.1, A\.5\.2, /);

      const soa = await vscode.workspace.openTextDocument(soaUri);
      const original = soa.getText();
      await waitForDiagnostics(soaUri, (ds) => ds.some((d) => codeOf(d) === 'control-missing-status'));
      const before = codesAtLines(soaUri);
      assert.deepEqual(placeholders(soaUri), [], 'flawed/soa.isms has no placeholder before the fix');

      const actions = await codeActions(organization, diagnostic.range);
      const titles = actions.filter((a) => a.title.startsWith('Add 85 missing Annex A controls')).map((a) => a.title);
      assert.deepEqual(titles, [
        'Add 85 missing Annex A controls to the SoA as applicable (to decide)',
        'Add 85 missing Annex A controls to the SoA as excluded (to justify)',
      ]);
      const fix = actions.find((a) => a.title === variant.title)!;
      assert.equal(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
      assert.notEqual(fix.isPreferred, true, 'the fix does not decide for the user: neither variant is preferred');
      assert.ok(fix.edit, 'the quick fix has no edit');
      assert.deepEqual(
        fix.edit.entries().map(([uri]) => uri.toString()),
        [soaUri.toString()],
      );

      try {
        const missing = ANNEX_A.filter((id) => !new RegExp(`^control ${id.replace(/\./g, '\\.')} `, 'm').test(original));
        assert.equal(missing.length, 85);
        const gone = waitForDiagnostics(organization, (ds) => ds.length > 0 && !ds.some((d) => codeOf(d) === 'soa-incomplete'));
        const changed = nextEvent(vscode.workspace.onDidChangeTextDocument, (e) => e.document.uri.toString() === soaUri.toString(), SERVER_TIMEOUT_MS, 'the edit');
        assert.equal(await vscode.workspace.applyEdit(fix.edit), true, 'applyEdit refused the quick fix');
        await changed;

        // The exact text: the original with the 85 entries, in catalogue order, after its last control.
        const text = soa.getText();
        const stubs = missing.map((id) => [`control ${id} {`, ...variant.fields, '}'].join('\n')).join('\n\n');
        const lastControlEnd = original.indexOf('\n}', original.indexOf('control A.12.3.1')) + 2;
        assert.equal(text, `${original.slice(0, lastControlEnd)}\n\n${stubs}${original.slice(lastControlEnd)}`);
        await gone;

        // One placeholder-text warning on the reason of each new entry, and nothing else moved.
        const lines = text.split('\n');
        const expected = missing.map((id) => {
          const head = lines.indexOf(`control ${id} {`);
          return `${head + 3}:10 'reason' ${lines[head + 2].slice(9)}`;
        });
        await waitForDiagnostics(soaUri, () => countOf(soaUri, 'placeholder-text') === 85);
        assert.deepEqual(placeholders(soaUri, soa), expected);
        // Every other finding of soa.isms as before (those after the insertion moved down), and
        // on the new entries only what the variant leaves to decide: applicable ones lack a due
        // date; excluded ones contradict the records of flawed (its policies, assets, a classified
        // asset, suppliers, incidents and obligations) for eleven controls.
        const firstNew = original.slice(0, lastControlEnd).split('\n').length;
        const insertedLines = stubs.split('\n').length + 1;
        const shifted = before.map((entry) => {
          const [code, line] = entry.split('@');
          return Number(line) > firstNew ? `${code}@${Number(line) + insertedLines}` : entry;
        });
        const headOf = (id: string) => lines.indexOf(`control ${id} {`) + 1;
        const onNew =
          variant.decision === 'applicable'
            ? missing.map((id) => `control-without-due@${headOf(id)}`)
            : ['A.5.1', 'A.5.9', 'A.5.12', 'A.5.20', 'A.5.22', 'A.5.24', 'A.5.25', 'A.5.26', 'A.5.27', 'A.5.31', 'A.6.8'].map((id) => `exclusion-contradicted@${headOf(id)}`);
        const expectedAll = [...shifted, ...missing.map((id) => `placeholder-text@${headOf(id) + 2}`), ...onNew];
        assert.deepEqual([...codesAtLines(soaUri)].sort(), expectedAll.sort());
      } finally {
        const back = waitForDiagnostics(organization, (ds) => ds.some((d) => codeOf(d) === 'soa-incomplete'));
        await restore(soa, original);
        await back;
      }
    });
  }

  test('// isms-ignore CODE: reason takes the finding out; without a reason it is suppression-without-reason', async () => {
    const uri = vscode.Uri.joinPath(copy, 'risks.isms');
    const found = waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === 'acceptor-not-owner'));
    const editor = await showFile(uri);
    await found;
    const document = editor.document;
    const original = document.getText();
    const lines = original.split('\n');
    assert.equal(lines[132], '  accepted-by ops-manager');
    const before = codesAtLines(uri);
    assert.ok(before.includes('acceptor-not-owner@133'), JSON.stringify(before));
    assert.ok(!before.some((e) => e.startsWith('suppression-without-reason@') || e.startsWith('unused-suppression@')), JSON.stringify(before));
    /** What `before` becomes with a line inserted before line 133. */
    const shifted = before.map((entry) => {
      const [code, line] = entry.split('@');
      return Number(line) >= 133 ? `${code}@${Number(line) + 1}` : entry;
    });
    const withComment = (comment: string) => [...lines.slice(0, 132), comment, ...lines.slice(132)].join('\n');

    try {
      // With its reason: the finding is gone, and nothing else changed.
      const suppressed = waitForDiagnostics(uri, (ds) => ds.length > 0 && !ds.some((d) => codeOf(d) === 'acceptor-not-owner'));
      await setText(document, withComment('  // isms-ignore acceptor-not-owner: the board delegated the acceptance of R-05 to operations (minutes MB-2026-04)'));
      await suppressed;
      assert.deepEqual([...codesAtLines(uri)].sort(), shifted.filter((e) => e !== 'acceptor-not-owner@134').sort());

      // Without a reason: the comment is a warning and the finding stands.
      const unsuppressed = waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === 'suppression-without-reason'));
      await setText(document, withComment('  // isms-ignore acceptor-not-owner'));
      await unsuppressed;
      await waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === 'acceptor-not-owner'));
      assert.deepEqual([...codesAtLines(uri)].sort(), [...shifted, 'suppression-without-reason@133'].sort());
      const warning = vscode.languages.getDiagnostics(uri).find((d) => codeOf(d) === 'suppression-without-reason')!;
      assert.equal(warning.severity, vscode.DiagnosticSeverity.Warning);
      assert.equal(warning.range.start.line, 132);
      assert.equal(document.getText(warning.range), '// isms-ignore acceptor-not-owner');
      assert.match(warning.message, /^this suppression has no reason, so it suppresses nothing: write '\/\/ isms-ignore acceptor-not-owner: reason'/);
      const finding = vscode.languages.getDiagnostics(uri).find((d) => codeOf(d) === 'acceptor-not-owner')!;
      assert.equal(finding.range.start.line, 133);
      assert.equal(document.getText(finding.range), 'ops-manager');

      // A placeholder is no reason either.
      const todo = waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === 'suppression-without-reason') && ds.some((d) => codeOf(d) === 'acceptor-not-owner'));
      await setText(document, withComment('  // isms-ignore acceptor-not-owner: TODO'));
      await todo;
      assert.deepEqual([...codesAtLines(uri)].sort(), [...shifted, 'suppression-without-reason@133'].sort());
    } finally {
      const back = waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === 'acceptor-not-owner' && d.range.start.line === 132) && !ds.some((d) => codeOf(d) === 'suppression-without-reason'));
      await restore(document, original);
      await back;
    }
  });
});
