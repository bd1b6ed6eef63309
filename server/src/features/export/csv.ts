/**
 * The Statement of Applicability and the risk register as CSV (RFC 4180):
 * CRLF line ends, fields quoted when they hold `"`, `,`, CR or LF (quotes
 * doubled), UTF-8 with a byte order mark so that Excel reads the encoding
 * right. Every text cell is neutralised against formula injection
 * ({@link neutralizeCell}).
 */
import type { RiskRegister } from '../risk-register';
import type { SoaTable } from '../soa-table';
import { neutralizeCell } from './cell-safety';
import { documentControlText, draftBanner, reportTitle, riskRegisterCells, soaRowCells } from './report-text';

export interface CsvData {
  readonly soa: SoaTable;
  readonly risks: RiskRegister;
}

const BOM = '\uFEFF';
const CRLF = '\r\n';

export const SOA_CSV_COLUMNS = ['Control', 'Theme', 'Title', 'Applicable', 'Reason', 'Risks', 'Parties', 'Status', 'Owner', 'Evidence', 'Due', 'Implementation', 'Verified'] as const;

export const RISK_CSV_COLUMNS = [
  'Risk',
  'Title',
  'Owner',
  'Assets',
  'Threat',
  'Vulnerability',
  'Likelihood',
  'Impact',
  'Inherent score',
  'Inherent acceptable',
  'Treatment',
  'Controls',
  'Residual likelihood',
  'Residual impact',
  'Residual score',
  'Residual acceptable',
  'Accepted by',
  'Assessed',
  'Affects',
  'Acceptance needs top management',
] as const;

/** A cell: text is neutralised then quoted as needed; numbers are written as they are. */
type Cell = string | number | undefined;

/** One RFC 4180 field. */
export function csvField(value: Cell): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const text = neutralizeCell(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}


/** A whole CSV document: BOM, optional preamble records (one field each), header, rows, each line ended by CRLF. */
export function csvDocument(header: readonly string[], rows: readonly (readonly Cell[])[], preamble: readonly string[] = []): string {
  return BOM + [...preamble.map((line) => [line]), header, ...rows].map((row) => row.map(csvField).join(',') + CRLF).join('');
}

/** The SoA: all 93 Annex A controls in catalogue order, then the custom controls. */
export function soaCsv({ soa }: Pick<CsvData, 'soa'>): string {
  return csvDocument(
    SOA_CSV_COLUMNS,
    soa.rows.map((row) => soaRowCells(row, '; ')),
    soaPreamble(soa),
  );
}

/**
 * The lines before the SoA's header: the document control line and, while the
 * workspace has errors, the draft banner, each a one-field record starting
 * with `#` (a comment to most CSV readers; a spreadsheet shows it in A1).
 */
function soaPreamble(soa: CsvData['soa']): string[] {
  const banner = draftBanner(soa);
  return [...(banner ? [`# ${banner}`] : []), `# ${reportTitle(soa)}: ${documentControlText(soa)}`];
}

/** The risk register, one risk a line. */
export function riskRegisterCsv({ risks }: Pick<CsvData, 'risks'>): string {
  return csvDocument(
    RISK_CSV_COLUMNS,
    risks.risks.map(riskRegisterCells),
  );
}
