// The same end-to-end suite in desktop VS Code, through @vscode/test-electron,
// for machines that can download VS Code (this one cannot: use run.mjs).
//
//   npm run build && node scripts/e2e/desktop.mjs [--version=stable|insiders|1.x.y]
//
// On Linux without a display, run it under xvfb-run. Ends with the line
// `N passed, N failed` like run.mjs, and exits 1 on any failure.
import { runTests } from '@vscode/test-electron';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cacheDir } from './setup.mjs';
import { REPO, bundleTests, parseResult, prepareWorkspace } from './workspace.mjs';

const versionArg = process.argv.find((arg) => arg.startsWith('--version='));
const version = versionArg ? versionArg.slice('--version='.length) : process.env.ISMS_E2E_VSCODE_VERSION || 'stable';

async function main() {
  const bundle = await bundleTests();
  const workspace = prepareWorkspace();
  const userData = mkdtempSync(path.join(tmpdir(), 'isms-e2e-desktop-'));
  // runTests passes the extension host's output to process.stdout: keep a copy to read mocha's result.
  let output = '';
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (chunk, ...rest) => {
    output += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
    return write(chunk, ...rest);
  };
  let code = 0;
  try {
    await runTests({
      version,
      extensionDevelopmentPath: REPO,
      extensionTestsPath: bundle.index,
      // Downloads go to the e2e cache folder, outside the repository.
      cachePath: path.join(cacheDir(), 'desktop'),
      // runTests adds --extensionDevelopmentPath, --extensionTestsPath, --no-sandbox,
      // --disable-updates, --skip-welcome, --skip-release-notes, --disable-workspace-trust.
      launchArgs: [
        workspace.workspaceFile,
        '--disable-extensions',
        `--user-data-dir=${path.join(userData, 'user')}`,
        `--extensions-dir=${path.join(userData, 'ext')}`,
      ],
    });
  } catch (error) {
    // runTests rejects when the test run exits non-zero, or VS Code fails to start.
    console.error(`[e2e] ${error instanceof Error ? error.message : error}`);
    code = 1;
  } finally {
    process.stdout.write = write;
    workspace.dispose();
    rmSync(userData, { recursive: true, force: true });
  }
  const result = parseResult(output);
  const ok = code === 0 && result.found && result.failed === 0 && result.passed > 0;
  return { passed: result.passed, failed: !ok && result.failed === 0 ? 1 : result.failed, ok };
}

let summary;
try {
  summary = await main();
} catch (error) {
  console.error(`[e2e] ${error instanceof Error ? error.stack ?? error.message : error}`);
  summary = { passed: 0, failed: 1, ok: false };
}
console.log(`${summary.passed} passed, ${summary.failed} failed`);
process.exit(summary.ok ? 0 : 1);
