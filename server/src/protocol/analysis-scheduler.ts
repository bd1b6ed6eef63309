/**
 * When folders are analysed: on the next turn after a change, so that a burst
 * of changes is analysed once, and never while a folder is being indexed.
 * Each analysis takes one snapshot of the folder, publishes its diagnostics
 * and tells the client (views refresh on `isms/analysisChanged`).
 */
import type { Connection } from 'vscode-languageserver';
import { hiddenErrors, soaCoverage } from '../language-service';
import { collectIfGrown, limitHeapGrowth } from '../node-host/heap-policy';
import { ANALYSIS_CHANGED_NOTIFICATION, type AnalysisChangedParams } from './custom-requests';
import type { DiagnosticsPublisher } from './diagnostics-publisher';
import type { FolderRegistry } from './folder-registry';
import type { IsmsFolder } from './isms-folder';

export class AnalysisScheduler {
  private readonly dirty = new Set<IsmsFolder>();
  private readonly indexing = new Set<IsmsFolder>();
  private scheduled = false;

  constructor(
    private readonly connection: Connection,
    private readonly folders: FolderRegistry,
    private readonly publisher: DiagnosticsPublisher,
  ) {}

  /** Analyses a folder on the next turn; it always sees the latest texts. */
  schedule(folder: IsmsFolder): void {
    this.dirty.add(folder);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      for (const each of [...this.dirty]) {
        this.dirty.delete(each);
        if (this.indexing.has(each) || !this.folders.all().includes(each)) continue;
        this.analyse(each);
      }
    });
  }

  scheduleAll(): void {
    for (const folder of this.folders.all()) this.schedule(folder);
  }

  /** Reads a folder from disk (with progress when the client shows it), then analyses it. */
  async index(folder: IsmsFolder, showProgress: boolean): Promise<void> {
    this.indexing.add(folder);
    const progress = showProgress ? await this.connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
    // As the TypeScript and rust-analyzer servers do: "ISMS: reading 11 files…" while a folder loads, and a log line after.
    progress?.begin('ISMS', 0, 'reading files…', false);
    const began = performance.now();
    let count = 0;
    try {
      await folder.index((done, total) => {
        count = total;
        progress?.report(total === 0 ? 100 : Math.round((done / total) * 100), `reading ${total} ${total === 1 ? 'file' : 'files'}…`);
      });
      this.connection.console.info(`${folder.root}: ${count} .isms ${count === 1 ? 'file' : 'files'} read in ${Math.round(performance.now() - began)} ms`);
    } catch (error) {
      this.connection.console.error(`indexing ${folder.root} failed: ${(error as Error)?.message ?? String(error)}`);
    } finally {
      progress?.done();
      this.indexing.delete(folder);
      this.schedule(folder);
    }
  }

  private analyse(folder: IsmsFolder): void {
    try {
      const began = performance.now();
      const snapshot = folder.service.snapshot();
      const { errors, warnings } = this.publisher.publish(folder, snapshot);
      const params: AnalysisChangedParams = {
        folderUri: folder.uri,
        errors,
        warnings,
        hiddenErrors: hiddenErrors(snapshot),
        soaDeclared: soaCoverage(snapshot),
        files: snapshot.fileNames().length,
        analysisMs: Math.round(performance.now() - began),
      };
      void this.connection.sendNotification(ANALYSIS_CHANGED_NOTIFICATION, params);
      // From the first analysis on, the heap holds about what it will hold: from now on it grows slowly.
      limitHeapGrowth();
      setImmediate(collectIfGrown);
    } catch (error) {
      this.connection.console.error(`analysis of ${folder.root} failed: ${(error as Error)?.stack ?? String(error)}`);
    }
  }
}
