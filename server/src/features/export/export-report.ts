/**
 * `isms soa --format …`: the Statement of Applicability and risk register in
 * one of the export formats. Text formats give a string, xlsx gives bytes.
 */
import type { RiskRegister } from '../risk-register';
import type { SoaTable } from '../soa-table';
import { soaCsv } from './csv';
import { htmlReport } from './html';
import { jsonReport } from './json';
import { markdownReport } from './markdown';
import { xlsxReport } from './xlsx';

export const EXPORT_FORMATS = ['md', 'html', 'csv', 'xlsx', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ReportData {
  readonly soa: SoaTable;
  readonly risks: RiskRegister;
}

export async function exportReport(format: ExportFormat, data: ReportData): Promise<string | Uint8Array> {
  switch (format) {
    case 'md':
      return markdownReport(data);
    case 'html':
      return htmlReport(data);
    case 'csv':
      return soaCsv(data);
    case 'json':
      return jsonReport(data);
    case 'xlsx':
      return xlsxReport(data);
  }
}

export { riskRegisterCsv, soaCsv } from './csv';
export { htmlReport } from './html';
export { jsonReport } from './json';
export { markdownReport } from './markdown';
export { xlsxReport } from './xlsx';
