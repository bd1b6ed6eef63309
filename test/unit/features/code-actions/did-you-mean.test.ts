import { strict as assert } from 'node:assert';

import { allActions, appliedText, assertFixes, service } from './helpers';

describe('quick fix: did you mean (unknown-field, unknown-reference, unknown-statement, invalid-value)', () => {
  it('replaces a misspelt field name', () => {
    const svc = service(`role it "IT" {
  holder "Leo"
}

asset net "Network" {
  owner it
  clasification internal // typo
}
`);
    const [action] = allActions(svc, 'unknown-field');
    assert.equal(action.title, "Change 'clasification' to 'classification'");
    assert.equal(action.isPreferred, true);
    assert.equal(
      appliedText(svc, action),
      `role it "IT" {
  holder "Leo"
}

asset net "Network" {
  owner it
  classification internal // typo
}
`,
    );
    assertFixes(svc, action);
  });

  it('replaces a misspelt reference with the nearest id of the expected kind', () => {
    const svc = service(`//- /roles.isms
role it-admin "IT" {
  holder "Leo"
}
//- /assets.isms
asset net "Network" {
  owner it-admn
}
`);
    const actions = allActions(svc, 'unknown-reference');
    const action = actions.find((a) => a.isPreferred)!;
    assert.equal(action.title, "Change 'it-admn' to 'it-admin'");
    assert.deepEqual(Object.keys(action.edit.changes), ['assets.isms']);
    assert.equal(appliedText(svc, action), 'asset net "Network" {\n  owner it-admin\n}\n');
    assertFixes(svc, action);
  });

  it('replaces a misspelt kind', () => {
    const svc = service(`role it "IT" {
  holder "Leo"
}

assett net "Network" {
  owner it
}
`);
    const [action] = allActions(svc, 'unknown-statement');
    assert.equal(action.title, "Change 'assett' to 'asset'");
    assert.equal(appliedText(svc, action), 'role it "IT" {\n  holder "Leo"\n}\n\nasset net "Network" {\n  owner it\n}\n');
    assertFixes(svc, action);
  });

  it('replaces a misspelt value of a field with allowed values', () => {
    const svc = service(`role it "IT" {
  holder "Leo"
}

asset net "Network" {
  owner it
  classification confidental
}
`);
    const [action] = allActions(svc, 'invalid-value');
    assert.equal(action.title, "Change 'confidental' to 'confidential'");
    assert.match(appliedText(svc, action), /\n {2}classification confidential\n/);
    assertFixes(svc, action);
  });

  it('offers nothing without a suggestion', () => {
    const svc = service('vendor acme "Acme"\n');
    assert.deepEqual(allActions(svc, 'unknown-statement'), []);
  });
});
