/**
 * `isms coverage`: the clinic's NIS2 totals recomputed here independently,
 * from the TSV files in data/mappings and the clinic's SoA read with a plain
 * pattern; formats, credit, packs and exit codes.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { isOneLineError, runCli } from '../helpers/run-cli';

const AS_OF = ['--as-of', '2026-11-27'];

function tsv(file: string): Record<string, string>[] {
  const [header, ...lines] = fs.readFileSync(file, 'utf8').split('\n').filter((line) => line !== '');
  const names = header.split('\t');
  return lines.map((line) => Object.fromEntries(line.split('\t').map((cell, i) => [names[i], cell])));
}

/** Each Annex A control of the clinic's SoA: `implemented`, `partial`, … or `excluded`. */
function clinicSoa(): Map<string, string> {
  const states = new Map<string, string>();
  for (const name of fs.readdirSync('examples/clinic')) {
    if (!name.endsWith('.isms')) continue;
    const text = fs.readFileSync(path.join('examples/clinic', name), 'utf8');
    for (const match of text.matchAll(/^control (A\.\d+\.\d+)[^{\n]*\{([^}]*)\}/gm)) {
      const body = match[2];
      const applicable = /^\s*applicable (yes|no)\b/m.exec(body)?.[1];
      const status = /^\s*status ([a-z-]+)/m.exec(body)?.[1];
      states.set(match[1], applicable === 'no' ? 'excluded' : (status ?? 'no-status'));
    }
  }
  return states;
}

interface Report {
  framework: { id: string; credit: string };
  meaning: string;
  totals: { covered: number; partial: number; gap: number; unmapped: number; total: number };
  groups: { id: string; totals: Report['totals'] }[];
  requirements: { id: string; status: string; parent: string | null; targets: { id: string; kind: string; state: string }[] }[];
}

describe('isms coverage', function () {
  this.timeout(60_000);
  it('gives the clinic NIS2 totals that the TSV files and the SoA give', () => {
    const run = runCli(['coverage', 'examples/clinic', '--framework', 'nis2', '--format', 'json', ...AS_OF]);
    assert.equal(run.status, 0, run.stderr);
    const report = JSON.parse(run.stdout) as Report;

    const assessable = tsv('data/mappings/nis2-2024-2690-requirements.tsv').filter((r) => r.assessable === 'true');
    const pairs = new Map<string, string[]>();
    for (const pair of tsv('data/mappings/nis2-2024-2690.tsv')) pairs.set(pair.framework_id, [...(pairs.get(pair.framework_id) ?? []), pair.iso27001]);
    const soa = clinicSoa();
    assert.equal(soa.size, 93);

    // Clause states come from the clause readiness feature: the report's, checked to be one per clause.
    const clauseStates = new Map<string, string>();
    for (const requirement of report.requirements) {
      for (const target of requirement.targets) {
        if (target.kind !== 'clause') continue;
        assert.equal(clauseStates.get(target.id) ?? target.state, target.state, `one state for clause ${target.id}`);
        clauseStates.set(target.id, target.state);
      }
    }
    for (const [clause, state] of clauseStates) assert.ok(['pass', 'warn', 'fail', 'unverified'].includes(state), `${clause}: ${state}`);

    const expected = { covered: 0, partial: 0, gap: 0, unmapped: 0, total: 0 };
    const statuses = new Map<string, string>();
    for (const requirement of assessable) {
      const targets = pairs.get(requirement.framework_id) ?? [];
      let status: 'covered' | 'partial' | 'gap' | 'unmapped';
      if (targets.length === 0) status = 'unmapped';
      else if (targets.some((t) => (t.startsWith('A.') ? soa.get(t) === 'implemented' : clauseStates.get(t) === 'pass'))) status = 'covered';
      else if (targets.some((t) => t.startsWith('A.') && (soa.get(t) === 'partial' || soa.get(t) === 'planned'))) status = 'partial';
      else status = 'gap';
      expected[status]++;
      expected.total++;
      statuses.set(requirement.framework_id, status);
    }
    assert.equal(expected.total, 351);
    assert.equal(expected.unmapped, 26);
    assert.deepEqual(report.totals, expected);
    assert.deepEqual(new Map(report.requirements.map((r) => [r.id, r.status])), statuses);
    // Parent and sub-points once each: 2.1.2 and 2.1.2.a–j are eleven requirements.
    assert.deepEqual(report.requirements.filter((r) => r.id === '2.1.2' || r.parent === '2.1.2').length, 11);
    // Group totals add up to the framework's.
    const sum = report.groups.reduce((acc, g) => acc + g.totals.total, 0);
    assert.equal(sum, 351);
    assert.equal(report.groups.length, 13);
  });

  it('credits ENISA and says "helps meet" in every format', async () => {
    for (const format of ['text', 'json', 'md', 'html', 'csv']) {
      const run = runCli(['coverage', 'examples/clinic', '--framework', 'nis2', '--format', format, ...AS_OF]);
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stdout, /European Union Agency for Cybersecurity \(ENISA\)/, format);
      assert.match(run.stdout, /CC BY 4\.0/, format);
      assert.match(run.stdout, /Changes made/, format);
      assert.match(run.stdout, /helps meet/, format);
    }
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'isms-coverage-')), 'nis2.xlsx');
    const run = runCli(['coverage', 'examples/clinic', '--framework', 'nis2', '--format', 'xlsx', '-o', out, ...AS_OF]);
    assert.equal(run.status, 0, run.stderr);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    assert.deepEqual(workbook.worksheets.map((s) => s.name), ['Coverage', 'Summary']);
    assert.equal(workbook.getWorksheet('Coverage')!.rowCount, 352);
    const summary = workbook.getWorksheet('Summary')!;
    assert.match(String(summary.getRow(3).getCell(1).value), /ENISA.*CC BY 4\.0/);
  });

  it('prints the text table with the totals line', () => {
    const run = runCli(['coverage', 'examples/clinic', '--framework', 'nist-csf-2.0', ...AS_OF]);
    assert.equal(run.status, 0, run.stderr);
    const json = JSON.parse(runCli(['coverage', 'examples/clinic', '--framework', 'nist-csf-2.0', '--format', 'json', ...AS_OF]).stdout) as Report;
    const t = json.totals;
    assert.equal(t.total, 106);
    assert.ok(run.stdout.endsWith(`NIST CSF 2.0: ${t.covered} covered · ${t.partial} partial · ${t.gap} ${t.gap === 1 ? 'gap' : 'gaps'} · ${t.unmapped} unmapped (106 requirements)\n`), run.stdout.slice(-200));
    assert.match(run.stdout, /^  GV\.OC-01 +(covered|partial|gap) +4\.1 /m);
  });

  it('reads a mapping pack from --mappings and reports a malformed one with file, line and column', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'isms-packs-'));
    const header = 'framework_id\ttitle\tfunction\tcategory\tiso27001\trelationship';
    fs.writeFileSync(path.join(dir, 'soc2.tsv'), `${header}\nCC6.1\tLogical access\tCC6\tCC6.1\tA.5.15\tintersect\nCC9.9\tOwn evidence\tCC9\tCC9.9\t\t\n`);
    const ok = runCli(['coverage', 'examples/clinic', '--framework', 'soc2', '--mappings', dir, '--format', 'json', ...AS_OF]);
    assert.equal(ok.status, 0, ok.stderr);
    const report = JSON.parse(ok.stdout) as Report;
    assert.deepEqual(report.requirements.map((r) => [r.id, r.status]), [
      ['CC6.1', 'covered'],
      ['CC9.9', 'unmapped'],
    ]);
    fs.writeFileSync(path.join(dir, 'broken.tsv'), `${header}\nX1\tSomething\tX\tX.1\tA.99.1\tintersect\n`);
    const bad = runCli(['coverage', 'examples/clinic', '--framework', 'soc2', '--mappings', dir, ...AS_OF]);
    assert.ok(isOneLineError(bad), bad.stderr);
    assert.match(bad.stderr, /broken\.tsv:2:20: malformed mapping pack: 'A\.99\.1' is not an ISO\/IEC 27001:2022 Annex A control/);
    const check = runCli(['check', 'examples/clinic', '--mappings', dir, ...AS_OF]);
    assert.ok(isOneLineError(check), check.stderr);
  });

  it('exits 2 with one line on bad usage or an unknown framework', () => {
    for (const args of [
      ['coverage', 'examples/clinic', ...AS_OF],
      ['coverage', 'examples/clinic', '--framework', 'nis-2', ...AS_OF],
      ['coverage', 'examples/clinic', '--framework', 'nis2', '--format', 'pdf'],
      ['coverage', 'examples/clinic', '--framework', 'nis2', '--as-of', 'yesterday'],
      ['coverage', 'examples/clinic', 'examples/flawed', '--framework', 'nis2'],
      ['coverage', 'examples/clinic', '--framework', 'nis2', '--mappings', 'no/such/folder'],
    ]) {
      const run = runCli(args);
      assert.ok(isOneLineError(run), `${args.join(' ')}: ${run.status} ${run.stderr}`);
    }
    assert.match(runCli(['coverage', 'examples/clinic', '--framework', 'nis-2']).stderr, /unknown framework 'nis-2': did you mean 'nis2'\?/);
  });
});
