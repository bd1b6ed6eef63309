import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPORT_ENV } from '../../server/src/node-host/code-cache';

const DIST = path.join(process.cwd(), 'dist');
const CLINIC = path.join(process.cwd(), 'examples/clinic');
const EXPECTED = `${fs.readdirSync(CLINIC).filter((f) => f.endsWith('.isms')).length} files checked: no problems\n`;

/** Runs `node <dist>/cli.js check examples/clinic`, asking the launcher what it did with the cache. */
function checkClinic(dist: string): { outcome: string; stdout: string; status: number | null } {
  const run = spawnSync(process.execPath, [path.join(dist, 'cli.js'), 'check', CLINIC, '--as-of', '2026-11-27'], {
    encoding: 'utf8',
    env: { ...process.env, [REPORT_ENV]: '1' },
  });
  return { outcome: run.stderr.trim(), stdout: run.stdout, status: run.status };
}

/** A copy of the command line's files of dist/, to spoil. */
function copyOfDist(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'isms-code-cache-'));
  for (const name of ['cli.js', 'cli-main.js', 'cli-main.js.v8cache']) fs.copyFileSync(path.join(DIST, name), path.join(dir, name));
  return dir;
}

describe('the command line code cache', () => {
  it('is made by the build and accepted by V8', () => {
    const run = checkClinic(DIST);
    assert.equal(run.outcome, 'code cache: accepted');
    assert.equal(run.stdout, EXPECTED);
    assert.equal(run.status, 0);
  });

  it('is not used for a bundle it was not made from, even of the same length', () => {
    const dir = copyOfDist();
    const bundle = path.join(dir, 'cli-main.js');
    const text = fs.readFileSync(bundle, 'utf8');
    // One character changed inside a string: the same length, other code.
    const at = text.indexOf('no problems');
    assert.ok(at > 0);
    fs.writeFileSync(bundle, `${text.slice(0, at)}No${text.slice(at + 2)}`);
    const run = checkClinic(dir);
    assert.equal(run.outcome, 'code cache: stale');
    assert.equal(run.stdout, EXPECTED.replace('no problems', 'No problems'));
  });

  it('runs compiled from source when the cache is missing or refused by V8', () => {
    const dir = copyOfDist();
    const cache = path.join(dir, 'cli-main.js.v8cache');
    const data = fs.readFileSync(cache);
    // The hash is right, V8's data is not.
    fs.writeFileSync(cache, Buffer.concat([data.subarray(0, 32), Buffer.alloc(data.length - 32, 7)]));
    assert.deepEqual(checkClinic(dir), { outcome: 'code cache: rejected', stdout: EXPECTED, status: 0 });
    fs.rmSync(cache);
    assert.deepEqual(checkClinic(dir), { outcome: 'code cache: absent', stdout: EXPECTED, status: 0 });
  });

  it('says so in one line when the bundle is missing', () => {
    const dir = copyOfDist();
    fs.rmSync(path.join(dir, 'cli-main.js'));
    const run = spawnSync(process.execPath, [path.join(dir, 'cli.js'), '--version'], { encoding: 'utf8' });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^isms: cannot start the command line: ENOENT[^\n]*cli-main\.js'\n$/);
  });
});
