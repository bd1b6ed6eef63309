/**
 * A snapshot: the files of one ISMS and their analysis at one moment, as an
 * immutable value. Hosts take one per request and hand it to the features
 * (which are functions of a snapshot and their own parameters); later edits
 * make new snapshots and never change this one.
 */
import type { ParsedFile } from '../../../grammar/src';
import type { FileAnalysis, WorkspaceAnalysis } from './analyse';
import type { Diagnostic } from './diagnostic';
import type { FileModel } from './model';
import type { FrameworkSet } from '../catalogue/framework-set';
import { frameworkSetOf } from './framework-sets';

/** What a feature may read: the as-of date, the files' texts, trees and models, the workspace analysis. */
export interface Snapshot {
  /** `YYYY-MM-DD`: the date time-based checks and features count from. */
  readonly asOf: string;
  fileNames(): string[];
  hasFile(file: string): boolean;
  text(file: string): string | undefined;
  parsed(file: string): ParsedFile | undefined;
  model(file: string): FileModel | undefined;
  /** The whole analysis (computed on first use, then kept with the snapshot). */
  analysis(): WorkspaceAnalysis;
  /** All findings, or those of one file, sorted. */
  diagnostics(file?: string): readonly Diagnostic[];
  /** The frameworks `frameworks` may name: the shipped ones and the workspace's mapping packs, with the packs' problems. */
  frameworks(): FrameworkSet;
}

export interface SnapshotFile {
  readonly text: string;
  readonly analysis: FileAnalysis;
}

/** A snapshot of a workspace's files; the workspace analysis is computed by `analyse` when first asked for. */
export class WorkspaceSnapshot implements Snapshot {
  private computed: WorkspaceAnalysis | undefined;

  constructor(
    readonly asOf: string,
    private readonly files: ReadonlyMap<string, SnapshotFile>,
    private readonly analyse: (files: readonly FileAnalysis[]) => WorkspaceAnalysis,
    private readonly frameworkSet: FrameworkSet = frameworkSetOf(),
  ) {}

  frameworks(): FrameworkSet {
    return this.frameworkSet;
  }

  fileNames(): string[] {
    return [...this.files.keys()].sort();
  }

  hasFile(file: string): boolean {
    return this.files.has(file);
  }

  text(file: string): string | undefined {
    return this.files.get(file)?.text;
  }

  parsed(file: string): ParsedFile | undefined {
    return this.files.get(file)?.analysis.model.parsed;
  }

  model(file: string): FileModel | undefined {
    return this.files.get(file)?.analysis.model;
  }

  analysis(): WorkspaceAnalysis {
    return (this.computed ??= this.analyse([...this.files.values()].map((entry) => entry.analysis)));
  }

  diagnostics(file?: string): readonly Diagnostic[] {
    const all = this.analysis().diagnostics;
    return file === undefined ? all : all.filter((diagnostic) => diagnostic.file === file);
  }
}
