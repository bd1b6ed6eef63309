import { strict as assert } from 'node:assert';

import { documentSymbols, type DocumentSymbol } from '../../../server/src/features/document-symbols';
import { MAX_WORKSPACE_SYMBOLS, workspaceSymbols } from '../../../server/src/features/workspace-symbols';
import type { LanguageService } from '../../../server/src/language-service';
import { fixtureService, parseFixture } from '../../helpers/fixture';

const WORKSPACE = `//- /org.isms
organization "Acme Cloud Ltd" {
  top-management ceo
}

role ceo "Chief Executive Officer" {
  top-management yes
  responsibilities "Sets the direction of the ISMS, approves the policy and the risk appetite, and reviews performance"
}

scope {
  statement """
    Everything
    we do
  """
}
//- /risks.isms
// The register
risk R-1 "Ransomware encrypts the customer database" {
  owner ceo
  controls A.8.13, A.8.7
  nonsense 1
}

control A.8.13 {
  applicable yes
}

risk R-2 "Phishing of staff" {
  owner ceo
}

bogus X {
}`;

/** A symbol tree as lines: `name — detail [kind] range-text`, children indented. */
function outline(service: LanguageService, file: string, symbols: readonly DocumentSymbol[], depth = 0): string[] {
  const text = service.text(file)!;
  return symbols.flatMap((s) => {
    assert.ok(s.range.start <= s.selectionRange.start && s.selectionRange.end <= s.range.end, 'selection inside range');
    const head = `${'  '.repeat(depth)}${s.name} — ${s.detail} [${s.kind}] <${text.slice(s.selectionRange.start, s.selectionRange.end)}> ${JSON.stringify(text.slice(s.range.start, s.range.end).split('\n')[0])}…${JSON.stringify(text.slice(s.range.end - 1, s.range.end))}`;
    return [head, ...outline(service, file, s.children, depth + 1)];
  });
}

describe('symbols: document symbols', () => {
  const service = fixtureService(parseFixture(WORKSPACE));

  it('outlines entities with their fields, values shortened', () => {
    assert.deepEqual(outline(service, 'org.isms', documentSymbols(service, 'org.isms')), [
      'organization — Acme Cloud Ltd [organization] <organization> "organization \\"Acme Cloud Ltd\\" {"…"}"',
      '  top-management — ceo [field] <top-management> "top-management ceo"…"o"',
      'role ceo — Chief Executive Officer [role] <ceo> "role ceo \\"Chief Executive Officer\\" {"…"}"',
      '  top-management — yes [field] <top-management> "top-management yes"…"s"',
      '  responsibilities — Sets the direction of the ISMS, approves the policy and the… [field] <responsibilities> "responsibilities \\"Sets the direction of the ISMS, approves the policy and the risk appetite, and reviews performance\\""…"\\""',
      'scope —  [scope] <scope> "scope {"…"}"',
      '  statement — Everything we do [field] <statement> "statement \\"\\"\\""…"\\""',
    ]);
  });

  it('gives SoA entries the catalogue title, lists all values and skips unknown statements', () => {
    assert.deepEqual(outline(service, 'risks.isms', documentSymbols(service, 'risks.isms')), [
      'risk R-1 — Ransomware encrypts the customer database [risk] <R-1> "risk R-1 \\"Ransomware encrypts the customer database\\" {"…"}"',
      '  owner — ceo [field] <owner> "owner ceo"…"o"',
      '  controls — A.8.13, A.8.7 [field] <controls> "controls A.8.13, A.8.7"…"7"',
      '  nonsense — 1 [field] <nonsense> "nonsense 1"…"1"',
      'control A.8.13 — Information backup [control] <A.8.13> "control A.8.13 {"…"}"',
      '  applicable — yes [field] <applicable> "applicable yes"…"s"',
      'risk R-2 — Phishing of staff [risk] <R-2> "risk R-2 \\"Phishing of staff\\" {"…"}"',
      '  owner — ceo [field] <owner> "owner ceo"…"o"',
    ]);
    assert.deepEqual(documentSymbols(service, 'missing.isms'), []);
  });

  it('gives exact ranges', () => {
    const [risk] = documentSymbols(service, 'risks.isms');
    const text = service.text('risks.isms')!;
    assert.deepEqual(risk.range, { start: text.indexOf('risk R-1'), end: text.indexOf('}') + 1 });
    assert.deepEqual(risk.selectionRange, { start: text.indexOf('R-1'), end: text.indexOf('R-1') + 3 });
    assert.deepEqual(risk.children[1].range, { start: text.indexOf('controls'), end: text.indexOf('A.8.7') + 5 });
    assert.deepEqual(risk.children[1].selectionRange, { start: text.indexOf('controls'), end: text.indexOf('controls') + 8 });
    assert.deepEqual(risk.children[1].children, []);
  });
});

describe('symbols: workspace symbols', () => {
  const service = fixtureService(parseFixture(WORKSPACE));
  const query = (q: string) =>
    workspaceSymbols(service, q).map((s) => {
      const text = service.text(s.location.file)!;
      return `${s.name} [${s.kind}/${s.detail}] ${s.location.file}@${s.location.start}<${text.slice(s.location.start, s.location.end)}>`;
    });

  it('finds entities by id and by title, case-insensitively, best first', () => {
    assert.deepEqual(query('r-1'), ['R-1 Ransomware encrypts the customer database [risk/risk] risks.isms@21<R-1>']);
    assert.deepEqual(query('R-'), [
      'R-1 Ransomware encrypts the customer database [risk/risk] risks.isms@21<R-1>',
      'R-2 Phishing of staff [risk/risk] risks.isms@166<R-2>',
    ]);
    assert.deepEqual(query('PHISH'), ['R-2 Phishing of staff [risk/risk] risks.isms@166<R-2>']);
    assert.deepEqual(query('backup'), ['A.8.13 Information backup [control/control] risks.isms@132<A.8.13>']);
    assert.deepEqual(query('acme'), ['organization Acme Cloud Ltd [organization/organization] org.isms@0<organization>']);
    assert.deepEqual(query('scope'), ['scope [scope/scope] org.isms@237<scope>']);
  });

  it('ranks id matches over title matches over subsequences', () => {
    assert.deepEqual(workspaceSymbols(service, 'ceo').map((s) => s.name), ['ceo Chief Executive Officer']);
    // Id matches before title matches; subsequences must start a word.
    assert.deepEqual(workspaceSymbols(service, 'c').map((s) => s.name), [
      'ceo Chief Executive Officer', // id prefix
      'scope', // in the id (the kind, for entities without one)
      'R-1 Ransomware encrypts the customer database', // a title word starts with it; shorter id first
      'organization Acme Cloud Ltd',
      'A.8.13 Information backup', // in the title
    ]);
    assert.deepEqual(workspaceSymbols(service, 'acme').map((s) => s.name), ['organization Acme Cloud Ltd']);
    // `staff` is in a title only; `r1ransom` is a subsequence only.
    assert.deepEqual(workspaceSymbols(service, 'staff').map((s) => s.name), ['R-2 Phishing of staff']);
    assert.deepEqual(workspaceSymbols(service, 'r1ransom').map((s) => s.name), ['R-1 Ransomware encrypts the customer database']);
    assert.deepEqual(workspaceSymbols(service, 'xyzzy'), []);
  });

  it('gives at most 200 results, and the first entities for an empty query', () => {
    const many = fixtureService(
      parseFixture(Array.from({ length: 250 }, (_, i) => `risk R-${i + 1} "Risk number ${i + 1}" {\n  owner x\n}\n`).join('\n')),
    );
    const all = workspaceSymbols(many, 'risk');
    assert.equal(all.length, MAX_WORKSPACE_SYMBOLS);
    assert.deepEqual(workspaceSymbols(many, 'R-7').slice(0, 3).map((s) => s.name), ['R-7 Risk number 7', 'R-70 Risk number 70', 'R-71 Risk number 71']);
    assert.equal(workspaceSymbols(many, '').length, MAX_WORKSPACE_SYMBOLS);
    assert.equal(workspaceSymbols(many, '')[0].name, 'R-1 Risk number 1');
    assert.deepEqual(workspaceSymbols(service, '').map((s) => s.name), [
      'organization Acme Cloud Ltd',
      'ceo Chief Executive Officer',
      'scope',
      'R-1 Ransomware encrypts the customer database',
      'A.8.13 Information backup',
      'R-2 Phishing of staff',
    ]);
  });
});
