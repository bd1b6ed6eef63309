// Runs every suite (npm test: unit, golden, CLI, LSP, editors, browser; then
// the real-VS-Code suite) and ends with one line counting them all:
// `all: N passed, N failed`. Exits non-zero if any suite failed or ran nothing.
// First sets up, on demand, the programs the suites drive (scripts/test-tools.mjs:
// Neovim, Emacs with eglot, Chromium); the real-VS-Code suite sets up its VS Code
// server itself (scripts/e2e/setup.mjs).
import { spawn } from 'node:child_process';

import { ensureTestTools } from './test-tools.mjs';

function run(args) {
  return new Promise((resolve) => {
    const child = spawn('npm', args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      output += chunk;
    });
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

function count(output, pattern) {
  const matches = [...output.matchAll(pattern)];
  return matches.length > 0 ? Number(matches[matches.length - 1][1]) : 0;
}

ensureTestTools();

const unit = await run(['test']);
const unitPassed = count(unit.output, /^\s*(\d+) passing/gm);
const unitFailed = count(unit.output, /^\s*(\d+) failing/gm);
const unitPending = count(unit.output, /^\s*(\d+) pending/gm);

const e2e = await run(['run', 'test:e2e']);
const e2ePassed = count(e2e.output, /^(\d+) passed, \d+ failed$/gm);
const e2eFailed = count(e2e.output, /^\d+ passed, (\d+) failed$/gm);

// A suite that exits non-zero without counting a failure (a crash, a build error) counts as one.
const failed = unitFailed + e2eFailed + (unit.code !== 0 && unitFailed === 0 ? 1 : 0) + (e2e.code !== 0 && e2eFailed === 0 ? 1 : 0);
const passed = unitPassed + e2ePassed;
console.log(`\nmocha: ${unitPassed} passing, ${unitFailed} failing, ${unitPending} pending; VS Code: ${e2ePassed} passed, ${e2eFailed} failed`);
console.log(`all: ${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 || unitPassed === 0 || e2ePassed === 0 || unitPending > 0 ? 1 : 0;
