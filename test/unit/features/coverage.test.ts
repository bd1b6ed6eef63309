/** Coverage of another framework from the SoA and the clause states: each status on small fixtures, packs and malformed packs. */
import { strict as assert } from 'node:assert';

import { frameworkSet, parseMappingPack, type FrameworkInfo, type MappingPackError } from '../../../server/src/catalogue/framework-set';
import { completions } from '../../../server/src/features/completion';
import { coverage, totalsLine, workspaceCoverage, type ClauseState } from '../../../server/src/features/coverage';
import { createLanguageService } from '../../../server/src/language-service';
import { fixtureService, parseFixture } from '../../helpers/fixture';

const HEADER = 'framework_id\ttitle\tsection\tsubsection\tiso27001\trelationship';
const row = (...cells: string[]) => cells.join('\t');

const PACK = [
  HEADER,
  row('1.1', 'Met by an implemented control', '1', '1.1', 'A.5.1', 'intersect'),
  row('1.1', 'Met by an implemented control', '1', '1.1', 'A.5.2', 'intersect'),
  row('1.2', 'Only a partial control', '1', '1.1', 'A.5.2', 'intersect'),
  row('1.2', 'Only a partial control', '1', '1.1', 'A.5.3', 'intersect'),
  row('1.3', 'Only a planned control', '1', '1.1', 'A.5.3', 'intersect'),
  row('2.1', 'Excluded and undeclared', '2', '2.1', 'A.7.4', 'intersect'),
  row('2.1', 'Excluded and undeclared', '2', '2.1', 'A.8.20', 'intersect'),
  row('2.2', 'Not implemented, and partial but excluded', '2', '2.1', 'A.8.21', 'intersect'),
  row('2.3', 'Needs its own evidence', '2', '2.1', '', ''),
  row('3.1', 'A clause that passes', '3', '3.1', '9.3.1', 'intersect'),
  row('3.1', 'A clause that passes', '3', '3.1', 'A.7.4', 'intersect'),
  row('3.2', 'A clause that warns, a partial control', '3', '3.1', '7.2', 'intersect'),
  row('3.2', 'A clause that warns, a partial control', '3', '3.1', 'A.5.2', 'intersect'),
  row('3.3', 'An unverified clause', '3', '3.1', '6.1.1', 'intersect'),
  row('4.1', 'The policy shall:', '4', '4.1', 'A.5.1', 'intersect'),
  row('4.1.a', 'set out the approach;', '4', '4.1', 'A.5.1', 'intersect'),
  row('4.1.b', 'name the roles;', '4', '4.1', 'A.8.21', 'intersect'),
  row('4.1.b.i', 'and their deputies;', '4', '4.1', 'A.5.2', 'intersect'),
].join('\n');

const SOA = `organization "Acme" {
  frameworks acme-rules
}

control A.5.1 {
  applicable yes
  reason "Policies"
  status implemented
}

control A.5.2 {
  applicable yes
  reason "Roles"
  status partial
}

control A.5.3 {
  applicable yes
  reason "Segregation"
  status planned
}

control A.7.4 {
  applicable no
  reason "No premises"
}

control A.8.21 {
  applicable yes
  reason "Network services"
  status not-implemented
}
`;

function pack(text: string, file = 'mappings/acme-rules.tsv'): FrameworkInfo {
  const result = parseMappingPack({ file, text });
  assert.ok(!('message' in result), JSON.stringify(result));
  return result as FrameworkInfo;
}

function problem(text: string, file = 'mappings/acme-rules.tsv'): MappingPackError {
  const result = parseMappingPack({ file, text });
  assert.ok('message' in result, 'expected a problem');
  return result as MappingPackError;
}

const CLAUSES: Record<string, ClauseState> = { '9': 'pass', '7': 'warn', '6': 'fail', '6.1.1': 'unverified' };

function fixtureCoverage() {
  const service = fixtureService(parseFixture(SOA));
  return coverage(pack(PACK), service.analysis().index, (id) => CLAUSES[id], '2026-11-27');
}

describe('coverage', () => {
  it('gives each requirement one status from its mapped controls and clauses', () => {
    const result = fixtureCoverage();
    const statuses = Object.fromEntries(result.requirements.map((r) => [r.id, r.status]));
    assert.deepEqual(statuses, {
      '1.1': 'covered',
      '1.2': 'partial',
      '1.3': 'partial',
      '2.1': 'gap',
      '2.2': 'gap',
      '2.3': 'unmapped',
      '3.1': 'covered',
      '3.2': 'partial',
      '3.3': 'gap',
      '4.1': 'covered',
      '4.1.a': 'covered',
      '4.1.b': 'gap',
      '4.1.b.i': 'partial',
    });
  });

  it('reports the state of each mapped target', () => {
    const result = fixtureCoverage();
    const states = (id: string) => result.requirements.find((r) => r.id === id)!.targets.map((t) => `${t.id}:${t.state}${t.meets ? '*' : ''}`);
    assert.deepEqual(states('1.1'), ['A.5.1:implemented*', 'A.5.2:partial']);
    assert.deepEqual(states('2.1'), ['A.7.4:excluded', 'A.8.20:undeclared']);
    assert.deepEqual(states('3.1'), ['9.3.1:pass*', 'A.7.4:excluded']);
    assert.deepEqual(states('3.2'), ['7.2:warn', 'A.5.2:partial']);
    assert.deepEqual(states('3.3'), ['6.1.1:unverified']);
    const clause = result.requirements.find((r) => r.id === '3.1')!.targets[0];
    assert.equal(clause.title, 'Management review (9.3.1)');
    const control = result.requirements.find((r) => r.id === '1.1')!.targets[0];
    assert.equal(control.title, 'Policies for information security');
    assert.deepEqual(control.location && { file: control.location.file }, { file: 'main.isms' });
  });

  it('counts a parent point and its sub-points once each, with their own mappings', () => {
    const result = fixtureCoverage();
    const section4 = result.groups.find((g) => g.id === '4')!;
    assert.deepEqual(section4.totals, { covered: 2, partial: 1, gap: 1, unmapped: 0, total: 4 });
    const parents = Object.fromEntries(section4.requirements.map((r) => [r.id, r.parent ?? null]));
    assert.deepEqual(parents, { '4.1': null, '4.1.a': '4.1', '4.1.b': '4.1', '4.1.b.i': '4.1.b' });
  });

  it('totals per group and for the framework', () => {
    const result = fixtureCoverage();
    assert.deepEqual(
      result.groups.map((g) => [g.id, g.totals.covered, g.totals.partial, g.totals.gap, g.totals.unmapped]),
      [
        ['1', 1, 2, 0, 0],
        ['2', 0, 0, 2, 1],
        ['3', 1, 1, 1, 0],
        ['4', 2, 1, 1, 0],
      ],
    );
    assert.deepEqual(result.totals, { covered: 4, partial: 4, gap: 4, unmapped: 1, total: 13 });
    assert.equal(totalsLine('acme-rules', result.totals), 'acme-rules: 4 covered · 4 partial · 4 gaps · 1 unmapped');
  });

  it('takes clause states from the clause status feature through the service (a clause counts when it passes)', () => {
    const packs = [{ file: 'mappings/acme-rules.tsv', text: [HEADER, row('1', 'Reviews', '1', '1', '9.3.1', 'intersect'), row('2', 'Competence', '1', '1', '7.2', 'intersect')].join('\n') }];
    const service = createLanguageService({ asOf: '2026-11-27', mappings: packs });
    // No audit, no review: clause 9 (9.3.1) fails; no role lacks competence evidence and awareness training
    // was held (7.3): clause 7, so 7.2, passes.
    service.setFile('main.isms', 'organization "Acme" {\n  frameworks acme-rules\n}\n\ntraining T-1 "Awareness" {\n  type awareness\n  date 2026-06-01\n}\n');
    const result = workspaceCoverage(service, 'acme-rules')!;
    assert.deepEqual(
      result.requirements.map((r) => [r.id, r.targets[0].state, r.status]),
      [
        ['1', 'fail', 'gap'],
        ['2', 'pass', 'covered'],
      ],
    );
    assert.equal(workspaceCoverage(service, 'acme-rules'), result, 'computed once per analysis');
    assert.equal(workspaceCoverage(service, 'no-such'), undefined);
  });
});

describe('mapping packs', () => {
  it('reads a pack with the shipped columns (function/category or section/subsection)', () => {
    const framework = pack([
      'framework_id\ttitle\tfunction\tcategory\tiso27001\trelationship',
      row('CC1.1', 'Integrity and ethical values', 'CC1', 'CC1.1', 'A.5.4', 'intersect'),
      row('CC1.1', 'Integrity and ethical values', 'CC1', 'CC1.1', 'A.6.4', 'equal'),
      row('CC1.1', 'Integrity and ethical values', 'CC1', 'CC1.1', 'A.6.4', 'equal'),
      row('CC9.9', 'Own evidence', 'CC9', 'CC9.9', '', ''),
      '',
    ].join('\r\n'), 'mappings/soc2.tsv');
    assert.equal(framework.id, 'soc2');
    assert.equal(framework.groupKind, 'function');
    assert.equal(framework.source, 'mappings/soc2.tsv');
    assert.deepEqual(framework.groups.map((g) => g.id), ['CC1', 'CC9']);
    assert.deepEqual(framework.requirements.map((r) => [r.id, r.targets]), [
      ['CC1.1', ['A.5.4', 'A.6.4']],
      ['CC9.9', []],
    ]);
  });

  it('makes a pack id valid in frameworks, and reports an unknown one with did-you-mean', () => {
    const service = createLanguageService({ asOf: '2026-11-27', mappings: [{ file: 'mappings/soc2.tsv', text: [HEADER, row('1', 'One', '1', '1', 'A.5.1', 'intersect')].join('\n') }] });
    service.setFile('main.isms', 'organization "Acme" {\n  frameworks soc2, soc3\n}\n');
    const found = service.diagnostics().filter((d) => d.code === 'unknown-framework');
    assert.deepEqual(
      found.map((d) => [d.start, d.end, d.message, d.data?.suggestion]),
      [[41, 45, "no framework 'soc3': did you mean 'soc2'?", 'soc2']],
    );
    assert.deepEqual(service.diagnostics().filter((d) => d.code === 'invalid-value'), []);
  });

  it('says why a framework whose pack is malformed is unknown', () => {
    const service = createLanguageService({ asOf: '2026-11-27', mappings: [{ file: 'mappings/soc2.tsv', text: `${HEADER}\n${row('1', 'One', '1', '1', 'A.99.1', 'intersect')}` }] });
    service.setFile('main.isms', 'organization "Acme" {\n  frameworks soc2\n}\n');
    assert.deepEqual(
      service.diagnostics().filter((d) => d.code === 'unknown-framework').map((d) => d.message),
      ["no framework 'soc2': its mapping pack mappings/soc2.tsv is malformed (line 2, column 11: 'A.99.1' is not an ISO/IEC 27001:2022 Annex A control (A.5.1–A.8.34) or clause (4.1–10.2))"],
    );
  });

  const malformed: [string, string, number, number, string][] = [
    ['an empty file', '', 1, 1, 'empty file'],
    ['a wrong header', 'framework_id\ttitle\tchapter\tsubsection\tiso27001\trelationship', 1, 20, "header column 3 must be 'function' or 'section', not 'chapter'"],
    ['a header only', HEADER, 2, 1, 'no requirements'],
    ['too few columns', `${HEADER}\n${row('1', 'One', '1', '1', 'A.5.1')}`, 2, 16, 'expected 6 tab-separated columns'],
    ['too many columns', `${HEADER}\n${row('1', 'One', '1', '1', 'A.5.1', 'intersect', 'x')}`, 2, 27, 'found 7'],
    ['an unknown ISO id', `${HEADER}\n${row('1', 'One', '1', '1', 'A.5.1', 'intersect')}\n${row('2', 'Two', '1', '1', 'A.12.3.1', 'intersect')}`, 3, 11, "'A.12.3.1' is not an ISO/IEC 27001:2022 Annex A control"],
    ['a bad relationship', `${HEADER}\n${row('1', 'One', '1', '1', 'A.5.1', 'overlaps')}`, 3 - 1, 17, "relationship 'overlaps' is not one of"],
    ['an empty id', `${HEADER}\n${row('', 'One', '1', '1', 'A.5.1', 'intersect')}`, 2, 1, 'the framework_id column is empty'],
    ['a missing title', `${HEADER}\n${row('1', '', '1', '1', 'A.5.1', 'intersect')}`, 2, 3, "requirement '1' has no title"],
    ['a requirement in two sections', `${HEADER}\n${row('1', 'One', '1', '1', 'A.5.1', 'intersect')}\n${row('1', 'One', '2', '2', 'A.5.2', 'intersect')}`, 3, 7, "requirement '1' was in section '1'"],
  ];
  for (const [what, text, line, column, message] of malformed) {
    it(`reports ${what} with its file, line and column`, () => {
      const error = problem(text);
      assert.deepEqual([error.file, error.line, error.column], ['mappings/acme-rules.tsv', line, column]);
      assert.ok(error.message.includes(message), error.message);
    });
  }

  it('reports a file name that is no id, and a clash with another framework', () => {
    assert.match(problem(HEADER, 'mappings/my pack.tsv').message, /'my pack.tsv' is not a framework id/);
    const set = frameworkSet([
      { file: 'b/acme.tsv', text: `${HEADER}\n${row('1', 'One', '1', '1', 'A.5.1', 'intersect')}` },
      { file: 'a/acme.tsv', text: `${HEADER}\n${row('1', 'One', '1', '1', 'A.5.1', 'intersect')}` },
      { file: 'a/broken.tsv', text: 'nonsense' },
    ]);
    assert.deepEqual(set.all.filter((f) => f.source !== 'shipped').map((f) => f.source), ['a/acme.tsv']);
    assert.deepEqual(
      set.errors.map((e) => `${e.file}:${e.line}:${e.column}`),
      ['a/broken.tsv:1:1', 'b/acme.tsv:1:1'],
    );
  });

  it('never throws, whatever the text', () => {
    for (const text of ['\t\t\t\t\t', '\uFEFF' + HEADER + '\n\t\t\t\t\t', 'x'.repeat(10000), `${HEADER}\n\u0000\t\u0000`, `${HEADER}\n\n\n`]) {
      assert.doesNotThrow(() => parseMappingPack({ file: 'p.tsv', text }));
    }
  });

  it('completes the ids of frameworks with the packs, leaving out those already listed', () => {
    const service = createLanguageService({ asOf: '2026-11-27', mappings: [{ file: 'mappings/soc2.tsv', text: [HEADER, row('1', 'One', '1', '1', 'A.5.1', 'intersect')].join('\n') }] });
    const text = 'organization "Acme" {\n  frameworks nis2, \n}\n';
    service.setFile('main.isms', text);
    const items = completions(service, 'main.isms', text.indexOf(', ') + 2, '2026-11-27');
    assert.deepEqual(items.map((i) => [i.label, i.detail]), [
      ['nist-csf-2.0', 'NIST Cybersecurity Framework (CSF) 2.0'],
      ['soc2', 'soc2'],
    ]);
    assert.match(items[0].documentation ?? '', /^106 requirements\. A mapping means/);
  });
});
