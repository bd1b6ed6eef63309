/**
 * Fuzzing the pipeline (bounded, part of `npm test`): mutated copies of the
 * examples through the parser, the analysis, incremental re-analysis, the
 * SoA and risk register, every export, the formatter and the editor
 * features, in worker threads under a watchdog (a case over SLOW_MS fails,
 * one that hangs is terminated); then a fast-check property over mutation
 * plans (which shrinks); then the command line as a process over a few
 * cases. `npm run fuzz` runs the same for much longer.
 *
 * FUZZ_CASES, FUZZ_CLI_CASES, FUZZ_PLANS, FUZZ_SEED and FUZZ_WORKERS change
 * the run; a failure names the case seed, which
 * `npm run fuzz -- --case SEED` replays and minimises.
 */
import * as assert from 'node:assert/strict';
import * as os from 'node:os';

import fc from 'fast-check';

import { caseSeed, loadExamples, makeCase } from './cases';
import { runCliCase } from './cli-case';
import { applyPlan, hostileText, mutationPlan } from './mutations';
import { FuzzFailure, SLOW_MS } from './pipeline';
import { confirmSlow, FuzzRunner, type CaseFailure } from './runner';
import type { WorkerJob, WorkerSetup } from './worker';

const SEED = Number(process.env.FUZZ_SEED ?? 20261127);
const CASES = Number(process.env.FUZZ_CASES ?? 2000);
const PLANS = Number(process.env.FUZZ_PLANS ?? 40);
const CLI_CASES = Number(process.env.FUZZ_CLI_CASES ?? 6);
const WORKERS = Math.max(1, Number(process.env.FUZZ_WORKERS ?? Math.min(2, os.availableParallelism())));
/** A case still running after this is a hang. */
const HANG_MS = 15_000;

const SETUP: WorkerSetup = { pipeline: { probes: 4, codeActions: 0.1 }, xlsxEvery: 40, coverage: false };

function describeFailure({ failure, job, fuzzCase }: CaseFailure): string {
  const seed = fuzzCase?.seed ?? job.seed ?? job.fuzzCase?.seed;
  const replay = job.seed !== undefined ? `case seed ${seed}; replay and minimise: npm run fuzz -- --case ${seed}` : 'a mutation plan';
  return `case ${job.id} (${replay}): ${failure.stage}: ${failure.message}\n${failure.stack}`;
}

describe('fuzzing the pipeline', function () {
  this.timeout(600_000);
  const examples = loadExamples();

  it(`keeps every invariant over ${CASES} mutated workspaces (seed ${SEED})`, async () => {
    const options = { setup: SETUP, hangMs: HANG_MS, slowMs: SLOW_MS };
    const runners = Array.from({ length: WORKERS }, () => new FuzzRunner(options));
    let failures: CaseFailure[] = [];
    let done = 0;
    try {
      await Promise.all(
        runners.map((runner, w) => {
          const jobs: WorkerJob[] = [];
          for (let i = w; i < CASES; i += WORKERS) jobs.push({ id: i, seed: caseSeed(SEED, i) });
          return runner.run(jobs, {
            done: () => done++,
            fail: (failure) => failures.push(failure),
          });
        }),
      );
    } finally {
      await Promise.all(runners.map((runner) => runner.close()));
    }
    failures = await confirmSlow(failures, options);
    assert.equal(failures.length, 0, `${failures.length} of ${CASES} cases failed; the first:\n${failures.slice(0, 3).map(describeFailure).join('\n\n')}`);
    assert.ok(done >= CASES - failures.length, `${done} of ${CASES} cases finished`);
  });

  it(`keeps every invariant over ${PLANS} fast-check mutation plans (shrunk on failure)`, async () => {
    const runner = new FuzzRunner({ setup: SETUP, hangMs: HANG_MS, slowMs: SLOW_MS });
    const donors = examples.map((example) => example.text);
    let id = 0;
    try {
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 0, max: examples.length - 1 }), mutationPlan(6), fc.option(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), hostileText)), fc.nat(), async (which, plan, hostile, probeSeed) => {
          const example = examples[which];
          let text = applyPlan(example.text, plan, donors);
          if (hostile) {
            const at = Math.floor(hostile[0] * text.length);
            text = text.slice(0, at) + hostile[1] + text.slice(at);
          }
          const file = example.name.split('/').pop()!;
          const fuzzCase = { seed: probeSeed, files: { [file]: text }, edit: { kind: 'change' as const, file, text: applyPlan(text, plan.slice(0, 1), donors) }, xlsx: false, probeSeed, mutations: plan.map((step) => step.mutation) };
          let failed: CaseFailure | undefined;
          await runner.run([{ id: id++, fuzzCase }], { fail: (failure) => (failed ??= failure) });
          if (failed) [failed] = await confirmSlow([failed], { setup: SETUP, hangMs: HANG_MS, slowMs: SLOW_MS });
          if (failed) throw new Error(describeFailure(failed));
        }),
        { numRuns: PLANS, seed: SEED, endOnFailure: false },
      );
    } finally {
      await runner.close();
    }
  });

  it(`the command line (check, soa, fmt) over ${CLI_CASES} mutated workspaces`, async () => {
    const failures: string[] = [];
    for (let i = 0; i < CLI_CASES; i++) {
      const fuzzCase = makeCase(caseSeed(SEED + 1, i), examples, { gentle: 0.5 });
      try {
        await runCliCase(fuzzCase, { timeoutMs: 30_000 });
      } catch (error) {
        if (!(error instanceof FuzzFailure)) throw error;
        failures.push(`CLI case ${i} (case seed ${fuzzCase.seed}; replay and minimise: npm run fuzz -- --cli-case ${fuzzCase.seed}): ${error.message}`);
      }
    }
    assert.deepEqual(failures, []);
  });
});
