/** Clause readiness (LANGUAGE.md §7.5): the schema's clause → checks table and the states computed from it. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALL_CODES, DIAGNOSTIC_CODES } from '../../../server/src/analysis/diagnostic-codes';
import { CLAUSES } from '../../../server/src/catalogue/clauses';
import { clausesOfReference, clauseStatus } from '../../../server/src/features/clause-status';
import { CLAUSE_READINESS } from '../../../server/src/schema/clause-readiness';
import { createLanguageService } from '../../../server/src/language-service';
import { fixtureService, parseFixture } from '../../helpers/fixture';

/** The codes of LANGUAGE.md §7.4 (and §7.7), which the table lists before the checker knows them all. */
const V2_CODES = [
  'residual-exceeds-inherent', 'acceptance-out-of-scale', 'acceptance-above-criteria', 'missing-assessment-date', 'control-without-due',
  'control-overdue', 'contradictory-control', 'policy-without-text', 'audit-without-result', 'review-without-top-management',
  'review-inputs-incomplete', 'nonconformity-overdue', 'nonconformity-without-cause', 'objective-overdue', 'date-in-future',
  'supplier-without-agreement', 'supplier-review-overdue', 'incident-without-lessons', 'obligation-not-addressed', 'placeholder-text',
  'bidi-control-character', 'document-outside-workspace', 'exclusion-contradicted', 'missing-risk-assessment',
  'missing-information-security-policy', 'policy-not-communicated', 'missing-audit-programme', 'audit-overdue',
  'management-review-overdue', 'soa-not-approved', 'missing-awareness',
];

function folder(name: string, asOf = '2026-11-27') {
  const dir = path.join('examples', name);
  const service = createLanguageService({ asOf, documents: { exists: (file) => fs.existsSync(path.join(dir, file)) } });
  for (const file of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })) if (file.endsWith('.isms')) service.setFile(file.split(path.sep).join('/'), fs.readFileSync(path.join(dir, file), 'utf8'));
  const analysis = service.analysis();
  return clauseStatus(analysis.diagnostics, analysis.index);
}

describe('clause readiness: the table', () => {
  const leaves = CLAUSES.filter((c) => Number(c.id.split('.')[0]) >= 4 && c.id.includes('.') && !CLAUSES.some((d) => d.parent === c.id));

  it('has one entry for every clause 4.1–10.2 without sub-clauses, in document order', () => {
    assert.deepEqual(CLAUSE_READINESS.map((entry) => entry.clause), leaves.map((c) => c.id));
    assert.equal(leaves.length, 30);
    assert.ok(['9.2.1', '9.2.2', '9.3.1', '9.3.2', '9.3.3', '7.5.1', '7.5.2', '7.5.3'].every((id) => leaves.some((c) => c.id === id)));
  });

  it('lists every code with a clause under that clause (or a sub-clause of it)', () => {
    for (const code of ALL_CODES) {
      const info = DIAGNOSTIC_CODES[code];
      if (info.clause === null || info.clause === 'context') continue;
      const listed = CLAUSE_READINESS.filter((entry) => entry.checks.includes(code)).map((entry) => entry.clause);
      assert.ok(listed.length > 0, `${code} (${info.clause}) is under no clause`);
      const named = clausesOfReference(info.clause);
      for (const id of listed) assert.ok(named.some((n) => id === n || id.startsWith(`${n}.`)), `${code} (${info.clause}) is listed under ${id}`);
    }
  });

  it('names only codes of the code table or of LANGUAGE.md §7.4, and none twice under a clause', () => {
    for (const entry of CLAUSE_READINESS) {
      assert.equal(new Set(entry.checks).size, entry.checks.length, entry.clause);
      for (const code of entry.checks) assert.ok((ALL_CODES as string[]).includes(code) || V2_CODES.includes(code), `${entry.clause}: ${code}`);
    }
  });

  it('gives every clause what the ISMS records and what an auditor asks', () => {
    for (const entry of CLAUSE_READINESS) {
      assert.ok(entry.records.length > 0, entry.clause);
      assert.ok(entry.asks.length > 0 && entry.asks.every((ask) => ask.endsWith('?') || ask.endsWith('.')), entry.clause);
    }
  });

  it('reads clause references as the catalogue clauses they name', () => {
    assert.deepEqual(clausesOfReference('6.1.3 e, 8.3'), ['6.1.3', '8.3']);
    assert.deepEqual(clausesOfReference('5.2 b'), ['5.2']);
    assert.deepEqual(clausesOfReference('4.1 (Amd 1:2024)'), ['4.1']);
    assert.deepEqual(clausesOfReference('A.5.20'), ['6.1.3']);
    assert.deepEqual(clausesOfReference('4.2 c, A.5.31'), ['4.2', '6.1.3']);
    assert.deepEqual(clausesOfReference('7.5.9'), ['7.5']);
    assert.deepEqual(clausesOfReference('4'), ['4']);
    assert.deepEqual(clausesOfReference('none'), []);
  });
});

describe('clause readiness: states', () => {
  it('the clinic: no fail or warn; clauses nothing checks are unverified, never pass, with their records', () => {
    const statuses = folder('clinic');
    assert.deepEqual(statuses.filter((s) => s.status === 'fail' || s.status === 'warn').map((s) => s.clause), []);
    const known = new Set<string>(ALL_CODES);
    for (const s of statuses) {
      const entry = CLAUSE_READINESS.find((e) => e.clause === s.clause);
      if (!entry) continue;
      assert.equal(s.status, entry.checks.some((code) => known.has(code)) ? 'pass' : 'unverified', s.clause);
    }
    for (const id of ['4.4', '6.1.1', '7.1', '8.1', '10.1']) assert.equal(statuses.find((s) => s.clause === id)!.status, 'unverified', id);
    const s44 = statuses.find((s) => s.clause === '4.4')!;
    assert.deepEqual(s44.records.map((r) => [r.kind, r.count]), [['policy', 6], ['risk', 23], ['control', 93], ['audit', 2], ['review', 1]]);
    assert.ok(s44.asks.length > 0);
    // A parent takes the worst state of its sub-clauses, unverified above pass.
    assert.equal(statuses.find((s) => s.clause === '6.1')!.status, 'unverified');
    assert.equal(statuses.find((s) => s.clause === '4.1')!.status, 'pass');
  });

  it('the flawed example: each finding under the clauses its code is listed for', () => {
    const statuses = folder('flawed');
    const state = (id: string) => statuses.find((s) => s.clause === id)!;
    assert.equal(state('4.3').status, 'fail');
    assert.deepEqual(state('4.3').findings.map((d) => d.code), ['missing-scope']);
    // v2: examples/flawed holds an audit held in 2025 without result (missing-internal-audit is in examples/flawed-policies).
    assert.equal(state('9.3.1').status, 'fail');
    assert.deepEqual(state('9.3.1').findings.map((d) => d.code).sort(), ['management-review-overdue', 'review-without-top-management']);
    assert.equal(state('9.3').status, 'fail', 'a parent takes the worst of its sub-clauses');
    assert.equal(state('9.3').errors, 1);
    assert.equal(state('8.2').status, 'warn');
    assert.equal(state('6').status, 'fail');
    assert.equal(state('6').errors, state('6.1').errors + state('6.2').errors + state('6.3').errors + state('6').findings.filter((d) => d.severity === 'error').length);
  });

  it('counts a finding of a code without a fixed clause for the clause it carries, and ignores notes', () => {
    const service = fixtureService(
      parseFixture(`role ciso "CISO" {
  holder "Sam"
  colour "blue"
}
`),
    );
    const statuses = clauseStatus(service.diagnostics(), service.analysis().index);
    const s53 = statuses.find((s) => s.clause === '5.3')!;
    assert.deepEqual(s53.findings.map((d) => d.code), ['unknown-field']);
    assert.equal(s53.status, 'fail');
    const quiet = createLanguageService({ asOf: '2026-11-27', severities: { 'missing-competence-evidence': 'info' } });
    quiet.setFile('a.isms', 'role ciso "CISO" {\n  responsibilities "Runs it"\n}\n');
    const s72 = clauseStatus(quiet.diagnostics()).find((s) => s.clause === '7.2')!;
    assert.equal(s72.findings.length, 1);
    assert.equal(s72.status, 'pass');
    assert.deepEqual(s72.records, [], 'no index, no records');
  });
});
