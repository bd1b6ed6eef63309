import { strict as assert } from 'node:assert';

import { afterAction, allActions, applied, appliedText, assertFixes, countOf, service } from './helpers';

const RISK = (controls: string) => `role cto "CTO"

risk R-1 "Ransomware" {
  owner cto
  likelihood 2
  impact 2
  treatment mitigate
  controls ${controls}
  accepted-by cto
}
`;

describe('quick fix: replace a 2013 Annex A id (legacy-annex-control)', () => {
  it('replaces the id of a control head with its 2022 successor', () => {
    const svc = service('control A.12.3.1 "Information backup" {\n  applicable yes\n  reason "Backups"\n  status implemented\n}\n');
    const [action, ...others] = allActions(svc, 'legacy-annex-control');
    assert.equal(others.length, 0);
    assert.equal(action.title, 'Replace A.12.3.1 with A.8.13 (Information backup)');
    assert.equal(action.isPreferred, true);
    assert.equal(appliedText(svc, action), 'control A.8.13 "Information backup" {\n  applicable yes\n  reason "Backups"\n  status implemented\n}\n');
    assertFixes(svc, action);
  });

  it('offers one action per successor in a control head, none preferred', () => {
    const svc = service('control A.18.2.3 {\n  applicable no\n  reason "None"\n}\n');
    const actions = allActions(svc, 'legacy-annex-control');
    assert.deepEqual(
      actions.map((a) => [a.title, a.isPreferred]),
      [
        ['Replace A.18.2.3 with A.5.36 (Compliance with policies, rules and standards for information security)', undefined],
        ['Replace A.18.2.3 with A.8.8 (Management of technical vulnerabilities)', undefined],
      ],
    );
    assert.equal(appliedText(svc, actions[1]), 'control A.8.8 {\n  applicable no\n  reason "None"\n}\n');
    for (const action of actions) assertFixes(svc, action);
  });

  it('removes the 2013 entry when the successor is already declared, moving the fields it lacks (issue 13)', () => {
    const svc = service(
      'control A.8.13 {\n  applicable yes\n  reason "Backups"\n  evidence "runbook.md"\n}\n\ncontrol A.12.3.1 {\n  applicable yes\n  reason "Old reason"\n  status implemented\n  owner cto\n  evidence "runbook.md"\n}\n\nrole cto "CTO"\n',
    );
    assert.equal(countOf(svc, 'duplicate-id'), 0);
    const [action, ...others] = allActions(svc, 'legacy-annex-control');
    assert.equal(others.length, 0);
    assert.equal(action.title, "Remove A.12.3.1: A.8.13 is already declared (moving status, owner; keeping A.8.13's reason)");
    assert.equal(action.isPreferred, true);
    assert.equal(
      appliedText(svc, action),
      'control A.8.13 {\n  applicable yes\n  reason "Backups"\n  evidence "runbook.md"\n  status implemented\n  owner cto\n}\n\nrole cto "CTO"\n',
    );
    assertFixes(svc, action);
    const next = afterAction(svc, action);
    assert.equal(countOf(next, 'duplicate-id'), 0);
  });

  it('merges into an entry in another file (two files edited)', () => {
    const svc = service('//- /a.isms\ncontrol A.8.13 {\n  applicable no\n}\n//- /b.isms\ncontrol A.12.3.1 {\n  applicable no\n  reason "No backups here"\n}\n');
    const [action] = allActions(svc, 'legacy-annex-control');
    assert.equal(action.title, 'Remove A.12.3.1: A.8.13 is already declared (moving reason)');
    assert.deepEqual(applied(svc, action), { 'b.isms': '', 'a.isms': 'control A.8.13 {\n  applicable no\n  reason "No backups here"\n}' });
  });

  it('replaces an id in a reference list with all its successors', () => {
    const svc = service(RISK('A.8.7, A.18.2.3'));
    const [action] = allActions(svc, 'legacy-annex-control');
    assert.equal(action.title, 'Replace A.18.2.3 with A.5.36, A.8.8');
    assert.equal(appliedText(svc, action), RISK('A.8.7, A.5.36, A.8.8'));
    assertFixes(svc, action);
  });

  it('leaves out successors the list already names', () => {
    const svc = service(RISK('A.18.2.3, A.8.8'));
    const [action] = allActions(svc, 'legacy-annex-control');
    assert.equal(appliedText(svc, action), RISK('A.5.36, A.8.8'));
    assertFixes(svc, action);
  });

  it('removes the id with its comma when the list names every successor', () => {
    const svc = service(RISK('A.8.13, A.12.3.1'));
    const [action] = allActions(svc, 'legacy-annex-control');
    assert.equal(action.title, 'Remove A.12.3.1 (A.8.13 already listed)');
    assert.equal(appliedText(svc, action), RISK('A.8.13'));
    assertFixes(svc, action);

    const first = service(RISK('A.12.3.1,\n    A.8.13'));
    const [remove] = allActions(first, 'legacy-annex-control');
    assert.equal(appliedText(first, remove), RISK('A.8.13'));
    assertFixes(first, remove);
  });

  it('keeps a comment between the values (replacing instead of removing)', () => {
    const svc = service(RISK('A.8.13, // backups\n    A.12.3.1'));
    const [action] = allActions(svc, 'legacy-annex-control');
    assert.equal(appliedText(svc, action), RISK('A.8.13, // backups\n    A.8.13'));
    assertFixes(svc, action);
  });
});
