/**
 * The entry point of the end-to-end suite inside the VS Code extension host:
 * the `extensionTestsPath` module, the same one that `@vscode/test-electron`
 * runs on a desktop (scripts/e2e/desktop.mjs) and that the VS Code server in
 * headless Chromium runs here (scripts/e2e/run.mjs).
 *
 * Bundled by esbuild into out-e2e/index.js, next to one bundle per suite file
 * (`*.e2e.js`). mocha is not bundled: it is required from the repository's
 * node_modules, which Node's resolution finds from out-e2e/.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

/** A line that scripts/e2e/run.mjs reads: `ISMS_E2E_RESULT {"passed":N,...}`. */
export const RESULT_PREFIX = 'ISMS_E2E_RESULT ';

export async function run(): Promise<void> {
  // Stack traces of failures point into test/e2e/*.ts (the bundles carry inline source maps).
  process.setSourceMapsEnabled?.(true);
  const mocha = new Mocha({
    ui: 'tdd',
    reporter: 'spec',
    color: false,
    timeout: Number(process.env.ISMS_E2E_TEST_TIMEOUT) || 60_000,
    grep: process.env.ISMS_E2E_GREP || undefined,
  });
  const files = fs
    .readdirSync(__dirname)
    .filter((name) => name.endsWith('.e2e.js'))
    .sort();
  for (const file of files) mocha.addFile(path.join(__dirname, file));
  await mocha.loadFilesAsync();

  const stats = await new Promise<{ passed: number; failed: number; pending: number }>((resolve) => {
    const runner = mocha.run(() => {
      resolve({
        passed: runner.stats?.passes ?? 0,
        failed: runner.stats?.failures ?? 0,
        pending: runner.stats?.pending ?? 0,
      });
    });
  });
  console.log(`${RESULT_PREFIX}${JSON.stringify({ ...stats, files: files.length })}`);
  if (stats.failed > 0) throw new Error(`${stats.failed} end-to-end test(s) failed`);
  if (stats.passed === 0) throw new Error('no end-to-end test passed');
}
