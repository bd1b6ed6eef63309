/**
 * Hostile workspaces (issue 14): the command line never reads or writes a
 * file outside the workspace folder, its cost stays bounded, its writes are
 * atomic, and its output cannot be forged by the input. Each case is a
 * reproduction of the issue, as a fixture or a generator (bench/hostile-cases.mjs).
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeFileAtomic } from '../../server/src/node-host/atomic-write';
import { readWorkspaceFile } from '../../server/src/node-host/workspace-files';
import { terminalSafe } from '../../server/src/cli/check-report';
import { CLI, isOneLineError, runCli, type CliRun } from '../helpers/run-cli';

const AS_OF = ['--as-of', '2026-11-27'];
const MESSY = 'asset   laptop "Laptops" {\n owner   it\n}\n';
const TIDY = 'asset laptop "Laptops" {\n  owner it\n}\n';
const NOBODY = 65534;
const isRoot = process.getuid?.() === 0;

function tempDir(files: Record<string, string | Buffer> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'isms-hostile-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** Runs the CLI as an unprivileged user when the tests run as root (root ignores permissions). */
function runAsUser(args: readonly string[], cwd: string): CliRun {
  const cli = isRoot ? cliForEveryone() : CLI;
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 60_000, ...(isRoot ? { uid: NOBODY, gid: NOBODY } : {}) });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

let everyonesCli: string | undefined;

/**
 * The command line's files copied where any user may read them: the clone
 * may sit in a folder only root can enter (`mktemp -d` makes it 0700), and
 * the unprivileged user must still be able to start the CLI.
 */
function cliForEveryone(): string {
  if (everyonesCli) return everyonesCli;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'isms-cli-'));
  fs.chmodSync(dir, 0o755);
  for (const name of ['cli.js', 'cli-main.js', 'cli-main.js.v8cache']) {
    const from = path.join(path.dirname(CLI), name);
    if (fs.existsSync(from)) {
      fs.copyFileSync(from, path.join(dir, name));
      fs.chmodSync(path.join(dir, name), 0o644);
    }
  }
  return (everyonesCli = path.join(dir, 'cli.js'));
}

function chownTree(dir: string): void {
  if (isRoot) execFileSync('chown', ['-R', `${NOBODY}:${NOBODY}`, dir]);
}

async function generate(name: string, dir: string): Promise<string> {
  const cases = await import(pathToFileURL(path.join(process.cwd(), 'bench', 'hostile-cases.mjs')).href);
  return cases.CASES[name](dir) as string;
}

describe('hostile workspaces: discovery stays in the workspace folder (issue 14 #3)', function () {
  this.timeout(60_000);
  if (process.platform === 'win32') return;

  it('never reads a file linked from outside the folder, and says so once', () => {
    const top = tempDir({ 'secret/creds.txt': 'SECRET-LINE-1\nSECRET-LINE-2\n', 'ws/main.isms': TIDY });
    fs.symlinkSync(path.join(top, 'secret', 'creds.txt'), path.join(top, 'ws', 'creds.isms'));
    fs.symlinkSync('/etc/passwd', path.join(top, 'ws', 'passwd.isms'));
    const run = runCli(['check', 'ws', ...AS_OF], { cwd: top });
    assert.doesNotMatch(run.stdout + run.stderr, /SECRET-LINE|root:/);
    assert.match(run.stdout, /^1 file checked/m);
    const warnings = run.stderr.trim().split('\n');
    assert.equal(warnings.filter((w) => w.includes('creds.isms')).length, 1, run.stderr);
    assert.match(run.stderr, /warning: skipped '.*creds\.isms': a link to a file outside the workspace folder/);
    assert.match(run.stderr, /warning: skipped '.*passwd\.isms': a link to a file outside the workspace folder \(\/etc\/passwd\)/);
  });

  it('refuses a PATH that is a link out of its folder', () => {
    const top = tempDir({ 'secret/creds.txt': 'SECRET-LINE\n', 'ws/main.isms': TIDY });
    fs.symlinkSync(path.join(top, 'secret', 'creds.txt'), path.join(top, 'ws', 'creds.isms'));
    const run = runCli(['check', 'ws/creds.isms'], { cwd: top });
    assert.ok(isOneLineError(run), run.stderr);
    assert.equal(run.stderr, "isms: cannot read 'ws/creds.isms': a link to a file outside the workspace folder\n");
  });

  it('reads an alias folder once: no false duplicate-id', () => {
    const dir = tempDir({ 'team/roles.isms': 'role cto "CTO" {\n  top-management yes\n}\n' });
    fs.symlinkSync('team', path.join(dir, 'alias'));
    const run = runCli(['check', '.', '--format', 'json', ...AS_OF], { cwd: dir });
    const report = JSON.parse(run.stdout);
    assert.equal(report.files, 1);
    assert.deepEqual(report.diagnostics.filter((d: { code: string }) => d.code === 'duplicate-id'), []);
    assert.match(run.stderr, /skipped folder '.*(alias|team)': the same folder as/);
  });

  it('does not walk a link to / (bounded, one warning)', async () => {
    const dir = tempDir();
    const target = await generate('link-to-root', dir);
    const started = Date.now();
    const run = runCli(['check', target, '--format', 'json', ...AS_OF], { cwd: dir });
    assert.ok(Date.now() - started < 10_000);
    assert.equal(JSON.parse(run.stdout).files, 1);
    assert.equal(run.stderr, `isms: warning: skipped '${path.join(fs.realpathSync(dir) === dir ? dir : dir, 'r')}': a link to a folder outside the workspace folder (/)\n`);
  });

  it('visits each real folder of a 14-level symlink DAG once', async () => {
    const dir = tempDir();
    const target = await generate('symlink-dag-14', dir);
    const started = Date.now();
    const run = runCli(['check', target, '--format', 'json', ...AS_OF], { cwd: dir });
    assert.ok(Date.now() - started < 10_000, `${Date.now() - started} ms`);
    assert.equal(JSON.parse(run.stdout).files, 1);
    assert.ok(run.stderr.split('\n').length < 40, `${run.stderr.split('\n').length} warnings`);
  });

  it('fmt never rewrites a link target outside the folder', () => {
    const top = tempDir({ 'outside/x.isms': MESSY, 'ws/main.isms': MESSY });
    fs.symlinkSync(path.join(top, 'outside', 'x.isms'), path.join(top, 'ws', 'x.isms'));
    const run = runCli(['fmt', 'ws'], { cwd: top });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(fs.readFileSync(path.join(top, 'outside', 'x.isms'), 'utf8'), MESSY);
    assert.equal(fs.readFileSync(path.join(top, 'ws', 'main.isms'), 'utf8'), TIDY);
    assert.equal(run.stdout, 'ws/main.isms: formatted\n');
    assert.match(run.stderr, /skipped '.*x\.isms': a link to a file outside the workspace folder/);
  });

  it('says "permission denied" for a folder it cannot read (#10)', () => {
    const top = tempDir({ 'locked/a.isms': TIDY });
    chownTree(top);
    fs.chmodSync(path.join(top, 'locked'), 0o000);
    const run = runAsUser(['check', 'locked'], top);
    fs.chmodSync(path.join(top, 'locked'), 0o755);
    assert.ok(isOneLineError(run), JSON.stringify(run));
    assert.equal(run.stderr, "isms: cannot read 'locked': permission denied\n");
  });
});

describe('hostile workspaces: documents outside the workspace (issue 14 #11)', () => {
  if (process.platform === 'win32') return;

  it('reports a link inside the workspace that resolves outside, and does not count it as existing', () => {
    const top = tempDir({
      'outside/secret.md': 'x',
      'ws/soa.isms': 'control A.5.37 {\n  applicable yes\n  reason "r"\n  status implemented\n  evidence "docs/runbook.md", "docs/real.md"\n}\n',
      'ws/docs/real.md': 'x',
    });
    fs.symlinkSync(path.join(top, 'outside', 'secret.md'), path.join(top, 'ws', 'docs', 'runbook.md'));
    const run = runCli(['check', 'ws', '--format', 'json', ...AS_OF], { cwd: top });
    const found = JSON.parse(run.stdout).diagnostics.filter((d: { code: string }) => d.code.startsWith('document-'));
    assert.deepEqual(
      found.map((d: { code: string; line: number; column: number; message: string }) => `${d.line}:${d.column} ${d.code}: ${d.message}`),
      ["5:12 document-outside-workspace: 'docs/runbook.md' is a link to a file outside the workspace folder; it is not followed"],
    );
  });
});

describe('hostile workspaces: cost stays bounded (issue 14 #1, #2)', function () {
  this.timeout(120_000);

  it('8,000 declarations of one id: bounded output, within seconds', async () => {
    const dir = tempDir();
    await generate('duplicate-ids-8000', dir);
    const started = Date.now();
    const run = runCli(['check', '.', ...AS_OF], { cwd: dir });
    assert.ok(Date.now() - started < 20_000, `${Date.now() - started} ms`);
    assert.equal(run.status, 1);
    const lines = run.stdout.trim().split('\n');
    assert.ok(lines.length <= 503, `${lines.length} lines`);
    assert.match(run.stdout, /dup\.isms:\d+:\d+: warning too-many-findings: \d+ more findings in this file not shown\n/);
    assert.match(lines[lines.length - 1], /^1 file checked: \d+ errors/);
    assert.ok(Number(/(\d+) errors/.exec(lines[lines.length - 1])![1]) >= 8000, 'the summary counts the findings not shown');
  });

  it('200,000 broken lines: 501 findings in the file, output in kilobytes', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.isms'), 'organization "O"\n');
    fs.writeFileSync(path.join(dir, 'x.isms'), 'x\n'.repeat(200_000));
    const run = runCli(['check', '.', '--format', 'json', ...AS_OF], { cwd: dir });
    const inX = JSON.parse(run.stdout).diagnostics.filter((d: { file: string }) => d.file === 'x.isms');
    assert.equal(inX.length, 501);
    assert.equal(inX[500].message, '199500 more findings in this file not shown');
    assert.ok(run.stdout.length < 300_000, `${run.stdout.length} bytes`);
  });
});

describe('hostile workspaces: atomic writes (issue 14 #5)', () => {
  if (process.platform === 'win32') return;

  it('fmt replaces a file by rename, keeping its mode, leaving no temporary file', () => {
    const dir = tempDir({ 'a.isms': MESSY });
    const file = path.join(dir, 'a.isms');
    fs.chmodSync(file, 0o640);
    const before = fs.statSync(file).ino;
    const run = runCli(['fmt', '.'], { cwd: dir });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(fs.readFileSync(file, 'utf8'), TIDY);
    assert.notEqual(fs.statSync(file).ino, before, 'a new file renamed over the old one, not written in place');
    assert.equal(fs.statSync(file).mode & 0o777, 0o640);
    assert.deepEqual(fs.readdirSync(dir), ['a.isms']);
  });

  it('fmt writes through a link inside the workspace: the link stays a link', () => {
    const dir = tempDir({ 'real/a.isms': MESSY });
    fs.symlinkSync(path.join('real', 'a.isms'), path.join(dir, 'a.isms'));
    const run = runCli(['fmt', 'a.isms'], { cwd: dir });
    assert.equal(run.status, 0, run.stderr);
    assert.ok(fs.lstatSync(path.join(dir, 'a.isms')).isSymbolicLink());
    assert.equal(fs.readFileSync(path.join(dir, 'real', 'a.isms'), 'utf8'), TIDY);
  });

  it('soa -o writes atomically, and not through a link out of the workspace', () => {
    const top = tempDir({ 'ws/main.isms': TIDY, 'outside/.bashrc': 'KEEP\n' });
    const out = path.join(top, 'ws', 'soa.md');
    fs.writeFileSync(out, 'old');
    fs.chmodSync(out, 0o600);
    const before = fs.statSync(out).ino;
    assert.equal(runCli(['soa', 'ws', '-o', 'ws/soa.md'], { cwd: top }).status, 0);
    assert.match(fs.readFileSync(out, 'utf8'), /^# Statement of Applicability/);
    assert.notEqual(fs.statSync(out).ino, before);
    assert.equal(fs.statSync(out).mode & 0o777, 0o600);
    fs.symlinkSync(path.join(top, 'outside', '.bashrc'), path.join(top, 'ws', 'evil.md'));
    const run = runCli(['soa', 'ws', '-o', 'ws/evil.md'], { cwd: top });
    assert.ok(isOneLineError(run), run.stderr);
    assert.equal(run.stderr, "isms: cannot write 'ws/evil.md': a link to a file outside the workspace folder\n");
    assert.equal(fs.readFileSync(path.join(top, 'outside', '.bashrc'), 'utf8'), 'KEEP\n');
  });

  it('does not replace a file that changed on disk since it was read', () => {
    const dir = tempDir({ 'a.isms': 'saved by the editor meanwhile\n' });
    const file = path.join(dir, 'a.isms');
    assert.throws(() => writeFileAtomic(file, TIDY, { expected: Buffer.from(MESSY) }), /changed on disk/);
    assert.equal(fs.readFileSync(file, 'utf8'), 'saved by the editor meanwhile\n');
    assert.deepEqual(fs.readdirSync(dir), ['a.isms']);
  });
});

describe('hostile workspaces: fmt keeps data (issue 14 #6)', () => {
  const LATIN1 = Buffer.from('asset   crm "Soci\u00e9t\u00e9 CRM" {\n owner it\n}\n', 'latin1');

  it('refuses a file that is not UTF-8, writing nothing; check reports invalid-encoding', () => {
    const dir = tempDir({ 'a.isms': MESSY, 'b.isms': LATIN1 });
    const run = runCli(['fmt', '.'], { cwd: dir });
    assert.ok(isOneLineError(run), run.stderr);
    assert.equal(run.stderr, "isms: cannot format 'b.isms': it is not valid UTF-8 (convert it to UTF-8 first; nothing was written)\n");
    assert.deepEqual(fs.readFileSync(path.join(dir, 'b.isms')), LATIN1);
    assert.equal(fs.readFileSync(path.join(dir, 'a.isms'), 'utf8'), MESSY);
    const check = runCli(['check', 'b.isms', '--format', 'json', ...AS_OF], { cwd: dir });
    const codes = JSON.parse(check.stdout).diagnostics.filter((d: { code: string }) => d.code === 'invalid-encoding');
    assert.equal(codes.length, 1);
    assert.equal(codes[0].message, 'the file is not valid UTF-8: 2 characters could not be decoded (shown as U+FFFD); save it as UTF-8');
  });

  it('reports every file it changed, and the one it could not write', function () {
    if (process.platform === 'win32') this.skip();
    const dir = tempDir({ 'a.isms': MESSY, 'sub/b.isms': MESSY, 'z.isms': MESSY });
    chownTree(dir);
    fs.chmodSync(path.join(dir, 'sub'), 0o555);
    const run = runAsUser(['fmt', '.'], dir);
    fs.chmodSync(path.join(dir, 'sub'), 0o755);
    assert.equal(run.status, 2);
    assert.equal(run.stdout, 'a.isms: formatted\n');
    assert.equal(run.stderr, "isms: cannot write 'sub/b.isms': permission denied (1 more file not written)\n");
    assert.equal(fs.readFileSync(path.join(dir, 'a.isms'), 'utf8'), TIDY);
    assert.equal(fs.readFileSync(path.join(dir, 'sub', 'b.isms'), 'utf8'), MESSY);
  });
});

describe('hostile workspaces: terminal output (issue 14 #8)', () => {
  it('escapes control and bidi characters from the input in text output', () => {
    const forged = '\u001b[2K\u001b[1A1_file_checked:_no_problems\u001b]0;pwned\u0007\u202e';
    const dir = tempDir({ 'a.isms': `control A.5.37 {\n  applicable yes\n  reason "r"\n  status implemented\n  evidence "docs/${forged.replace(/ /g, '_')}.md"\n}\n` });
    const run = runCli(['check', '.', ...AS_OF], { cwd: dir });
    assert.doesNotMatch(run.stdout, /[\u0000-\u0009\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/);
    assert.match(run.stdout, /'docs\/\\x1B\[2K\\x1B\[1A1_file_checked:_no_problems\\x1B\]0;pwned\\x07\\u202E\.md' does not exist/);
  });

  it('shows line breaks and other controls of a message escaped, one finding a line', () => {
    assert.equal(terminalSafe('a\nb\r\tc\u0085\u2067'), 'a\\nb\\r\\tc\\x85\\u2067');
  });
});

describe('hostile workspaces: output and input at the edges (issue 14 #10)', function () {
  this.timeout(60_000);
  if (process.platform === 'win32') return;

  it('exits quietly when the reader goes away (EPIPE)', () => {
    const dir = tempDir();
    for (let i = 0; i < 40; i++) fs.writeFileSync(path.join(dir, `f${i}.isms`), 'x\n'.repeat(200));
    const result = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" check . | head -c 10 >/dev/null`], { cwd: dir, encoding: 'utf8' });
    assert.equal(result.stderr, '');
  });

  it('says "no space left" in one line and exits 2 (ENOSPC)', function () {
    if (!fs.existsSync('/dev/full')) this.skip();
    const result = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" check examples/flawed > /dev/full`], { encoding: 'utf8' });
    assert.equal(result.status, 2);
    assert.equal(result.stderr, 'isms: cannot write the output: no space left on the device\n');
  });

  it('refuses a FIFO without blocking, checking the type on the open descriptor', () => {
    const dir = tempDir();
    const fifo = path.join(dir, 'x.isms');
    execFileSync('mkfifo', [fifo]);
    const started = Date.now();
    assert.throws(() => readWorkspaceFile(fifo), (error: NodeJS.ErrnoException) => error.code === 'ENOTFILE');
    assert.ok(Date.now() - started < 2000);
  });
});
