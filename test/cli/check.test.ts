import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ALL_CODES } from '../../server/src/analysis/diagnostic-codes';
import { expectGolden } from '../helpers/golden';
import { isOneLineError, runCli } from '../helpers/run-cli';

const AS_OF = ['--as-of', '2026-11-27'];

function tempDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'isms-cli-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe('isms check', () => {
  it('passes the clinic example with no diagnostics (exit 0)', () => {
    const run = runCli(['check', 'examples/clinic', ...AS_OF]);
    assert.equal(run.stderr, '');
    const count = fs.readdirSync('examples/clinic').filter((f) => f.endsWith('.isms')).length;
    assert.equal(run.stdout, `${count} files checked: no problems\n`);
    assert.equal(run.status, 0);
  });

  it('keeps the clinic clean up to the end of the window examples/README.md gives, and no further', () => {
    const count = fs.readdirSync('examples/clinic').filter((f) => f.endsWith('.isms')).length;
    for (const asOf of ['2026-11-27', '2026-12-31', '2027-01-31']) {
      const run = runCli(['check', 'examples/clinic', '--as-of', asOf]);
      assert.equal(run.stdout, `${count} files checked: no problems\n`, `as of ${asOf}`);
    }
    // The next day the open nonconformity NC-02 is past its due date, as an auditor would see.
    const after = runCli(['check', 'examples/clinic', '--as-of', '2027-02-01']);
    assert.match(after.stdout, /^examples\/clinic\/audits\.isms:\d+:\d+: warning nonconformity-overdue \[10\.2\]: NC-02 is still open; its corrective action was due on 2027-01-31 \(as of 2027-02-01\)\n/);
    assert.match(after.stdout, /0 errors, 1 warning\n$/);
  });

  it('lists every code over the flawed examples (exit 1)', () => {
    const codes = new Set<string>();
    // The codes of issue 14 (hostile input) are raised by test/fixtures/hostile-codes.
    for (const folder of ['examples/flawed', 'examples/flawed-no-organization', 'examples/flawed-policies', 'test/fixtures/hostile-codes']) {
      const run = runCli(['check', folder, '--format', 'json', ...AS_OF]);
      assert.equal(run.status, 1);
      for (const diagnostic of JSON.parse(run.stdout).diagnostics) codes.add(diagnostic.code);
    }
    assert.deepEqual([...codes].sort(), [...ALL_CODES].sort());
  });

  it('shows every code in examples/flawed alone, but those that need what it has to be absent', () => {
    // Each of these needs the absence of something examples/flawed has (an organization, a policy, an
    // information security policy among several, risk criteria, a risk, an objective, a held audit or
    // review); examples/flawed-no-organization and examples/flawed-policies show them.
    const elsewhere = [
      'missing-organization',
      'missing-policy',
      'missing-information-security-policy',
      'missing-risk-criteria',
      'missing-risk-assessment',
      'missing-objectives',
      'missing-internal-audit',
      'missing-management-review',
      // Hostile input (issue 14): shown by test/fixtures/hostile-codes; a file that is not UTF-8, a flood
      // of findings, a Trojan Source character or a path out of the workspace have no place in an example.
      'bidi-control-character',
      'document-outside-workspace',
      'invalid-encoding',
      'too-many-findings',
    ];
    const run = runCli(['check', 'examples/flawed', '--format', 'json', ...AS_OF]);
    const codes = new Set<string>(JSON.parse(run.stdout).diagnostics.map((d: { code: string }) => d.code));
    assert.deepEqual(ALL_CODES.filter((code) => !codes.has(code)).sort(), [...elsewhere].sort());
  });

  it('prints JSON exactly as LANGUAGE.md §5 specifies', () => {
    const run = runCli(['check', 'examples/flawed', '--format', 'json', ...AS_OF]);
    const report = JSON.parse(run.stdout);
    assert.deepEqual(Object.keys(report), ['version', 'files', 'diagnostics', 'suppressed']);
    assert.equal(report.version, 1);
    assert.equal(report.files, fs.readdirSync('examples/flawed').filter((f) => f.endsWith('.isms')).length);
    const keys = ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'clause', 'message'];
    for (const d of report.diagnostics) {
      assert.deepEqual(Object.keys(d), keys);
      assert.ok(d.file.startsWith('examples/flawed/'), 'relative to the current folder');
      assert.ok(d.line >= 1 && d.column >= 1, '1-based');
      assert.ok(d.clause === null || typeof d.clause === 'string');
    }
    const order = report.diagnostics.map((d: { file: string; line: number; column: number }) => [d.file, d.line, d.column]);
    const sorted = [...order].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1] || a[2] - b[2]));
    assert.deepEqual(order, sorted);
    assert.ok(report.diagnostics.some((d: { clause: unknown }) => d.clause === null), 'syntax-error has no clause');
    expectGolden('test/golden/cli/flawed.json', JSON.stringify(report, null, 2) + '\n');
  });

  it('prints text with file:line:col and a summary', () => {
    const run = runCli(['check', 'examples/flawed', ...AS_OF]);
    expectGolden('test/golden/cli/flawed.txt', run.stdout);
    assert.match(run.stdout, /^examples\/flawed\/organization\.isms:\d+:\d+: (error|warning) [a-z-]+/m);
    assert.match(run.stdout, /5 files checked: \d+ errors, \d+ warnings; 1 finding suppressed\n$/);
  });

  it('prints SARIF 2.1.0 with rule metadata and the clause', () => {
    const run = runCli(['check', 'examples/flawed', '--format', 'sarif', ...AS_OF]);
    assert.equal(run.status, 1);
    const sarif = JSON.parse(run.stdout);
    assert.equal(sarif.version, '2.1.0');
    const [only] = sarif.runs;
    const rules = only.tool.driver.rules;
    assert.deepEqual(rules.map((r: { id: string }) => r.id), ALL_CODES);
    for (const rule of rules) {
      assert.ok(rule.shortDescription.text.length > 0);
      assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level));
      assert.ok('clause' in rule.properties);
    }
    const json = JSON.parse(runCli(['check', 'examples/flawed', '--format', 'json', ...AS_OF]).stdout);
    const standing = only.results.filter((result: any) => result.suppressions === undefined);
    assert.equal(standing.length, json.diagnostics.length);
    assert.equal(only.results.length, json.diagnostics.length + json.suppressed.length);
    standing.forEach((result: any, i: number) => {
      const d = json.diagnostics[i];
      assert.equal(result.ruleId, d.code);
      assert.equal(rules[result.ruleIndex].id, d.code);
      assert.equal(result.properties.clause, d.clause);
      const location = result.locations[0].physicalLocation;
      assert.equal(location.artifactLocation.uri, d.file);
      assert.deepEqual(location.region, { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn });
    });
  });

  it('applies --max-warnings', () => {
    // The clinic with one policy made overdue has exactly one warning.
    const clinic = fs.readdirSync('examples/clinic', { recursive: true, encoding: 'utf8' });
    const files: Record<string, string> = {};
    for (const f of clinic) {
      const full = path.join('examples/clinic', f);
      if (fs.statSync(full).isFile()) files[f] = fs.readFileSync(full, 'utf8');
    }
    const dir = tempDir(files);
    const late = runCli(['check', dir, '--format', 'json', '--as-of', '2099-01-01']);
    const warnings = JSON.parse(late.stdout).diagnostics.filter((d: { severity: string }) => d.severity === 'warning').length;
    const errors = JSON.parse(late.stdout).diagnostics.filter((d: { severity: string }) => d.severity === 'error').length;
    assert.ok(warnings > 0);
    assert.equal(errors, 0);
    assert.equal(late.status, 0, 'warnings alone do not fail');
    assert.equal(runCli(['check', dir, '--as-of', '2099-01-01', '--max-warnings', String(warnings)]).status, 0);
    assert.equal(runCli(['check', dir, '--as-of', '2099-01-01', '--max-warnings', String(warnings - 1)]).status, 1);
  });

  it('checks several PATHs, files or folders, as one ISMS', () => {
    const run = runCli(['check', 'examples/clinic/soa.isms', 'examples/clinic/roles.isms', '--format', 'json', ...AS_OF]);
    const report = JSON.parse(run.stdout);
    assert.equal(report.files, 2);
    assert.ok(report.diagnostics.some((d: { code: string }) => d.code === 'missing-scope'));
  });

  describe('bad usage and unreadable input: exit 2, one line, no stack trace', () => {
    const cases: [string, string[], RegExp][] = [
      ['a missing path', ['check', 'no/such/place'], /cannot read 'no\/such\/place': no such file or folder/],
      ['an unknown format', ['check', 'examples/clinic', '--format', 'xml'], /unknown --format 'xml'/],
      ['an impossible --as-of', ['check', 'examples/clinic', '--as-of', '2026-02-30'], /--as-of '2026-02-30' is not a date/],
      ['a bad --max-warnings', ['check', 'examples/clinic', '--max-warnings', 'many'], /--max-warnings 'many'/],
      ['an unknown option', ['check', '--frobnicate'], /frobnicate/],
      ['an unknown command', ['lint'], /unknown command 'lint'/],
      ['a folder without .isms files', ['check', 'docs'], /no \.isms files in docs/],
    ];
    for (const [what, args, message] of cases) {
      it(what, () => {
        const run = runCli(args);
        assert.ok(isOneLineError(run), `expected a one-line error with exit 2, got ${run.status}: ${run.stderr}`);
        assert.match(run.stderr, message);
        assert.equal(run.stdout, '');
      });
    }
  });

  describe('suppressions (LANGUAGE.md §7.7)', () => {
    const files = {
      'isms.isms': [
        '// isms-ignore missing-scope, missing-policy: both are kept in the group ISMS and imported at the next release',
        'organization "Acme Cloud Ltd" {',
        '  top-management ceo',
        '  climate-change not-relevant',
        '}',
        '',
        'role ceo "Chief Executive" {',
        '  top-management yes',
        '}',
        '',
        'role cto "Chief Technology Officer" {',
        '  // isms-ignore missing-competence-evidence',
        '  responsibilities "Operates the ISMS"',
        '}',
        '',
      ].join('\n'),
    };

    it('counts the suppressed findings in the text summary', () => {
      const dir = tempDir(files);
      const run = runCli(['check', dir, ...AS_OF], { cwd: dir });
      assert.doesNotMatch(run.stdout, / missing-scope /);
      assert.doesNotMatch(run.stdout, / missing-policy /);
      assert.match(run.stdout, /^isms\.isms:12:3: warning suppression-without-reason: this suppression has no reason, so it suppresses nothing: write '\/\/ isms-ignore missing-competence-evidence: reason'$/m);
      assert.match(run.stdout, /^isms\.isms:11:1: warning missing-competence-evidence /m);
      assert.match(run.stdout, /^1 file checked: \d+ errors, \d+ warnings; 2 findings suppressed\n$/m);
    });

    it('lists them under "suppressed" in JSON, with file, line, code and reason', () => {
      const dir = tempDir(files);
      const report = JSON.parse(runCli(['check', dir, '--format', 'json', ...AS_OF], { cwd: dir }).stdout);
      const reason = 'both are kept in the group ISMS and imported at the next release';
      assert.deepEqual(report.suppressed, [
        { file: 'isms.isms', line: 2, column: 1, severity: 'error', code: 'missing-policy', clause: '5.2', message: report.suppressed[0].message, reason, suppressionLine: 1 },
        { file: 'isms.isms', line: 2, column: 1, severity: 'error', code: 'missing-scope', clause: '4.3', message: report.suppressed[1].message, reason, suppressionLine: 1 },
      ]);
      assert.ok(!report.diagnostics.some((d: { code: string }) => d.code === 'missing-scope' || d.code === 'missing-policy'));
    });

    it('marks them in SARIF as suppressed in source, with the reason as justification', () => {
      const dir = tempDir(files);
      const sarif = JSON.parse(runCli(['check', dir, '--format', 'sarif', ...AS_OF], { cwd: dir }).stdout);
      const suppressed = sarif.runs[0].results.filter((r: any) => r.suppressions);
      assert.deepEqual(
        suppressed.map((r: any) => [r.ruleId, r.locations[0].physicalLocation.region.startLine, r.suppressions]),
        ['missing-policy', 'missing-scope'].map((code) => [
          code,
          2,
          [
            {
              kind: 'inSource',
              status: 'accepted',
              justification: 'both are kept in the group ISMS and imported at the next release',
              location: { physicalLocation: { artifactLocation: { uri: 'isms.isms' }, region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 111 } } },
            },
          ],
        ]),
      );
    });

    it('prints no suppression count when nothing is suppressed, and a suppression does not lift the exit code of the rest', () => {
      const dir = tempDir({ 'isms.isms': files['isms.isms'].replace('// isms-ignore missing-scope, missing-policy: both', '// isms-ignore missing-scope: both') });
      const run = runCli(['check', dir, ...AS_OF], { cwd: dir });
      assert.match(run.stdout, /; 1 finding suppressed\n$/);
      assert.match(run.stdout, / error missing-policy /);
      assert.equal(run.status, 1);
    });
  });

  it('skips a broken link and a link loop with a warning, not a crash', () => {
    const dir = tempDir({ 'a.isms': fs.readFileSync('examples/flawed-no-organization/draft.isms', 'utf8') });
    fs.symlinkSync(path.join(dir, 'missing.isms'), path.join(dir, 'broken.isms'));
    fs.symlinkSync(dir, path.join(dir, 'loop'));
    const run = runCli(['check', dir, '--format', 'json', ...AS_OF]);
    assert.equal(run.status, 1);
    assert.equal(JSON.parse(run.stdout).files, 1);
    assert.match(run.stderr, /warning: skipped '.*broken\.isms': a broken link/);
    assert.match(run.stderr, /warning: skipped folder '.*loop': a link loop/);
  });
});
