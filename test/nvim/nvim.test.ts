/**
 * The language server in a real editor: headless Neovim (0.7+, the built-in
 * LSP client) runs test/nvim/lsp-check.lua on a copy of examples/flawed, and
 * this test checks what Neovim saw: the diagnostics of risks.isms (with the
 * `isms` settings applied), the hover and the definition of an owner reference.
 *
 * Needs `nvim` on PATH (CI: .ci/install-editors.sh) and a built dist/server.js
 * (`npm run build`). Without nvim the test fails; it never skips.
 *
 *   npx tsc -p . && npm run build
 *   npx mocha --no-config --timeout 60000 out/test/nvim/nvim.test.js
 */
import * as assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The repository root (this file runs from out/test/nvim/). */
const ROOT = path.resolve(__dirname, '..', '..', '..');
const SCRIPT = path.join(ROOT, 'test', 'nvim', 'lsp-check.lua');
/** The server bundle; ISMS_SERVER may point at another build. */
const SERVER = path.resolve(process.env.ISMS_SERVER || path.join(ROOT, 'dist', 'server.js'));

/**
 * The `isms` settings section Neovim hands the server. The severity overrides
 * prove that the settings arrive (the as-of date alone could equal today).
 */
const SETTINGS = { asOf: '2026-11-27', severity: { 'duplicate-field': 'info', 'acceptor-not-owner': 'off' } };

interface SeenDiagnostic {
  readonly code: string;
  readonly line: number;
  readonly col: number;
  readonly severity: string;
  readonly source: string;
  readonly message: string;
}

interface SeenLocation {
  readonly uri: string;
  readonly path: string;
  readonly file: string;
  readonly line: number;
  readonly range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

interface CheckResult {
  readonly nvim: string;
  readonly errors: string[];
  readonly fatal?: string;
  readonly diagnostics?: SeenDiagnostic[];
  readonly position?: { line: number; character: number; word: string };
  readonly hover?: { markdown: string };
  readonly definition?: SeenLocation[];
}

interface Run {
  readonly status: number | null;
  readonly stderr: string;
  readonly result: CheckResult;
  readonly fixture: string;
  /** The temporary folder of the run (fixture, result, Neovim's XDG folders). */
  readonly temp: string;
}

function requireNvim(): void {
  const probe = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      `nvim is not installed or does not run (${probe.error?.message ?? `exit ${probe.status}`}): ` +
        'install it with .ci/install-editors.sh (apt-get install neovim). This test does not skip.',
    );
  }
}

function runNeovim(): Promise<Run> {
  requireNvim();
  if (!fs.existsSync(SERVER)) throw new Error(`${SERVER} is missing: run npm run build first`);
  const temp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'isms-nvim-')));
  const fixture = path.join(temp, 'flawed');
  fs.cpSync(path.join(ROOT, 'examples', 'flawed'), fixture, { recursive: true });
  const resultFile = path.join(temp, 'result.json');
  const home = path.join(temp, 'home');
  fs.mkdirSync(home);
  const env = {
    ...process.env,
    ISMS_FIXTURE: fixture,
    ISMS_RESULT: resultFile,
    ISMS_SERVER: SERVER,
    ISMS_FILE: 'risks.isms',
    ISMS_REFERENCE: 'owner it-admin',
    ISMS_SETTINGS: JSON.stringify(SETTINGS),
    ISMS_TIMEOUT_MS: '15000',
    // Keep the user's Neovim state, cache and log out of it.
    XDG_CONFIG_HOME: path.join(home, 'config'),
    XDG_DATA_HOME: path.join(home, 'data'),
    XDG_STATE_HOME: path.join(home, 'state'),
    XDG_CACHE_HOME: path.join(home, 'cache'),
  };
  const args = ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${SCRIPT}`];
  return new Promise((resolve, reject) => {
    execFile('nvim', args, { cwd: ROOT, env, timeout: 50_000, encoding: 'utf8' }, (error, _stdout, stderr) => {
      const status = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      if (!fs.existsSync(resultFile)) {
        reject(new Error(`nvim wrote no result (exit ${status}, ${error?.signal ?? 'no signal'}):\n${stderr}`));
        return;
      }
      resolve({ status, stderr, result: JSON.parse(fs.readFileSync(resultFile, 'utf8')) as CheckResult, fixture, temp });
    });
  });
}

describe('Neovim (headless, built-in LSP client)', function () {
  this.timeout(60_000);
  let run: Run;

  before(async () => {
    run = await runNeovim();
    assert.equal(run.result.fatal, undefined, `lsp-check.lua failed:\n${run.result.fatal}`);
  });
  after(() => {
    if (run) fs.rmSync(run.temp, { recursive: true, force: true });
  });

  it('shows the diagnostics of risks.isms, with the isms settings applied', () => {
    const seen = (run.result.diagnostics ?? []).map((d) => `${d.line}:${d.col} ${d.severity} ${d.code}`);
    assert.deepEqual(seen, [
      '12:1 ERROR duplicate-singleton',
      '35:3 ERROR unknown-field',
      // isms.severity: duplicate-field is turned down to info
      '43:3 INFO duplicate-field',
      '50:18 ERROR invalid-value',
      '54:1 ERROR missing-field',
      '59:1 ERROR missing-title',
      '65:7 ERROR duplicate-id',
      '72:9 ERROR wrong-reference-kind',
      '80:14 ERROR rating-out-of-scale',
      '91:1 ERROR risk-untreated',
      '105:3 ERROR risk-untreated',
      '111:1 WARN residual-risk-not-accepted',
      // (acceptor-not-owner on line 133 is turned off by isms.severity)
      '144:19 ERROR excluded-control-used',
      '154:9 ERROR unknown-reference',
      '174:12 WARN risk-assessment-overdue',
    ]);
    const diagnostics = run.result.diagnostics!;
    assert.ok(diagnostics.every((d) => d.source === 'isms'));
    assert.match(diagnostics.find((d) => d.code === 'unknown-field')!.message, /no field 'clasification'; did you mean 'classification'\?/);
    // isms.asOf: the reassessment is judged against the pinned date
    assert.match(diagnostics.find((d) => d.code === 'risk-assessment-overdue')!.message, /\(as of 2026-11-27\)/);
  });

  it('hovers the owner reference it-admin on line 20 with the role and its title', () => {
    assert.deepEqual(run.result.position, { line: 20, character: 9, word: 'it-admin' });
    assert.ok(run.result.hover, `no hover: ${run.result.errors.join('; ')}`);
    const markdown = run.result.hover.markdown;
    assert.match(markdown, /role `it-admin`/);
    assert.match(markdown, /IT Administrator/);
    assert.match(markdown, /Declared in organization\.isms:28/);
  });

  it('goes from the owner reference to the role it-admin in organization.isms, line 28', () => {
    assert.ok(run.result.definition, `no definition: ${run.result.errors.join('; ')}`);
    assert.equal(run.result.definition.length, 1, JSON.stringify(run.result.definition));
    const [location] = run.result.definition;
    assert.equal(location.path, path.join(run.fixture, 'organization.isms'));
    assert.equal(location.line, 28);
    // `role it-admin "IT Administrator" {`: the range of the id
    assert.deepEqual(location.range.start, { line: 27, character: 5 });
    assert.deepEqual(location.range.end, { line: 27, character: 13 });
  });

  it('ends without a timeout or an error, and exits 0', () => {
    assert.deepEqual(run.result.errors, [], run.stderr);
    assert.equal(run.status, 0, run.stderr);
  });
});
