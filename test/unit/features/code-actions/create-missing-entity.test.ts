import { strict as assert } from 'node:assert';

import { actionTitled, allActions, appliedText, assertFixes, service } from './helpers';

describe('quick fix: create the missing entity (unknown-reference)', () => {
  it('creates an asset after the risk that refers to it, owned by the risk owner', () => {
    const svc = service(`role ceo "CEO" {
  top-management yes
}

role cto "CTO" {
  holder "Sam"
}

risk R-1 "Ransomware" {
  owner cto
  asset crm
  likelihood 2
  impact 2
} // trailing comment

// the next risk
risk R-2 "Fire" {
  owner cto
  likelihood 1
  impact 1
}
`);
    const action = actionTitled(svc, "Create asset 'crm'");
    assert.equal(action.isPreferred, undefined);
    assert.equal(
      appliedText(svc, action),
      `role ceo "CEO" {
  top-management yes
}

role cto "CTO" {
  holder "Sam"
}

risk R-1 "Ransomware" {
  owner cto
  asset crm
  likelihood 2
  impact 2
} // trailing comment

asset crm "TODO: title" {
  owner cto
}

// the next risk
risk R-2 "Fire" {
  owner cto
  likelihood 1
  impact 1
}
`,
    );
    assertFixes(svc, action);
  });

  it('creates a role with a line to fill in', () => {
    const svc = service(`asset crm "CRM" {
  owner sales
}`);
    const action = actionTitled(svc, "Create role 'sales'");
    assert.equal(appliedText(svc, action), 'asset crm "CRM" {\n  owner sales\n}\n\nrole sales "TODO: title" {\n  holder "TODO"\n}');
    assertFixes(svc, action);
  });

  it('creates a custom control with a title, laid out like an SoA entry', () => {
    const svc = service(`role cto "CTO"

risk R-1 "Ransomware" {
  owner cto
  likelihood 2
  impact 2
  treatment mitigate
  controls EDR-1
  accepted-by cto
}
`);
    const action = actionTitled(svc, "Create control 'EDR-1'");
    assert.equal(
      appliedText(svc, action),
      `role cto "CTO"

risk R-1 "Ransomware" {
  owner cto
  likelihood 2
  impact 2
  treatment mitigate
  controls EDR-1
  accepted-by cto
}

control EDR-1 "TODO: title" {
  applicable yes
  reason "TODO: justify inclusion or exclusion"
  status planned
}
`,
    );
    assertFixes(svc, action);
  });

  it('creates an objective with its required fields, its owner the first top management role', () => {
    const svc = service(`role ops "Ops"

role ceo "CEO" {
  top-management yes
}

policy infosec "Policy" {
  approved-by ceo
  approved 2026-01-15
  objectives O-9
  commits-to requirements, continual-improvement
}
`);
    const action = actionTitled(svc, "Create objective 'O-9'");
    assert.ok(
      appliedText(svc, action).endsWith(`  commits-to requirements, continual-improvement
}

objective O-9 "TODO: title" {
  measure "TODO"
  target "TODO"
  owner ceo
  due 2026-01-01
}
`),
    );
    assertFixes(svc, action);
  });

  it('leaves out a reference field when nothing of its kind exists', () => {
    const svc = service(`audit IA-1 "Audit" {
  date 2026-01-01
  auditor "Jo"
  findings NC-7
}
`);
    const action = actionTitled(svc, "Create nonconformity 'NC-7'");
    assert.ok(appliedText(svc, action).endsWith('}\n\nnonconformity NC-7 "TODO: title" {\n  corrective-action "TODO"\n}\n'));
    assertFixes(svc, action);

    // No role at all: the new asset gets no owner (a missing field, not another unknown reference).
    const noRole = service('risk R-1 "Fire" {\n  owner ghost\n  asset depot\n  likelihood 1\n  impact 1\n}\n');
    const create = actionTitled(noRole, "Create asset 'depot'");
    assert.equal(appliedText(noRole, create), 'risk R-1 "Fire" {\n  owner ghost\n  asset depot\n  likelihood 1\n  impact 1\n}\n\nasset depot "TODO: title"\n');
    assertFixes(noRole, create);
  });

  it('offers the did-you-mean fix first and the creation second', () => {
    const svc = service('role cto "CTO"\n\nasset crm "CRM" {\n  owner ctoo\n}\n');
    assert.deepEqual(
      allActions(svc, 'unknown-reference').map((a) => a.title),
      ["Change 'ctoo' to 'cto'", "Create role 'ctoo'"],
    );
  });
});
