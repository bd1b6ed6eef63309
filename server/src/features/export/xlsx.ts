/**
 * The Statement of Applicability and risk register as an Excel workbook
 * (exceljs, loaded lazily so that the CLI does not pay for it at start-up):
 *
 * - "Statement of Applicability": all 93 Annex A controls, then the custom
 *   ones; bold filled header, frozen header row, autofilter, column widths,
 *   wrapped text, applicability and status cells coloured;
 * - "Risk register": ratings and scores, acceptability coloured;
 * - "Summary": the counts per theme, the organization and the as-of date.
 *
 * Every sheet prints on A4 landscape, fitted to the page width, with its
 * header row repeated on each page and the sheet's name and page numbers in
 * the footer.
 *
 * Dates (due, verified, assessed, approved, the as-of date) are real date
 * cells with a `yyyy-mm-dd` number format, so that a spreadsheet sorts,
 * filters and computes with them; a value that is not a calendar date stays
 * text, as written ({@link xlsxDate}). The CSV export keeps them as text.
 *
 * Safety: cells hold typed strings, numbers and dates only, never a formula:
 * a string cell is not evaluated by a spreadsheet, so text that starts with
 * `=` is shown as written, without a visible `'` prefix ({@link xlsxText}).
 */
import type { Cell, Fill, Workbook, Worksheet } from 'exceljs';
import type { RiskRegister } from '../risk-register';
import type { SoaTable, ThemeSummary } from '../soa-table';
import { documentControlText, draftBanner, reportTitle, riskRegisterCells, soaRowCells, themeLabel, totalSummary } from './report-text';

/** Text for an Excel page header: `&` doubled (it starts a header code), one line. */
function headerText(text: string): string {
  const line = xlsxText(text).replace(/\s+/g, ' ');
  // Excel keeps at most 255 characters of a header: each of its (up to three) parts gets 80.
  return (line.length > 80 ? `${line.slice(0, 79)}…` : line).replace(/&/g, '&&');
}

export interface XlsxData {
  readonly soa: SoaTable;
  readonly risks: RiskRegister;
}

export const SOA_SHEET = 'Statement of Applicability';
export const RISK_SHEET = 'Risk register';
export const SUMMARY_SHEET = 'Summary';

/** Excel's limit on the length of a cell's text. */
const MAX_CELL_TEXT = 32767;

type Value = string | number | undefined;

/**
 * A text cell's value, written as a typed string (never evaluated, so shown
 * as written, without a `'` prefix): lone surrogates and non-characters become
 * U+FFFD, control characters that XML cannot carry are kept visible as `\xHH`
 * (not silently dropped), and the text is within Excel's length limit.
 */
export function xlsxText(text: string): string {
  const clean = text
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uFFFE\uFFFF]/g, '\uFFFD')
    .replace(/[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/g, (c) => `\\x${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return clean.length > MAX_CELL_TEXT ? `${clean.slice(0, MAX_CELL_TEXT - 1)}…` : clean;
}

function cellValue(value: Value): string | number | null {
  if (value === undefined) return null;
  return typeof value === 'number' ? value : xlsxText(value);
}

/** The number format of date cells: ISO 8601, as the ISMS writes dates. */
export const DATE_FORMAT = 'yyyy-mm-dd';

/**
 * A `YYYY-MM-DD` calendar date as a Date at midnight UTC (exceljs writes it
 * as the Excel serial day number of that date); `undefined` for anything
 * else (not that shape, or no such day, as 2026-02-30).
 */
export function xlsxDate(value: Value): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  // Excel's calendar starts in 1900.
  return year >= 1900 ? date : undefined;
}

/** Writes `value` into `cell`: a date cell with {@link DATE_FORMAT} when it is a calendar date, else as {@link cellValue}. */
function setDateOrText(cell: Cell, value: Value): void {
  const date = xlsxDate(value);
  if (date) {
    cell.value = date;
    cell.numFmt = DATE_FORMAT;
  } else {
    cell.value = cellValue(value);
  }
}

const solid = (argb: string): Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });

const FILLS = {
  header: solid('FF1F4E79'),
  good: solid('FFC6EFCE'),
  bad: solid('FFFFC7CE'),
  warn: solid('FFFFEB9C'),
  info: solid('FFDDEBF7'),
  neutral: solid('FFEDEDED'),
  total: solid('FFF2F2F2'),
} as const;

const STATUS_FILLS: Readonly<Record<string, Fill>> = {
  implemented: FILLS.good,
  partial: FILLS.warn,
  planned: FILLS.info,
  'not-implemented': FILLS.bad,
};

interface Column {
  readonly header: string;
  readonly width: number;
  readonly numeric?: boolean;
  /** Calendar dates, written as date cells. */
  readonly date?: boolean;
}

/** Adds a sheet with a styled, frozen, filterable header row and the given rows. */
function table(workbook: Workbook, name: string, columns: readonly Column[], rows: readonly (readonly Value[])[]): Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }] });
  sheet.columns = columns.map((column) => ({ width: column.width }));
  const header = sheet.addRow(columns.map((column) => xlsxText(column.header)));
  header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  header.eachCell((cell) => {
    cell.fill = FILLS.header;
    cell.alignment = { vertical: 'middle', wrapText: true };
  });
  for (const values of rows) {
    const row = sheet.addRow(values.map(cellValue));
    columns.forEach((column, i) => {
      const cell = row.getCell(i + 1);
      if (column.date) setDateOrText(cell, values[i]);
      cell.alignment = column.numeric || (column.date && cell.value instanceof Date) ? { vertical: 'top', horizontal: 'right' } : { vertical: 'top', wrapText: true };
    });
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: columns.length } };
  // Printed as auditors print it: A4 landscape, every column on one page width, the header row on every page.
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: '1:1',
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
  };
  sheet.headerFooter = { oddFooter: `&L${xlsxText(name)}&RPage &P of &N` };
  return sheet;
}

const SOA_COLUMNS: readonly Column[] = [
  { header: 'Control', width: 11 },
  { header: 'Theme', width: 24 },
  { header: 'Title', width: 42 },
  { header: 'Applicable', width: 17 },
  { header: 'Reason', width: 50 },
  { header: 'Risks', width: 18 },
  { header: 'Parties', width: 18 },
  { header: 'Status', width: 16 },
  { header: 'Owner', width: 16 },
  { header: 'Evidence', width: 40 },
  { header: 'Due', width: 12, date: true },
  { header: 'Implementation', width: 40 },
  { header: 'Verified', width: 12, date: true },
];

function soaSheet(workbook: Workbook, soa: SoaTable): void {
  const sheet = table(workbook, SOA_SHEET, SOA_COLUMNS, soa.rows.map((row) => soaRowCells(row, '\n')));
  // The SoA as a controlled document (§7.6): its identification on every printed page.
  const banner = draftBanner(soa);
  sheet.headerFooter.oddHeader = `&L${headerText(reportTitle(soa))}&R${headerText(documentControlText(soa))}`;
  if (banner) {
    // A draft: a red banner row above the table, and in the printed header.
    sheet.headerFooter.oddHeader = `&C&"-,Bold"&KB3261E${headerText(banner)}` + sheet.headerFooter.oddHeader;
    sheet.spliceRows(1, 0, [xlsxText(banner)]);
    sheet.mergeCells(1, 1, 1, SOA_COLUMNS.length);
    const cell = sheet.getCell(1, 1);
    cell.font = { bold: true, size: 13, color: { argb: 'FF8A1C12' } };
    cell.fill = FILLS.bad;
    cell.alignment = { vertical: 'middle' };
    sheet.getRow(1).height = 22;
    sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: 2, topLeftCell: 'A3', activeCell: 'A3' }];
    sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: soa.rows.length + 2, column: SOA_COLUMNS.length } };
  }
  const first = banner ? 3 : 2;
  soa.rows.forEach((row, i) => {
    const excelRow = sheet.getRow(i + first);
    const applicable = excelRow.getCell(4);
    applicable.fill = !row.declared || row.applicable === undefined ? FILLS.bad : row.applicable === 'yes' ? FILLS.good : FILLS.neutral;
    const statusFill = row.status ? STATUS_FILLS[row.status] : undefined;
    if (statusFill) excelRow.getCell(8).fill = statusFill;
    else if (row.applicable === 'yes') excelRow.getCell(8).fill = FILLS.bad;
  });
}

const RISK_COLUMNS: readonly Column[] = [
  { header: 'Risk', width: 11 },
  { header: 'Title', width: 40 },
  { header: 'Owner', width: 14 },
  { header: 'Assets', width: 20 },
  { header: 'Threat', width: 30 },
  { header: 'Vulnerability', width: 30 },
  { header: 'Likelihood', width: 11, numeric: true },
  { header: 'Impact', width: 10, numeric: true },
  { header: 'Inherent score', width: 10, numeric: true },
  { header: 'Inherent acceptable', width: 12 },
  { header: 'Treatment', width: 12 },
  { header: 'Controls', width: 20 },
  { header: 'Residual likelihood', width: 11, numeric: true },
  { header: 'Residual impact', width: 10, numeric: true },
  { header: 'Residual score', width: 10, numeric: true },
  { header: 'Residual acceptable', width: 12 },
  { header: 'Accepted by', width: 14 },
  { header: 'Assessed', width: 12, date: true },
  { header: 'Affects', width: 20 },
  { header: 'Acceptance needs top management', width: 22 },
];


function acceptabilityFill(cells: readonly Cell[], acceptable: boolean | undefined): void {
  if (acceptable === undefined) return;
  for (const cell of cells) cell.fill = acceptable ? FILLS.good : FILLS.bad;
}

function riskSheet(workbook: Workbook, risks: RiskRegister): void {
  const sheet = table(
    workbook,
    RISK_SHEET,
    RISK_COLUMNS,
    risks.risks.map(riskRegisterCells),
  );
  risks.risks.forEach((risk, i) => {
    const row = sheet.getRow(i + 2);
    acceptabilityFill([row.getCell(9), row.getCell(10)], risk.inherentAcceptable);
    acceptabilityFill([row.getCell(15), row.getCell(16)], risk.residualAcceptable);
    if (risk.acceptedAboveCriteria) row.getCell(20).fill = FILLS.bad;
  });
}

function summaryValues(label: string, summary: ThemeSummary): Value[] {
  return [label, summary.total, summary.declared, summary.applicable, summary.excluded, summary.implemented];
}

function summarySheet(workbook: Workbook, soa: SoaTable, risks: RiskRegister): void {
  const columns: Column[] = [
    { header: 'Theme', width: 34 },
    { header: 'Controls', width: 11, numeric: true },
    { header: 'Declared', width: 11, numeric: true },
    { header: 'Applicable', width: 11, numeric: true },
    { header: 'Excluded', width: 11, numeric: true },
    { header: 'Implemented', width: 12, numeric: true },
  ];
  const rows = [...soa.themes.map((t) => summaryValues(themeLabel(t), t)), summaryValues('Total', totalSummary(soa))];
  const sheet = table(workbook, SUMMARY_SHEET, columns, rows);
  sheet.autoFilter = undefined;
  const total = sheet.getRow(rows.length + 1);
  total.font = { bold: true };
  total.eachCell((cell) => {
    cell.fill = FILLS.total;
  });
  const unacceptable = risks.risks.filter((r) => r.residualAcceptable === false).length;
  const doc = soa.statement;
  const facts: [string, Value][] = [
    ['Organization', soa.organization ?? ''],
    ['As of', soa.asOf],
    ['Risks', risks.risks.length],
    ['Risks not acceptable after treatment', unacceptable],
    ['Risks accepted above the criteria without top management', risks.risks.filter((r) => r.acceptedAboveCriteria).length],
    ['Risks rated higher after treatment than before', risks.risks.filter((r) => r.residualAboveInherent).length],
    ['SoA version', doc?.version ?? '—'],
    ['SoA approved by', doc ? doc.approvedBy.join(', ') : '—'],
    ['SoA approved', doc?.approved ?? '—'],
    ['Status', draftBanner(soa) ?? 'No errors in the ISMS'],
  ];
  sheet.addRow([]);
  const dates = new Set(['As of', 'SoA approved']);
  for (const [label, value] of facts) {
    const row = sheet.addRow([xlsxText(label), cellValue(value)]);
    row.getCell(1).font = { bold: true };
    if (dates.has(label)) setDateOrText(row.getCell(2), value);
    row.getCell(2).alignment = { horizontal: 'left' };
  }
}

/**
 * exceljs, loaded on first use. A plain `require` (not `import()`): the
 * bundles map it to the on-demand chunk dist/exceljs.js (scripts/build.mjs),
 * whose exports a dynamic import of CommonJS would not see.
 */
function loadExcelJs(): typeof import('exceljs') {
  return require('exceljs');
}

export async function xlsxReport({ soa, risks }: XlsxData): Promise<Uint8Array> {
  const { Workbook } = loadExcelJs();
  const workbook = new Workbook();
  workbook.creator = 'ISMS Studio';
  workbook.title = soa.organization ? xlsxText(`Statement of Applicability — ${soa.organization}`) : 'Statement of Applicability';
  soaSheet(workbook, soa);
  riskSheet(workbook, risks);
  summarySheet(workbook, soa, risks);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}
