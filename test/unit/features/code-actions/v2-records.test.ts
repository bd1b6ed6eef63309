/** Quick fixes of the v2 per-statement checks (LANGUAGE.md §7.4): exact edits, each removing a finding of its code. */
import { strict as assert } from 'node:assert';

import { allActions, appliedText, assertFixes, service } from './helpers';

const ROLES = 'role ceo "Chief Executive" {\n  top-management yes\n}\n\nrole it-admin "IT Administrator" {\n  holder "Leo Brandt"\n}\n\n';

describe('quick fixes of the v2 per-statement checks', () => {
  it('adds the assessment date (the as-of date) to a risk', () => {
    const svc = service(`${ROLES}risk R-6 "Scanner tampered with" {\n  owner it-admin\n  likelihood 2\n  impact 2\n}\n`);
    const [action, ...rest] = allActions(svc, 'missing-assessment-date');
    assert.equal(rest.length, 0);
    assert.equal(action.title, "Add 'assessed 2026-11-27' to risk R-6");
    assert.ok(appliedText(svc, action).endsWith('  impact 2\n  assessed 2026-11-27\n}\n'));
    assertFixes(svc, action);
  });

  it('adds a due date three months ahead to an unfinished control', () => {
    const svc = service('control A.8.7 {\n  applicable yes\n  reason "Malware"\n  status planned\n}\n');
    const [action] = allActions(svc, 'control-without-due');
    assert.equal(appliedText(svc, action), 'control A.8.7 {\n  applicable yes\n  reason "Malware"\n  status planned\n  due 2027-02-27\n}\n');
    assertFixes(svc, action);
  });

  it('adds a document to a policy without text, a result to a held audit, a cause to a closed nonconformity', () => {
    const svc = service(
      `${ROLES}policy access "Access Control Policy" {\n  approved-by ceo\n  approved 2026-02-01\n}\n\n` +
        'audit IA-1 "Audit" {\n  date 2026-06-10\n  auditor "Consultant"\n}\n\n' +
        'nonconformity NC-2 "Shared password" {\n  corrective-action "Named accounts"\n  status closed\n  effectiveness "Checked"\n}\n',
    );
    const titles = allActions(svc)
      .filter((a) => ['policy-without-text', 'audit-without-result', 'nonconformity-without-cause'].includes(a.diagnostic.code))
      .map((a) => a.title);
    assert.deepEqual(titles, ["Add 'document \"policies/access.md\"' to policy access", "Add 'result \"TODO\"' to audit IA-1", "Add 'cause \"TODO\"' to nonconformity NC-2"]);
    for (const code of ['policy-without-text', 'audit-without-result', 'nonconformity-without-cause'] as const) for (const action of allActions(svc, code)) assertFixes(svc, action);
  });

  it('adds a top management attendee to a review, appended to its attendees', () => {
    const svc = service(`${ROLES}review MR-1 "Review" {\n  date 2026-07-01\n  attendees it-admin\n  decisions "Fund EDR"\n}\n`);
    const [action] = allActions(svc, 'review-without-top-management');
    assert.equal(action.title, "Add top management role 'ceo' as an attendee of review MR-1");
    assert.ok(appliedText(svc, action).includes('  attendees it-admin, ceo\n'));
    assertFixes(svc, action);
  });

  it('adds the attendees field when a review has none', () => {
    const svc = service(`${ROLES}review MR-1 "Review" {\n  date 2026-07-01\n  decisions "Fund EDR"\n}\n`);
    const [action] = allActions(svc, 'review-without-top-management');
    assert.ok(appliedText(svc, action).endsWith('  decisions "Fund EDR"\n  attendees ceo\n}\n'));
    assertFixes(svc, action);
  });

  it('adds the missing 9.3.2 inputs to considered', () => {
    const svc = service(`${ROLES}review MR-1 "Review" {\n  date 2026-07-01\n  attendees ceo\n  considered previous-actions, performance\n  decisions "Fund EDR"\n}\n`);
    const [action] = allActions(svc, 'review-inputs-incomplete');
    assert.ok(
      appliedText(svc, action).includes(
        '  considered previous-actions, performance, external-internal-changes, interested-party-changes, feedback, risk-results, improvement\n',
      ),
    );
    const next = service(appliedText(svc, action));
    assert.equal(next.diagnostics().filter((d) => d.code === 'review-inputs-incomplete').length, 0);
  });

  it('marks an overdue objective achieved (preferred) or missed', () => {
    const svc = service(`${ROLES}objective O-2 "Train couriers" {\n  measure "Share trained"\n  target 100%\n  owner it-admin\n  due 2026-10-31\n}\n`);
    const actions = allActions(svc, 'objective-overdue');
    assert.deepEqual(
      actions.map((a) => [a.title, a.isPreferred]),
      [
        ['Mark objective O-2 achieved', true],
        ['Mark objective O-2 missed', undefined],
      ],
    );
    assert.ok(appliedText(svc, actions[0]).endsWith('  due 2026-10-31\n  status achieved\n}\n'));
    for (const action of actions) assertFixes(svc, action);
  });

  it('adds a top management acceptor to a risk accepted above the criteria', () => {
    const svc = service(
      'risk-criteria {\n  likelihood-scale "L1", "L2", "L3", "L4", "L5"\n  impact-scale "I1", "I2", "I3", "I4", "I5"\n  acceptance 6\n}\n\n' +
        `${ROLES}risk R-2 "Van broken into" {\n  owner it-admin\n  likelihood 3\n  impact 3\n  treatment accept\n  accepted-by it-admin\n  assessed 2026-10-01\n}\n`,
    );
    const [action] = allActions(svc, 'acceptance-above-criteria');
    assert.equal(action.title, "Add top management role 'ceo' as an acceptor of risk R-2");
    assert.ok(appliedText(svc, action).includes('  accepted-by it-admin, ceo\n'));
    assertFixes(svc, action);
  });

  it('adds lessons to a closed incident and an agreement to a supplier', () => {
    const svc = service(
      `${ROLES}incident INC-7 "Handheld stolen" {\n  reported 2026-08-14\n  severity medium\n  status closed\n}\n\n` +
        'supplier S-2 "RouteSoft" {\n  owner it-admin\n  criticality medium\n  reviewed 2026-05-01\n}\n',
    );
    const [lessons] = allActions(svc, 'incident-without-lessons');
    assert.equal(lessons.title, "Add 'lessons \"TODO\"' to incident INC-7");
    assertFixes(svc, lessons);
    const [agreement] = allActions(svc, 'supplier-without-agreement');
    assert.equal(agreement.title, "Add 'agreement \"TODO\"' to supplier S-2");
    assertFixes(svc, agreement);
  });
});
