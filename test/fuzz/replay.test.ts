/**
 * Replays the reproducers in test/fuzz/found/ (written by `npm run fuzz`
 * when it finds a real failure, then minimised): each must now pass the
 * whole pipeline (or the command line) within the time limit. A reproducer
 * of a bug not yet fixed fails here until it is; once fixed, it stays as a
 * regression test.
 */
import * as assert from 'node:assert/strict';

import { runCliCase } from './cli-case';
import { readReproducers, repoRelative } from './found';
import { SLOW_MS } from './pipeline';
import { FuzzRunner, type CaseFailure } from './runner';

describe('fuzz reproducers (test/fuzz/found)', function () {
  this.timeout(120_000);
  const found = readReproducers();
  // One worker for all of them (quick fixes on every file, as `npm run fuzz -- --replay` runs them).
  const runner = new FuzzRunner({ setup: { pipeline: { probes: 4, codeActions: 1 }, xlsxEvery: 0, coverage: false }, hangMs: 15_000, slowMs: SLOW_MS });
  after(() => runner.close());

  it('keep stack frames relative to the repository, not the path of the machine they were found on', () => {
    assert.equal(repoRelative('at check (/x/repo/out/a.js:1:2)\n    at /x/repo/out/b.js:3:4', '/x/repo'), 'at check (out/a.js:1:2)\n    at out/b.js:3:4');
  });

  it('are well-formed', () => {
    for (const { file, reproducer } of found) {
      assert.ok(reproducer.title && reproducer.fuzzCase && reproducer.fuzzCase.files && reproducer.fuzzCase.edit, file);
    }
  });

  for (const { file, reproducer } of found) {
    it(`${file}: ${reproducer.title}`, async () => {
      if (reproducer.cli) {
        await runCliCase(reproducer.fuzzCase, { timeoutMs: 30_000 });
        return;
      }
      let failed: CaseFailure | undefined;
      await runner.run([{ id: 0, fuzzCase: reproducer.fuzzCase }], { fail: (failure) => (failed ??= failure) });
      if (failed) assert.fail(`${failed.failure.stage}: ${failed.failure.message}\n${failed.failure.stack}`);
    });
  }
});
