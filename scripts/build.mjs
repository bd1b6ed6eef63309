// Bundles the CLI, the language server and the VS Code client with esbuild.
// Type checking is separate (`npm run typecheck`), as esbuild only strips types.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

/** The version, from package.json only: the CLI's `--version`, SARIF and the server's `serverInfo` read it. */
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/**
 * exceljs is large (about 2.5 MB) and only `soa --format xlsx` and the
 * editor's XLSX export need it: it gets its own bundle, dist/exceljs.js,
 * loaded on demand, so that `isms check` and the server start fast.
 */
const excelOnDemand = {
  name: 'exceljs-on-demand',
  setup(build) {
    build.onResolve({ filter: /^exceljs$/ }, () => ({ path: './exceljs.js', external: true }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  external: ['vscode'],
  define: { ISMS_VERSION: JSON.stringify(version) },
};

/**
 * The command line and the server are always minified (source maps beside
 * them): V8 pre-parses half the text at start-up, and `isms check` of the
 * benchmark workspace ran about 30 ms faster (bench/check.mjs).
 */
const startsOften = { minify: true };

const entries = [
  { entryPoints: ['server/src/cli/launch.ts'], outfile: 'dist/cli.js', ...startsOften },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli-main.js', plugins: [excelOnDemand], ...startsOften },
  { entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js', plugins: [excelOnDemand], ...startsOften },
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js' },
  // The SoA preview's webview script: runs in the browser, no `vscode`, no Node (no externals: an import of either fails the build).
  { entryPoints: ['client/src/preview/webview/main.ts'], outfile: 'dist/preview.js', platform: 'browser', format: 'iife', target: 'es2022', external: [] },
  { entryPoints: ['node_modules/exceljs/lib/exceljs.nodejs.js'], outfile: 'dist/exceljs.js', sourcemap: false },
].filter((entry) => existsSync(entry.entryPoints[0]));

if (watch) {
  for (const entry of entries) {
    const ctx = await esbuild.context({ ...common, ...entry });
    await ctx.watch();
  }
} else {
  await Promise.all(entries.map((entry) => esbuild.build({ ...common, ...entry })));
  trainCodeCache();
}

/**
 * The command line's V8 code cache (server/src/node-host/code-cache.ts):
 * each run on an example adds the functions it compiled to the cache the
 * previous run left, so the cache holds what checking (text and JSON
 * output) needs. Without the examples there is no cache, and the command
 * line compiles from source as any script does.
 */
function trainCodeCache() {
  rmSync('dist/cli-main.js.v8cache', { force: true });
  if (!existsSync('examples/clinic') || !existsSync('examples/flawed')) return;
  const runs = [
    ['check', 'examples/flawed', '--as-of', '2026-11-27'],
    ['check', 'examples/clinic', '--format', 'json', '--as-of', '2026-11-27'],
  ];
  for (const args of runs) {
    const run = spawnSync(process.execPath, ['dist/cli.js', ...args], { env: { ...process.env, ISMS_CODE_CACHE_WRITE: '1' }, encoding: 'utf8' });
    if (run.status !== 0 && run.status !== 1) throw new Error(`build: training the code cache, isms ${args.join(' ')} failed (exit ${run.status}): ${run.stderr}`);
  }
}
