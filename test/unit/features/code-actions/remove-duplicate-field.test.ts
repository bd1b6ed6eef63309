import { strict as assert } from 'node:assert';

import { allActions, appliedText, assertFixes, service, serviceOf } from './helpers';

describe('quick fix: remove a duplicate field (duplicate-field)', () => {
  it('removes the second occurrence with its line', () => {
    const svc = service(`role ops "Ops"

asset data "Customer data" {
  owner ops
  classification confidential
  // given twice
  classification restricted
  type information
}
`);
    const [action] = allActions(svc, 'duplicate-field');
    assert.equal(action.title, "Remove the duplicate 'classification restricted'");
    assert.equal(action.isPreferred, true);
    assert.equal(
      appliedText(svc, action),
      `role ops "Ops"

asset data "Customer data" {
  owner ops
  classification confidential
  // given twice
  type information
}
`,
    );
    assertFixes(svc, action);
  });

  it('keeps a comment on the same line, and CRLF line breaks', () => {
    const svc = serviceOf({ 'a.isms': 'role ops "Ops" {\r\n  holder "A"\r\n  holder "B" // the new holder?\r\n}\r\n' });
    const [action] = allActions(svc, 'duplicate-field');
    assert.equal(appliedText(svc, action), 'role ops "Ops" {\r\n  holder "A"\r\n  // the new holder?\r\n}\r\n');
    assertFixes(svc, action);
  });

  it('removes one of three, leaving one duplicate', () => {
    const svc = service('role ops "Ops" {\n  holder "A"\n  holder "B"\n  holder "C"\n}\n');
    const actions = allActions(svc, 'duplicate-field');
    assert.equal(actions.length, 2);
    assert.equal(appliedText(svc, actions[1]), 'role ops "Ops" {\n  holder "A"\n  holder "B"\n}\n');
    for (const action of actions) assertFixes(svc, action);
  });
});
