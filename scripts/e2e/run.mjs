// `npm run test:e2e` (after `npm run build`): runs the end-to-end suite of
// test/e2e/ inside a real VS Code (the VS Code server of `code-server` in
// headless Chromium; see scripts/e2e/vscode-web.mjs), on a temporary
// workspace with copies of examples/clinic and examples/flawed.
//
// Ends with one line `N passed, N failed`; exits 1 when a test failed, when
// no test passed, or when the run did not complete.
//
// Environment: ISMS_E2E_CACHE (set-up cache folder), ISMS_E2E_TIMEOUT (ms for
// the whole run, default 300000), ISMS_E2E_GREP (a mocha grep),
// ISMS_E2E_VERBOSE=1 (server and browser console output too).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ensureCodeServer } from './setup.mjs';
import { runExtensionTests } from './vscode-web.mjs';
import { REPO, bundleTests, parseResult, prepareWorkspace } from './workspace.mjs';

function seconds(since) {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

async function main() {
  const started = Date.now();
  for (const file of ['dist/client.js', 'dist/server.js']) {
    if (!existsSync(path.join(REPO, file))) {
      console.error(`[e2e] ${file} is missing: run \`npm run build\` first (npm run test:e2e does).`);
      return { passed: 0, failed: 0, ok: false };
    }
  }

  let phase = Date.now();
  ensureCodeServer();
  console.log(`[e2e] set-up checked in ${seconds(phase)}`);

  phase = Date.now();
  const bundle = await bundleTests();
  console.log(`[e2e] bundled ${bundle.suites.join(', ')} into ${path.relative(REPO, bundle.outDir)}/ in ${seconds(phase)}`);

  const workspace = prepareWorkspace();
  let output = '';
  let code;
  try {
    phase = Date.now();
    console.log(`[e2e] running the suite in VS Code on ${workspace.workspaceFile}`);
    code = await runExtensionTests({
      workspace: workspace.workspaceFile,
      extensionPath: REPO,
      testsPath: bundle.index,
      timeoutMs: Number(process.env.ISMS_E2E_TIMEOUT) || 5 * 60_000,
      onLog: (line) => {
        output += `${line}\n`;
      },
    });
    console.log(`[e2e] VS Code test run ended with exit code ${code} in ${seconds(phase)} (total ${seconds(started)})`);
  } finally {
    workspace.dispose();
  }

  const result = parseResult(output);
  if (!result.found) console.error('[e2e] no mocha result in the extension host output');
  const ok = code === 0 && result.found && result.failed === 0 && result.passed > 0;
  // A run that ended badly without a mocha failure (a crash, a timeout) still counts as failed.
  const failed = !ok && result.failed === 0 ? 1 : result.failed;
  return { passed: result.passed, failed, ok };
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
