import { strict as assert } from 'node:assert';

import { allActions, appliedText, assertFixes, service } from './helpers';

const ROLES = 'role it "IT"\n\nrole ops "Ops"\n\n';

describe('quick fix: the risk owner accepts the residual risk', () => {
  it('adds accepted-by with the owner (residual-risk-not-accepted)', () => {
    const svc = service(`${ROLES}risk R-4 "Account takeover" {\n  owner it\n  likelihood 2\n  impact 3\n  treatment accept\n}\n`);
    const [action] = allActions(svc, 'residual-risk-not-accepted');
    assert.equal(action.title, "Add 'accepted-by it' (the risk owner)");
    assert.equal(action.isPreferred, true);
    assert.equal(appliedText(svc, action), `${ROLES}risk R-4 "Account takeover" {\n  owner it\n  likelihood 2\n  impact 3\n  treatment accept\n  accepted-by it\n}\n`);
    assertFixes(svc, action);
  });

  it('offers nothing when the risk has no owner', () => {
    const svc = service(`${ROLES}risk R-4 "Account takeover" {\n  likelihood 2\n  impact 3\n  treatment accept\n}\n`);
    assert.deepEqual(allActions(svc, 'residual-risk-not-accepted'), []);
  });

  it('replaces the acceptor with the owner (acceptor-not-owner)', () => {
    const svc = service(`${ROLES}risk R-5 "Malware" {\n  owner it\n  likelihood 2\n  impact 3\n  treatment accept\n  accepted-by ops // asked by email\n}\n`);
    const [action] = allActions(svc, 'acceptor-not-owner');
    assert.equal(action.title, "Have the risk owner 'it' accept the residual risk");
    assert.equal(
      appliedText(svc, action),
      `${ROLES}risk R-5 "Malware" {\n  owner it\n  likelihood 2\n  impact 3\n  treatment accept\n  accepted-by it // asked by email\n}\n`,
    );
    assertFixes(svc, action);
  });
});
