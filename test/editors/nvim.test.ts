/**
 * The language server in a real editor: headless Neovim (0.7+, the built-in
 * LSP client) runs test/editors/lsp-check.lua on a copy of examples/flawed, and
 * this test checks what Neovim saw: the diagnostics of risks.isms (with the
 * `isms` settings applied), the hover and the definition of an owner reference.
 *
 * Needs `nvim` on PATH (CI: .ci/install-editors.sh) and a built dist/server.js
 * (`npm run build`). Without nvim the test fails; it never skips.
 *
 *   npx tsc -p . && npm run build
 *   npx mocha --no-config --timeout 60000 out/test/editors/nvim.test.js
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { docsSnippet, prepare, requireEditor, requireServer, runEditor, ROOT, SERVER, type EditorRun } from './editor-run';

const SCRIPT = path.join(ROOT, 'test', 'editors', 'lsp-check.lua');

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
  readonly filetype?: string;
  readonly root?: string;
  readonly diagnostics?: SeenDiagnostic[];
  readonly position?: { line: number; character: number; word: string };
  readonly hover?: { markdown: string };
  readonly definition?: SeenLocation[];
}

/**
 * Runs lsp-check.lua in headless Neovim on a copy of examples/flawed: with
 * `-u NONE` (the script starts the server), or with an init file (which must).
 */
function runNeovim(options: { init?: string; navigation?: boolean } = {}): Promise<EditorRun<CheckResult>> {
  requireEditor('nvim', 'neovim');
  requireServer();
  const prepared = prepare();
  const { home } = prepared;
  let init = 'NONE';
  if (options.init !== undefined) {
    init = path.join(home, 'init.lua');
    fs.writeFileSync(init, options.init);
  }
  const env = {
    ...process.env,
    ISMS_FIXTURE: prepared.fixture,
    ISMS_RESULT: prepared.resultFile,
    ISMS_SERVER: SERVER,
    ISMS_FILE: 'risks.isms',
    ISMS_REFERENCE: 'owner it-admin',
    ISMS_SETTINGS: JSON.stringify(SETTINGS),
    ISMS_TIMEOUT_MS: '15000',
    ISMS_USE_INIT: options.init !== undefined ? '1' : '0',
    ISMS_NAVIGATION: options.navigation === false ? '0' : '1',
    // Keep the user's Neovim configuration, state, cache and log out of it.
    XDG_CONFIG_HOME: path.join(home, 'config'),
    XDG_DATA_HOME: path.join(home, 'data'),
    XDG_STATE_HOME: path.join(home, 'state'),
    XDG_CACHE_HOME: path.join(home, 'cache'),
  };
  // The script quits Neovim itself; the `cquit 3` after it only runs when the
  // script could not be loaded, so that Neovim does not wait for input.
  const args = ['--headless', '-u', init, '-i', 'NONE', '-n', '-c', `luafile ${SCRIPT}`, '-c', 'cquit 3'];
  return runEditor<CheckResult>('nvim', args, env, prepared);
}

describe('Neovim (headless, built-in LSP client): lsp-check.lua', function () {
  this.timeout(60_000);
  let run: EditorRun<CheckResult>;

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
      '15:14 ERROR acceptance-out-of-scale',
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
      '106:3 WARN acceptance-above-criteria',
      '111:1 WARN residual-risk-not-accepted',
      // (acceptor-not-owner on line 133 is turned off by isms.severity)
      '144:19 ERROR excluded-control-used',
      '154:9 ERROR unknown-reference',
      '174:12 WARN risk-assessment-overdue',
      '185:23 ERROR residual-exceeds-inherent',
      '192:1 WARN missing-assessment-date',
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

describe('Neovim: the Neovim 0.7 configuration of docs/editors.md', function () {
  this.timeout(60_000);
  let run: EditorRun<CheckResult>;

  before(async () => {
    run = await runNeovim({ init: docsSnippet('lua', 'vim.lsp.start_client'), navigation: false });
    assert.equal(run.result.fatal, undefined, `lsp-check.lua failed:\n${run.result.fatal}`);
  });
  after(() => {
    if (run) fs.rmSync(run.temp, { recursive: true, force: true });
  });

  it('sets the filetype, starts the server at the root and attaches it', () => {
    assert.deepEqual(run.result.errors, [], run.stderr);
    assert.equal(run.result.filetype, 'isms');
    assert.equal(run.result.root, run.fixture);
  });

  it('shows the diagnostics, with the documented severity setting applied', () => {
    const seen = (run.result.diagnostics ?? []).map((d) => `${d.line} ${d.severity} ${d.code}`);
    for (const expected of ['35 ERROR unknown-field', '43 WARN duplicate-field', '133 WARN acceptor-not-owner', '154 ERROR unknown-reference']) {
      assert.ok(seen.includes(expected), `${expected} in ${seen.join(', ')}`);
    }
    // isms.severity of the documented configuration: risk-assessment-overdue → info
    assert.ok(seen.includes('174 INFO risk-assessment-overdue'), seen.join(', '));
    assert.equal(run.status, 0, run.stderr);
  });
});
