import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { riskRegisterCsv } from '../../server/src/features/export/csv';
import { createLanguageService, EXPORT_FORMAT_IDS, riskRegister } from '../../server/src/language-service';
import { isOneLineError, runCli } from '../helpers/run-cli';

const AS_OF = ['--as-of', '2026-11-27'];

describe('isms soa', () => {
  it('prints Markdown by default with all 93 controls', () => {
    const run = runCli(['soa', 'examples/clinic', ...AS_OF]);
    assert.equal(run.status, 0);
    assert.match(run.stdout, /^# Statement of Applicability — Northbridge Family Clinic\n\n(No soa statement|Version )[^\n]*\n\nAs of 2026-11-27\./);
    assert.doesNotMatch(run.stdout, /DRAFT/, 'the clinic has no error');
    assert.equal((run.stdout.match(/^\| A\.\d+\.\d+ \|/gm) ?? []).length, 93);
  });

  it('prints HTML, CSV and JSON', () => {
    const html = runCli(['soa', 'examples/clinic', '--format', 'html', ...AS_OF]);
    assert.match(html.stdout, /^<!DOCTYPE html>/);
    assert.match(html.stdout, /Content-Security-Policy/);
    const csv = runCli(['soa', 'examples/clinic', '--format', 'csv', ...AS_OF]);
    assert.equal(csv.stdout.split('\r\n').filter((line) => /^"?A\.\d/.test(line)).length, 93);
    const json = JSON.parse(runCli(['soa', 'examples/clinic', '--format', 'json', ...AS_OF]).stdout);
    assert.equal(json.version, 1);
    assert.equal(json.soa.controls.length, 93);
  });

  it('prints the risk register as CSV (--format risks-csv, as the editor exports it)', () => {
    const service = createLanguageService({ asOf: '2026-11-27' });
    for (const file of fs.readdirSync('examples/clinic').filter((name) => name.endsWith('.isms'))) {
      service.setFile(file, fs.readFileSync(path.join('examples/clinic', file), 'utf8'));
    }
    const run = runCli(['soa', 'examples/clinic', '--format', 'risks-csv', ...AS_OF]);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, riskRegisterCsv({ risks: riskRegister(service.snapshot()) }));
    assert.match(run.stdout, /^\uFEFFRisk,Title,Owner,/);
  });

  it('accepts every format of the one list, and names them all when refusing one', () => {
    const refused = runCli(['soa', 'examples/clinic', '--format', 'pdf']);
    assert.match(refused.stderr, new RegExp(`use ${EXPORT_FORMAT_IDS.join(', ')}`));
    for (const format of EXPORT_FORMAT_IDS.filter((id) => id !== 'xlsx')) {
      assert.equal(runCli(['soa', 'examples/clinic', '--format', format, ...AS_OF]).status, 0, format);
    }
  });

  it('writes an XLSX workbook with -o that reads back', async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'isms-soa-')), 'soa.xlsx');
    const run = runCli(['soa', 'examples/clinic', '--format', 'xlsx', '-o', out, ...AS_OF]);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, '');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    assert.deepEqual(workbook.worksheets.map((s) => s.name), ['Statement of Applicability', 'Risk register', 'Summary']);
    assert.equal(workbook.getWorksheet('Statement of Applicability')!.rowCount, 94);
  });

  describe('the SoA as a controlled document (LANGUAGE.md §7.6)', () => {
    /** The clinic with a soa statement and an implementation, and (`broken`) one error. */
    function workspace(broken: boolean): string {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'isms-soa-doc-'));
      fs.cpSync('examples/clinic', dir, { recursive: true });
      const soaFile = path.join(dir, 'soa.isms');
      // The clinic's own soa statement and A.8.13 implementation give way to the ones this test checks.
      let text = fs.readFileSync(soaFile, 'utf8').replace(/^soa \{\n[\s\S]*?\n\}\n/m, '').replace(/(control A\.8\.13 \{\n[^}]*?)  implementation "[^"\n]*"\n/, '$1');
      text = text.replace(/control A\.8\.13 \{\n/, 'control A.8.13 {\n  implementation "Nightly immutable snapshots, restore tested quarterly"\n');
      text += '\nsoa {\n  version "2026.1"\n  approved-by clinical-director, practice-manager\n  approved 2026-02-01\n}\n';
      if (broken) text += '\ncontrol A.99.1 {\n  applicable yes\n}\n';
      fs.writeFileSync(soaFile, text);
      return dir;
    }
    const clean = workspace(false);
    const broken = workspace(true);
    const errors = () => JSON.parse(runCli(['check', broken, '--format', 'json', ...AS_OF]).stdout).diagnostics.filter((d: { severity: string }) => d.severity === 'error').length;

    it('carries version, approvers, date, implementation and due in every text format, without a banner when clean', () => {
      assert.ok(fs.readFileSync(path.join(clean, 'soa.isms'), 'utf8').includes('implementation "Nightly'));
      const md = runCli(['soa', clean, ...AS_OF]).stdout;
      assert.match(md, /^Version 2026\.1 · approved by clinical-director, practice-manager on 2026-02-01$/m);
      assert.match(md, /^\| A\.8\.13 \| Information backup \| yes \| [^|]*(\\\|[^|]*)* \| implemented \| Nightly immutable snapshots, restore tested quarterly \| /m);
      assert.match(md, /^\| A\.5\.3 \| Segregation of duties \| yes \| .* \| partial \| \| 2027-09-30 \| practice-manager \|/m);
      assert.doesNotMatch(md, /DRAFT/);
      const html = runCli(['soa', clean, '--format', 'html', ...AS_OF]).stdout;
      assert.ok(html.includes('<p class="document-control">Version 2026.1 · approved by clinical-director, practice-manager on 2026-02-01</p>'));
      assert.ok(html.includes('<td>Nightly immutable snapshots, restore tested quarterly</td>'));
      assert.doesNotMatch(html, /class="draft"/);
      const csv = runCli(['soa', clean, '--format', 'csv', ...AS_OF]).stdout;
      assert.ok(csv.startsWith('\uFEFF"# Statement of Applicability — Northbridge Family Clinic: Version 2026.1 · approved by clinical-director, practice-manager on 2026-02-01"\r\nControl,'));
      assert.ok(csv.includes(',Nightly immutable snapshots, restore tested quarterly,'.replace(',Nightly', ',"Nightly').replace('quarterly,', 'quarterly",')));
      const json = JSON.parse(runCli(['soa', clean, '--format', 'json', ...AS_OF]).stdout);
      assert.deepEqual(json.document, { version: '2026.1', approvedBy: ['clinical-director', 'practice-manager'], approved: '2026-02-01', owner: null, classification: null });
      assert.equal(json.draft, null);
      const backup = json.soa.controls.find((c: { id: string }) => c.id === 'A.8.13');
      assert.equal(backup.implementation, 'Nightly immutable snapshots, restore tested quarterly');
      assert.equal(json.soa.controls.find((c: { id: string }) => c.id === 'A.5.3').due, '2027-09-30');
    });

    it('with an error in the workspace, every format carries the draft banner', async () => {
      const n = errors();
      assert.ok(n > 0);
      const banner = `DRAFT: ${n} ${n === 1 ? 'error' : 'errors'} in the ISMS — not for release until isms check passes`;
      const md = runCli(['soa', broken, ...AS_OF]);
      assert.equal(md.status, 0, 'an export is not a gate');
      assert.ok(md.stdout.includes(`\n> **${banner}**\n`));
      assert.ok(runCli(['soa', broken, '--format', 'html', ...AS_OF]).stdout.includes(`<p class="draft" role="alert">${banner}</p>`));
      assert.ok(runCli(['soa', broken, '--format', 'csv', ...AS_OF]).stdout.startsWith(`\uFEFF# ${banner}\r\n`));
      assert.deepEqual(JSON.parse(runCli(['soa', broken, '--format', 'json', ...AS_OF]).stdout).draft, { errors: n });
      const out = path.join(broken, 'soa.xlsx');
      assert.equal(runCli(['soa', broken, '--format', 'xlsx', '-o', out, ...AS_OF]).status, 0);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(out);
      const sheet = workbook.getWorksheet('Statement of Applicability')!;
      assert.equal(sheet.getCell('A1').value, banner);
      assert.equal(sheet.getCell('A2').value, 'Control');
      assert.equal(sheet.getCell('L1').value, banner, 'merged across the table');
      const facts = new Map<unknown, unknown>();
      workbook.getWorksheet('Summary')!.eachRow((row) => facts.set(row.getCell(1).value, row.getCell(2).value));
      assert.equal(facts.get('SoA version'), '2026.1');
      assert.equal(facts.get('SoA approved by'), 'clinical-director, practice-manager');
      const approved = facts.get('SoA approved');
      assert.ok(approved instanceof Date, "the SoA's approval date is a date cell (issue 13)");
      assert.equal(approved.toISOString(), '2026-02-01T00:00:00.000Z');
      assert.equal(facts.get('Status'), banner);
      const header = sheet.getRow(2).values as unknown[];
      const row = (id: string) => {
        let found: unknown[] | undefined;
        sheet.eachRow((r) => {
          if (r.getCell(1).value === id) found = r.values as unknown[];
        });
        return found!;
      };
      assert.equal(row('A.8.13')[header.indexOf('Implementation')], 'Nightly immutable snapshots, restore tested quarterly');
      // A date cell (issue 13), read back as the Date of that day.
      assert.deepEqual(row('A.5.3')[header.indexOf('Due')], new Date(Date.UTC(2027, 8, 30)));
    });
  });

  it('exits 2 with one line on bad usage', () => {
    for (const args of [['soa', 'examples/clinic', '--format', 'pdf'], ['soa', 'a', 'b'], ['soa', 'missing-folder'], ['soa', 'examples/clinic', '-o', '/no/such/dir/x.md']]) {
      const run = runCli(args);
      assert.ok(isOneLineError(run), `${args.join(' ')} → ${run.status} ${run.stderr}`);
    }
  });
});
