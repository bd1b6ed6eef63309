// Runs the extension in a real VS Code: the VS Code server inside the npm
// package `code-server` (Node 24), opened in Debian's headless Chromium driven
// by playwright-core. See test/e2e/README.md.
//
//   runExtensionTests({ workspace, extensionPath, testsPath })  -> exit code
//     runs the extension's mocha suite (extensionTestsPath) in the extension
//     host; its console output goes to stdout (and to `onLog`).
//   openWorkbench({ workspace, extensionPath })  -> { page, browser, url, close }
//     an Extension Development Host without tests, for UI checks and
//     screenshots driven by Playwright; call close() when done.
//
// `workspace` is a folder or a `.code-workspace` file (absolute paths).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { format } from 'node:util';
import { ensureCodeServer } from './setup.mjs';

const HOST = '127.0.0.1';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * The workbench logs through the same channel as the extension host's console
 * (all at level info); these are the workbench's own lines, left out unless
 * ISMS_E2E_VERBOSE is set.
 */
const WORKBENCH_NOISE = [
  /^\[(AgentHost[^\]]*|ChatModelSelection|AccountPolicyGate|reconnection-grace-time|Service Worker)\]/,
  /^(Resolving|Resolved) connection token /,
  /^Creating a socket \(/,
  /^Creation of workbench contribution '[^']*' took \d+ms/,
  /additional builtin extensions/,
  /authentication provider '[^']*' to register/,
];

function isWorkbenchNoise(text) {
  return WORKBENCH_NOISE.some((pattern) => pattern.test(text));
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, HOST, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Kills a detached child's whole process group (the server forks the extension host). */
function killGroup(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(force);
      resolve();
    };
    child.once('exit', done);
    const signal = (sig) => {
      try {
        process.kill(-child.pid, sig);
      } catch {
        /* already gone */
      }
    };
    signal('SIGTERM');
    const force = setTimeout(() => {
      signal('SIGKILL');
      setTimeout(resolve, 500).unref();
    }, 3000);
    force.unref();
  });
}

/**
 * Starts the VS Code server on `port` (default: a free one) with everything in
 * a fresh temp folder; resolves once /version answers, with
 * { port, base, temp, setup, stop, exited, output }. `exited` resolves with the
 * exit code or signal if the server stops by itself.
 */
export async function startServer({ log = (line) => process.stdout.write(line), timeoutMs = 60_000, port: wantedPort } = {}) {
  const setup = ensureCodeServer({ quiet: true });
  const port = wantedPort ?? (await freePort());
  const temp = mkdtempSync(path.join(tmpdir(), 'isms-e2e-vscode-'));
  const args = [
    setup.serverMain,
    '--host', HOST,
    '--port', String(port),
    '--without-connection-token',
    '--accept-server-license-terms',
    '--enable-smoke-test-driver',
    '--disable-telemetry',
    '--disable-workspace-trust',
    '--user-data-dir', path.join(temp, 'user'),
    '--server-data-dir', path.join(temp, 'server'),
    '--extensions-dir', path.join(temp, 'ext'),
  ];
  const env = { ...process.env, HOME: temp, EXTENSIONS_GALLERY: '{}' };
  // Variables of an outer `npm run` or of this repo's Node must not reach the server.
  for (const key of Object.keys(env)) {
    if (/^npm_/i.test(key) || key === 'NODE_OPTIONS' || key.startsWith('VSCODE_')) delete env[key];
  }
  const child = spawn(setup.node24, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let serverOutput = '';
  const onData = (chunk) => {
    const text = chunk.toString();
    serverOutput = (serverOutput + text).slice(-20_000);
    if (process.env.ISMS_E2E_VERBOSE) log(`[server] ${text}`);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  let exited = null;
  const exitedPromise = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      exited = code ?? signal;
      resolve(exited);
    });
  });

  const stop = async () => {
    await killGroup(child);
    rmSync(temp, { recursive: true, force: true });
  };

  const deadline = Date.now() + timeoutMs;
  const base = `http://${HOST}:${port}`;
  for (;;) {
    if (exited !== null) {
      await stop();
      throw new Error(`the VS Code server exited (${exited}) before answering:\n${serverOutput}`);
    }
    try {
      const response = await fetch(`${base}/version`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the VS Code server did not answer ${base}/version within ${timeoutMs} ms:\n${serverOutput}`);
    }
    await delay(100);
  }
  return { port, base, temp, setup, stop, exited: exitedPromise, output: () => serverOutput };
}

function remoteUri(port, absolutePath) {
  // vscode-remote://127.0.0.1:P/abs/path (the authority of the web workbench)
  return `vscode-remote://${HOST}:${port}${absolutePath.split(path.sep).join('/')}`;
}

/** The workbench URL for a folder or a `.code-workspace` file, with a payload. */
export function workbenchUrl({ base, port, workspace, extensionPath, testsPath }) {
  const payload = [['extensionDevelopmentPath', remoteUri(port, path.resolve(extensionPath))]];
  if (testsPath) payload.push(['extensionTestsPath', remoteUri(port, path.resolve(testsPath))]);
  payload.push(['skipWelcome', 'true']);
  const abs = path.resolve(workspace);
  const kind = statSync(abs).isDirectory() ? 'folder' : 'workspace';
  return `${base}/?${kind}=${encodeURIComponent(abs)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** Debian's Chromium, headless, through the playwright-core of the set-up: { browser, page, close }. */
export async function launchChromium(setup) {
  const require = createRequire(path.join(setup.serverDir, 'package.json'));
  const { chromium } = require('playwright-core');
  // launch() gives Chromium a fresh temporary profile (user-data-dir) each time.
  const browser = await chromium.launch({ executablePath: setup.chromium, headless: true, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  return {
    browser,
    page,
    close: () => browser.close().catch(() => {}),
  };
}

/**
 * Runs the mocha suite at `testsPath` (a module exporting run()) inside the
 * extension host, with the extension at `extensionPath` and `workspace` open.
 * Resolves with the exit code of the test run (0: all passed), or 1 on a
 * timeout or a failure to start. Always stops the server and the browser and
 * removes the temp folders.
 */
export async function runExtensionTests({
  workspace,
  extensionPath,
  testsPath,
  timeoutMs = 5 * 60_000,
  onLog = () => {},
}) {
  const write = (line) => {
    process.stdout.write(line.endsWith('\n') ? line : `${line}\n`);
    onLog(line);
  };
  let server;
  let browser;
  let timer;
  try {
    const started = Date.now();
    const since = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
    server = await startServer({ log: write });
    write(`[e2e] VS Code server up on port ${server.port} after ${since()}`);
    browser = await launchChromium(server.setup);
    const { page } = browser;

    let settle;
    const exit = new Promise((resolve) => {
      settle = resolve;
    });
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = Array.isArray(args) ? format(...args) : String(args);
      if (process.env.ISMS_E2E_DEBUG_LOG) write(`<${type}> ${text}`);
      else if (process.env.ISMS_E2E_VERBOSE || !isWorkbenchNoise(text)) write(type === 'error' || type === 'warn' ? `[${type}] ${text}` : text);
    });
    await page.exposeFunction('codeAutomationExit', (code) => {
      settle(Number.isInteger(Number(code)) ? Number(code) : 1);
    });
    page.on('crash', () => {
      write('[e2e] the workbench page crashed');
      settle(1);
    });
    if (process.env.ISMS_E2E_VERBOSE) {
      page.on('console', (message) => write(`[browser ${message.type()}] ${message.text()}`));
    }
    timer = setTimeout(() => {
      write(`[e2e] timed out after ${timeoutMs} ms waiting for the test run to end`);
      settle(1);
    }, timeoutMs);

    const url = workbenchUrl({ base: server.base, port: server.port, workspace, extensionPath, testsPath });
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    write(`[e2e] workbench page loaded after ${since()}`);
    const code = await exit;
    write(`[e2e] test run exited (${code}) after ${since()}`);
    return code;
  } catch (error) {
    write(`[e2e] ${error instanceof Error ? error.stack ?? error.message : error}`);
    return 1;
  } finally {
    clearTimeout(timer);
    await browser?.close();
    await server?.stop();
  }
}

/**
 * Opens an Extension Development Host (no extensionTestsPath) for UI checks
 * and screenshots: resolves once the workbench is shown. The caller drives
 * `page` with Playwright and must call close(), which stops everything.
 */
export async function openWorkbench({ workspace, extensionPath, timeoutMs = 60_000 }) {
  const server = await startServer();
  let browser;
  try {
    browser = await launchChromium(server.setup);
    const { page } = browser;
    const url = workbenchUrl({ base: server.base, port: server.port, workspace, extensionPath });
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: timeoutMs });
    await page.waitForSelector('.monaco-workbench', { timeout: timeoutMs });
    let closed = false;
    return {
      page,
      browser: browser.browser,
      url,
      close: async () => {
        if (closed) return;
        closed = true;
        await browser.close();
        await server.stop();
      },
    };
  } catch (error) {
    await browser?.close();
    await server.stop();
    throw error;
  }
}
