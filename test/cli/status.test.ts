/** `isms status [PATH] [--format text|json|md] [--as-of]`: clause readiness (LANGUAGE.md §7.5), a report that exits 0. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expectGolden } from '../helpers/golden';
import { isOneLineError, runCli } from '../helpers/run-cli';

const AS_OF = ['--as-of', '2026-11-27'];

describe('isms status', () => {
  it('prints the clinic: no fail or warn, the unverified clauses with what an auditor will ask (exit 0)', () => {
    const run = runCli(['status', 'examples/clinic', ...AS_OF]);
    assert.equal(run.status, 0);
    assert.equal(run.stderr, '');
    expectGolden('test/golden/cli/status-clinic.txt', run.stdout);
    assert.doesNotMatch(run.stdout, / (fail|warn) /);
    assert.match(run.stdout, /^30 clauses: 0 fail, 0 warn, \d+ unverified, \d+ pass$/m);
    assert.match(run.stdout, /^4\.4 Information security management system\n {2}records: 6 policies, 23 risks, 93 SoA entries, 2 internal audits, 1 management review\n {2}asks: How are the ISMS processes/m);
    for (const id of ['4.4', '6.1.1', '7.1', '8.1', '10.1']) assert.match(run.stdout, new RegExp(`^ *${id.replace(/\./g, '\\.')} .* unverified$`, 'm'), id);
  });

  it('prints the flawed example with its failing clauses, and still exits 0', () => {
    const run = runCli(['status', 'examples/flawed', ...AS_OF]);
    assert.equal(run.status, 0, 'a report, not a gate');
    assert.match(run.stdout, /^ {2}4\.3 Determining the scope of the information security management system +fail +1 error: missing-scope$/m);
    // v2: examples/flawed holds an audit held in 2025 without result (missing-internal-audit is in examples/flawed-policies).
    assert.match(run.stdout, /^ {4}9\.2\.2 Internal audit programme +warn +3 warnings: audit-overdue, missing-audit-programme, audit-without-result$/m);
    assert.match(run.stdout, /^ {2}8\.2 Information security risk assessment +warn +2 warnings: risk-assessment-overdue, missing-assessment-date$/m);
  });

  it('prints JSON: every clause with its state, findings, checks, records and questions', () => {
    const run = runCli(['status', 'examples/flawed', '--format', 'json', ...AS_OF]);
    assert.equal(run.status, 0);
    const report = JSON.parse(run.stdout);
    assert.deepEqual(Object.keys(report), ['version', 'asOf', 'files', 'summary', 'clauses']);
    assert.equal(report.asOf, '2026-11-27');
    assert.equal(report.clauses.length, 41, '7 main clauses, 4 with sub-clauses (6.1, 7.5, 9.2, 9.3), 30 without');
    assert.deepEqual(Object.keys(report.clauses[0]), ['clause', 'title', 'parent', 'state', 'errors', 'warnings', 'checks', 'records', 'asks', 'findings']);
    const scope = report.clauses.find((c: { clause: string }) => c.clause === '4.3');
    assert.deepEqual(scope.findings.map((f: { code: string; file: string; line: number }) => [f.code, f.file, f.line]), [['missing-scope', 'examples/flawed/organization.isms', 18]]);
    assert.equal(scope.parent, '4');
    assert.deepEqual(scope.checks, ['missing-scope']);
    const summary = report.summary;
    assert.equal(summary.fail + summary.warn + summary.unverified + summary.pass, 30);
    assert.ok(['fail', 'warn', 'unverified', 'pass'].every((state) => typeof summary[state] === 'number'));
  });

  it('fails a clause whose error is suppressed (the reason explains it, the gate lets it pass); a suppressed warning is answered', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'isms-status-'));
    fs.cpSync('examples/clinic', dir, { recursive: true });
    const organization = path.join(dir, 'organization.isms');
    const text = fs.readFileSync(organization, 'utf8').replace(/^scope \{[\s\S]*?^\}\n/m, '');
    fs.writeFileSync(organization, text.replace(/^organization /m, '// isms-ignore missing-scope: the scope is with the board for approval (BRD-12)\norganization '));
    // isms check is the gate: the suppression takes the error out (LANGUAGE.md §7.7).
    const check = runCli(['check', dir, ...AS_OF]);
    assert.equal(check.status, 0, check.stdout);
    assert.match(check.stdout, /no problems; 1 finding suppressed\n$/);
    // isms status is what an auditor would find: 4.3 fails, and the finding says why it was suppressed.
    const run = runCli(['status', dir, '--format', 'json', ...AS_OF]);
    const scope = JSON.parse(run.stdout).clauses.find((c: { clause: string }) => c.clause === '4.3');
    assert.equal(scope.state, 'fail');
    assert.deepEqual(scope.findings.map((f: { code: string; suppressed?: string }) => [f.code, f.suppressed]), [['missing-scope', 'the scope is with the board for approval (BRD-12)']]);
    assert.match(runCli(['status', dir, ...AS_OF]).stdout, /^ {2}4\.3 Determining the scope of the information security management system +fail +1 error: missing-scope \(suppressed\)$/m);
    // A suppressed warning is answered by its reason: the clinic with a policy overdue and suppressed keeps 5.2 passing.
    const policies = path.join(dir, 'policies.isms');
    const first = fs.readFileSync(policies, 'utf8');
    fs.writeFileSync(organization, text);
    fs.writeFileSync(policies, first.replace(/^(\s*)next-review \d{4}-\d{2}-\d{2}$/m, '$1// isms-ignore review-overdue: the board reviews it on 2026-12-04\n$1next-review 2026-11-01'));
    const states = JSON.parse(runCli(['status', dir, '--format', 'json', ...AS_OF]).stdout).clauses;
    assert.equal(states.find((c: { clause: string }) => c.clause === '5.2').state, 'pass');
    assert.match(runCli(['check', dir, ...AS_OF]).stdout, /1 finding suppressed\n$/);
  });

  it('prints Markdown: the table and a section per unverified clause', () => {
    const run = runCli(['status', 'examples/clinic', '--format', 'md', ...AS_OF]);
    assert.equal(run.status, 0);
    expectGolden('test/golden/cli/status-clinic.md', run.stdout);
    assert.match(run.stdout, /^\| 4\.4 \| Information security management system \| \? unverified \| {2}\|$/m);
    assert.match(run.stdout, /^### 8\.1 Operational planning and control$/m);
  });

  describe('bad usage: exit 2, one line', () => {
    const cases: [string, string[], RegExp][] = [
      ['an unknown format', ['status', 'examples/clinic', '--format', 'sarif'], /unknown --format 'sarif': use text, json, md/],
      ['an impossible --as-of', ['status', 'examples/clinic', '--as-of', '2026-13-01'], /--as-of '2026-13-01' is not a date/],
      ['two paths', ['status', 'examples/clinic', 'examples/flawed'], /isms status takes one PATH/],
      ['a missing path', ['status', 'no/such/place'], /cannot read 'no\/such\/place'/],
      ['an unknown option', ['status', '--max-warnings', '3'], /max-warnings/],
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
});
