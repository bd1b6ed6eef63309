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
    assert.match(run.stdout, /^# Statement of Applicability — Northbridge Family Clinic\n\nAs of 2026-11-27\./);
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

  it('exits 2 with one line on bad usage', () => {
    for (const args of [['soa', 'examples/clinic', '--format', 'pdf'], ['soa', 'a', 'b'], ['soa', 'missing-folder'], ['soa', 'examples/clinic', '-o', '/no/such/dir/x.md']]) {
      const run = runCli(args);
      assert.ok(isOneLineError(run), `${args.join(' ')} → ${run.status} ${run.stderr}`);
    }
  });
});
