import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isOneLineError, runCli } from '../helpers/run-cli';

function tempFiles(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'isms-fmt-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

const MESSY = 'scope   {\n\n     statement "x"   // why\n}\nrisk R-1 "a" {\n owner   cto\n controls A.8.7 ,A.8.13\n}\n';
const TIDY = 'scope {\n  statement "x" // why\n}\n\nrisk R-1 "a" {\n  owner cto\n  controls A.8.7, A.8.13\n}\n';

describe('isms fmt', () => {
  it('rewrites files in the canonical layout, keeping comments, and says which', () => {
    const dir = tempFiles({ 'a.isms': MESSY, 'b.isms': TIDY });
    const run = runCli(['fmt', dir]);
    assert.equal(run.status, 0);
    assert.equal(fs.readFileSync(path.join(dir, 'a.isms'), 'utf8'), TIDY);
    assert.match(run.stdout, /a\.isms: formatted\n$/);
    assert.doesNotMatch(run.stdout, /b\.isms/);
  });

  it('--check lists the files that would change and exits 1, writing nothing', () => {
    const dir = tempFiles({ 'a.isms': MESSY, 'b.isms': TIDY });
    const run = runCli(['fmt', '--check', dir]);
    assert.equal(run.status, 1);
    assert.match(run.stdout, /a\.isms: would be reformatted\n$/);
    assert.equal(fs.readFileSync(path.join(dir, 'a.isms'), 'utf8'), MESSY);
    assert.equal(runCli(['fmt', '--check', path.join(dir, 'b.isms')]).status, 0);
  });

  it('is idempotent on every example and keeps them canonical', () => {
    for (const folder of ['examples/clinic', 'examples/flawed-no-organization']) {
      const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'isms-fmt-'));
      fs.cpSync(folder, copy, { recursive: true });
      assert.equal(runCli(['fmt', copy]).status, 0);
      const once = fs.readdirSync(copy).filter((f) => f.endsWith('.isms')).map((f) => fs.readFileSync(path.join(copy, f), 'utf8'));
      assert.equal(runCli(['fmt', '--check', copy]).status, 0, `${folder} formatted twice changes again`);
      for (const text of once) for (const comment of text.match(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g) ?? []) assert.ok(text.includes(comment));
    }
    assert.equal(runCli(['fmt', '--check', 'examples/clinic']).status, 0, 'the clinic example is kept formatted');
  });

  it('refuses a file with syntax errors: exit 2, one line, nothing written', () => {
    const dir = tempFiles({ 'a.isms': MESSY, 'broken.isms': 'scope {\n  statement "x\n' });
    const run = runCli(['fmt', dir]);
    assert.ok(isOneLineError(run), run.stderr);
    assert.match(run.stderr, /cannot format '.*broken\.isms': it has syntax errors/);
    assert.equal(fs.readFileSync(path.join(dir, 'a.isms'), 'utf8'), MESSY, 'no file is written when one cannot be formatted');
  });
});
