/**
 * The worker thread that runs fuzz cases (see runner.ts): the main thread
 * watches it and terminates it when a case hangs, which a synchronous
 * infinite loop would make impossible in-process.
 *
 * Messages in: {@link WorkerRequest}; out: {@link WorkerEvent}.
 */
import { parentPort, workerData } from 'node:worker_threads';

import { loadExamples, makeCase, type FuzzCase } from './cases';
import { FuzzFailure, runPipeline, type CaseReport, type PipelineOptions, type Stage } from './pipeline';
import { Coverage, type CoverageKeys } from './coverage';

export interface WorkerJob {
  readonly id: number;
  /** A case seed (the case is generated), or a case given whole (replays, minimisation). */
  readonly seed?: number;
  readonly fuzzCase?: FuzzCase;
}

export interface WorkerSetup {
  readonly pipeline: PipelineOptions;
  readonly xlsxEvery: number;
  /** Track V8 block coverage of the product code (slower). */
  readonly coverage: boolean;
}

export type WorkerRequest = { readonly type: 'jobs'; readonly jobs: readonly WorkerJob[] } | { readonly type: 'coverage' } | { readonly type: 'stop' };

export interface FailureInfo {
  readonly stage: Stage | 'hang' | 'slow' | 'crash';
  readonly message: string;
  readonly stack: string;
}

export type WorkerEvent =
  | { readonly type: 'ready' }
  | { readonly type: 'start'; readonly id: number }
  | { readonly type: 'done'; readonly id: number; readonly report: CaseReport; readonly newBlocks: number; readonly fuzzCase?: FuzzCase }
  | { readonly type: 'fail'; readonly id: number; readonly failure: FailureInfo; readonly fuzzCase: FuzzCase }
  | { readonly type: 'coverage'; readonly reached: CoverageKeys }
  | { readonly type: 'idle' };

const port = parentPort!;
const setup = workerData as WorkerSetup;
const examples = loadExamples();
const coverage = setup.coverage ? new Coverage() : undefined;

async function runJob(job: WorkerJob): Promise<void> {
  const fuzzCase = job.fuzzCase ?? makeCase(job.seed!, examples, { xlsxEvery: setup.xlsxEvery });
  port.postMessage({ type: 'start', id: job.id } satisfies WorkerEvent);
  try {
    const report = await runPipeline(fuzzCase, setup.pipeline);
    const newBlocks = coverage ? coverage.collect() : 0;
    // A case that reached new code is sent back whole: the runner may keep it as a seed for later mutations.
    port.postMessage({ type: 'done', id: job.id, report, newBlocks, fuzzCase: newBlocks > 0 ? fuzzCase : undefined } satisfies WorkerEvent);
  } catch (error) {
    coverage?.collect();
    const failure: FailureInfo =
      error instanceof FuzzFailure
        ? { stage: error.stage, message: error.message, stack: error.stack ?? error.message }
        : { stage: 'features', message: `unexpected: ${String(error)}`, stack: (error as Error)?.stack ?? String(error) };
    port.postMessage({ type: 'fail', id: job.id, failure, fuzzCase } satisfies WorkerEvent);
  }
}

async function main(): Promise<void> {
  // Coverage first (code compiled before it starts may not count its blocks), then a warm-up: load exceljs and compile the hot paths before any case is timed.
  coverage?.start();
  await runPipeline({ ...makeCase(1, examples), xlsx: setup.xlsxEvery > 0 }, setup.pipeline).catch(() => undefined);
  port.on('message', async (request: WorkerRequest) => {
    if (request.type === 'jobs') {
      for (const job of request.jobs) await runJob(job);
      port.postMessage({ type: 'idle' } satisfies WorkerEvent);
    } else if (request.type === 'coverage') {
      port.postMessage({ type: 'coverage', reached: coverage ? coverage.reached() : { blocks: [], functions: [], files: [] } } satisfies WorkerEvent);
    } else {
      coverage?.stop();
      port.close();
    }
  });
  port.postMessage({ type: 'ready' } satisfies WorkerEvent);
}

void main();
