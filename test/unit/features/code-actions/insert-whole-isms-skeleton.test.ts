import { strict as assert } from 'node:assert';

import type { DiagnosticCode } from '../../../../server/src/analysis/diagnostic-codes';
import { allActions, applied, assertFixes, service, serviceOf } from './helpers';

const ORGANIZATION = `// Acme's ISMS
organization "Acme Ltd" {
  top-management ceo
  climate-change not-relevant
}

role ceo "Chief Executive"
`;

const EXPECTED: [DiagnosticCode, string, string][] = [
  ['missing-scope', 'Add a scope', 'scope {\n  statement "TODO"\n}'],
  [
    'missing-policy',
    'Add an information security policy',
    'policy infosec "Information Security Policy" {\n  approved-by ceo\n  approved 2026-01-01\n  type information-security\n  objectives-framework "TODO"\n  commits-to requirements, continual-improvement\n  communicated-to "TODO"\n}',
  ],
  [
    'missing-risk-criteria',
    'Add risk criteria (5×5 scales, acceptance 6)',
    'risk-criteria {\n  likelihood-scale "Rare", "Unlikely", "Possible", "Likely", "Almost certain"\n  impact-scale "Negligible", "Minor", "Moderate", "Major", "Severe"\n  acceptance 6\n  assessment-interval 12 months\n}',
  ],
  [
    'missing-objectives',
    'Add an information security objective',
    'objective O-1 "TODO: title" {\n  measure "TODO"\n  target "TODO"\n  owner ceo\n  due 2026-01-01\n}',
  ],
  ['missing-internal-audit', 'Add an internal audit', 'audit IA-1 "Internal audit" {\n  date 2026-01-01\n  auditor "TODO"\n}'],
  ['missing-management-review', 'Add a management review', 'review MR-1 "Management review" {\n  date 2026-01-01\n  decisions "TODO"\n}'],
  ['missing-context', 'Add an internal or external issue', 'issue I-1 "TODO: title" {\n  type internal\n}'],
  ['missing-interested-parties', 'Add an interested party', 'party P-1 "TODO: title" {\n  requirement "TODO"\n}'],
  ['missing-measurement', 'Add a measurement', 'measurement M-1 "TODO: title" {\n  method "TODO"\n  frequency "TODO"\n}'],
  ['missing-risk-assessment', 'Add a risk', 'risk R-1 "TODO: title" {\n  owner ceo\n  likelihood 3\n  impact 3\n  assessed 2026-01-01\n}'],
  [
    'missing-audit-programme',
    'Add an audit programme (every part audited yearly)',
    'audit-programme {\n  owner ceo\n  interval 12 months\n  criteria "TODO"\n}',
  ],
  [
    'soa-not-approved',
    'Add the soa statement (version, approvers, approval date)',
    'soa {\n  version "1.0"\n  approved-by ceo\n  approved 2026-01-01\n}',
  ],
  ['missing-awareness', 'Add an awareness training', 'training T-1 "Security awareness" {\n  type awareness\n  date 2026-01-01\n  attendees "TODO"\n}'],
];

describe('quick fix: insert a skeleton of a missing element (whole-ISMS findings)', () => {
  for (const [code, title, skeleton] of EXPECTED) {
    it(`${code}: ${title}`, () => {
      const svc = serviceOf({ 'a.isms': ORGANIZATION, 'b.isms': 'role ops "Operations"\n' });
      const [action, ...others] = allActions(svc, code);
      assert.equal(others.length, 0);
      assert.equal(action.title, title);
      assert.equal(action.isPreferred, true);
      assert.deepEqual(applied(svc, action), { 'a.isms': `${ORGANIZATION}\n${skeleton}\n` });
      assertFixes(svc, action);
    });
  }

  it('uses a placeholder approver without top management, and fresh ids', () => {
    const svc = service(`organization "Acme"

role ops "Operations"

// O-1 is taken, by a role
role O-1 "Odd role id"

role infosec "Security officer"`);
    const policy = allActions(svc, 'missing-policy')[0];
    assert.ok(applied(svc, policy)['main.isms'].endsWith('role infosec "Security officer"\n\npolicy infosec-2 "Information Security Policy" {\n  approved-by TODO\n  approved 2026-01-01\n  type information-security\n  objectives-framework "TODO"\n  commits-to requirements, continual-improvement\n  communicated-to "TODO"\n}'));
    assertFixes(svc, policy);
    const objective = allActions(svc, 'missing-objectives')[0];
    assert.ok(applied(svc, objective)['main.isms'].endsWith('\n\nobjective O-2 "TODO: title" {\n  measure "TODO"\n  target "TODO"\n  owner ops\n  due 2026-01-01\n}'));
    assertFixes(svc, objective);
  });

  it('links a new measurement to an existing objective', () => {
    const svc = service('organization "Acme"\n\nrole ops "Ops"\n\nobjective O-1 "Patch fast" {\n  measure "Days"\n  target 14\n  owner ops\n  due 2026-12-31\n}\n');
    const [action] = allActions(svc, 'missing-measurement');
    assert.ok(applied(svc, action)['main.isms'].endsWith('}\n\nmeasurement M-1 "TODO: title" {\n  objective O-1\n  method "TODO"\n  frequency "TODO"\n}\n'));
    assertFixes(svc, action);
  });

  it('adds an awareness training also when only older ones exist', () => {
    const svc = service('organization "Acme"\n\nrole ops "Ops"\n\ntraining T-1 "Awareness 2024" {\n  type awareness\n  date 2024-03-01\n}\n');
    const [action, ...others] = allActions(svc, 'missing-awareness');
    assert.equal(others.length, 0);
    assert.ok(applied(svc, action)['main.isms'].endsWith('}\n\ntraining T-2 "Security awareness" {\n  type awareness\n  date 2026-01-01\n  attendees "TODO"\n}\n'));
    assertFixes(svc, action);
  });

  it('without organization, appends to the first file, keeping CRLF', () => {
    const svc = serviceOf({ 'b.isms': 'role ops "Ops"\r\n', 'a.isms': '// draft\r\nrole it "IT"\r\n\r\n\r\n' });
    const [action] = allActions(svc, 'missing-scope');
    assert.deepEqual(applied(svc, action), { 'a.isms': '// draft\r\nrole it "IT"\r\n\r\nscope {\r\n  statement "TODO"\r\n}\r\n\r\n\r\n' });
    assertFixes(svc, action);
  });

  it('into an empty first file', () => {
    const svc = serviceOf({ 'a.isms': '', 'b.isms': 'role ops "Ops"\n' });
    const [action] = allActions(svc, 'missing-scope');
    assert.deepEqual(applied(svc, action), { 'a.isms': 'scope {\n  statement "TODO"\n}\n' });
    assertFixes(svc, action);
  });
});
