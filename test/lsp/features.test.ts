/**
 * Every editor feature through the bundled server over stdio, on a
 * multi-file fixture, with exact expectations.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CompletionItem, Hover, Location, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { FEATURE_FIXTURE } from './feature-fixture';
import { fileUri, LspClient } from './lsp-client';
import { tempWorkspace } from './temp-workspace';

describe('language server: features', function () {
  this.timeout(30_000);
  let client: LspClient;
  let dir: string;
  let risks: string;
  let org: string;
  const texts = new Map<string, string>();
  const at = (line: number, character: number) => ({ line, character });
  const rel = (uri: string) => path.relative(dir, new URL(uri).pathname);
  const where = (l: Location) => `${rel(l.uri)}:${l.range.start.line}:${l.range.start.character}-${l.range.end.line}:${l.range.end.character}`;

  function applied(uri: string, edits: readonly TextEdit[]): string {
    return TextDocument.applyEdits(TextDocument.create(uri, 'isms', 1, texts.get(uri)!), [...edits]);
  }

  before(async () => {
    dir = tempWorkspace(FEATURE_FIXTURE);
    risks = fileUri(path.join(dir, 'risks.isms'));
    org = fileUri(path.join(dir, 'org.isms'));
    client = await LspClient.start([dir], { settings: { asOf: '2026-11-27' } });
    for (const uri of [risks, org]) {
      texts.set(uri, fs.readFileSync(new URL(uri), 'utf8'));
      client.open(uri, texts.get(uri)!);
    }
    await client.waitForDiagnostics(risks, (p) => p.diagnostics.length > 0);
  });
  after(() => client.stop());

  it('completes references with the kinds the field expects, with titles', async () => {
    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: risks }, position: at(8, 8) });
    assert.deepEqual(items.map((i) => [i.label, i.detail]), [['ceo', 'Chief Executive'], ['cto', 'Chief Technology Officer']]);
  });

  it('hovers a reference with its kind, title and facts, and an Annex A id with its attributes and users', async () => {
    const role = await client.request<Hover>('textDocument/hover', { textDocument: { uri: risks }, position: at(8, 9) });
    assert.equal((role.contents as { value: string }).value, '**role `cto`** Chief Technology Officer\n\n- Holder: Sam Okafor\n- Top management: no\n\nDeclared in org.isms:10');
    const annex = await client.request<Hover>('textDocument/hover', { textDocument: { uri: risks }, position: at(12, 12) });
    const text = (annex.contents as { value: string }).value;
    assert.match(text, /^\*\*A\.8\.13 Information backup\*\*/);
    assert.match(text, /- Control type: Corrective/);
    assert.match(text, /- risk `R-1` Ransomware/);
  });

  it('goes to the definition in another file, finds references and highlights', async () => {
    const definition = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: risks }, position: at(8, 9) });
    assert.deepEqual(definition.map(where), ['org.isms:9:5-9:8']);
    const references = await client.request<Location[]>('textDocument/references', { textDocument: { uri: risks }, position: at(8, 9), context: { includeDeclaration: true } });
    assert.deepEqual(references.map(where), ['org.isms:9:5-9:8', 'risks.isms:8:8-8:11']);
    const highlights = await client.request<{ range: Location['range']; kind: number }[]>('textDocument/documentHighlight', { textDocument: { uri: risks }, position: at(8, 9) });
    assert.deepEqual(highlights.map((h) => [h.range.start.line, h.range.start.character, h.kind]), [[8, 8, 2]]);
  });

  it('renames across files, never inside strings or comments, and refuses Annex A ids', async () => {
    const prepared = await client.request<{ placeholder: string }>('textDocument/prepareRename', { textDocument: { uri: risks }, position: at(8, 9) });
    assert.equal(prepared.placeholder, 'cto');
    await assert.rejects(client.request('textDocument/prepareRename', { textDocument: { uri: risks }, position: at(12, 12) }), /Annex A ids are fixed by ISO\/IEC 27001/);
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: risks }, position: at(8, 9), newName: 'cio' });
    assert.deepEqual(Object.keys(edit.changes!).map(rel).sort(), ['org.isms', 'risks.isms']);
    assert.equal(applied(org, edit.changes![org]), texts.get(org)!.replace('role cto', 'role cio'));
    assert.equal(applied(risks, edit.changes![risks]), texts.get(risks)!.replace('owner cto', 'owner cio'));
    assert.match(applied(risks, edit.changes![risks]), /threat "cto phishing" \/\/ mentions cto in text only/);
    await assert.rejects(client.request('textDocument/rename', { textDocument: { uri: risks }, position: at(8, 9), newName: 'ceo' }), /taken|already/);
  });

  it('outlines the document and finds workspace symbols', async () => {
    const symbols = await client.request<{ name: string; detail?: string; children: { name: string }[] }[]>('textDocument/documentSymbol', { textDocument: { uri: risks } });
    assert.deepEqual(symbols.map((s) => [s.name, s.detail ?? '', s.children.length]), [['risk-criteria', '', 3], ['risk R-1', 'Ransomware', 7]]);
    const found = await client.request<{ name: string; location: Location }[]>('workspace/symbol', { query: 'ransom' });
    assert.deepEqual(found.map((s) => [s.name, where(s.location)]), [['R-1 Ransomware', 'risks.isms:7:5-7:8']]);
  });

  it('gives semantic tokens, folding and selection ranges', async () => {
    const tokens = await client.request<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri: risks } });
    assert.ok(tokens.data.length > 0 && tokens.data.length % 5 === 0);
    assert.deepEqual(tokens.data.slice(0, 3), [0, 0, 13], 'risk-criteria at 0:0, 13 long');
    const folds = await client.request<{ startLine: number; endLine: number; kind?: string }[]>('textDocument/foldingRange', { textDocument: { uri: risks } });
    assert.deepEqual(folds.map((f) => [f.startLine, f.endLine]), [[0, 3], [7, 14]]);
    const [selection] = await client.request<{ range: Location['range']; parent?: unknown }[]>('textDocument/selectionRange', { textDocument: { uri: risks }, positions: [at(8, 9)] });
    assert.deepEqual(selection.range, { start: at(8, 8), end: at(8, 11) });
  });

  it('links documents, shows inlay hints and code lenses', async () => {
    const links = await client.request<{ target: string }[]>('textDocument/documentLink', { textDocument: { uri: org } });
    assert.deepEqual(links.map((l) => rel(l.target)), [path.join('policies', 'infosec.md')]);
    const hints = await client.request<{ position: { line: number }; label: string }[]>('textDocument/inlayHint', { textDocument: { uri: risks }, range: { start: at(0, 0), end: at(20, 0) } });
    assert.deepEqual(hints.map((h) => [h.position.line, h.label]), [[10, '= 16 (Likely × Severe)'], [12, 'Information backup']]);
    const lenses = await client.request<{ command: { title: string; command: string } }[]>('textDocument/codeLens', { textDocument: { uri: risks } });
    assert.deepEqual(lenses.map((l) => [l.command.title, l.command.command]), [['inherent 16 → residual 16 · not acceptable', 'isms.showRisk']]);
    const orgLenses = await client.request<{ command: { title: string } }[]>('textDocument/codeLens', { textDocument: { uri: org } });
    assert.deepEqual(orgLenses.map((l) => l.command.title), ['SoA 0/93 · 1 risk above acceptance · 0 open nonconformities']);
  });

  it('offers quick fixes bound to diagnostic codes; applied, they give the exact text', async () => {
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: risks }, range: { start: at(13, 0), end: at(13, 20) }, context: { diagnostics: [] } });
    assert.deepEqual(actions.map((a) => [a.title, a.diagnostics?.[0].code]), [["Have the risk owner 'cto' accept the residual risk", 'acceptor-not-owner']]);
    assert.equal(applied(risks, actions[0].edit!.changes![risks]), texts.get(risks)!.replace('accepted-by ceo', 'accepted-by cto'));

    const whole = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: org }, range: { start: at(0, 0), end: at(0, 5) }, context: { diagnostics: [] } });
    const soa = whole.find((a) => a.diagnostics?.[0].code === 'soa-incomplete')!;
    assert.equal(soa.title, 'Add 93 missing Annex A controls to the SoA as applicable (to decide)');
    assert.deepEqual(
      whole.filter((a) => a.diagnostics?.[0].code === 'soa-incomplete').map((a) => [a.title, a.isPreferred]),
      [
        ['Add 93 missing Annex A controls to the SoA as applicable (to decide)', undefined],
        ['Add 93 missing Annex A controls to the SoA as excluded (to justify)', undefined],
      ],
    );
    const [[uri, edits]] = Object.entries(soa.edit!.changes!);
    const after = applied(uri, edits);
    assert.equal((after.match(/^control A\.\d+\.\d+ \{$/gm) ?? []).length, 93);
    assert.ok(after.startsWith(texts.get(uri)!), 'stubs are appended, nothing is lost');
    const scope = whole.find((a) => a.diagnostics?.[0].code === 'missing-scope')!;
    assert.match(applied(org, scope.edit!.changes![org]), /\n\nscope \{\n  statement "[^"]+"\n\}\n?$/);
  });

  it('applies an edit, then serves the new state (diagnostics follow quick-fixed text)', async () => {
    // v2: the owner and top management accept a risk above the criteria, and the assessment is dated.
    const fixed = texts.get(risks)!.replace('accepted-by ceo', 'accepted-by cto, ceo\n  assessed 2026-10-01');
    client.change(risks, 2, [{ text: fixed }]);
    const after = await client.waitForDiagnostics(risks, (p) => p.version === 2);
    assert.deepEqual(after.diagnostics.map((d) => d.code), []);
  });
});
