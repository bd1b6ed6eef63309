/**
 * The files of one ISMS and their analyses, kept up to date incrementally:
 * changing one file re-parses and re-checks that file only, then re-runs the
 * (cheap, parse-free) workspace rules.
 */
import { analyseFile, analyseFileInContext, analyseWorkspace, reanalyseFile, type AnalysisOptions, type FileAnalysis, type WorkspaceAnalysis } from './analyse';
import type { Diagnostic } from './diagnostic';
import type { WorkspaceFacts } from './rule';

interface FileEntry {
  readonly text: string;
  readonly analysis: FileAnalysis;
  /** Findings of the contextual rules, and the facts key they were computed under. */
  inContext?: { readonly key: string; readonly diagnostics: readonly Diagnostic[] };
}

export class Workspace {
  private readonly files = new Map<string, FileEntry>();
  private readonly byAnalysis = new WeakMap<FileAnalysis, FileEntry>();
  private cached: WorkspaceAnalysis | undefined;

  constructor(private options: AnalysisOptions) {}

  /** Sets a file's text; a text equal to the current one changes nothing. */
  setFile(file: string, text: string): void {
    const current = this.files.get(file);
    if (current && current.text === text) return;
    const entry: FileEntry = { text, analysis: current ? reanalyseFile(current.analysis, text) : analyseFile(file, text) };
    this.files.set(file, entry);
    this.byAnalysis.set(entry.analysis, entry);
    this.cached = undefined;
  }

  removeFile(file: string): boolean {
    const removed = this.files.delete(file);
    if (removed) this.cached = undefined;
    return removed;
  }

  hasFile(file: string): boolean {
    return this.files.has(file);
  }

  fileNames(): string[] {
    return [...this.files.keys()].sort();
  }

  text(file: string): string | undefined {
    return this.files.get(file)?.text;
  }

  fileAnalysis(file: string): FileAnalysis | undefined {
    return this.files.get(file)?.analysis;
  }

  setOptions(options: AnalysisOptions): void {
    this.options = options;
    this.cached = undefined;
  }

  /** Marks the workspace rules stale (e.g. a document file appeared on disk). */
  invalidate(): void {
    this.cached = undefined;
  }

  analysis(): WorkspaceAnalysis {
    this.cached ??= analyseWorkspace(
      [...this.files.values()].map((entry) => entry.analysis),
      this.options,
      (analysis, facts) => this.inContext(analysis, facts),
    );
    return this.cached;
  }

  /** Contextual findings, recomputed only when the file or the facts changed. */
  private inContext(analysis: FileAnalysis, facts: WorkspaceFacts): readonly Diagnostic[] {
    const entry = this.byAnalysis.get(analysis)!;
    if (entry.inContext?.key !== facts.key) entry.inContext = { key: facts.key, diagnostics: analyseFileInContext(analysis, facts) };
    return entry.inContext.diagnostics;
  }
}
