/** Golden files: compared exactly; `UPDATE_GOLDEN=1 npm test` rewrites them (review the diff before committing). */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';

export function expectGolden(file: string, actual: string): void {
  if (process.env.UPDATE_GOLDEN) {
    fs.writeFileSync(file, actual);
    return;
  }
  assert.ok(fs.existsSync(file), `golden file ${file} is missing; run with UPDATE_GOLDEN=1 to create it`);
  assert.equal(actual, fs.readFileSync(file, 'utf8'), `output differs from ${file}`);
}
