import { strict as assert } from 'node:assert';

import { riskBandOf, riskBands, riskDescription, riskIcon, riskLabel, risksSummary, riskTooltip } from '../../../client/src/tree/risk-bands';
import { results } from './helpers';

const RISKS = `//- /criteria.isms
risk-criteria {
  likelihood-scale "Rare", "Unlikely", "Possible", "Likely", "Almost certain"
  impact-scale "Negligible", "Minor", "Moderate", "Major", "Severe"
  acceptance 6
}

role ciso "CISO" {
  top-management yes
}

//- /risks.isms
risk R-10 "Residual above, accepted" {
  owner ciso
  likelihood 4
  impact 4
  treatment mitigate
  controls A.8.7
  residual-likelihood 3
  residual-impact 3
  accepted-by ciso
}

risk R-2 "Residual above, not accepted" {
  owner ciso
  likelihood 5
  impact 5
  treatment mitigate
  controls A.8.7
  residual-likelihood 4
  residual-impact 4
}

risk R-3 "Treated to acceptable" {
  owner ciso
  likelihood 4
  impact 4
  treatment mitigate
  controls A.8.13
  residual-likelihood 2
  residual-impact 3
  accepted-by ciso
}

risk R-1 "Acceptable | *as is*" {
  owner ciso
  likelihood 2
  impact 3
  treatment accept
}

risk R-4 "Not rated" {
  owner ciso
  likelihood 2
}
`;

describe('client: risk bands', () => {
  const { risks } = results(RISKS);
  const byId = (id: string) => risks.risks.find((risk) => risk.id === id)!;

  it('groups by where each risk stands against acceptance, most urgent band first', () => {
    const bands = riskBands(risks.risks);
    assert.deepEqual(
      bands.map((band) => [band.label, band.description, band.risks.map((risk) => risk.id)]),
      [
        ['Above acceptance after treatment', '2 risks · 1 not accepted', ['R-2', 'R-10']],
        ['Above acceptance, treated to acceptable', '1 risk', ['R-3']],
        ['Acceptable before treatment', '1 risk', ['R-1']],
        ['Not rated', '1 risk', ['R-4']],
      ],
    );
  });

  it('leaves out empty bands and says when every risk above acceptance is accepted', () => {
    const bands = riskBands([byId('R-10'), byId('R-1')]);
    assert.deepEqual(
      bands.map((band) => [band.id, band.description]),
      [
        ['above', '1 risk · all accepted'],
        ['acceptable', '1 risk'],
      ],
    );
    assert.deepEqual(riskBands([]), []);
  });

  it('puts a risk whose residual score exceeds acceptance above it, whatever its inherent score', () => {
    assert.equal(riskBandOf({ inherentAcceptable: true, residualAcceptable: false }), 'above');
    assert.equal(riskBandOf({ inherentAcceptable: undefined, residualAcceptable: undefined }), 'unrated');
  });

  it('orders within a band by residual, then inherent score, then id (numeric aware)', () => {
    const a = { ...byId('R-3'), id: 'R-10', residual: 6, inherent: 16 };
    const b = { ...byId('R-3'), id: 'R-9', residual: 6, inherent: 16 };
    const c = { ...byId('R-3'), id: 'R-1', residual: 6, inherent: 12 };
    const d = { ...byId('R-3'), id: 'R-5', residual: 4, inherent: 20 };
    assert.deepEqual(riskBands([d, c, a, b])[0].risks.map((risk) => risk.id), ['R-9', 'R-10', 'R-1', 'R-5']);
  });

  it('labels `id title` and describes `inherent → residual · owner · treatment`', () => {
    assert.equal(riskLabel(byId('R-3')), 'R-3 Treated to acceptable');
    assert.equal(riskDescription(byId('R-3')), '16 → 6 · ciso · mitigate');
    assert.equal(riskDescription(byId('R-1')), '6 → 6 · ciso · accept');
    assert.equal(riskDescription(byId('R-4')), 'not rated · ciso');
  });

  it('colours the icon by residual acceptability and acceptance', () => {
    assert.deepEqual(riskIcon(byId('R-3')), { id: 'pass', color: 'testing.iconPassed' });
    assert.deepEqual(riskIcon(byId('R-10')), { id: 'warning', color: 'problemsWarningIcon.foreground' });
    assert.deepEqual(riskIcon(byId('R-2')), { id: 'error', color: 'problemsErrorIcon.foreground' });
    assert.equal(riskIcon(byId('R-4')).id, 'circle-large-outline');
  });

  it('never shows a faulted record green: residual above inherent is an error, acceptance above the criteria a warning', () => {
    // Both residual scores are within acceptance (6): the finding, not the score, decides the icon.
    assert.deepEqual(riskIcon({ ...byId('R-3'), residualAboveInherent: true }), { id: 'error', color: 'problemsErrorIcon.foreground' });
    assert.deepEqual(riskIcon({ ...byId('R-3'), acceptedAboveCriteria: true }), { id: 'warning', color: 'problemsWarningIcon.foreground' });
  });

  it('explains the scores on the scales in the tooltip, escaping the title', () => {
    const tooltip = riskTooltip(byId('R-3'), risks.scales);
    assert.match(tooltip, /^\*\*R\\-3 Treated to acceptable\*\*/);
    assert.match(tooltip, /\| inherent \| 4 Likely \| 4 Major \| \*\*16\*\* \*\*above acceptance\*\* \(> 6\) \|/);
    assert.match(tooltip, /\| residual \| 2 Unlikely \| 3 Moderate \| \*\*6\*\* within acceptance \(≤ 6\) \|/);
    assert.match(tooltip, /\*\*Controls:\*\* `A.8.13`/);
    assert.match(tooltip, /\*Above acceptance, treated to acceptable\*/);
    assert.match(riskTooltip(byId('R-1'), risks.scales), /Acceptable \\\| \\\*as is\\\*/);
    assert.match(riskTooltip(byId('R-4'), undefined), /\| inherent \| 2 \| — \| — \|/);
  });

  it('summarises a folder', () => {
    assert.equal(risksSummary(risks.risks), '5 risks · 2 above acceptance');
    assert.equal(risksSummary([byId('R-1')]), '1 risk');
  });
});

describe('client: risk bands of the risk record itself (issue 11 item 5)', () => {
  const FLAGGED = `//- /criteria.isms
risk-criteria {
  likelihood-scale "Rare", "Unlikely", "Possible", "Likely", "Almost certain"
  impact-scale "Negligible", "Minor", "Moderate", "Major", "Severe"
  acceptance 6
}

role ceo "CEO" {
  top-management yes
}

role it "IT lead" {
  top-management no
}

//- /risks.isms
risk R-1 "Residual above inherent" {
  owner it
  likelihood 2
  impact 2
  treatment mitigate
  controls A.8.7
  residual-likelihood 3
  residual-impact 2
  accepted-by it
}

risk R-2 "Accepted at 25 by the IT lead alone" {
  owner it
  likelihood 5
  impact 5
  treatment accept
  accepted-by it
}

risk R-3 "Accepted at 25 by the CEO too" {
  owner it
  likelihood 5
  impact 5
  treatment accept
  accepted-by it, ceo
}
`;

  it('shows residual-above-inherent and acceptance above the criteria as their own groups, first', () => {
    const { risks } = results(FLAGGED);
    const bands = riskBands(risks.risks);
    assert.deepEqual(
      bands.map((band) => [band.label, band.risks.map((r) => r.id)]),
      [
        ['Residual rated above inherent', ['R-1']],
        ['Accepted above the criteria without top management', ['R-2']],
        ['Above acceptance after treatment', ['R-3']],
      ],
    );
    const r3 = risks.risks.find((r) => r.id === 'R-3')!;
    assert.deepEqual(r3.acceptors, ['it', 'ceo']);
    assert.equal(r3.acceptedByTopManagement, true);
    assert.match(riskTooltip(r3, risks.scales), /\*\*Residual risk accepted by:\*\* `it`, `ceo`  \n\*\*Acceptance needs top management:\*\* yes, accepted by top management/);
    const r2 = risks.risks.find((r) => r.id === 'R-2')!;
    assert.match(riskTooltip(r2, risks.scales), /\*\*Acceptance needs top management:\*\* \*\*yes\*\*, not accepted by top management/);
  });
});
