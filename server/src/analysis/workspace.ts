/**
 * The files of one ISMS and their analyses, kept up to date incrementally:
 * changing one file re-parses and re-checks that file only, re-uses the
 * other files' contextual and cross-file findings while their keys hold,
 * then re-runs the (cheap, parse-free) workspace rules.
 *
 * The workspace is the one mutable holder: what it hands out is a
 * {@link Snapshot}, an immutable value taken once per request (and kept
 * until the next change). Its memo of per-file findings (below) and the
 * derived-data store (derived-data.ts) are the only caches of the analysis.
 */
import { analyseFile, analyseWorkspace, NO_MEMO, reanalyseFile, type AnalysisOptions, type FileAnalysis, type WorkspaceAnalysis } from './analyse';
import type { Diagnostic } from './diagnostic';
import { WorkspaceSnapshot, type Snapshot } from './snapshot';
import type { WorkspaceIndex } from './workspace-index';

interface FileEntry {
  readonly text: string;
  readonly analysis: FileAnalysis;
  /** Findings per slot (contextual rules, each cross-file rule), and the key they were computed under. */
  readonly memo: Map<string, { readonly key: string; readonly diagnostics: readonly Diagnostic[] }>;
}

export class Workspace {
  private readonly files = new Map<string, FileEntry>();
  private readonly byAnalysis = new WeakMap<FileAnalysis, FileEntry>();
  /** The snapshot of the current state, once asked for; dropped on any change. */
  private current: WorkspaceSnapshot | undefined;
  /** The index of the latest analysis, even once stale: the next index re-uses its tables. */
  private lastIndex: WorkspaceIndex | undefined;

  /** `oneShot`: analysed once (the command line), so nothing is kept for a next analysis. */
  constructor(
    private options: AnalysisOptions,
    private readonly oneShot = false,
  ) {}

  /** Sets a file's text; a text equal to the current one changes nothing. */
  setFile(file: string, text: string): void {
    const current = this.files.get(file);
    if (current && current.text === text) return;
    const entry: FileEntry = { text, analysis: current ? reanalyseFile(current.analysis, text) : analyseFile(file, text), memo: new Map() };
    this.files.set(file, entry);
    this.byAnalysis.set(entry.analysis, entry);
    this.current = undefined;
  }

  removeFile(file: string): boolean {
    const removed = this.files.delete(file);
    if (removed) this.current = undefined;
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
    this.current = undefined;
  }

  /** Marks the workspace rules stale (e.g. a document file appeared on disk). */
  invalidate(): void {
    this.current = undefined;
  }

  /** The current state as an immutable value (the same one until something changes). */
  snapshot(): Snapshot {
    if (!this.current) {
      const options = this.options;
      const snapshot: WorkspaceSnapshot = new WorkspaceSnapshot(options.asOf, new Map(this.files), (files) => {
        const analysis = analyseWorkspace(
          files,
          options,
          this.oneShot ? NO_MEMO : (file, slot, key, compute) => this.memoized(file, slot, key(), compute),
          this.lastIndex,
        );
        // The next index re-uses this one's tables (an older snapshot analysed late does not replace a newer index).
        if (!this.oneShot && this.current === snapshot) this.lastIndex = analysis.index;
        return analysis;
      }, options.frameworks);
      this.current = snapshot;
    }
    return this.current;
  }

  analysis(): WorkspaceAnalysis {
    return this.snapshot().analysis();
  }

  /**
   * A file's findings for a slot, recomputed only when the file or the key
   * changed. Findings that point into another file are not kept: that file
   * may have moved under them.
   */
  private memoized(analysis: FileAnalysis, slot: string, key: string, compute: () => Diagnostic[]): readonly Diagnostic[] {
    const memo = this.byAnalysis.get(analysis)?.memo;
    // A file of an older snapshot that has changed since: nothing to keep.
    if (!memo) return compute();
    const kept = memo.get(slot);
    if (kept?.key === key) return kept.diagnostics;
    const diagnostics = compute();
    const file = analysis.model.file;
    if (diagnostics.every((d) => d.related?.every((r) => r.file === file) ?? true)) memo.set(slot, { key, diagnostics });
    else memo.delete(slot);
    return diagnostics;
  }
}
