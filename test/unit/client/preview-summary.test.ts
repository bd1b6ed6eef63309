import { strict as assert } from 'node:assert';

import { percentages, summaryBars } from '../../../client/src/preview/webview/summary';
import { riskRegister } from '../../../server/src/features/risk-register';
import { soaTable } from '../../../server/src/features/soa-table';
import type { PlainLocation, RiskRegisterResult, SoaTableResult } from '../../../server/src/protocol/custom-requests';
import { fixtureService, parseFixture } from '../../helpers/fixture';

const SOA = `//- /soa.isms
role ciso "CISO" {
  top-management yes
}

control A.5.1 {
  applicable yes
  reason "Policies"
  status implemented
  owner ciso
  evidence "policy.md"
}

control A.5.2 {
  applicable yes
  reason "Roles"
  status planned
  owner ciso
}

control A.5.3 {
  applicable no
  reason "One-person team"
}

control A.7.1 {
  applicable no
  reason "No premises"
}
`;


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

describe('preview summary bars', () => {
  it('gives one bar per theme and one for all controls, with consistent segments', () => {
    const { soa } = serverResults(SOA);
    const bars = summaryBars(soa);
    assert.deepEqual(
      bars.map((b) => b.theme),
      ['organizational', 'people', 'physical', 'technological', 'all'],
    );
    const organizational = bars[0]!;
    assert.equal(organizational.total, 37);
    assert.deepEqual(
      organizational.segments.map((s) => [s.kind, s.count]),
      [
        ['implemented', 1],
        ['applicable', 1],
        ['excluded', 1],
        ['undecided', 34],
      ],
    );
    assert.equal(organizational.caption, '2 applicable (1 implemented), 1 excluded, 34 not decided of 37');
    const all = bars.at(-1)!;
    assert.deepEqual([all.total, all.applicable, all.excluded, all.implemented], [93, 2, 2, 1]);
    for (const bar of bars) assert.equal(bar.segments.reduce((sum, s) => sum + s.percent, 0), 100, bar.theme);
  });

  it('is empty without an SoA', () => {
    assert.deepEqual(summaryBars(null), []);
  });

  it('keeps inconsistent counts sane', () => {
    const soa = {
      organization: undefined,
      asOf: '2026-01-01',
      folderUri: 'file:///ws',
      rows: [],
      themes: [{ theme: 'people', title: 'People controls', total: 2, declared: 3, applicable: 2, excluded: 1, implemented: 5 }],
    } as unknown as SoaTableResult;
    const [people] = summaryBars(soa);
    assert.equal(people!.implemented, 2, 'implemented never exceeds applicable');
    assert.equal(people!.total, 3, 'the total covers applicable and excluded');
    assert.ok(people!.segments.every((s) => s.count >= 0));
  });

  it('rounds percentages to whole numbers adding up to 100', () => {
    assert.deepEqual(percentages([1, 1, 1]), [34, 33, 33]);
    assert.deepEqual(percentages([0, 0]), [0, 0]);
    assert.deepEqual(percentages([1, 0, 0, 36]), [3, 0, 0, 97]);
    for (const counts of [[7, 13, 2, 15], [1, 2, 3, 4, 5, 6], [93, 0, 0, 0]]) {
      assert.equal(percentages(counts).reduce((a, b) => a + b, 0), 100);
    }
  });
});
