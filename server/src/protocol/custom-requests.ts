/**
 * The protocol types: the server's custom requests, shared by the server and
 * the VS Code client (the one server module the client imports, for its
 * constants and types; what it re-exports of util/ is data without imports).
 * Results are plain data; the client renders them and never parses.
 */
import type {
  ClauseStatus,
  CoverageTotals,
  ExportFormat,
  FrameworkCoverage,
  MappingPackError,
  RequirementCoverage,
  RiskRegister,
  RiskRow,
  SkeletonFile,
  SoaRow,
  SoaTable,
  TargetState,
} from '../language-service';

export { EXPORT_FORMATS, isExportFormat, type ExportFormat, type ExportFormatInfo } from '../util/export-formats';
export { ATTRIBUTE_KINDS, formatAttributeValue } from '../util/annex-attributes';

/** A place in a file, as LSP spells it (0-based lines and UTF-16 characters). */
export interface PlainLocation {
  readonly uri: string;
  readonly range: { readonly start: { readonly line: number; readonly character: number }; readonly end: { readonly line: number; readonly character: number } };
}

/** Every custom request names the workspace folder (or any file in it) it is about. */
export interface FolderParams {
  /** A URI of the folder or of a file in it; absent: the first folder. */
  readonly uri?: string;
}

export const SOA_TABLE_REQUEST = 'isms/soaTable';
export type SoaRowResult = Omit<SoaRow, 'location'> & { readonly location: PlainLocation | undefined };
export type SoaTableResult = Omit<SoaTable, 'rows'> & { readonly rows: readonly SoaRowResult[]; readonly folderUri: string };

export const RISK_REGISTER_REQUEST = 'isms/riskRegister';
export type RiskRowResult = Omit<RiskRow, 'location'> & { readonly location: PlainLocation | undefined };
export type RiskRegisterResult = Omit<RiskRegister, 'risks'> & { readonly risks: readonly RiskRowResult[]; readonly folderUri: string };

export const CLAUSE_STATUS_REQUEST = 'isms/clauseStatus';
export interface FindingResult {
  readonly code: string;
  readonly severity: 'error' | 'warning' | 'info';
  readonly message: string;
  readonly clause: string | null;
  readonly location: PlainLocation | undefined;
  /** An error an `isms-ignore` comment suppresses: its reason (it still fails the clause). */
  readonly suppressed?: string;
}
export type ClauseStatusResult = {
  readonly folderUri: string;
  readonly clauses: readonly (Omit<ClauseStatus, 'findings'> & { readonly findings: readonly FindingResult[] })[];
};

export const FRAMEWORKS_REQUEST = 'isms/frameworks';
export interface FrameworksParams extends FolderParams {
  /** Frameworks to compute whether or not the organization declares them (e.g. for a benchmark); absent: the declared ones. */
  readonly frameworks?: readonly string[];
}
/** The coverage of each framework the organization declares (`frameworks`), for the Frameworks view. */
export type TargetResult = Omit<TargetState, 'location'> & { readonly location: PlainLocation | undefined };
/** A requirement; its mapped controls and clauses are ids of the framework's `targets` (each sent once, not once per requirement). */
export type RequirementResult = Omit<RequirementCoverage, 'targets'> & { readonly targets: readonly string[] };
export interface FrameworkCoverageResult {
  readonly framework: FrameworkCoverage['framework'];
  readonly totals: CoverageTotals;
  /** Every mapped control and clause with its state here, by id. */
  readonly targets: Readonly<Record<string, TargetResult>>;
  readonly groups: readonly { readonly id: string; readonly name: string; readonly totals: CoverageTotals; readonly requirements: readonly RequirementResult[] }[];
}
export interface FrameworksResult {
  readonly folderUri: string;
  /** What a mapping means ("helps meet", never "complies"). */
  readonly meaning: string;
  readonly frameworks: readonly FrameworkCoverageResult[];
  /** Every framework id `frameworks` may name (shipped and packs). */
  readonly available: readonly string[];
  /** The first problem of each malformed mapping pack. */
  readonly packErrors: readonly MappingPackError[];
}

export const EXPORT_REQUEST = 'isms/export';
export interface ExportParams extends FolderParams {
  readonly format: ExportFormat;
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
  /** Errors an auditor would find that the Problems panel does not show as errors: suppressed by `isms-ignore`, or shown as less or turned off by `isms.severity` (absent: none). */
  readonly hiddenErrors?: number;
  /** SoA coverage: Annex A controls with an entry, of 93. */
  readonly soaDeclared: number;
  /** How many `.isms` files the folder has (0: no ISMS there, whatever its counts). */
  readonly files?: number;
  /** How long the analysis and publishing took, in milliseconds. */
  readonly analysisMs?: number;
}

/** The starter ISMS for a new workspace folder (the editor writes the files; the server only composes them). */
export const SKELETON_REQUEST = 'isms/skeleton';
export interface SkeletonParams {
  /** The organization's name (e.g. the workspace folder's name). */
  readonly organization: string;
}
export interface SkeletonResult {
  readonly files: readonly SkeletonFile[];
  /** The file to open once written. */
  readonly mainFile: string;
}
