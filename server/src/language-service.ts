/**
 * The pure language service: the one facade over analysis and features that
 * the CLI and the language server use. It does no I/O and knows nothing of
 * LSP or VS Code: the host hands it texts and answers its questions about
 * other files (see {@link DocumentResolver}).
 *
 * Files are named by workspace-relative POSIX paths (`risks/cloud.isms`).
 */
import type { ParsedFile } from '../../grammar/src';
import { type AnalysisOptions, type SeverityOverrides, type WorkspaceAnalysis } from './analysis/analyse';
import type { Diagnostic } from './analysis/diagnostic';
import type { FileModel } from './analysis/model';
import type { DocumentResolver } from './analysis/rule';
import { today } from './analysis/rules/dates';
import { Workspace } from './analysis/workspace';
import { cachedFrameworkSet, type FrameworkSet, type MappingPackText } from './catalogue/framework-set';

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

export interface LanguageService {
  setFile(file: string, text: string): void;
  removeFile(file: string): boolean;
  hasFile(file: string): boolean;
  fileNames(): string[];
  text(file: string): string | undefined;
  parsed(file: string): ParsedFile | undefined;
  model(file: string): FileModel | undefined;
  configure(options: LanguageServiceOptions): void;
  /** Marks cross-file results stale, e.g. when a document file appeared or vanished on disk. */
  invalidate(): void;
  /** The whole analysis (cached until something changes). */
  analysis(): WorkspaceAnalysis;
  /** All findings, or those of one file, sorted. */
  diagnostics(file?: string): readonly Diagnostic[];
  readonly asOf: string;
  /** The shipped frameworks and the workspace's mapping packs, with the packs' problems. */
  frameworks(): FrameworkSet;
}

function analysisOptions(options: LanguageServiceOptions): AnalysisOptions {
  return { asOf: options.asOf ?? today(), documents: options.documents, severities: options.severities, frameworks: cachedFrameworkSet(options.mappings) };
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
    analysis: () => workspace.analysis(),
    diagnostics(file) {
      const all = workspace.analysis().diagnostics;
      return file === undefined ? all : all.filter((diagnostic) => diagnostic.file === file);
    },
    get asOf() {
      return current.asOf;
    },
    frameworks: () => current.frameworks!,
  };
}
