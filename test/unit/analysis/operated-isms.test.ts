/** The v2 whole-ISMS checks (LANGUAGE.md §7.3, §7.4): held versus planned, the information security policy, intervals. */
import { strict as assert } from 'node:assert';

import { informationSecurityPolicy } from '../../../server/src/analysis/information-security-policy';
import { fixtureService, parseFixture } from '../../helpers/fixture';

const ORG = `organization "Acme" {
  top-management ceo
  climate-change not-relevant
}

role ceo "Chief Executive" {
  top-management yes
}
`;

function findings(text: string, codes: readonly string[], asOf = '2026-11-27'): string[] {
  const service = fixtureService(parseFixture(text), asOf);
  return service
    .diagnostics()
    .filter((d) => codes.includes(d.code))
    .map((d) => `${d.code}: ${d.message}`);
}

function isPolicyId(text: string): string | undefined {
  const service = fixtureService(parseFixture(text));
  return informationSecurityPolicy(service.analysis().index)?.id?.image;
}

const policy = (id: string, type?: string) => `\npolicy ${id} "${id}" {\n${type ? `  type ${type}\n` : ''}  approved-by ceo\n  approved 2026-01-15\n}\n`;

describe('the information security policy (§7.2)', () => {
  it('is the policy of type information-security, else the only untyped policy', () => {
    assert.equal(isPolicyId(ORG + policy('a') + policy('b', 'information-security')), 'b');
    assert.equal(isPolicyId(ORG + policy('only')), 'only');
    assert.equal(isPolicyId(ORG + policy('only', 'topic-specific')), undefined);
    assert.equal(isPolicyId(ORG + policy('a') + policy('b')), undefined);
    assert.equal(isPolicyId(ORG + policy('a', 'topic-specific') + policy('b')), undefined);
    assert.equal(isPolicyId(ORG), undefined);
  });

  it('is missing when the only policy is topic-specific, and not asked for without policies', () => {
    assert.deepEqual(findings(ORG + policy('access', 'topic-specific'), ['missing-information-security-policy']), [
      'missing-information-security-policy: the only policy, access, is not the information security policy: it says type topic-specific',
    ]);
    assert.deepEqual(findings(ORG, ['missing-information-security-policy', 'policy-not-communicated']), []);
    assert.deepEqual(findings(ORG + policy('infosec'), ['missing-information-security-policy']), []);
  });

  it('judges approval, completeness and communication on it alone', () => {
    const text = `${ORG}
role manager "Manager"
${policy('infosec', 'information-security')}
policy access "Access" {
  type topic-specific
  approved-by manager
  approved 2026-02-01
  commits-to requirements, continual-improvement
  communicated-to "All staff"
}
`;
    assert.deepEqual(findings(text, ['approver-not-top-management', 'policy-incomplete', 'policy-not-communicated']), [
      'policy-not-communicated: the information security policy infosec does not say to whom it is communicated (communicated-to)',
      'policy-incomplete: the information security policy infosec sets no information security objectives (objectives) and no framework for setting them (objectives-framework)',
      'policy-incomplete: the information security policy infosec does not commit to satisfying applicable requirements (commits-to requirements)',
      'policy-incomplete: the information security policy infosec does not commit to continual improvement of the ISMS (commits-to continual-improvement)',
    ]);
  });

  it('takes any top management role among several approvers', () => {
    const text = `${ORG}
role manager "Manager"

policy infosec "Information Security Policy" {
  approved-by manager, ceo
  approved 2026-01-15
}
`;
    assert.deepEqual(findings(text, ['approver-not-top-management']), []);
    assert.equal(findings(text.replace('manager, ceo', 'manager, manager'), ['approver-not-top-management']).length, 1);
  });
});

describe('held and planned (§7.2)', () => {
  const audit = (id: string, date: string) => `\naudit ${id} "${id}" {\n  date ${date}\n  auditor "Consultant"\n}\n`;
  const review = (id: string, date: string) => `\nreview ${id} "${id}" {\n  date ${date}\n  attendees ceo\n  decisions "None"\n}\n`;

  it('an audit or review on the as-of date is held; after it, planned and named', () => {
    assert.deepEqual(findings(ORG + audit('IA-1', '2026-11-27') + review('MR-1', '2026-11-27'), ['missing-internal-audit', 'missing-management-review']), []);
    assert.deepEqual(findings(ORG + audit('IA-1', '2026-11-28') + audit('IA-2', '2027-05-01') + review('MR-1', '2027-01-10'), ['missing-internal-audit', 'missing-management-review']), [
      'missing-internal-audit: no internal audit has been held by 2026-11-27: IA-1 is only planned, for 2026-11-28',
      'missing-management-review: no management review has been held by 2026-11-27: MR-1 is only planned, for 2027-01-10',
    ]);
    assert.deepEqual(findings(ORG, ['missing-internal-audit']), ['missing-internal-audit: no internal audit is recorded']);
  });

  it('audit-overdue: 12 months without a programme, the programme interval with one; never without a held audit', () => {
    const held = audit('IA-1', '2025-11-26');
    assert.equal(findings(ORG + held, ['audit-overdue']).length, 1);
    assert.deepEqual(findings(ORG + audit('IA-1', '2025-11-27'), ['audit-overdue']), []);
    assert.deepEqual(findings(`${ORG}\naudit-programme {\n  owner ceo\n  interval 2 years\n}\n${held}`, ['audit-overdue']), []);
    assert.deepEqual(findings(ORG + audit('IA-1', '2027-01-01'), ['audit-overdue']), []);
  });

  it('management-review-overdue follows the organization review-interval', () => {
    const text = ORG + review('MR-1', '2026-06-01');
    assert.deepEqual(findings(text, ['management-review-overdue']), []);
    assert.deepEqual(findings(text.replace('climate-change not-relevant', 'climate-change not-relevant\n  review-interval 3 months'), ['management-review-overdue']), [
      'management-review-overdue: the latest management review, MR-1, was held on 2026-06-01; with an interval of 3 months the next was due by 2026-09-01 (as of 2026-11-27)',
    ]);
  });

  it('missing-awareness counts awareness trainings held in the last 12 months only', () => {
    const training = (id: string, type: string, date: string) => `\ntraining ${id} "${id}" {\n  type ${type}\n  date ${date}\n}\n`;
    assert.deepEqual(findings(ORG + training('T-1', 'awareness', '2025-11-27'), ['missing-awareness']), []);
    assert.deepEqual(findings(ORG + training('T-1', 'competence', '2026-06-01'), ['missing-awareness']), [
      'missing-awareness: no awareness training was held in the 12 months before 2026-11-27',
    ]);
    assert.deepEqual(findings(ORG + training('T-1', 'awareness', '2026-12-01'), ['missing-awareness']), [
      'missing-awareness: no awareness training was held in the 12 months before 2026-11-27; T-1 is only planned, for 2026-12-01',
    ]);
  });
});

describe('changed per-statement checks (§7.3)', () => {
  it('residual-risk-not-accepted is not raised for treatment avoid', () => {
    const risk = (treatment: string) => `${ORG}\nrisk R-1 "R" {\n  owner ceo\n  likelihood 2\n  impact 2\n  treatment ${treatment}\n}\n`;
    assert.deepEqual(findings(risk('avoid'), ['residual-risk-not-accepted']), []);
    assert.equal(findings(risk('transfer'), ['residual-risk-not-accepted']).length, 1);
  });

  it('review-overdue: next-review passed, or none and approved more than 12 months ago', () => {
    const p = (fields: string) => `${ORG}\npolicy p "P" {\n  approved-by ceo\n${fields}}\n`;
    assert.deepEqual(findings(p('  approved 2025-11-27\n'), ['review-overdue']), []);
    assert.deepEqual(findings(p('  approved 2025-11-26\n'), ['review-overdue']), [
      'review-overdue: p was approved on 2025-11-26 and has no next-review; its review was due by 2026-11-26, 12 months later (as of 2026-11-27)',
    ]);
    assert.deepEqual(findings(p('  approved 2020-01-01\n  next-review 2027-01-01\n'), ['review-overdue']), []);
  });
});
