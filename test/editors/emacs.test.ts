/**
 * The language server in Emacs: batch Emacs loads the eglot configuration of
 * docs/editors.md (as written there, with the real path of dist/server.js),
 * visits a copy of examples/flawed, and test/editors/eglot-check.el reports what
 * eglot and Flymake saw.
 *
 * Needs `emacs` with eglot (Emacs 29+, or Debian's emacs-nox + elpa-eglot;
 * CI: .ci/install-editors.sh) and a built dist/server.js. Without emacs the
 * test fails; it never skips.
 *
 *   npx tsc -p . && npm run build
 *   npx mocha --no-config --timeout 60000 out/test/editors/emacs.test.js
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { docsSnippet, prepare, requireEditor, requireServer, runEditor, ROOT, type EditorRun } from './editor-run';

const DRIVER = path.join(ROOT, 'test', 'editors', 'eglot-check.el');

interface EglotResult {
  readonly emacs: string;
  readonly eglot: string;
  readonly mode: string;
  readonly errors: string[];
  readonly fatal?: string;
  readonly diagnostics?: { line: number; col: number; code: string; type: string; message: string }[];
  readonly position?: { line: number; character: number };
  readonly hover?: { markdown: string };
  readonly definition?: { path: string; file: string; line: number }[];
}

function runEmacs(options: { file?: string; navigation?: boolean; dirLocals?: string } = {}): Promise<EditorRun<EglotResult>> {
  requireEditor('emacs', 'emacs-nox elpa-eglot');
  requireServer();
  const prepared = prepare();
  const snippet = path.join(prepared.home, 'isms.el');
  fs.writeFileSync(snippet, docsSnippet('elisp', 'define-derived-mode isms-mode'));
  if (options.dirLocals !== undefined) fs.writeFileSync(path.join(prepared.fixture, '.dir-locals.el'), options.dirLocals);
  const env = {
    ...process.env,
    HOME: prepared.home,
    ISMS_SNIPPET: snippet,
    ISMS_FIXTURE: prepared.fixture,
    ISMS_RESULT: prepared.resultFile,
    ISMS_FILE: options.file ?? 'risks.isms',
    ISMS_REFERENCE: 'owner it-admin',
    ISMS_NAVIGATION: options.navigation === false ? '0' : '1',
    ISMS_TIMEOUT: '15',
  };
  return runEditor<EglotResult>('emacs', ['--batch', '-l', DRIVER], env, prepared);
}

describe('Emacs (batch, eglot): the configuration of docs/editors.md', function () {
  this.timeout(60_000);
  let run: EditorRun<EglotResult>;

  before(async () => {
    run = await runEmacs();
    assert.equal(run.result.fatal, undefined, `eglot-check.el failed:\n${run.result.fatal}\n${run.stderr}`);
  });
  after(() => {
    if (run) fs.rmSync(run.temp, { recursive: true, force: true });
  });

  it('opens risks.isms in isms-mode and gets its diagnostics into Flymake, with the settings', () => {
    assert.equal(run.result.mode, 'isms-mode');
    const seen = (run.result.diagnostics ?? []).map((d) => `${d.line}:${d.col} ${d.type} ${d.code}`);
    assert.deepEqual(seen, [
      '12:1 eglot-error duplicate-singleton',
      '15:14 eglot-error acceptance-out-of-scale',
      '35:3 eglot-error unknown-field',
      '43:3 eglot-warning duplicate-field',
      '50:18 eglot-error invalid-value',
      '54:1 eglot-error missing-field',
      '59:1 eglot-error missing-title',
      '65:7 eglot-error duplicate-id',
      '72:9 eglot-error wrong-reference-kind',
      '80:14 eglot-error rating-out-of-scale',
      '91:1 eglot-error risk-untreated',
      '105:3 eglot-error risk-untreated',
      '106:3 eglot-warning acceptance-above-criteria',
      '111:1 eglot-warning residual-risk-not-accepted',
      '133:15 eglot-warning acceptor-not-owner',
      '144:19 eglot-error excluded-control-used',
      '154:9 eglot-error unknown-reference',
      // eglot-workspace-configuration of the docs: risk-assessment-overdue → info
      '174:12 eglot-note risk-assessment-overdue',
      '185:23 eglot-error residual-exceeds-inherent',
      '192:1 eglot-warning missing-assessment-date',
    ]);
  });

  it('hovers the owner reference it-admin with the role and its title', () => {
    assert.deepEqual(run.result.position, { line: 20, character: 9 });
    assert.ok(run.result.hover, `no hover: ${run.result.errors.join('; ')}`);
    assert.match(run.result.hover.markdown, /role `it-admin`/);
    assert.match(run.result.hover.markdown, /IT Administrator/);
  });

  it('goes to the definition of it-admin (M-., xref) in organization.isms, line 28', () => {
    assert.deepEqual(run.result.definition, [{ path: path.join(run.fixture, 'organization.isms'), file: 'organization.isms', line: 28 }]);
  });

  it('ends without a timeout or an error, and exits 0', () => {
    assert.deepEqual(run.result.errors, [], run.stderr);
    assert.equal(run.status, 0, run.stderr);
  });
});

describe('Emacs (batch, eglot): the .dir-locals.el of docs/editors.md', function () {
  this.timeout(60_000);
  let run: EditorRun<EglotResult>;

  before(async () => {
    run = await runEmacs({ file: 'organization.isms', navigation: false, dirLocals: docsSnippet('elisp', '((isms-mode') });
    assert.equal(run.result.fatal, undefined, `eglot-check.el failed:\n${run.result.fatal}\n${run.stderr}`);
  });
  after(() => {
    if (run) fs.rmSync(run.temp, { recursive: true, force: true });
  });

  it('overrides the settings for the project: asOf pinned, missing-measurement off', () => {
    assert.deepEqual(run.result.errors, [], run.stderr);
    const diagnostics = run.result.diagnostics ?? [];
    const codes = diagnostics.map((d) => d.code);
    assert.ok(codes.includes('missing-scope'), codes.join(', '));
    assert.ok(!codes.includes('missing-measurement'), codes.join(', '));
    const overdue = diagnostics.find((d) => d.code === 'review-overdue');
    assert.ok(overdue, codes.join(', '));
    assert.match(overdue.message, /\(as of 2026-11-27\)/);
  });
});
