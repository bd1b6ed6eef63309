/**
 * Runs fuzz cases in a worker thread under a watchdog: a case that takes
 * longer than `hangMs` is a hang (the worker is terminated and a fresh one
 * takes the remaining cases), one that takes longer than `slowMs` is a
 * failure too, and a worker that dies (out of memory, a native crash) is a
 * crash of the case it was running.
 */
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';

import type { FuzzCase } from './cases';
import type { CoverageKeys } from './coverage';
import type { CaseReport } from './pipeline';
import type { FailureInfo, WorkerEvent, WorkerJob, WorkerRequest, WorkerSetup } from './worker';

export interface CaseFailure {
  readonly id: number;
  readonly failure: FailureInfo;
  /** The case, when the worker could send it; else regenerate it from the job. */
  readonly fuzzCase?: FuzzCase;
  readonly job: WorkerJob;
}

export interface CaseDone {
  readonly id: number;
  readonly report: CaseReport;
  readonly newBlocks: number;
  readonly fuzzCase?: FuzzCase;
}

export interface RunnerOptions {
  readonly setup: WorkerSetup;
  /** A case running this long is a hang: the worker is terminated. */
  readonly hangMs: number;
  /** A case that took longer than this (but finished) is reported as slow. */
  readonly slowMs: number;
  /** Worker heap limit (MB): a runaway allocation ends as a crash, not a swapping machine. */
  readonly heapMb?: number;
}

export class FuzzRunner {
  private worker: Worker | undefined;
  private ready: Promise<void> | undefined;

  constructor(private readonly options: RunnerOptions) {}

  /** Runs the jobs in order; resolves when each has finished, failed, hung or crashed. */
  async run(jobs: readonly WorkerJob[], on: { done?(done: CaseDone): void; fail?(failure: CaseFailure): void } = {}): Promise<void> {
    let remaining = [...jobs];
    while (remaining.length > 0) {
      remaining = await this.runSome(remaining, on);
    }
  }

  /** The code the current worker has reached (nothing without coverage). */
  async coverage(): Promise<CoverageKeys> {
    const worker = await this.start();
    return new Promise((resolve) => {
      const listen = (event: WorkerEvent) => {
        if (event.type !== 'coverage') return;
        worker.off('message', listen);
        resolve(event.reached);
      };
      worker.on('message', listen);
      worker.postMessage({ type: 'coverage' } satisfies WorkerRequest);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.ready = undefined;
    if (worker) await worker.terminate();
  }

  private start(): Promise<Worker> {
    if (!this.worker) {
      const worker = new Worker(path.join(__dirname, 'worker.js'), {
        workerData: this.options.setup,
        resourceLimits: { maxOldGenerationSizeMb: this.options.heapMb ?? 1536 },
        stdout: false,
        stderr: false,
      });
      this.worker = worker;
      this.ready = new Promise((resolve, reject) => {
        const listen = (event: WorkerEvent) => {
          if (event.type === 'ready') {
            worker.off('message', listen);
            worker.off('error', reject);
            resolve();
          }
        };
        worker.on('message', listen);
        worker.once('error', reject);
      });
    }
    const worker = this.worker;
    return this.ready!.then(() => worker);
  }

  /** Runs jobs until they are done or the worker had to go; returns the jobs not yet run. */
  private async runSome(jobs: readonly WorkerJob[], on: { done?(done: CaseDone): void; fail?(failure: CaseFailure): void }): Promise<WorkerJob[]> {
    const worker = await this.start();
    const byId = new Map(jobs.map((job) => [job.id, job]));
    let current: { job: WorkerJob; since: number } | undefined;
    let finished = 0;
    return new Promise((resolve) => {
      const rest = () => jobs.slice(finished);
      const end = (next: WorkerJob[]) => {
        clearInterval(watchdog);
        worker.off('message', listen);
        worker.off('error', died);
        worker.off('exit', exited);
        resolve(next);
      };
      const lose = (stage: 'hang' | 'crash', message: string) => {
        const job = current?.job ?? jobs[finished];
        on.fail?.({ id: job.id, job, failure: { stage, message, stack: message } });
        finished = jobs.indexOf(job) + 1;
        this.worker = undefined;
        this.ready = undefined;
        end(rest());
      };
      const listen = (event: WorkerEvent) => {
        switch (event.type) {
          case 'start':
            current = { job: byId.get(event.id)!, since: Date.now() };
            break;
          case 'done': {
            const ms = event.report.ms;
            if (ms > this.options.slowMs) {
              on.fail?.({
                id: event.id,
                job: current!.job,
                failure: { stage: 'slow', message: `the case took ${Math.round(ms)} ms (limit ${this.options.slowMs} ms): ${slowestStages(event.report)}`, stack: '' },
                fuzzCase: event.fuzzCase,
              });
            }
            on.done?.({ id: event.id, report: event.report, newBlocks: event.newBlocks, fuzzCase: event.fuzzCase });
            current = undefined;
            finished++;
            break;
          }
          case 'fail':
            on.fail?.({ id: event.id, job: current!.job, failure: event.failure, fuzzCase: event.fuzzCase });
            current = undefined;
            finished++;
            break;
          case 'idle':
            end([]);
            break;
        }
      };
      const died = (error: Error) => {
        void worker.terminate();
        lose('crash', `the worker died: ${error.stack ?? error.message}`);
      };
      const exited = (code: number) => lose('crash', `the worker exited with code ${code}`);
      const watchdog = setInterval(() => {
        if (current && Date.now() - current.since > this.options.hangMs) {
          void worker.terminate();
          worker.off('exit', exited);
          lose('hang', `no answer after ${this.options.hangMs} ms: the case hangs (or is pathologically slow)`);
        }
      }, 100);
      worker.on('message', listen);
      worker.once('error', died);
      worker.once('exit', exited);
      worker.postMessage({ type: 'jobs', jobs } satisfies WorkerRequest);
    });
  }
}

function slowestStages(report: CaseReport): string {
  return Object.entries(report.stageMs)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([stage, ms]) => `${stage} ${Math.round(ms)} ms`)
    .join(', ');
}

/**
 * Slow cases re-run twice on a fresh worker: a case counts as slow only when
 * it is slow every time (a loaded machine or a GC pause can slow a case
 * once). Returns the failures that remain.
 */
export async function confirmSlow(failures: readonly CaseFailure[], options: RunnerOptions): Promise<CaseFailure[]> {
  const kept: CaseFailure[] = [];
  for (const failure of failures) {
    if (failure.failure.stage !== 'slow') {
      kept.push(failure);
      continue;
    }
    const runner = new FuzzRunner(options);
    try {
      let slowEveryTime = true;
      for (let i = 0; i < 2 && slowEveryTime; i++) {
        let again: CaseFailure | undefined;
        await runner.run([failure.job], { fail: (f) => (again ??= f) });
        slowEveryTime = again !== undefined;
      }
      if (slowEveryTime) kept.push(failure);
    } finally {
      await runner.close();
    }
  }
  return kept;
}
