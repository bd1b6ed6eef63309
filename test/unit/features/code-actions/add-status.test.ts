import { strict as assert } from 'node:assert';

import { allActions, appliedText, assertFixes, service } from './helpers';

describe('quick fix: add the status of an applicable control (control-missing-status)', () => {
  it('offers each status, planned preferred, as the last line of the block', () => {
    const svc = service('control A.8.13 {\n  applicable yes\n  reason "Data must be recoverable"\n  // owner: it-admin\n}\n');
    const actions = allActions(svc, 'control-missing-status');
    assert.deepEqual(
      actions.map((a) => [a.title, a.isPreferred]),
      [
        ["Add 'status planned' to control A.8.13", true],
        ["Add 'status implemented' to control A.8.13", undefined],
        ["Add 'status partial' to control A.8.13", undefined],
        ["Add 'status not-implemented' to control A.8.13", undefined],
      ],
    );
    assert.equal(
      appliedText(svc, actions[1]),
      'control A.8.13 {\n  applicable yes\n  reason "Data must be recoverable"\n  // owner: it-admin\n  status implemented\n}\n',
    );
    for (const action of actions) assertFixes(svc, action);
  });
});
