/** The preview's document control (LANGUAGE.md §7.6): draft banner, soa statement, flagged risks. */
import { strict as assert } from 'node:assert';

import { documentControlLine, draftBannerText, dueText, flaggedGroups, implementationText } from '../../../client/src/preview/webview/document-control';
import { results } from './helpers';

const ISMS = `//- /isms.isms
role ceo "CEO" {
  top-management yes
}

role it "IT lead" {
  top-management no
}

risk-criteria {
  likelihood-scale "Rare", "Unlikely", "Possible", "Likely", "Almost certain"
  impact-scale "Negligible", "Minor", "Moderate", "Major", "Severe"
  acceptance 6
}

risk R-1 "Residual above inherent" {
  owner it
  likelihood 2
  impact 2
  residual-likelihood 3
}

risk R-2 "Accepted at 25 by the IT lead alone" {
  owner it
  likelihood 5
  impact 5
  treatment accept
  accepted-by it
}

control A.8.13 {
  applicable yes
  status partial
  due 2027-03-31
}
`;

describe('client: preview document control', () => {
  const { soa, risks } = results(ISMS);

  it('shows the draft banner only while the workspace has errors', () => {
    assert.equal(draftBannerText({ ...soa, errors: 0 }), undefined);
    assert.equal(draftBannerText({ ...soa, errors: 1 }), 'Draft: 1 error in the ISMS — not for release until isms check passes');
    assert.equal(draftBannerText({ ...soa, errors: 12 }), 'Draft: 12 errors in the ISMS — not for release until isms check passes');
    assert.equal(draftBannerText(null), undefined);
  });

  it('gives the soa statement as a line, or says it is missing', () => {
    assert.equal(documentControlLine({ ...soa, statement: undefined }), 'No soa statement: the version, approvers and approval date of this SoA are not recorded.');
    assert.equal(
      documentControlLine({ ...soa, statement: { version: '2026.1', approvedBy: ['ceo', 'cfo'], approved: '2026-02-01', owner: 'it', classification: undefined } }),
      'SoA version 2026.1 · approved by ceo, cfo on 2026-02-01 · owner it',
    );
    assert.equal(documentControlLine({ ...soa, statement: { version: undefined, approvedBy: [], approved: undefined, owner: undefined, classification: undefined } }), 'SoA version — · not approved');
  });

  it('lists the risks a heat map cell cannot show as their own groups', () => {
    assert.deepEqual(
      flaggedGroups(risks).map((g) => [g.label, g.risks.map((r) => r.id)]),
      [
        ['Residual rated above inherent', ['R-1']],
        ['Accepted above the criteria without top management', ['R-2']],
      ],
    );
    assert.deepEqual(flaggedGroups({ ...risks, risks: [] }), []);
  });

  it('gives each control its implementation and due date', () => {
    const row = soa.rows.find((r) => r.id === 'A.8.13')!;
    assert.equal(dueText(row), '2027-03-31');
    assert.equal(implementationText({ ...row, implementation: '  Nightly\n  snapshots ' }), 'Nightly snapshots');
    assert.equal(implementationText(row), '');
  });
});
