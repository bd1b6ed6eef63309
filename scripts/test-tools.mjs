// Sets up, on demand, the programs the test suites drive, so that the README's
// `npm run test:all` works on a fresh machine (as the real-VS-Code suite sets
// up its VS Code server on demand, scripts/e2e/setup.mjs):
//
//   - Neovim, and Emacs with eglot, for the editor tests (test/editors):
//     .ci/install-editors.sh;
//   - Chromium at /usr/bin/chromium, for the browser tests (test/browser):
//     .ci/install-browser.sh.
//
// A program that already runs is left alone; a missing one is installed by its
// script (Debian/Ubuntu apt-get, as root or through sudo).
//
//   node scripts/test-tools.mjs            set up what is missing (npm run test:tools)
//   node scripts/test-tools.mjs --check    only report; exit 1 if something is missing
//
// Exports ensureTestTools() for scripts/test-all.mjs.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Where the browser tests and the e2e set-up look for Chromium. */
const CHROMIUM = '/usr/bin/chromium';

function runs(command, args) {
  const result = spawnSync(command, args, { stdio: 'ignore', timeout: 60_000 });
  return !result.error && result.status === 0;
}

/** The tools, each with how to tell it is there and the script that installs it. */
export const TOOLS = Object.freeze([
  {
    name: 'nvim',
    for: 'test/editors (Neovim)',
    present: () => runs('nvim', ['--version']),
    script: '.ci/install-editors.sh',
  },
  {
    name: 'emacs with eglot',
    for: 'test/editors (Emacs)',
    present: () => runs('emacs', ['--batch', '--eval', "(require 'eglot)"]),
    script: '.ci/install-editors.sh',
  },
  {
    name: 'chromium',
    for: 'test/browser and the real-VS-Code suite',
    present: () => existsSync(CHROMIUM) && runs(CHROMIUM, ['--version']),
    script: '.ci/install-browser.sh',
  },
]);

function log(message) {
  console.log(`[test tools] ${message}`);
}

/**
 * Installs the missing tools (each install script runs once, whatever the
 * number of tools it provides). Returns the names of the tools still missing
 * afterwards (empty: all set). With `check`, installs nothing.
 */
export function ensureTestTools({ check = false } = {}) {
  const missing = TOOLS.filter((tool) => !tool.present());
  if (missing.length === 0) {
    log(`present: ${TOOLS.map((tool) => tool.name).join(', ')}`);
    return [];
  }
  for (const tool of missing) log(`missing: ${tool.name} (for ${tool.for}; installed by ${tool.script})`);
  if (check) return missing.map((tool) => tool.name);
  for (const script of [...new Set(missing.map((tool) => tool.script))]) {
    log(`$ sh ${script}`);
    const result = spawnSync('sh', [join(ROOT, script)], { cwd: ROOT, stdio: 'inherit' });
    if (result.error || result.status !== 0) log(`${script} failed (${result.error?.message ?? `exit ${result.status}`})`);
  }
  const still = missing.filter((tool) => !tool.present()).map((tool) => tool.name);
  if (still.length > 0) log(`still missing: ${still.join(', ')}: their tests will fail (they never skip)`);
  else log(`installed: ${missing.map((tool) => tool.name).join(', ')}`);
  return still;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const still = ensureTestTools({ check: process.argv.includes('--check') });
  process.exitCode = still.length > 0 ? 1 : 0;
}
