// What both end-to-end runners share (run.mjs here, desktop.mjs on a desktop):
// bundling the TypeScript suite of test/e2e/ into out-e2e/, and laying out a
// temporary workspace with copies of the examples.
import * as esbuild from 'esbuild';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const OUT_DIR = path.join(REPO, 'out-e2e');
export const TESTS_INDEX = path.join(OUT_DIR, 'index.js');

/** The example folders copied into the workspace, each one workspace folder. */
export const WORKSPACE_FOLDERS = ['clinic', 'flawed'];

/**
 * Bundles test/e2e/index.ts and every test/e2e/*.e2e.ts into out-e2e/ (one
 * CommonJS file each). `vscode` is provided by the extension host; `mocha`
 * stays external and is required from the repository's node_modules.
 */
export async function bundleTests() {
  const testDir = path.join(REPO, 'test', 'e2e');
  const suites = readdirSync(testDir)
    .filter((name) => name.endsWith('.e2e.ts'))
    .map((name) => path.join(testDir, name));
  if (suites.length === 0) throw new Error(`no *.e2e.ts suite in ${testDir}`);
  rmSync(OUT_DIR, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: [path.join(testDir, 'index.ts'), ...suites],
    outdir: OUT_DIR,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    logLevel: 'warning',
    external: ['vscode', 'mocha'],
  });
  return { outDir: OUT_DIR, index: TESTS_INDEX, suites: suites.map((s) => path.basename(s)) };
}

/**
 * A fresh temporary workspace: copies of examples/clinic and examples/flawed,
 * and `isms-e2e.code-workspace` listing them as two folders (two ISMSs), with
 * the as-of date pinned so that the time-based checks do not depend on today.
 */
export function prepareWorkspace() {
  const dir = mkdtempSync(path.join(tmpdir(), 'isms-e2e-ws-'));
  for (const name of WORKSPACE_FOLDERS) {
    cpSync(path.join(REPO, 'examples', name), path.join(dir, name), { recursive: true });
  }
  const workspaceFile = path.join(dir, 'isms-e2e.code-workspace');
  const workspace = {
    folders: WORKSPACE_FOLDERS.map((name) => ({ path: name })),
    settings: {
      'isms.asOf': '2026-11-27',
      'workbench.startupEditor': 'none',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'telemetry.telemetryLevel': 'off',
      'chat.disableAIFeatures': true,
      'workbench.enableExperiments': false,
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      // VS Code for the Web saves after a delay by default (desktop does not):
      // the suites edit documents without saving them.
      'files.autoSave': 'off',
    },
  };
  writeFileSync(workspaceFile, `${JSON.stringify(workspace, null, 2)}\n`);
  return {
    dir,
    workspaceFile,
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * The outcome of a suite run from its console output: the line that
 * test/e2e/index.ts prints, else mocha's spec summary (`N passing`, `N failing`).
 */
export function parseResult(output) {
  const marker = /ISMS_E2E_RESULT (\{.*\})/.exec(output);
  if (marker) {
    try {
      const { passed, failed } = JSON.parse(marker[1]);
      return { passed: Number(passed) || 0, failed: Number(failed) || 0, found: true };
    } catch {
      /* fall through */
    }
  }
  const passing = /^\s*(\d+) passing\b/m.exec(output);
  const failing = /^\s*(\d+) failing\b/m.exec(output);
  return {
    passed: passing ? Number(passing[1]) : 0,
    failed: failing ? Number(failing[1]) : 0,
    found: Boolean(passing || failing),
  };
}
