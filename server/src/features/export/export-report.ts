/**
 * The Statement of Applicability and the risk register in one of the export
 * formats (util/export-formats.ts lists them): each format's id mapped to its
 * producer. Text formats give a string, xlsx gives bytes.
 */
import type { ExportFormat } from '../../util/export-formats';
import type { RiskRegister } from '../risk-register';
import type { SoaTable } from '../soa-table';
import { riskRegisterCsv, soaCsv } from './csv';
import { htmlReport } from './html';
import { jsonReport } from './json';
import { markdownReport } from './markdown';
import { xlsxReport } from './xlsx';

export { EXPORT_FORMAT_IDS, EXPORT_FORMATS, isExportFormat, type ExportFormat } from '../../util/export-formats';

export interface ReportData {
  readonly soa: SoaTable;
  readonly risks: RiskRegister;
}

const PRODUCERS: Record<ExportFormat, (data: ReportData) => string | Promise<Uint8Array>> = {
  md: markdownReport,
  html: htmlReport,
  csv: soaCsv,
  'risks-csv': riskRegisterCsv,
  xlsx: xlsxReport,
  json: jsonReport,
};

export async function exportReport(format: ExportFormat, data: ReportData): Promise<string | Uint8Array> {
  return PRODUCERS[format](data);
}

export { riskRegisterCsv, soaCsv } from './csv';
export { htmlReport } from './html';
export { jsonReport } from './json';
export { markdownReport } from './markdown';
export { xlsxReport } from './xlsx';
