/** The extension's custom requests: SoA table, risk register, clause status, export (plain data). */
import { Buffer } from 'node:buffer';
import { exportReport, riskRegisterCsv } from '../../features/export/export-report';
import { clauseStatus } from '../../features/clause-status';
import { riskRegister } from '../../features/risk-register';
import { soaTable } from '../../features/soa-table';
import {
  CLAUSE_STATUS_REQUEST,
  EXPORT_REQUEST,
  RISK_REGISTER_REQUEST,
  SOA_TABLE_REQUEST,
  type ClauseStatusResult,
  type ExportParams,
  type ExportResult,
  type FolderParams,
  type PlainLocation,
  type RiskRegisterResult,
  type SoaTableResult,
} from '../custom-requests';
import { toRange } from '../convert';
import type { IsmsFolder } from '../isms-folder';
import { guarded, type ServerContext } from '../server-context';

const FILE_NAMES: Record<ExportParams['format'], string> = {
  md: 'statement-of-applicability.md',
  html: 'statement-of-applicability.html',
  csv: 'statement-of-applicability.csv',
  json: 'statement-of-applicability.json',
  xlsx: 'statement-of-applicability.xlsx',
  'risks-csv': 'risk-register.csv',
};

/** An offset range of a workspace file → URI and LSP range. */
function plainLocation(folder: IsmsFolder, location: { file: string; start: number; end: number } | undefined): PlainLocation | undefined {
  if (!location) return undefined;
  const parsed = folder.service.parsed(location.file);
  return parsed ? { uri: folder.uriOf(location.file), range: toRange(parsed.lines, location.start, location.end) } : undefined;
}

export function registerCustomRequests(context: ServerContext): void {
  const { connection, folders } = context;
  const folderOf = (params: FolderParams) => {
    const folder = folders.folderFor(params?.uri);
    if (!folder) throw new Error(`no ISMS folder for ${params?.uri ?? 'this workspace'}`);
    return folder;
  };

  connection.onRequest(
    SOA_TABLE_REQUEST,
    guarded(context, SOA_TABLE_REQUEST, null, (params: FolderParams): SoaTableResult => {
      const folder = folderOf(params);
      const analysis = folder.service.analysis();
      const table = soaTable(analysis.index, folder.service.asOf, errorCount(analysis.diagnostics));
      return { ...table, rows: table.rows.map((row) => ({ ...row, location: plainLocation(folder, row.location) })), folderUri: folder.uri };
    }),
  );
  connection.onRequest(
    RISK_REGISTER_REQUEST,
    guarded(context, RISK_REGISTER_REQUEST, null, (params: FolderParams): RiskRegisterResult => {
      const folder = folderOf(params);
      const register = riskRegister(folder.service.analysis().index);
      return { ...register, risks: register.risks.map((risk) => ({ ...risk, location: plainLocation(folder, risk.location) })), folderUri: folder.uri };
    }),
  );
  connection.onRequest(
    CLAUSE_STATUS_REQUEST,
    guarded(context, CLAUSE_STATUS_REQUEST, null, (params: FolderParams): ClauseStatusResult => {
      const folder = folderOf(params);
      const analysis = folder.service.analysis();
      const clauses = clauseStatus(analysis.diagnostics, analysis.index).map((status) => ({
        ...status,
        findings: status.findings.map((d) => ({ code: d.code, severity: d.severity, message: d.message, clause: d.clause, location: plainLocation(folder, d) })),
      }));
      return { folderUri: folder.uri, clauses };
    }),
  );
  connection.onRequest(
    EXPORT_REQUEST,
    guarded(context, EXPORT_REQUEST, null, async (params: ExportParams): Promise<ExportResult> => {
      const folder = folderOf(params);
      const { index, diagnostics } = folder.service.analysis();
      const data = { soa: soaTable(index, folder.service.asOf, errorCount(diagnostics)), risks: riskRegister(index) };
      const content = params.format === 'risks-csv' ? riskRegisterCsv(data) : await exportReport(params.format, data);
      const binary = typeof content !== 'string';
      return {
        format: params.format,
        encoding: binary ? 'base64' : 'utf8',
        content: binary ? Buffer.from(content).toString('base64') : content,
        fileName: FILE_NAMES[params.format],
      };
    }),
  );
}

/** The errors of a folder: while there are any, the SoA is a draft (LANGUAGE.md §7.6). */
function errorCount(diagnostics: readonly { readonly severity: string }[]): number {
  let errors = 0;
  for (const diagnostic of diagnostics) if (diagnostic.severity === 'error') errors++;
  return errors;
}
