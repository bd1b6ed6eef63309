import { strict as assert } from 'node:assert';

import { actionTitled, allActions, appliedText, assertFixes, service, serviceOf } from './helpers';

describe('quick fix: insert the missing field', () => {
  it('adds a required field as the last line of the block, indented like the other fields', () => {
    const svc = service(`asset scanners "Handheld scanners" {
    type hardware
    // owner to confirm
}
`);
    const action = actionTitled(svc, "Add 'owner TODO' to asset scanners");
    assert.equal(action.isPreferred, true);
    assert.equal(action.diagnostic.code, 'missing-field');
    assert.equal(appliedText(svc, action), 'asset scanners "Handheld scanners" {\n    type hardware\n    // owner to confirm\n    owner TODO\n}\n');
    assertFixes(svc, action);
  });

  it('creates the block of an entity that has none', () => {
    const svc = service('// the organization\norganization "Acme" // name to confirm\n\nrole ceo "CEO" {\n  top-management yes\n}\n');
    const actions = allActions(svc, 'missing-climate-change-decision');
    assert.deepEqual(
      actions.map((a) => [a.title, a.isPreferred]),
      [
        ["Add 'climate-change not-relevant' to organization", true],
        ["Add 'climate-change relevant' to organization", undefined],
      ],
    );
    assert.equal(
      appliedText(svc, actions[0]),
      '// the organization\norganization "Acme" {\n  climate-change not-relevant\n} // name to confirm\n\nrole ceo "CEO" {\n  top-management yes\n}\n',
    );
    for (const action of actions) assertFixes(svc, action);
  });

  it('opens an empty block', () => {
    const svc = service('issue I-1 "Supply chain" {}\n');
    const actions = allActions(svc, 'missing-field');
    assert.deepEqual(
      actions.map((a) => a.title),
      ["Add 'type internal' to issue I-1", "Add 'type external' to issue I-1"],
    );
    assert.equal(appliedText(svc, actions[1]), 'issue I-1 "Supply chain" {\n  type external\n}\n');
    assertFixes(svc, actions[1]);
  });

  it('keeps CRLF line breaks', () => {
    const svc = serviceOf({ 'a.isms': 'audit IA-1 "Audit" {\r\n  date 2026-03-01\r\n}\r\n' });
    const action = actionTitled(svc, 'Add \'auditor "TODO"\' to audit IA-1');
    assert.equal(appliedText(svc, action), 'audit IA-1 "Audit" {\r\n  date 2026-03-01\r\n  auditor "TODO"\r\n}\r\n');
    assertFixes(svc, action);
  });

  it('adds the corrective action and the effectiveness of a nonconformity', () => {
    const svc = service('nonconformity NC-1 "Backups untested" {\n  status open\n}\n\nnonconformity NC-2 "Shared password" {\n  corrective-action "Named accounts"\n  status closed\n}\n');
    const actions = allActions(svc, 'nonconformity-without-action');
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Add \'corrective-action "TODO"\' to nonconformity NC-1', 'Add \'effectiveness "TODO"\' to nonconformity NC-2'],
    );
    assert.equal(
      appliedText(svc, actions[1]),
      'nonconformity NC-1 "Backups untested" {\n  status open\n}\n\nnonconformity NC-2 "Shared password" {\n  corrective-action "Named accounts"\n  status closed\n  effectiveness "TODO"\n}\n',
    );
    for (const action of actions) assertFixes(svc, action);
  });

  it('adds the reason of a control and the competence evidence of a role', () => {
    const svc = service('control A.8.30 {\n  applicable no\n}\n\nrole it "IT" {\n  responsibilities "Runs IT"\n}\n');
    const reason = actionTitled(svc, 'Add \'reason "TODO: justify inclusion or exclusion"\' to control A.8.30');
    assert.equal(reason.diagnostic.code, 'control-missing-justification');
    assert.equal(appliedText(svc, reason), 'control A.8.30 {\n  applicable no\n  reason "TODO: justify inclusion or exclusion"\n}\n\nrole it "IT" {\n  responsibilities "Runs IT"\n}\n');
    assertFixes(svc, reason);
    const evidence = actionTitled(svc, 'Add \'competence-evidence "TODO"\' to role it');
    assert.equal(evidence.diagnostic.code, 'missing-competence-evidence');
    assert.ok(appliedText(svc, evidence).endsWith('role it "IT" {\n  responsibilities "Runs IT"\n  competence-evidence "TODO"\n}\n'));
    assertFixes(svc, evidence);
  });

  it("has a policy approved by a top management role when there is one", () => {
    const svc = service('role ceo "CEO" {\n  top-management yes\n}\n\npolicy infosec "Policy" {\n  approved 2026-01-15\n}\n');
    const action = actionTitled(svc, "Add 'approved-by ceo' to policy infosec");
    assertFixes(svc, action);
    const without = service('role ops "Ops"\n\npolicy infosec "Policy" {\n  approved 2026-01-15\n}\n');
    actionTitled(without, "Add 'approved-by TODO' to policy infosec");
  });

  it('fills the scales of risk criteria with five levels', () => {
    const svc = service('risk-criteria {\n  acceptance 6\n}\n');
    const titles = allActions(svc, 'missing-field').map((a) => a.title);
    assert.deepEqual(titles, [
      'Add \'likelihood-scale "Rare", "Unlikely", "Possible", "Likely", "Almost certain"\' to risk-criteria',
      'Add \'impact-scale "Negligible", "Minor", "Moderate", "Major", "Severe"\' to risk-criteria',
    ]);
  });

  it('offers nothing in a block that is not closed', () => {
    const svc = service('asset scanners "Scanners" {\n  type hardware\n');
    assert.deepEqual(allActions(svc, 'missing-field'), []);
  });
});
