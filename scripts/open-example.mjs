// `npm run open:example` (after `npm run build`): opens the example ISMS —
// examples/clinic (a clean ISMS) and examples/flawed (a mistake for almost
// every diagnostic), as two folders of one workspace — in VS Code with the
// extension loaded from this repository (extensionDevelopmentPath):
//
// - desktop VS Code when the `code` command is installed:
//     code --extensionDevelopmentPath=<repo> <workspace>
// - otherwise the browser VS Code of the end-to-end tests (the VS Code server
//   of code-server, run by Node 24), set up on demand into the e2e cache
//   folder ($ISMS_E2E_CACHE or ~/.cache/isms-studio-e2e; about 10 minutes the
//   first time, like @vscode/test-electron downloading VS Code). It prints the
//   URL to open and serves until Ctrl+C (SIGINT or SIGTERM stop the server and
//   remove its temporary folders).
//
// The workspace file (isms-examples.code-workspace, in the cache folder) names
// the repository's own example folders: edits go to examples/.
//
//   node scripts/open-example.mjs [--web] [--port=N] [--as-of=YYYY-MM-DD]
//   node scripts/open-example.mjs --check [--screenshot=FILE]
//
// --web     the browser VS Code even when `code` is installed
// --port=N  serve on port N of 127.0.0.1 (default: a free port)
// --as-of   pin the as-of date of the time-based checks (setting isms.asOf)
// --check   non-interactive: start the browser VS Code, open the printed URL in
//           headless Chromium, check that the workbench loads, that the
//           extension activates (its ISMS activity-bar item, the Clauses view
//           with both ISMSs after the first analysis),
//           save a screenshot, stop everything and exit 0 (1 on a failure).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheDir, ensureCodeServer } from './e2e/setup.mjs';
import { launchChromium, startServer, workbenchUrl } from './e2e/vscode-web.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FOLDERS = ['clinic', 'flawed'];
const CHECK_TIMEOUT_MS = 90_000;

function log(message) {
  console.log(`[open-example] ${message}`);
}

function seconds(since) {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

function parseArgs(argv) {
  const options = { web: false, check: false, port: undefined, asOf: undefined, screenshot: undefined };
  for (const arg of argv) {
    const [key, value] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (key === '--web') options.web = true;
    else if (key === '--check') options.check = true;
    else if (key === '--port' && /^\d+$/.test(value ?? '') && Number(value) > 0 && Number(value) < 65536) options.port = Number(value);
    else if (key === '--as-of' && /^\d{4}-\d{2}-\d{2}$/.test(value ?? '')) options.asOf = value;
    else if (key === '--screenshot' && value) options.screenshot = path.resolve(value);
    else if (key === '--help' || key === '-h') options.help = true;
    else throw new Error(`unknown or malformed argument: ${arg}`);
  }
  return options;
}

/** The workspace with the repository's examples/clinic and examples/flawed, in the cache folder. */
function writeWorkspace(asOf) {
  for (const folder of FOLDERS) {
    if (!existsSync(path.join(REPO, 'examples', folder))) throw new Error(`examples/${folder} is missing`);
  }
  const dir = path.join(cacheDir(), 'open-example');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'isms-examples.code-workspace');
  const settings = {
    'workbench.startupEditor': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'telemetry.telemetryLevel': 'off',
    // The ISMS, not a chat: as in the e2e workspace (scripts/e2e/workspace.mjs).
    'chat.disableAIFeatures': true,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    ...(asOf ? { 'isms.asOf': asOf } : {}),
  };
  const workspace = { folders: FOLDERS.map((name) => ({ name, path: path.join(REPO, 'examples', name) })), settings };
  writeFileSync(file, `${JSON.stringify(workspace, null, 2)}\n`);
  return file;
}

/** The `code` command of desktop VS Code, if it is on the PATH. */
function desktopCode() {
  const result = spawnSync('code', ['--version'], { encoding: 'utf8', timeout: 30_000 });
  return result.status === 0 ? 'code' : undefined;
}

function checkBuilt() {
  for (const file of ['dist/client.js', 'dist/server.js']) {
    if (!existsSync(path.join(REPO, file))) throw new Error(`${file} is missing: run \`npm run build\` first (npm run open:example does)`);
  }
}

function openDesktop(code, workspace) {
  const args = [`--extensionDevelopmentPath=${REPO}`, workspace];
  log(`$ ${code} ${args.join(' ')}`);
  const result = spawnSync(code, args, { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${code} exited with ${result.status ?? result.signal}`);
  log('VS Code opened the examples in an Extension Development Host window.');
}

/** Sets up (first time) and starts the browser VS Code; resolves with the server and the URL. */
async function startWeb(workspace, port) {
  const started = Date.now();
  log(`browser VS Code: set-up in ${cacheDir()} (about 10 minutes the first time)`);
  ensureCodeServer({ quiet: true });
  const server = await startServer({ port, log: (line) => process.stdout.write(line) });
  const url = workbenchUrl({ base: server.base, port: server.port, workspace, extensionPath: REPO });
  log(`VS Code server up on port ${server.port} in ${seconds(started)}`);
  return { server, url };
}

async function serve(workspace, port) {
  const { server, url } = await startWeb(workspace, port);
  let stopping = false;
  const stop = async (why, code) => {
    if (stopping) return;
    stopping = true;
    log(`${why}: stopping the VS Code server`);
    await server.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop('SIGINT', 0));
  process.on('SIGTERM', () => void stop('SIGTERM', 0));
  process.on('SIGHUP', () => void stop('SIGHUP', 0));
  console.log('');
  console.log('Open the example ISMS with the extension in VS Code (in a browser on this machine):');
  console.log('');
  console.log(`  ${url}`);
  console.log('');
  console.log('Press Ctrl+C to stop.');
  const exited = await server.exited;
  if (!stopping) {
    stopping = true;
    console.error(`[open-example] the VS Code server exited (${exited}):\n${server.output()}`);
    await server.stop();
    process.exit(1);
  }
}

/** The workbench at `url` in headless Chromium: loads, shows the extension, activates it. */
async function checkWeb(workspace, port, screenshot) {
  const started = Date.now();
  const { server, url } = await startWeb(workspace, port);
  console.log(url);
  let browser;
  try {
    browser = await launchChromium(server.setup);
    const { page } = browser;
    await page.setViewportSize({ width: 1280, height: 800 });
    const deadline = Date.now() + CHECK_TIMEOUT_MS;
    const left = () => Math.max(1000, deadline - Date.now());
    const step = async (what, action) => {
      const at = Date.now();
      try {
        await action();
      } catch (error) {
        throw new Error(`${what}: ${error instanceof Error ? error.message.split('\n')[0] : error}`);
      }
      log(`ok: ${what} (${seconds(at)})`);
    };

    await step('the workbench page loads', async () => {
      const response = await page.goto(url, { waitUntil: 'domcontentloaded', timeout: left() });
      if (!response?.ok()) throw new Error(`HTTP ${response?.status()}`);
      await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: left() });
    });
    await step('both example folders are open', async () => {
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'clinic' }).first().waitFor({ timeout: left() });
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'flawed' }).first().waitFor({ timeout: left() });
    });
    await step('the ISMS activity-bar item is there (the extension is loaded)', async () => {
      await page.locator('.activitybar .action-label[aria-label="ISMS"]').waitFor({ state: 'visible', timeout: left() });
    });
    await step('the Clauses view lists both ISMSs', async () => {
      await page.locator('.activitybar .action-label[aria-label="ISMS"]').click({ timeout: left() });
      const rows = page.locator('.part.sidebar .pane').first().locator('.monaco-list-row');
      await rows.filter({ hasText: /^clinic/ }).first().waitFor({ timeout: left() });
      // Four views share the side bar: fold the other three so that the Clauses list has room for both roots
      // (a list renders only the rows it shows).
      for (const title of ['Risks', 'Statement Of Applicability', 'Frameworks']) {
        const header = page.locator('.part.sidebar .pane-header', { hasText: title }).first();
        if ((await header.getAttribute('aria-expanded')) === 'true') await header.click({ timeout: left() });
      }
      await rows.filter({ hasText: /^flawed/ }).first().waitFor({ timeout: left() });
    });
    const file = screenshot ?? path.join(tmpdir(), 'isms-open-example-check.png');
    mkdirSync(path.dirname(file), { recursive: true });
    await page.screenshot({ path: file });
    log(`screenshot: ${file} (${(statSync(file).size / 1024).toFixed(0)} KiB)`);
    log(`check passed in ${seconds(started)}`);
  } finally {
    await browser?.close();
    await server.stop();
  }
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.help) {
    console.log('usage: node scripts/open-example.mjs [--web] [--port=N] [--as-of=YYYY-MM-DD] | --check [--screenshot=FILE]');
    return;
  }
  checkBuilt();
  const workspace = writeWorkspace(options.asOf);
  if (options.check) {
    await checkWeb(workspace, options.port, options.screenshot);
    return;
  }
  const code = options.web ? undefined : desktopCode();
  if (code) {
    openDesktop(code, workspace);
    return;
  }
  if (!options.web) log('no `code` command on the PATH: using the browser VS Code');
  await serve(workspace, options.port);
}

main().then(() => process.exit(0), (error) => {
  console.error(`[open-example] failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
