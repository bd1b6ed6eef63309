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

  it('risk-assessment-overdue: 12 months when the risk criteria set no assessment-interval', () => {
    const criteria = (interval: string) => `\nrisk-criteria {\n  likelihood-scale "1", "2", "3"\n  impact-scale "1", "2", "3"\n  acceptance 4\n${interval}}\n`;
    const risk = (id: string, assessed: string) => `\nrisk ${id} "${id}" {\n  owner ceo\n  likelihood 1\n  impact 1\n  assessed ${assessed}\n}\n`;
    const risks = risk('R-1', '2025-11-26') + risk('R-2', '2025-11-27');
    assert.deepEqual(findings(ORG + criteria('') + risks, ['risk-assessment-overdue']), [
      'risk-assessment-overdue: R-1 was last assessed on 2025-11-26; reassessment was due on 2026-11-26, 12 months after it as no assessment-interval is set (as of 2026-11-27)',
    ]);
    // Without risk criteria at all (missing-risk-criteria), the same default.
    assert.equal(findings(ORG + risks, ['risk-assessment-overdue']).length, 1);
    // A planned interval decides.
    assert.deepEqual(findings(ORG + criteria('  assessment-interval 2 years\n') + risks, ['risk-assessment-overdue']), []);
    assert.deepEqual(findings(ORG + criteria('  assessment-interval 6 months\n') + risks, ['risk-assessment-overdue']), [
      'risk-assessment-overdue: R-1 was last assessed on 2025-11-26; reassessment was due on 2026-05-26 (as of 2026-11-27)',
      'risk-assessment-overdue: R-2 was last assessed on 2025-11-27; reassessment was due on 2026-05-27 (as of 2026-11-27)',
    ]);
  });

  it('missing-measurement: measurements dated only after the as-of date are a plan; an undated one counts', () => {
    const measurement = (id: string, date?: string) => `\nmeasurement ${id} "${id}" {\n  method "Scanner report"\n${date ? `  date ${date}\n` : ''}}\n`;
    assert.deepEqual(findings(ORG + measurement('M-1', '2026-12-31') + measurement('M-2', '2026-12-15'), ['missing-measurement']), [
      'missing-measurement: no measurement has been taken by 2026-11-27: M-2 is only planned, for 2026-12-15',
    ]);
    assert.deepEqual(findings(ORG + measurement('M-1', '2026-12-31') + measurement('M-2', '2026-11-27'), ['missing-measurement']), []);
    assert.deepEqual(findings(ORG + measurement('M-1', '2026-12-31') + measurement('M-2'), ['missing-measurement']), []);
    assert.deepEqual(findings(ORG, ['missing-measurement']), ['missing-measurement: no monitoring or measurement is recorded']);
  });

  it('date-in-future: a later audit, change or measurement is a plan, unless it says it was done', () => {
    const text = `${ORG}
audit IA-1 "Audit" {
  date 2027-03-01
  auditor "Consultant"
  result "No nonconformities"
}

audit IA-2 "Audit" {
  date 2027-09-01
  auditor "Consultant"
}

change CH-1 "Move to the cloud" {
  date 2027-01-10
  purpose "Retire the server room"
  status done
}

change CH-2 "New office" {
  date 2027-02-10
  purpose "Room for growth"
  status planned
}

measurement M-1 "Patch time" {
  result "9 days"
  date 2026-12-31
}

measurement M-2 "Patch time" {
  date 2027-01-31
}
`;
    assert.deepEqual(findings(text, ['date-in-future']), [
      "date-in-future: 'date 2027-03-01' is after the as-of date (2026-11-27), yet the audit has a result: a record cannot be dated in the future",
      "date-in-future: 'date 2027-01-10' is after the as-of date (2026-11-27), yet the change is done: a record cannot be dated in the future",
      "date-in-future: 'date 2026-12-31' is after the as-of date (2026-11-27), yet the measurement has a result: a record cannot be dated in the future",
    ]);
    assert.deepEqual(findings(text, ['date-in-future'], '2027-03-01'), []);
  });
});

describe('exclusion-contradicted beyond the six controls of §7.4', () => {
  const control = (id: string) => `\ncontrol ${id} {\n  applicable no\n  reason "Not relevant"\n}\n`;

  it('is raised for the controls that govern the same records, and names one that counts', () => {
    const records = `
asset crm "CRM" {
  owner ceo
}

asset laptops "Laptops" {
  owner ceo
  classification internal
}

supplier S-1 "Van hire" {
  owner ceo
  criticality low
}

incident INC-1 "Stolen handheld" {
  reported 2026-08-14
  severity medium
  status open
}
`;
    const excluded = ['A.5.12', 'A.5.20', 'A.5.21', 'A.5.22', 'A.5.23', 'A.5.25', 'A.5.26', 'A.5.27', 'A.5.28', 'A.6.8'].map(control).join('');
    assert.deepEqual(findings(ORG + excluded + records, ['exclusion-contradicted']), [
      'exclusion-contradicted: A.5.12 is excluded, yet the ISMS records classified assets it governs, such as asset laptops',
      'exclusion-contradicted: A.5.20 is excluded, yet the ISMS records suppliers it governs, such as supplier S-1',
      'exclusion-contradicted: A.5.22 is excluded, yet the ISMS records suppliers it governs, such as supplier S-1',
      'exclusion-contradicted: A.5.25 is excluded, yet the ISMS records incidents it governs, such as incident INC-1',
      'exclusion-contradicted: A.5.26 is excluded, yet the ISMS records incidents it governs, such as incident INC-1',
      'exclusion-contradicted: A.5.27 is excluded, yet the ISMS records incidents it governs, such as incident INC-1',
      'exclusion-contradicted: A.6.8 is excluded, yet the ISMS records incidents it governs, such as incident INC-1',
    ]);
    // Without the records, or with an asset that has no classification, the exclusions stand.
    assert.deepEqual(findings(ORG + excluded, ['exclusion-contradicted']), []);
    assert.deepEqual(findings(ORG + control('A.5.12') + records.replace('  classification internal\n', ''), ['exclusion-contradicted']), []);
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
