import { strict as assert } from 'node:assert';

import { allActions, applied, assertFixes, service } from './helpers';

const ROLES = `//- /roles.isms
organization "Acme" {
  top-management ceo
  climate-change not-relevant
}

role ceo "Chief Executive" {
  top-management yes
}
`;

describe('quick fix: declare the information security policy (missing-information-security-policy)', () => {
  it('offers each policy, the one titled information security first and preferred', () => {
    const svc = service(`${ROLES}//- /policies.isms
policy access "Access Control Policy" {
  approved-by ceo
  approved 2026-02-01
}

policy infosec "Information Security Policy" {
  approved-by ceo
  approved 2026-01-15
}
`);
    const actions = allActions(svc, 'missing-information-security-policy');
    assert.deepEqual(
      actions.map((action) => [action.title, action.isPreferred ?? false]),
      [
        ["Declare 'infosec' the information security policy (type information-security)", true],
        ["Declare 'access' the information security policy (type information-security)", false],
      ],
    );
    assert.deepEqual(applied(svc, actions[0]), {
      'policies.isms':
        'policy access "Access Control Policy" {\n  approved-by ceo\n  approved 2026-02-01\n}\n\npolicy infosec "Information Security Policy" {\n  approved-by ceo\n  approved 2026-01-15\n  type information-security\n}\n',
    });
    assertFixes(svc, actions[0]);
    assertFixes(svc, actions[1]);
  });

  it('replaces a topic-specific type of the only policy', () => {
    const svc = service(`${ROLES}//- /policy.isms
policy infosec "Security Policy" {
  type topic-specific
  approved-by ceo
  approved 2026-01-15
}
`);
    const [action, ...others] = allActions(svc, 'missing-information-security-policy');
    assert.equal(others.length, 0);
    assert.equal(action.title, "Declare 'infosec' the information security policy (type information-security instead of topic-specific)");
    assert.deepEqual(applied(svc, action), {
      'policy.isms': 'policy infosec "Security Policy" {\n  type information-security\n  approved-by ceo\n  approved 2026-01-15\n}\n',
    });
    assertFixes(svc, action);
  });
});
