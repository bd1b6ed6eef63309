import { strict as assert } from 'node:assert';

import { findCell, heatMapLayout, intensity, isHeatMapLayout, maxCount, risksOfCell, shortLabel, type HeatMapLayout } from '../../../client/src/preview/webview/heat-map';
import { riskRegister } from '../../../server/src/features/risk-register';
import { soaTable } from '../../../server/src/features/soa-table';
import type { PlainLocation, RiskRegisterResult, SoaTableResult } from '../../../server/src/protocol/custom-requests';
import { fixtureService, parseFixture } from '../../helpers/fixture';

const RISKS = `//- /criteria.isms
risk-criteria {
  likelihood-scale "Rare", "Unlikely", "Possible", "Likely"
  impact-scale "Minor", "Moderate", "Major"
  acceptance 4
}

role ciso "CISO" {
  top-management yes
}

//- /risks.isms
risk R-1 "Laptop stolen" {
  owner ciso
  likelihood 4
  impact 3
  treatment mitigate
  controls A.8.1
  residual-likelihood 2
  residual-impact 2
  accepted-by ciso
}

risk R-2 "Phishing" {
  owner ciso
  likelihood 4
  impact 3
  treatment mitigate
  controls A.6.3
  residual-likelihood 1
  residual-impact 1
  accepted-by ciso
}

risk R-3 "Power cut" {
  owner ciso
  likelihood 1
  impact 1
  treatment accept
  accepted-by ciso
}

risk R-4 "Not rated yet" {
  owner ciso
  treatment accept
}
`;

function layoutOf(register: RiskRegisterResult, kind: 'inherent' | 'residual'): HeatMapLayout {
  const layout = heatMapLayout(register, kind);
  assert.ok(isHeatMapLayout(layout), `expected a layout, got ${JSON.stringify(layout)}`);
  return layout;
}


/** The server's results as the client receives them, computed from a fixture by the real features. */
function serverResults(fixtureText: string): { soa: SoaTableResult; risks: RiskRegisterResult } {
  const asOf = '2026-11-27';
  const { index } = fixtureService(parseFixture(fixtureText), asOf).analysis();
  const at = (location: { file: string; start: number } | undefined): PlainLocation | undefined =>
    location ? { uri: `file:///ws/${location.file}`, range: { start: { line: location.start, character: 0 }, end: { line: location.start, character: 1 } } } : undefined;
  const table = soaTable(index, asOf);
  const register = riskRegister(index);
  return {
    soa: { ...table, rows: table.rows.map((row) => ({ ...row, location: at(row.location) })), folderUri: 'file:///ws' },
    risks: { ...register, risks: register.risks.map((risk) => ({ ...risk, location: at(risk.location) })), folderUri: 'file:///ws' },
  };
}

describe('preview heat map layout', () => {
  const { risks } = serverResults(RISKS);

  it('puts the highest likelihood first, with the scale labels, and impacts from low to high', () => {
    const layout = layoutOf(risks, 'inherent');
    assert.deepEqual(
      layout.rows.map((row) => [row.likelihood, row.label]),
      [
        [4, 'Likely'],
        [3, 'Possible'],
        [2, 'Unlikely'],
        [1, 'Rare'],
      ],
    );
    assert.deepEqual(
      layout.columns.map((column) => [column.impact, column.label]),
      [
        [1, 'Minor'],
        [2, 'Moderate'],
        [3, 'Major'],
      ],
    );
    assert.equal(layout.title, 'Inherent risk');
    assert.equal(layout.acceptance, 4);
  });

  it('counts the risks per cell and colours cells by acceptability', () => {
    const layout = layoutOf(risks, 'inherent');
    const top = findCell(layout, 4, 3)!;
    assert.deepEqual([top.count, top.score, top.tone, [...top.riskIds].sort()], [2, 12, 'unacceptable', ['R-1', 'R-2']]);
    const low = findCell(layout, 1, 1)!;
    assert.deepEqual([low.count, low.score, low.tone, low.riskIds], [1, 1, 'acceptable', ['R-3']]);
    const edge = findCell(layout, 2, 2)!;
    assert.deepEqual([edge.count, edge.score, edge.tone], [0, 4, 'acceptable'], 'a score equal to the acceptance is acceptable');
    assert.equal(findCell(layout, 3, 2)!.tone, 'unacceptable');
    assert.equal(layout.placed, 3);
    assert.equal(layout.unrated, 1, 'R-4 has no rating');
    assert.match(top.label, /Likelihood 4 \(Likely\) × impact 3 \(Major\) = 12, above acceptance: 2 risks/);
  });

  it('places residual ratings in the residual map', () => {
    const layout = layoutOf(risks, 'residual');
    assert.equal(layout.title, 'Residual risk');
    assert.deepEqual(findCell(layout, 2, 2)!.riskIds, ['R-1']);
    assert.deepEqual(findCell(layout, 1, 1)!.riskIds, ['R-2', 'R-3'], 'R-3 keeps its inherent rating as residual');
    assert.equal(findCell(layout, 4, 3)!.count, 0);
    assert.equal(layout.unrated, 1, 'R-4 has no rating at all');
  });

  it('resolves the risks of a cell with titles, scores and locations', () => {
    const layout = layoutOf(risks, 'inherent');
    const list = risksOfCell(risks, findCell(layout, 4, 3)!, 'inherent');
    assert.deepEqual(
      list.map((r) => [r.id, r.title, r.score]).sort(),
      [
        ['R-1', 'Laptop stolen', 12],
        ['R-2', 'Phishing', 12],
      ],
    );
    assert.ok(list.every((r) => r.location?.uri.startsWith('file:///ws/risks.isms')));
    const residual = risksOfCell(risks, findCell(layoutOf(risks, 'residual'), 2, 2)!, 'residual');
    assert.deepEqual(
      residual.map((r) => [r.id, r.score]),
      [['R-1', 4]],
    );
  });

  it('says why there is no map', () => {
    assert.deepEqual(heatMapLayout(null, 'inherent'), { reason: 'no-register' });
    const noScales: RiskRegisterResult = { ...risks, scales: undefined, inherentMatrix: undefined, residualMatrix: undefined };
    assert.deepEqual(heatMapLayout(noScales, 'residual'), { reason: 'no-scales' });
  });

  it('falls back to numbers for missing labels and has no tone without an acceptance', () => {
    const register: RiskRegisterResult = {
      folderUri: 'file:///ws',
      risks: [],
      scales: { likelihoodLabels: ['Low', ''], impactLabels: ['Small'], acceptance: undefined },
      inherentMatrix: {
        cells: [
          [{ likelihood: 1, impact: 1, score: 1, acceptable: undefined, risks: [] }],
          [{ likelihood: 2, impact: 1, score: 2, acceptable: undefined, risks: [] }],
        ],
        outside: [],
      },
      residualMatrix: undefined,
    };
    const layout = layoutOf(register, 'inherent');
    assert.deepEqual(
      layout.rows.map((row) => row.label),
      ['2', 'Low'],
    );
    assert.equal(findCell(layout, 2, 1)!.tone, 'unknown');
    assert.match(findCell(layout, 2, 1)!.label, /no acceptance criterion: 0 risks/);
  });

  it('shortens scale labels at their first colon for the axes', () => {
    assert.equal(shortLabel('Likely: about once a year'), 'Likely');
    assert.equal(shortLabel('Severe'), 'Severe');
    assert.equal(shortLabel(': odd'), ': odd');
    assert.equal(shortLabel('A: b: c'), 'A');
  });

  it('grades the colour intensity from empty to the fullest cell', () => {
    assert.equal(intensity(0, 5), 0);
    assert.equal(intensity(1, 5), 1);
    assert.equal(intensity(3, 5), 3);
    assert.equal(intensity(5, 5), 4);
    assert.equal(intensity(1, 1), 4);
    assert.equal(maxCount(layoutOf(risks, 'inherent')), 2);
  });
});
