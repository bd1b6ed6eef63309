import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';

import { EXPORT_FORMATS, exportReport } from '../../../../server/src/features/export/export-report';
import { riskRegisterCsv, soaCsv } from '../../../../server/src/features/export/csv';
import { htmlReport } from '../../../../server/src/features/export/html';
import { jsonReport } from '../../../../server/src/features/export/json';
import { markdownReport } from '../../../../server/src/features/export/markdown';
import { reportData, SMALL } from './fixtures';

describe('export: exportReport', () => {
  const data = reportData(SMALL);

  it('offers md, html, csv, risks-csv, xlsx and json: one list, for the command line and the editor', () => {
    assert.deepEqual(
      EXPORT_FORMATS.map((format) => format.id),
      ['md', 'html', 'csv', 'risks-csv', 'xlsx', 'json'],
    );
  });

  it('dispatches each text format to its exporter', async () => {
    assert.equal(await exportReport('md', data), markdownReport(data));
    assert.equal(await exportReport('html', data), htmlReport(data));
    assert.equal(await exportReport('csv', data), soaCsv(data));
    assert.equal(await exportReport('risks-csv', data), riskRegisterCsv(data));
    assert.equal(await exportReport('json', data), jsonReport(data));
  });

  it('gives bytes for xlsx', async () => {
    const bytes = await exportReport('xlsx', data);
    assert.ok(bytes instanceof Uint8Array);
    assert.ok(bytes.length > 1000);
  });

  it('does not load exceljs until an xlsx is asked for', () => {
    const script = [
      `const exports = require(${JSON.stringify(require.resolve('../../../../server/src/features/export/export-report'))});`,
      'const loaded = () => Object.keys(require.cache).some((file) => /[\\\\/]node_modules[\\\\/]exceljs[\\\\/]/.test(file));',
      'process.stdout.write(String(loaded()));',
    ].join('\n');
    assert.equal(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }), 'false');
  });
});
