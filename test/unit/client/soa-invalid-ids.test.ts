/**
 * Issue 13, false green 2: an id of Annex A shape that is no 2022 control
 * (A.9.99, the 2013 id A.12.3.1) is never a custom control. Every view and
 * export lists it as invalid with its error and counts 93 controls.
 */
import { strict as assert } from 'node:assert';

import { csvDocument, soaCsv } from '../../../server/src/features/export/csv';
import { htmlReport } from '../../../server/src/features/export/html';
import { jsonReportObject } from '../../../server/src/features/export/json';
import { markdownReport } from '../../../server/src/features/export/markdown';
import { totalSummary } from '../../../server/src/features/export/report-text';
import { attributeChoices } from '../../../client/src/tree/soa-filter';
import { controlDescription, controlIcon, controlTooltip, soaSummary, themeGroups } from '../../../client/src/tree/soa-items';
import { summaryBars } from '../../../client/src/preview/webview/summary';
import { applicability, justification, soaCountText } from '../../../client/src/preview/webview/soa-rows';
import { ANNEX_A_CONTROLS } from '../../../server/src/catalogue/annex-a';
import { reportData } from '../features/export/fixtures';
import { results } from './helpers';

const TEXT = `control A.5.1 {
  applicable yes
  reason "Direction"
  status implemented
}

control A.9.99 "Made up" {
  applicable yes
  reason "Ours"
  status implemented
}

control A.12.3.1 "Backup" {
  applicable yes
  reason "Backups"
  status implemented
}

control X-1 "Board oversight" {
  applicable yes
  reason "Ours"
  status implemented
}
`;

const UNKNOWN = 'A.9.99 is not an Annex A control of ISO/IEC 27001:2022 (A.5.1–A.5.37, A.6.1–A.6.8, A.7.1–A.7.14, A.8.1–A.8.34)';
const LEGACY = 'A.12.3.1 is an ISO/IEC 27001:2013 control (Information backup); in the 2022 edition it is A.8.13 Information backup';

describe('SoA: ids of Annex A shape that are no 2022 control (issue 13)', () => {
  const { soa } = results(`//- /soa.isms\n${TEXT}`);
  const row = (id: string) => soa.rows.find((r) => r.id === id)!;

  it('are rows of the theme "invalid" with their error, after the custom controls', () => {
    assert.deepEqual(
      soa.rows.slice(93).map((r) => [r.id, r.theme, r.error]),
      [
        ['X-1', 'custom', undefined],
        ['A.12.3.1', 'invalid', LEGACY],
        ['A.9.99', 'invalid', UNKNOWN],
      ],
    );
    assert.deepEqual(
      soa.themes.map((t) => [t.theme, t.title, t.total]),
      [
        ['organizational', 'Organizational controls', 37],
        ['people', 'People controls', 8],
        ['physical', 'Physical controls', 14],
        ['technological', 'Technological controls', 34],
        ['custom', 'Custom controls', 1],
        ['invalid', 'Invalid Annex A ids', 2],
      ],
    );
  });

  it('the SoA view: an error, not a green tick; counts of 93', () => {
    assert.equal(soaSummary(soa.rows), '1 of 93 declared · 2 applicable · 2 invalid ids');
    assert.equal(controlDescription(row('A.9.99')), 'invalid id');
    assert.equal(controlIcon(row('A.9.99')).id, 'error');
    assert.match(controlTooltip(row('A.12.3.1')), /Invalid id: A\\\.12\\\.3\\\.1 is an ISO\/IEC 27001:2013 control/);
    const groups = themeGroups(soa);
    assert.deepEqual(groups.at(-1)!.rows.map((r) => r.id), ['A.12.3.1', 'A.9.99']);
    assert.equal(groups.at(-1)!.title, 'Invalid Annex A ids');
    assert.equal(groups.at(-1)!.description, '2 · not counted: fix or remove them');
  });

  it('the preview: invalid with its error, counts of 93', () => {
    assert.deepEqual(applicability(row('A.9.99')), { text: 'Invalid id', tone: 'missing' });
    assert.equal(justification(row('A.9.99')).text, `Error: ${UNKNOWN}. Ours`);
    assert.equal(soaCountText(soa), '1 of 93 Annex A controls in the SoA · 1 custom · 2 invalid ids');
    const all = summaryBars(soa).at(-1)!;
    assert.equal(all.title, 'All controls');
    assert.equal(all.total, 94);
    assert.ok(!summaryBars(soa).some((bar) => bar.theme === 'invalid'));
  });

  it('every export lists them as invalid with the error; totals count 93 + custom', () => {
    const data = reportData(TEXT);
    assert.equal(totalSummary(data.soa).total, 94);
    const md = markdownReport(data).split('\n');
    assert.ok(md.includes('| **Total** | 94 | 2 | 0 | 2 |'), md.slice(0, 20).join('\n'));
    assert.ok(md.includes('| Invalid Annex A ids | 2 | 0 | 0 | 0 |'));
    assert.ok(md.includes(`| A.9.99 | Made up | invalid id | Error: ${UNKNOWN}<br>Ours | implemented | | | | |`), md.filter((line) => line.includes('A.9.99')).join('\n'));
    const html = htmlReport(data);
    assert.ok(html.includes(`<tr class="theme"><th colspan="9" scope="rowgroup">Invalid Annex A ids</th></tr>`));
    assert.ok(html.includes(`<td>A.12.3.1</td><td>Backup</td><td class="missing">invalid id</td><td>Error: ${LEGACY}<br>Backups</td>`));
    const csv = soaCsv(data);
    assert.ok(csv.includes(csvDocument([], [['A.9.99', 'Invalid Annex A ids', 'Made up', 'invalid id', `Error: ${UNKNOWN}. Ours`, '', '', 'implemented', undefined, '', undefined, undefined, undefined]]).slice(3)));
    const json = jsonReportObject(data) as { soa: { controls: { id: string; theme: string; error: string | null }[] } };
    assert.deepEqual(json.soa.controls.filter((c) => c.theme === 'invalid').map((c) => [c.id, c.error]), [['A.12.3.1', LEGACY], ['A.9.99', UNKNOWN]]);
    assert.equal(json.soa.controls.find((c) => c.id === 'A.5.1')!.error, null);
  });
});

describe('SoA view: the ISO/IEC 27002 filter counts controls, not rows (issue 13)', () => {
  it('two ISMS folders do not double the counts', () => {
    const { soa } = results('//- /soa.isms\ncontrol A.5.1 {\n  applicable yes\n  reason "x"\n  status implemented\n}\n');
    const protect = ANNEX_A_CONTROLS.filter((c) => c.cybersecurityConcepts.includes('Protect')).length;
    const count = (rows: typeof soa.rows) =>
      attributeChoices(rows).find((k) => k.key === 'cybersecurityConcepts')!.values.find((v) => v.value === 'Protect')!.count;
    assert.equal(count(soa.rows), protect);
    assert.equal(count([...soa.rows, ...soa.rows]), protect);
  });
});
