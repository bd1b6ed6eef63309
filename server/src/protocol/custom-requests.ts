/**
 * The server's custom requests, shared by the server and the VS Code client
 * (which imports this file only for its constants and types). Results are
 * plain data; the client renders them and never parses.
 */
import type { ClauseStatus } from '../features/clause-status';
import type { RiskRegister } from '../features/risk-register';
import type { SoaTable } from '../features/soa-table';

/** Every custom request names the workspace folder (or any file in it) it is about. */
export interface FolderParams {
  /** A URI of the folder or of a file in it; absent: the first folder. */
  readonly uri?: string;
}

export const SOA_TABLE_REQUEST = 'isms/soaTable';
export type SoaTableResult = SoaTable & { readonly folderUri: string; readonly fileUris: Record<string, string> };

export const RISK_REGISTER_REQUEST = 'isms/riskRegister';
export type RiskRegisterResult = RiskRegister & { readonly folderUri: string; readonly fileUris: Record<string, string> };

export const CLAUSE_STATUS_REQUEST = 'isms/clauseStatus';
export type ClauseStatusResult = { readonly folderUri: string; readonly clauses: readonly ClauseStatus[]; readonly fileUris: Record<string, string> };

export const EXPORT_REQUEST = 'isms/export';
export interface ExportParams extends FolderParams {
  readonly format: 'md' | 'html' | 'csv' | 'xlsx' | 'json' | 'risks-csv';
}
/** Text formats come as text; xlsx as base64. */
export interface ExportResult {
  readonly format: ExportParams['format'];
  readonly encoding: 'utf8' | 'base64';
  readonly content: string;
  /** A file name to suggest, e.g. `statement-of-applicability.xlsx`. */
  readonly fileName: string;
}

/** Sent by the server when the analysis of a folder changed (views refresh on it). */
export const ANALYSIS_CHANGED_NOTIFICATION = 'isms/analysisChanged';
export interface AnalysisChangedParams {
  readonly folderUri: string;
  readonly errors: number;
  readonly warnings: number;
  /** SoA coverage: Annex A controls with an entry, of 93. */
  readonly soaDeclared: number;
}
