/**
 * One folder per diagnostic code under test/golden/diagnostics/<code>/:
 * `fail.isms` (a fixture that must produce the code; the lines it produces
 * are in `expected.txt`, compared exactly) and `pass.isms` (the same
 * situation put right: no diagnostic of that code).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALL_CODES } from '../../server/src/analysis/diagnostic-codes';
import { fixtureService, parseFixture } from '../helpers/fixture';
import { expectGolden } from '../helpers/golden';
import { renderDiagnostics } from '../helpers/render';

const ROOT = path.join(process.cwd(), 'test', 'golden', 'diagnostics');

function diagnosticsOf(fixtureFile: string, code: string) {
  const service = fixtureService(parseFixture(fs.readFileSync(fixtureFile, 'utf8')));
  const found = service.diagnostics().filter((d) => d.code === code);
  return { service, found };
}

describe('golden diagnostics', () => {
  it('has a golden folder for every diagnostic code', () => {
    const folders = fs.readdirSync(ROOT).filter((name) => fs.statSync(path.join(ROOT, name)).isDirectory());
    assert.deepEqual([...folders].sort(), [...ALL_CODES].sort());
  });

  for (const code of ALL_CODES) {
    describe(code, () => {
      const folder = path.join(ROOT, code);
      it('reports the failing case exactly', () => {
        const { service, found } = diagnosticsOf(path.join(folder, 'fail.isms'), code);
        assert.ok(found.length > 0, `fail.isms of ${code} produced no ${code}`);
        expectGolden(path.join(folder, 'expected.txt'), renderDiagnostics(service, found).join('\n') + '\n');
      });
      it('is silent on the passing case', () => {
        const { service, found } = diagnosticsOf(path.join(folder, 'pass.isms'), code);
        assert.deepEqual(renderDiagnostics(service, found), []);
      });
    });
  }
});
