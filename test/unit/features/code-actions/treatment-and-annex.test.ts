/** Issue 13: quick fixes for risk-untreated (choose a treatment) and unknown-annex-control (the nearest 2022 ids). */
import { strict as assert } from 'node:assert';

import { nearestAnnexIds } from '../../../../server/src/features/code-actions/nearest-annex-control';
import { allActions, appliedText, assertFixes, service } from './helpers';

const CRITERIA = `risk-criteria {
  likelihood-scale "Low", "Medium", "High"
  impact-scale "Minor", "Major", "Severe"
  acceptance 3
}

role cto "CTO" {
  top-management yes
}

`;

describe('quick fix: choose a treatment (risk-untreated)', () => {
  it('offers avoid, transfer and accept, none preferred; each ends the finding', () => {
    const risk = 'risk R-1 "Ransomware" {\n  owner cto\n  likelihood 3\n  impact 3\n}\n';
    const svc = service(CRITERIA + risk);
    const actions = allActions(svc, 'risk-untreated');
    assert.deepEqual(
      actions.map((a) => [a.title, a.isPreferred]),
      [
        ["Add 'treatment avoid' to risk R-1", undefined],
        ["Add 'treatment transfer' to risk R-1", undefined],
        ["Add 'treatment accept' to risk R-1", undefined],
      ],
    );
    assert.equal(appliedText(svc, actions[0]!), CRITERIA + risk.replace('  impact 3\n', '  impact 3\n  treatment avoid\n'));
    for (const action of actions) assertFixes(svc, action);
  });

  it('offers nothing for a mitigation without controls (the controls are the user\'s choice)', () => {
    const svc = service(CRITERIA + 'risk R-1 "Ransomware" {\n  owner cto\n  likelihood 3\n  impact 3\n  treatment mitigate\n}\n');
    assert.deepEqual(allActions(svc, 'risk-untreated'), []);
  });
});

describe('quick fix: the nearest 2022 ids (unknown-annex-control)', () => {
  it('ranks by edit distance, then the same theme, then the nearest number', () => {
    assert.deepEqual(nearestAnnexIds('A.7.15'), ['A.7.14', 'A.7.13', 'A.7.12']);
    assert.deepEqual(nearestAnnexIds('A.5.38'), ['A.5.37', 'A.5.36', 'A.5.35']);
  });

  it('replaces a reference with one of the nearest ids', () => {
    const text = CRITERIA + 'risk R-1 "Ransomware" {\n  owner cto\n  likelihood 1\n  impact 1\n  treatment mitigate\n  controls A.7.15\n}\n';
    const svc = service(text);
    const actions = allActions(svc, 'unknown-annex-control');
    assert.deepEqual(
      actions.map((a) => [a.title, a.isPreferred]),
      [
        ['Replace A.7.15 with A.7.14 (Secure disposal or re-use of equipment)', undefined],
        ['Replace A.7.15 with A.7.13 (Equipment maintenance)', undefined],
        ['Replace A.7.15 with A.7.12 (Cabling security)', undefined],
      ],
    );
    assert.equal(appliedText(svc, actions[0]!), text.replace('controls A.7.15', 'controls A.7.14'));
    assertFixes(svc, actions[0]!);
  });

  it('in a control head, leaves out ids that already have an entry', () => {
    const svc = service('control A.7.14 {\n  applicable no\n  reason "None"\n}\n\ncontrol A.7.15 {\n  applicable no\n  reason "None"\n}\n');
    assert.deepEqual(
      allActions(svc, 'unknown-annex-control').map((a) => a.title.split(' (')[0]),
      ['Replace A.7.15 with A.7.13', 'Replace A.7.15 with A.7.12', 'Replace A.7.15 with A.7.11'],
    );
  });
});
