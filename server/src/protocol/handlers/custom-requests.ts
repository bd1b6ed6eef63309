/** The extension's custom requests: SoA table, risk register, clause status, export (plain data). */
import { Buffer } from 'node:buffer';
import { clauseStatus, exportFormat, exportReport, riskRegister, skeletonFiles, soaTable, today, type Snapshot } from '../../language-service';
import {
  CLAUSE_STATUS_REQUEST,
  EXPORT_REQUEST,
  RISK_REGISTER_REQUEST,
  SKELETON_REQUEST,
  SOA_TABLE_REQUEST,
  type ClauseStatusResult,
  type ExportParams,
  type ExportResult,
  type FolderParams,
  type PlainLocation,
  type RiskRegisterResult,
  type SkeletonParams,
  type SkeletonResult,
  type SoaTableResult,
} from '../custom-requests';
import { EXPORT_FORMATS, isExportFormat } from '../custom-requests';
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import { toRange } from '../convert';
import type { IsmsFolder } from '../isms-folder';
import { guarded, type ServerContext } from '../server-context';

/** An offset range of a workspace file → URI and LSP range. */
function plainLocation(folder: IsmsFolder, snapshot: Snapshot, location: { file: string; start: number; end: number } | undefined): PlainLocation | undefined {
  if (!location) return undefined;
  const parsed = snapshot.parsed(location.file);
  return parsed ? { uri: folder.uriOf(location.file), range: toRange(parsed.lines, location.start, location.end) } : undefined;
}

/** Bad params: -32602 with what is wrong (issue 14 #13), not a null answer. */
function invalidParams(message: string): never {
  throw new ResponseError(ErrorCodes.InvalidParams, message);
}

function checkFolderParams(params: unknown): void {
  if (params === undefined || params === null) return;
  if (typeof params !== 'object' || Array.isArray(params)) invalidParams('params must be an object');
  const uri = (params as { uri?: unknown }).uri;
  if (uri !== undefined && typeof uri !== 'string') invalidParams('uri must be a string');
}

export function registerCustomRequests(context: ServerContext): void {
  const { connection, folders } = context;
  const folderOf = (params: FolderParams) => {
    checkFolderParams(params);
    const folder = folders.folderFor(params?.uri);
    if (!folder) throw new Error(`no ISMS folder for ${params?.uri ?? 'this workspace'}`);
    return folder;
  };

  connection.onRequest(
    SOA_TABLE_REQUEST,
    guarded(context, SOA_TABLE_REQUEST, null, (params: FolderParams): SoaTableResult => {
      const folder = folderOf(params);
      const snapshot = folder.service.snapshot();
      const table = soaTable(snapshot);
      return { ...table, rows: table.rows.map((row) => ({ ...row, location: plainLocation(folder, snapshot, row.location) })), folderUri: folder.uri };
    }),
  );
  connection.onRequest(
    RISK_REGISTER_REQUEST,
    guarded(context, RISK_REGISTER_REQUEST, null, (params: FolderParams): RiskRegisterResult => {
      const folder = folderOf(params);
      const snapshot = folder.service.snapshot();
      const register = riskRegister(snapshot);
      return { ...register, risks: register.risks.map((risk) => ({ ...risk, location: plainLocation(folder, snapshot, risk.location) })), folderUri: folder.uri };
    }),
  );
  connection.onRequest(
    CLAUSE_STATUS_REQUEST,
    guarded(context, CLAUSE_STATUS_REQUEST, null, (params: FolderParams): ClauseStatusResult => {
      const folder = folderOf(params);
      const snapshot = folder.service.snapshot();
      const clauses = clauseStatus(snapshot).map((status) => ({
        ...status,
        findings: status.findings.map((d) => ({
          code: d.code,
          severity: d.severity,
          message: d.message,
          clause: d.clause,
          location: plainLocation(folder, snapshot, d),
          ...(d.suppressed !== undefined ? { suppressed: d.suppressed } : {}),
        })),
      }));
      return { folderUri: folder.uri, clauses };
    }),
  );
  connection.onRequest(
    EXPORT_REQUEST,
    guarded(context, EXPORT_REQUEST, null, async (params: ExportParams): Promise<ExportResult> => {
      const folder = folderOf(params);
      if (!isExportFormat(params.format)) invalidParams(`format must be one of ${EXPORT_FORMATS.map((f) => f.id).join(', ')}, not ${JSON.stringify(params.format)}`);
      const content = await exportReport(folder.service.snapshot(), params.format);
      const binary = typeof content !== 'string';
      return {
        format: params.format,
        encoding: binary ? 'base64' : 'utf8',
        content: binary ? Buffer.from(content).toString('base64') : content,
        fileName: exportFormat(params.format).fileName,
      };
    }),
  );
  connection.onRequest(
    SKELETON_REQUEST,
    guarded(context, SKELETON_REQUEST, null, (params: SkeletonParams): SkeletonResult => {
      if (params !== undefined && params !== null && typeof params !== 'object') invalidParams('params must be an object');
      if (params?.organization !== undefined && typeof params.organization !== 'string') invalidParams('organization must be a string');
      const files = skeletonFiles({ organization: params.organization, today: today() });
      return { files, mainFile: files[0].path };
    }),
  );
}

