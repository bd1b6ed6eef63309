/**
 * Editor features through VS Code's own commands, as the editor asks for
 * them: completion (`vscode.executeCompletionItemProvider`), hover
 * (`vscode.executeHoverProvider`), and the snippets the extension contributes.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extension, fileOf, labelOf, showFile, waitForDiagnostics, withTimeout, SERVER_TIMEOUT_MS } from './helpers';

function completions(uri: vscode.Uri, position: vscode.Position): Promise<vscode.CompletionList> {
  return withTimeout(
    vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position),
    SERVER_TIMEOUT_MS,
    'completions',
  );
}

function hoverText(hovers: readonly vscode.Hover[]): string[] {
  return hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value)));
}

suite('language features', () => {
  const risks = () => fileOf('flawed', 'risks.isms');

  suiteSetup(async () => {
    // Completion and hover answer from the server's analysis: wait for it.
    const analysed = waitForDiagnostics(risks(), (ds) => ds.length > 0);
    await showFile(risks());
    await analysed;
  });

  test('completion of an owner offers the roles of the ISMS, with their titles', async () => {
    // flawed/risks.isms line 20: `  owner it-admin`; the cursor before `it-admin`.
    const document = await vscode.workspace.openTextDocument(risks());
    assert.equal(document.lineAt(19).text, '  owner it-admin');
    const list = await completions(risks(), new vscode.Position(19, 8));
    // Leave out the editor's word-based suggestions (kind Text) and snippets: the server's items.
    const server = list.items.filter((i) => i.kind !== vscode.CompletionItemKind.Text && i.kind !== vscode.CompletionItemKind.Snippet);
    assert.deepEqual(
      server.map((i) => [labelOf(i), i.detail]),
      [
        ['ops-manager', 'Operations Manager'],
        ['it-admin', 'IT Administrator'],
        ['driver-lead', 'Lead Driver'],
        ['dispatch', 'Dispatch Coordinator'],
        ['warehouse-lead', 'Warehouse Lead'],
        // suppressions.isms
        ['courier-trainer', 'Courier Trainer'],
        ['depot-lead', 'Depot Lead'],
        ['night-supervisor', 'Night Supervisor'],
      ],
    );
  });

  test('hover on a role reference shows its kind, title, facts and where it is declared', async () => {
    const hovers = await withTimeout(
      vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', risks(), new vscode.Position(19, 9)),
      SERVER_TIMEOUT_MS,
      'a hover',
    );
    assert.deepEqual(hoverText(hovers), [
      '**role `it-admin`** IT Administrator\n\n- Holder: Leo Brandt\n- Top management: no\n\nDeclared in organization.isms:28',
    ]);
    assert.deepEqual(
      [hovers[0]!.range?.start.line, hovers[0]!.range?.start.character, hovers[0]!.range?.end.character],
      [19, 8, 16],
    );
  });

  test('hover on an Annex A control shows its title, attributes and the risks using it', async () => {
    // line 83: `  controls A.8.7` in R-01
    const document = await vscode.workspace.openTextDocument(risks());
    assert.equal(document.lineAt(82).text, '  controls A.8.7');
    const hovers = await withTimeout(
      vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', risks(), new vscode.Position(82, 12)),
      SERVER_TIMEOUT_MS,
      'a hover',
    );
    const [text] = hoverText(hovers);
    assert.match(text ?? '', /^\*\*A\.8\.7 Protection against malware\*\*/);
    assert.match(text ?? '', /- risk `R-01` Ransomware on depot PCs/);
  });

  test('the snippets are contributed for isms and offered on an empty .isms document', async () => {
    const contributed = extension().packageJSON.contributes.snippets as { language: string; path: string }[];
    assert.deepEqual(contributed, [{ language: 'isms', path: './snippets/isms-vscode.code-snippets' }]);
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension().extensionUri, contributed[0]!.path));
    const text = new TextDecoder().decode(bytes);
    assert.ok(text.includes('"isms-starter"'), 'the snippet file has no isms-starter');
    // The file is JSON after its leading `//` comment line.
    const snippets = JSON.parse(text.replace(/^\s*\/\/.*$/gm, '')) as Record<string, { prefix: string; scope: string; body: string[] }>;
    assert.equal(snippets['isms-starter']?.prefix, 'isms-starter');
    assert.equal(snippets['isms-starter']?.scope, 'isms');

    const empty = await vscode.workspace.openTextDocument({ language: 'isms', content: '' });
    const list = await completions(empty.uri, new vscode.Position(0, 0));
    const starter = list.items.find((i) => labelOf(i) === 'isms-starter');
    assert.ok(starter, `no isms-starter among ${JSON.stringify(list.items.map(labelOf))}`);
    assert.equal(starter.kind, vscode.CompletionItemKind.Snippet);
    const insert = starter.insertText instanceof vscode.SnippetString ? starter.insertText.value : String(starter.insertText);
    assert.ok(insert.startsWith('organization "${1:Example Ltd}" {'), insert.slice(0, 80));
    // Every snippet of the file is offered there.
    const offered = new Set(list.items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet).map(labelOf));
    assert.deepEqual(Object.values(snippets).map((s) => s.prefix).filter((p) => !offered.has(p)), []);
  });
});
