/**
 * The language service: the one facade over analysis and features that the
 * command line and the language server use (`protocol/` and `cli/` import
 * nothing else of the server, apart from `node-host/`). It does no I/O and
 * knows nothing of LSP or VS Code: the host hands it texts and answers its
 * questions about other files (see {@link DocumentResolver}).
 *
 * Two halves, as in rust-analyzer's `AnalysisHost`/`Analysis`:
 * - {@link createLanguageService} gives the mutable service: the host sets and
 *   removes files and configures it;
 * - every feature is a plain function of a {@link Snapshot}, the immutable
 *   state taken once per request (`service.snapshot()`), and of its own
 *   parameters. Later edits never change a snapshot handed out.
 *
 * Files are named by workspace-relative POSIX paths (`risks/cloud.isms`); the
 * features answer in offsets of those files.
 */
import type { AnalysisOptions, SeverityOverrides } from './analysis/analyse';
import { derivation, derived, type Derivation } from './analysis/derived-data';
import type { Diagnostic } from './analysis/diagnostic';
import type { FileModel } from './analysis/model';
import type { DocumentResolver } from './analysis/rule';
import type { Snapshot } from './analysis/snapshot';
import type { SuppressedFinding } from './analysis/suppressions';
import { Workspace } from './analysis/workspace';
import type { FrameworkInfo, FrameworkSet, MappingPackText } from './catalogue/framework-set';
import { frameworkSetOf } from './analysis/framework-sets';
import { analysisClauseStatus, type ClauseStatus } from './features/clause-status';
import { codeActions as codeActionsOf, type CodeAction } from './features/code-actions/code-actions';
import { codeLenses as codeLensesOf, type CodeLens } from './features/code-lenses';
import { completions, type CompletionItem } from './features/completion';
import { definition as definitionOf } from './features/definition';
import { documentHighlights as documentHighlightsOf, type DocumentHighlight } from './features/document-highlight';
import { documentLinks as documentLinksOf, type DocumentLink } from './features/document-links';
import { documentSymbols as documentSymbolsOf, type DocumentSymbol } from './features/document-symbols';
import { exportReport as produceReport } from './features/export/export-report';
import type { FileRange, TextEdit, WorkspaceEdit } from './features/feature-types';
import { foldingRanges as foldingRangesOf, type FoldingRange } from './features/folding';
import { formatEdits, formatText, type FormatResult } from './features/format';
import { hover as hoverOf, type Hover } from './features/hover';
import { inlayHints as inlayHintsOf, type InlayHint } from './features/inlay-hints';
import { references as referencesOf } from './features/references';
import { prepareRename as prepareRenameOf, rename as renameOf, type PrepareRenameResult, type RenameError } from './features/rename';
import { riskRegister as riskRegisterOf, type RiskRegister } from './features/risk-register';
import { selectionRanges as selectionRangesOf, type SelectionRange } from './features/selection-ranges';
import { semanticTokens as semanticTokensOf, type SemanticToken } from './features/semantic-tokens';
import { skeletonFiles as skeletonFilesOf, type SkeletonFile, type SkeletonOptions } from './features/skeleton';
import { soaCoverage as soaCoverageOf, soaTable as soaTableOf, type SoaTable } from './features/soa-table';
import { workspaceSymbols as workspaceSymbolsOf, type WorkspaceSymbol } from './features/workspace-symbols';
import type { ExportFormat } from './util/export-formats';
import { today } from './util/dates';
import { declaredFrameworks as declaredFrameworksOf, workspaceCoverage, type FrameworkCoverage } from './features/coverage';
import { coverageReport as produceCoverageReport, type CoverageFormat } from './features/export/coverage-report';

// ---------------------------------------------------------------------------
// The service (mutable): files in, snapshots out

export interface LanguageServiceOptions {
  /** `YYYY-MM-DD` for time-based checks; today (UTC) when absent. */
  readonly asOf?: string;
  readonly documents?: DocumentResolver;
  readonly severities?: SeverityOverrides;
  /**
   * The workspace is analysed once (the command line): nothing is kept for a
   * next analysis. Each analysis is then complete on its own, only slower.
   */
  readonly oneShot?: boolean;
  /** The workspace's mapping packs (`*.tsv` of the `mappings` folder), read by the host. */
  readonly mappings?: readonly MappingPackText[];
}

/**
 * The mutable service. Its reads (those of {@link Snapshot}) answer from the
 * current snapshot; features take a snapshot, never the service.
 */
export interface LanguageService extends Snapshot {
  setFile(file: string, text: string): void;
  removeFile(file: string): boolean;
  configure(options: LanguageServiceOptions): void;
  /** Marks cross-file results stale, e.g. when a document file appeared or vanished on disk. */
  invalidate(): void;
  /** The current state, immutable: take one per request. */
  snapshot(): Snapshot;
}

function analysisOptions(options: LanguageServiceOptions): AnalysisOptions {
  return { asOf: options.asOf ?? today(), documents: options.documents, severities: options.severities, frameworks: frameworkSetOf(options.mappings) };
}

export function createLanguageService(options: LanguageServiceOptions = {}): LanguageService {
  let current = analysisOptions(options);
  const workspace = new Workspace(current, options.oneShot);
  return {
    setFile: (file, text) => workspace.setFile(file, text),
    removeFile: (file) => workspace.removeFile(file),
    hasFile: (file) => workspace.hasFile(file),
    fileNames: () => workspace.fileNames(),
    text: (file) => workspace.text(file),
    parsed: (file) => workspace.fileAnalysis(file)?.model.parsed,
    model: (file) => workspace.fileAnalysis(file)?.model,
    configure(next) {
      current = analysisOptions(next);
      workspace.setOptions(current);
    },
    invalidate: () => workspace.invalidate(),
    snapshot: () => workspace.snapshot(),
    analysis: () => workspace.analysis(),
    diagnostics: (file) => workspace.snapshot().diagnostics(file),
    get asOf() {
      return current.asOf;
    },
    frameworks: () => workspace.snapshot().frameworks(),
  };
}

// ---------------------------------------------------------------------------
// Features: functions of a snapshot

/** All findings, or those of one file, sorted. */
export function diagnostics(snapshot: Snapshot, file?: string): readonly Diagnostic[] {
  return snapshot.diagnostics(file);
}

export function completion(snapshot: Snapshot, file: string, offset: number): CompletionItem[] {
  return completions(snapshot, file, offset, snapshot.asOf || today());
}

export function hover(snapshot: Snapshot, file: string, offset: number): Hover | undefined {
  return hoverOf(snapshot, file, offset);
}

export function definition(snapshot: Snapshot, file: string, offset: number): FileRange[] {
  return definitionOf(snapshot, file, offset);
}

export function references(snapshot: Snapshot, file: string, offset: number, includeDeclaration: boolean): FileRange[] {
  return referencesOf(snapshot, file, offset, includeDeclaration);
}

export function documentHighlights(snapshot: Snapshot, file: string, offset: number): DocumentHighlight[] {
  return documentHighlightsOf(snapshot, file, offset);
}

export function prepareRename(snapshot: Snapshot, file: string, offset: number): PrepareRenameResult | RenameError {
  return prepareRenameOf(snapshot, file, offset);
}

export function rename(snapshot: Snapshot, file: string, offset: number, newName: string): WorkspaceEdit | RenameError {
  return renameOf(snapshot, file, offset, newName);
}

export function documentSymbols(snapshot: Snapshot, file: string): DocumentSymbol[] {
  return documentSymbolsOf(snapshot, file);
}

export function workspaceSymbols(snapshot: Snapshot, query: string): WorkspaceSymbol[] {
  return workspaceSymbolsOf(snapshot, query);
}

export function semanticTokens(snapshot: Snapshot, file: string): SemanticToken[] {
  return semanticTokensOf(snapshot, file);
}

export function foldingRanges(snapshot: Snapshot, file: string): FoldingRange[] {
  return foldingRangesOf(snapshot, file);
}

export function selectionRanges(snapshot: Snapshot, file: string, offsets: readonly number[]): SelectionRange[] {
  return selectionRangesOf(snapshot, file, offsets);
}

/** Edits to the canonical layout (of a range, or of the whole file); undefined when the file has syntax errors. */
export function formatting(snapshot: Snapshot, file: string, range?: { start: number; end: number }): TextEdit[] | undefined {
  const text = snapshot.text(file);
  return text === undefined ? undefined : formatEdits(text, range);
}

/** A text in the canonical layout (`isms fmt`); undefined when it has syntax errors. */
export function formatDocument(text: string): FormatResult | undefined {
  return formatText(text);
}

export function documentLinks(snapshot: Snapshot, file: string): DocumentLink[] {
  return documentLinksOf(snapshot, file);
}

export function inlayHints(snapshot: Snapshot, file: string, range: { readonly start: number; readonly end: number }): InlayHint[] {
  return inlayHintsOf(snapshot, file, range);
}

export function codeLenses(snapshot: Snapshot, file: string): CodeLens[] {
  return codeLensesOf(snapshot, file);
}

/** Quick fixes for the findings of `file` that intersect [start, end]. */
export function codeActions(snapshot: Snapshot, file: string, start: number, end: number): CodeAction[] {
  return codeActionsOf(snapshot, file, start, end);
}

/**
 * The SoA; a draft (LANGUAGE.md §7.6) while the workspace has errors (`errors` counts them); each row counts the findings in its entry.
 * Judged by what an auditor would find (WorkspaceAnalysis.findings): neither a severity configured in the editor nor a suppressed error makes a draft a controlled document.
 */
export function soaTable(snapshot: Snapshot): SoaTable {
  const { index, findings } = snapshot.analysis();
  return soaTableOf(index, snapshot.asOf, findings);
}

export function riskRegister(snapshot: Snapshot): RiskRegister {
  return riskRegisterOf(snapshot.analysis().index);
}

/**
 * Clause readiness (LANGUAGE.md §7.5): every clause 4–10.2 with its state, findings, records and the auditor's questions.
 * Judged by what an auditor would find (WorkspaceAnalysis.findings): a check turned off or down in the editor, or a suppressed error, still fails its clause.
 */
export function clauseStatus(snapshot: Snapshot): readonly ClauseStatus[] {
  return analysisClauseStatus(snapshot.analysis());
}

/** How many errors an auditor would find that the Problems panel does not show as errors: suppressed, or shown as less or not at all by `isms.severity`. */
export function hiddenErrors(snapshot: Snapshot): number {
  return snapshot.analysis().hiddenErrors;
}

/** The findings that `// isms-ignore CODE: reason` comments took out (LANGUAGE.md §7.7), with their reasons. */
export function suppressedFindings(snapshot: Snapshot): readonly SuppressedFinding[] {
  return snapshot.analysis().suppressed;
}

/** SoA coverage: the Annex A controls with an entry. */
export function soaCoverage(snapshot: Snapshot): number {
  return soaCoverageOf(snapshot.analysis().index);
}

/** The SoA and the risk register in an export format: text, or bytes for xlsx. */
export async function exportReport(snapshot: Snapshot, format: ExportFormat): Promise<string | Uint8Array> {
  return produceReport(format, { soa: soaTable(snapshot), risks: riskRegister(snapshot) });
}

/** The coverage of a framework (shipped or a mapping pack) by the ISMS; undefined for an unknown id. Computed once per snapshot. */
export function frameworkCoverage(snapshot: Snapshot, frameworkId: string): FrameworkCoverage | undefined {
  return workspaceCoverage(snapshot, frameworkId);
}

/** The frameworks the organization declares (`frameworks`) that exist, in the order written. */
export function declaredFrameworks(snapshot: Snapshot): FrameworkInfo[] {
  return declaredFrameworksOf(snapshot.analysis().index, snapshot.frameworks());
}

/** The frameworks `frameworks` may name, with the problems of malformed packs. */
export function frameworkSet(snapshot: Snapshot): FrameworkSet {
  return snapshot.frameworks();
}

/** A coverage report in a format of `isms coverage`: text, or bytes for xlsx. */
export function coverageReport(format: CoverageFormat, coverage: FrameworkCoverage): Promise<string | Uint8Array> {
  return produceCoverageReport(format, coverage);
}

/** The starter ISMS that the editor's "create skeleton" command writes. */
export function skeletonFiles(options: SkeletonOptions): SkeletonFile[] {
  return skeletonFilesOf(options);
}

/**
 * A value a host derives from a file's model (e.g. the protocol's LSP
 * outline), kept with that version of the file in the derived-data store.
 */
export type FileDerivation<V> = Derivation<FileModel, V>;

export function fileDerivation<V>(name: string): FileDerivation<V> {
  return derivation<FileModel, V>(name, () => {
    throw new Error(`${name} is computed by its host`);
  });
}

/** The value derived from a file of a snapshot, computed by `compute` the first time; undefined for a file it does not hold. */
export function derivedForFile<V>(snapshot: Snapshot, file: string, of: FileDerivation<V>, compute: () => V): V | undefined {
  const model = snapshot.model(file);
  return model && derived(of, model, compute);
}

// ---------------------------------------------------------------------------
// What hosts may use besides: result types and the facts they show

export type { Snapshot } from './analysis/snapshot';
export type { AnalysisOptions, SeverityOverrides, WorkspaceAnalysis } from './analysis/analyse';
export type { Diagnostic, Location, RelatedLocation } from './analysis/diagnostic';
export type { DocumentResolver } from './analysis/rule';
export { ALL_CODES, DIAGNOSTIC_CODES, codeInfo, type DiagnosticCode, type Severity } from './analysis/diagnostic-codes';
export type { LineIndex, ParsedFile } from '../../grammar/src';
export { isCalendarDate } from '../../grammar/src';
export type { ClauseStatus, ClauseState, ClauseRecordCount } from './features/clause-status';
export type { SuppressedFinding } from './analysis/suppressions';
export type { EntityKind } from './schema';
export type { CodeAction } from './features/code-actions/code-actions';
export type { CodeLens } from './features/code-lenses';
export type { CompletionItem, CompletionKind } from './features/completion';
export type { DocumentHighlight } from './features/document-highlight';
export type { DocumentLink } from './features/document-links';
export type { DocumentSymbol } from './features/document-symbols';
export type { FileRange, TextEdit, WorkspaceEdit } from './features/feature-types';
export type { FoldingRange } from './features/folding';
export type { FormatResult } from './features/format';
export type { Hover } from './features/hover';
export type { InlayHint } from './features/inlay-hints';
export type { PrepareRenameResult, RenameError } from './features/rename';
export type { RiskRegister, RiskRow } from './features/risk-register';
export type { SelectionRange } from './features/selection-ranges';
export { SEMANTIC_TOKEN_MODIFIERS, SEMANTIC_TOKEN_TYPES, type SemanticToken } from './features/semantic-tokens';
export type { SkeletonFile, SkeletonOptions } from './features/skeleton';
export type { SoaRow, SoaTable } from './features/soa-table';
export type { WorkspaceSymbol } from './features/workspace-symbols';
export { EXPORT_FORMATS, EXPORT_FORMAT_IDS, exportFormat, isExportFormat, type ExportFormat, type ExportFormatInfo } from './util/export-formats';
export { ANNEX_A_IDS } from './catalogue/annex-a';
export { HELPS_MEET, type FrameworkInfo, type FrameworkSet, type MappingPackError, type MappingPackText } from './catalogue/framework-set';
export {
  COVERAGE_STATUSES,
  totalsLine,
  type CoverageStatus,
  type CoverageTotals,
  type FrameworkCoverage,
  type RequirementCoverage,
  type TargetState,
} from './features/coverage';
export { COVERAGE_FORMATS, type CoverageFormat } from './features/export/coverage-report';
export { nearestName } from './util/nearest-name';
export { today } from './util/dates';
