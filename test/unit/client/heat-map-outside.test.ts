/**
 * Issue 13, false green 3: a risk rated outside the scales (likelihood 7 on a
 * scale of 3) is never silently left out of the heat maps: it goes in an
 * "outside the scales" bucket with its count, in the preview and the HTML export.
 */
import { strict as assert } from 'node:assert';

import { heatMapLayout, isHeatMapLayout, outsideText, type HeatMapLayout } from '../../../client/src/preview/webview/heat-map';
import { htmlReport } from '../../../server/src/features/export/html';
import { reportData } from '../features/export/fixtures';
import { results } from './helpers';

const TEXT = `risk-criteria {
  likelihood-scale "Low", "Medium", "High"
  impact-scale "Minor", "Major", "Severe"
  acceptance 3
}

role ciso "CISO" {
  top-management yes
}

risk R-1 "In the scales" {
  owner ciso
  likelihood 1
  impact 2
  treatment accept
  accepted-by ciso
}

risk R-7 "Rated seven" {
  owner ciso
  likelihood 7
  impact 2
  treatment mitigate
  controls A.8.13
  residual-likelihood 1
  residual-impact 1
  accepted-by ciso
}
`;

describe('heat maps: the "outside the scales" bucket (issue 13)', () => {
  const { risks } = results(`//- /a.isms\n${TEXT}`);
  const layout = (kind: 'inherent' | 'residual'): HeatMapLayout => {
    const value = heatMapLayout(risks, kind);
    assert.ok(isHeatMapLayout(value));
    return value;
  };

  it('the register puts the risk in the bucket of the inherent matrix only', () => {
    assert.deepEqual(risks.inherentMatrix!.outside, ['R-7']);
    assert.deepEqual(risks.residualMatrix!.outside, []);
  });

  it('the preview shows the bucket with its count; every risk is either placed or in it', () => {
    const inherent = layout('inherent');
    assert.deepEqual(inherent.outside, ['R-7']);
    assert.equal(inherent.placed, 1);
    assert.equal(outsideText(inherent), 'Outside the scales: 1 risk');
    assert.equal(outsideText(layout('residual')), undefined);
    assert.equal(layout('residual').placed, 2);
  });

  it('the HTML export shows the bucket under the heat map', () => {
    const html = htmlReport(reportData(TEXT));
    assert.equal(html.split('<p class="note outside">Outside the scales: 1 (R-7)</p>').length, 2);
  });
});
