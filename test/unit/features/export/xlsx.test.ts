import ExcelJS from 'exceljs';
import { strict as assert } from 'node:assert';

import type { Cell, Workbook, Worksheet } from 'exceljs';
import { isFormulaLike } from '../../../../server/src/features/export/cell-safety';
import { DATE_FORMAT, RISK_SHEET, SOA_SHEET, SUMMARY_SHEET, xlsxDate, xlsxReport, xlsxText } from '../../../../server/src/features/export/xlsx';
import { FORMULAS, reportData, SMALL } from './fixtures';

async function readBack(bytes: Uint8Array): Promise<Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as Parameters<Workbook['xlsx']['load']>[0]);
  return workbook;
}

function sheet(workbook: Workbook, name: string): Worksheet {
  const found = workbook.getWorksheet(name);
  assert.ok(found, `no sheet '${name}'`);
  return found;
}

/** Every non-empty cell of every sheet. */
function allCells(workbook: Workbook): { sheet: string; address: string; value: unknown; type: number; formula: unknown }[] {
  const cells: { sheet: string; address: string; value: unknown; type: number; formula: unknown }[] = [];
  workbook.eachSheet((ws) => {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        cells.push({ sheet: ws.name, address: cell.address, value: cell.value, type: cell.type, formula: cell.formula });
      });
    });
  });
  return cells;
}

/** A date cell (exceljs reads it back as a Date) at midnight UTC of `iso`, formatted as a date. */
function assertDateCell(cell: Cell, iso: string): void {
  assert.ok(cell.value instanceof Date, `${cell.address} is not a date: ${JSON.stringify(cell.value)}`);
  assert.equal(cell.type, ExcelJS.ValueType.Date, cell.address);
  assert.equal((cell.value as Date).toISOString(), `${iso}T00:00:00.000Z`, cell.address);
  assert.equal(cell.numFmt, DATE_FORMAT, cell.address);
}

describe('export: XLSX', function () {
  this.timeout(60000);

  it('sets up printing: A4 landscape, fitted to the width, the header row on every page (issue 13)', async () => {
    const workbook = await readBack(await xlsxReport(reportData(SMALL)));
    for (const name of [SOA_SHEET, RISK_SHEET, SUMMARY_SHEET]) {
      const ws = sheet(workbook, name);
      const setup = ws.pageSetup;
      assert.deepEqual(
        [setup.orientation, setup.paperSize, setup.fitToPage, setup.fitToWidth, setup.fitToHeight, setup.printTitlesRow],
        ['landscape', 9, true, 1, 0, '1:1'],
        name,
      );
      assert.equal(ws.headerFooter.oddFooter, `&L${name}&RPage &P of &N`);
      ws.columns.forEach((column, i) => assert.ok((column.width ?? 0) >= 9, `${name} column ${i + 1} has a width`));
    }
  });

  it('writes the SoA, risk register and summary sheets with all controls', async () => {
    const bytes = await xlsxReport(reportData(SMALL));
    assert.ok(bytes instanceof Uint8Array);
    assert.deepEqual([...bytes.subarray(0, 2)], [0x50, 0x4b], 'a zip file');
    const workbook = await readBack(bytes);
    assert.deepEqual(
      workbook.worksheets.map((ws) => ws.name),
      [SOA_SHEET, RISK_SHEET, SUMMARY_SHEET],
    );
    assert.deepEqual([SOA_SHEET, RISK_SHEET, SUMMARY_SHEET], ['Statement of Applicability', 'Risk register', 'Summary']);

    const soa = sheet(workbook, SOA_SHEET);
    assert.equal(soa.actualRowCount, 1 + 94);
    assert.deepEqual((soa.getRow(1).values as unknown[]).slice(1), ['Control', 'Theme', 'Title', 'Applicable', 'Reason', 'Risks', 'Parties', 'Status', 'Owner', 'Evidence', 'Due', 'Implementation', 'Verified']);
    assert.equal(soa.getRow(1).font?.bold ?? soa.getCell('A1').font?.bold, true);
    assert.equal(soa.getCell('A2').value, 'A.5.1');
    assert.equal(soa.getCell('E2').value, 'Policies set direction.\nApproved yearly | reviewed');
    assert.equal(soa.getCell('J2').value, 'policies/infosec.md\nBoard minutes, 2026');
    assert.equal(soa.getCell('A94').value, 'A.8.34');
    assert.equal(soa.getCell('A95').value, 'C-1');
    assert.equal(soa.getCell('C95').value, 'Immutable offsite backups');
    assert.equal(soa.getCell('D3').value, '— (no SoA entry)');
    assert.equal(soa.getCell('B95').value, 'Custom controls');
    // A.8.13 is row 1 + 37 + 8 + 14 + 13
    assert.equal(soa.getCell('A73').value, 'A.8.13');
    assert.equal(soa.getCell('F73').value, 'R-1');
    assert.equal(soa.getCell('G73').value, 'P-1');
    assertDateCell(soa.getCell('K73'), '2027-03-31');
    assert.equal(soa.getCell('K2').value, null, 'no due date: an empty cell');
    assert.equal(soa.views[0]?.state, 'frozen');
    assert.ok(soa.autoFilter, 'autofilter');
    assert.ok((soa.getColumn(3).width ?? 0) > 20);
    assert.equal(soa.getCell('E2').alignment?.wrapText, true);
    const fill = (address: string): string | undefined => {
      const f = soa.getCell(address).fill;
      return f && f.type === 'pattern' ? f.fgColor?.argb : undefined;
    };
    assert.equal(fill('D2'), 'FFC6EFCE', 'applicable yes is green');
    assert.equal(fill('H2'), 'FFC6EFCE', 'implemented is green');
    assert.equal(fill('D3'), 'FFFFC7CE', 'no SoA entry is red');
    assert.ok(fill('A1'), 'header has a fill');

    const risks = sheet(workbook, RISK_SHEET);
    assert.equal(risks.actualRowCount, 3);
    assert.equal(risks.getCell('A2').value, 'R-1');
    assert.equal(risks.getCell('I2').value, 9);
    assert.equal(risks.getCell('J2').value, 'no');
    assert.equal(risks.getCell('O2').value, 2);
    assert.equal(risks.getCell('P2').value, 'yes');
    const riskFill = (address: string): string | undefined => {
      const f = risks.getCell(address).fill;
      return f && f.type === 'pattern' ? f.fgColor?.argb : undefined;
    };
    assert.equal(riskFill('J2'), 'FFFFC7CE');
    assert.equal(riskFill('P2'), 'FFC6EFCE');
    assert.equal(risks.getCell('S1').value, 'Affects');
    assert.equal(risks.getCell('T1').value, 'Acceptance needs top management');
    assert.equal(risks.getCell('T2').value, 'no');
    assert.equal(risks.getCell('T3').value, 'yes', 'R-2 is accepted outright above acceptance');
    assert.match(soa.headerFooter.oddHeader ?? '', /No soa statement/);

    const summary = sheet(workbook, SUMMARY_SHEET);
    assert.deepEqual((summary.getRow(2).values as unknown[]).slice(1), ['Organizational controls (A.5)', 37, 1, 1, 0, 1]);
    assert.deepEqual((summary.getRow(7).values as unknown[]).slice(1), ['Total', 94, 4, 3, 1, 1]);
    assert.deepEqual((summary.getRow(9).values as unknown[]).slice(1), ['Organization', 'Acme | Cloud Ltd']);
  });

  it('carries the soa statement and, while the workspace has errors, a draft banner above the table (§7.6)', async () => {
    const base = reportData(SMALL);
    const rows = base.soa.rows.map((row) => (row.id === 'A.8.13' ? { ...row, implementation: 'Nightly immutable snapshots', verified: '2026-10-01' } : row));
    const risks = { ...base.risks, risks: base.risks.risks.map((r) => (r.id === 'R-2' ? { ...r, acceptors: ['cto', 'cfo'], acceptedBy: 'cto, cfo', affects: ['availability'], acceptedAboveCriteria: true } : r)) };
    const document = { version: '2026.1', approvedBy: ['ceo', 'cfo'], approved: '2026-02-01', owner: 'cto', classification: undefined };
    const workbook = await readBack(await xlsxReport({ soa: { ...base.soa, rows, errors: 2, statement: document }, risks }));
    const soa = sheet(workbook, SOA_SHEET);
    const banner = 'DRAFT: 2 errors in the ISMS — not for release until isms check passes';
    assert.equal(soa.getCell('A1').value, banner);
    assert.equal(soa.getCell('A1').font?.bold, true);
    assert.equal((soa.getCell('A1').fill as { fgColor?: { argb?: string } }).fgColor?.argb, 'FFFFC7CE');
    assert.equal(soa.getCell('A2').value, 'Control');
    assert.equal(soa.getCell('A3').value, 'A.5.1');
    assert.equal(soa.views[0]?.state, 'frozen');
    assert.equal((soa.views[0] as { ySplit?: number }).ySplit, 2, 'the banner and the header stay in view');
    // A.8.13 one row lower than without the banner.
    assert.equal(soa.getCell('A74').value, 'A.8.13');
    assertDateCell(soa.getCell('K74'), '2027-03-31');
    assert.equal(soa.getCell('L74').value, 'Nightly immutable snapshots');
    assertDateCell(soa.getCell('M74'), '2026-10-01');
    assert.match(soa.headerFooter.oddHeader ?? '', /DRAFT: 2 errors/);
    assert.match(soa.headerFooter.oddHeader ?? '', /Version 2026\.1 · approved by ceo, cfo on 2026-02-01 · owner cto/);
    const riskSheet = sheet(workbook, RISK_SHEET);
    assert.equal(riskSheet.getCell('Q3').value, 'cto, cfo');
    assert.equal(riskSheet.getCell('S3').value, 'availability');
    assert.equal(riskSheet.getCell('T3').value, 'yes — not accepted by top management');
    const summary = sheet(workbook, SUMMARY_SHEET);
    const facts = new Map<unknown, unknown>();
    const factCells = new Map<unknown, Cell>();
    summary.eachRow((row) => {
      facts.set(row.getCell(1).value, row.getCell(2).value);
      factCells.set(row.getCell(1).value, row.getCell(2));
    });
    assert.equal(facts.get('SoA version'), '2026.1');
    assert.equal(facts.get('SoA approved by'), 'ceo, cfo');
    assertDateCell(factCells.get('SoA approved')!, '2026-02-01');
    assertDateCell(factCells.get('As of')!, base.soa.asOf);
    assert.equal(facts.get('Status'), banner);
    assert.equal(facts.get('Risks accepted above the criteria without top management'), 1);
  });

  it('writes no formula anywhere: formula-like text is a typed string, without a visible prefix (issue 14)', async () => {
    const workbook = await readBack(await xlsxReport(reportData(FORMULAS)));
    const cells = allCells(workbook);
    assert.ok(cells.length > 94 * 4);
    for (const cell of cells) {
      assert.notEqual(cell.type, 6 /* ValueType.Formula */, `${cell.sheet}!${cell.address} is a formula`);
      assert.equal(cell.formula, undefined, `${cell.sheet}!${cell.address} has a formula`);
      assert.ok(typeof cell.value === 'string' || typeof cell.value === 'number' || cell.value instanceof Date, `${cell.sheet}!${cell.address} is ${typeof cell.value}`);
      if (typeof cell.value === 'string') assert.equal(cell.type, 3 /* ValueType.String */, `${cell.sheet}!${cell.address} = ${JSON.stringify(cell.value)}`);
      if (cell.value instanceof Date) assert.equal(cell.type, 4 /* ValueType.Date */, `${cell.sheet}!${cell.address}`);
    }
    assert.equal(ExcelJS.ValueType.Formula, 6);
    assert.equal(ExcelJS.ValueType.Date, 4);

    const soa = sheet(workbook, SOA_SHEET);
    assert.equal(soa.getCell('E2').value, `=HYPERLINK("http://evil.example","click")`);
    assert.equal(soa.getCell('J2').value, "-1\n@SUM(A1:A2)");
    assert.equal(soa.getCell('E3').value, "+1");
    assert.equal(soa.getCell('J3').value, "\tcmd");
    assert.equal(soa.getCell('C95').value, "@SUM(1,2)");
    assert.equal(soa.getCell('E95').value, "-1");
    const risks = sheet(workbook, RISK_SHEET);
    assert.equal(risks.getCell('B2').value, "=1+1");
    assert.equal(risks.getCell('E2').value, "+cmd|' /C calc'!A0");
    assert.equal(risks.getCell('F2').value, "-2+3");
    const summary = sheet(workbook, SUMMARY_SHEET);
    const organization = cells.find((c) => c.sheet === SUMMARY_SHEET && c.value === 'Organization');
    assert.ok(organization);
    assert.equal(summary.getCell(`B${summary.getCell(organization.address).row}`).value, `=HYPERLINK("http://evil.example","click")`);
  });

  it('writes dates as real date cells with a date format: due, verified, assessed, approved, as of (issue 13)', async () => {
    const base = reportData(SMALL);
    const rows = base.soa.rows.map((row) =>
      row.id === 'A.5.1' ? { ...row, due: '2026-02-30', verified: '2026-10-01' } : row.id === 'A.8.13' ? { ...row, verified: '2026-11-02' } : row,
    );
    const risks = { ...base.risks, risks: base.risks.risks.map((r, i) => ({ ...r, assessed: i === 0 ? '2026-09-15' : undefined })) };
    const workbook = await readBack(await xlsxReport({ soa: { ...base.soa, rows }, risks }));
    const soa = sheet(workbook, SOA_SHEET);
    assertDateCell(soa.getCell('M2'), '2026-10-01');
    assertDateCell(soa.getCell('K73'), '2027-03-31');
    assertDateCell(soa.getCell('M73'), '2026-11-02');
    // Not a calendar date: kept as written, as text.
    assert.equal(soa.getCell('K2').value, '2026-02-30');
    assert.equal(soa.getCell('K2').type, ExcelJS.ValueType.String);
    // Every cell of the date columns is a date or empty, or that one text.
    const dateColumns = new Set(['K', 'M']);
    soa.eachRow((row, number) => {
      if (number === 1) return;
      row.eachCell((cell) => {
        if (!dateColumns.has(cell.address.replace(/\d+/g, '')) || cell.address === 'K2') return;
        assert.ok(cell.value instanceof Date, `${cell.address} = ${JSON.stringify(cell.value)}`);
      });
    });
    const riskSheet = sheet(workbook, RISK_SHEET);
    assert.equal(riskSheet.getCell('R1').value, 'Assessed');
    assertDateCell(riskSheet.getCell('R2'), '2026-09-15');
    assert.equal(riskSheet.getCell('R3').value, null);
    // The other columns keep their text, numbers stay numbers.
    assert.equal(soa.getCell('A73').type, ExcelJS.ValueType.String);
    assert.equal(riskSheet.getCell('I2').type, ExcelJS.ValueType.Number);
  });

  it('reads a calendar date only: YYYY-MM-DD that exists, from 1900', () => {
    assert.equal(xlsxDate('2027-03-31')?.toISOString(), '2027-03-31T00:00:00.000Z');
    assert.equal(xlsxDate('2024-02-29')?.toISOString(), '2024-02-29T00:00:00.000Z');
    for (const text of ['2026-02-30', '2025-02-29', '2026-13-01', '2026-1-01', '31.03.2027', '2027-03-31T10:00', '', '—', '1899-12-31']) {
      assert.equal(xlsxDate(text), undefined, text);
    }
    assert.equal(xlsxDate(20270331), undefined);
    assert.equal(xlsxDate(undefined), undefined);
  });

  it('cleans text cells: as written, control characters visible, no lone surrogates, within the cell limit', () => {
    assert.equal(xlsxText('=1'), '=1');
    assert.equal(xlsxText('\r=1'), '\r=1');
    assert.equal(xlsxText('a\u0007b\u001Bc\u0000'), 'a\\x07b\\x1Bc\\x00');
    assert.equal(xlsxText('tab\tline\nbreak'), 'tab\tline\nbreak');
    assert.equal(xlsxText('a\uD800b'), 'a\uFFFDb');
    assert.equal(xlsxText('ok \uD83D\uDE00'), 'ok \uD83D\uDE00');
    assert.equal(xlsxText('x'.repeat(40000)).length, 32767);
  });
});
