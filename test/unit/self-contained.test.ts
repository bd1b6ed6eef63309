// The repository is self-contained: a clone in an empty folder, with no sibling
// folders, builds, generates and tests. No source, script, test or config file
// names a path outside the tree (a sibling folder of the repository, the
// development machine's work tree, a home folder), and the catalogue generator
// runs from a copy of the repository's own files alone.
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, relative } from 'node:path';

const ROOT = process.cwd();

/** Not part of the tree as committed: dependencies, build output, generated benchmark workspaces. */
const SKIPPED_DIRS = new Set(['.git', 'node_modules', 'out', 'out-e2e', 'dist', 'dist-vsix', '.work', '.work-scale', '.cache', '.vscode-test']);
/**
 * Recorded data, not read as paths: the fuzzer's findings keep the stack trace
 * of the machine that found them.
 */
/** Source, script, test, config and documentation files, by extension. */
const EXTENSIONS = new Set(['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs', '.json', '.jsonc', '.lua', '.el', '.sh', '.yml', '.yaml', '.md', '.tsv']);
/** Folders whose files are scripts whatever their names (`.ci/run`, `bin/isms.js`). */
const SCRIPT_DIRS = ['.ci/', 'bin/'];
/** Dotfiles of the root that configure tools. */
const CONFIG_FILES = new Set(['.mocharc.json', '.vscodeignore', '.gitignore', '.gitattributes', '.npmrc', '.nvmrc']);

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return SKIPPED_DIRS.has(entry.name) ? [] : walk(join(dir, entry.name));
    return entry.isFile() ? [join(dir, entry.name)] : [];
  });
}

function projectFiles(): string[] {
  return walk(ROOT)
    .map((file) => relative(ROOT, file).split('\\').join('/'))
    .filter((file) => EXTENSIONS.has(extname(file)) || SCRIPT_DIRS.some((dir) => file.startsWith(dir)) || CONFIG_FILES.has(file))
    .sort();
}

// The patterns are built from pieces so that this file does not match them.
const DOTS = '\\.\\.';
/** A path into the folder beside the repository that held the reference data during development. */
const SIBLING_SHARED = new RegExp(`${DOTS}[/\\\\]+shared\\b|'${DOTS}',\\s*'shared'|"${DOTS}",\\s*"shared"`);
/** The development machine's work tree. */
const WORK_TREE = new RegExp(`(^|[^\\w.-])/${'work'}/`);
/** A home folder on Linux, macOS or Windows. */
const HOME_FOLDER = new RegExp(`(^|[^\\w.-])/(${['home', 'root', 'Users'].join('|')})/|[A-Za-z]:\\\\+Users\\\\`);
/** Files the product and its tooling run; test fixtures may name any path as input. */
const RUN_CODE = /^(server|client|grammar|scripts|bench|bin|\.ci)\/|^[^/]+\.(json|mjs|js)$|^\.mocharc\.json$/;

describe('self-contained: nothing depends on a path outside the repository', () => {
  const files = projectFiles();

  it('scans the source, scripts, tests, configuration and data of the tree', () => {
    for (const expected of [
      'package.json',
      '.mocharc.json',
      'tsconfig.json',
      '.ci/run',
      'scripts/generate-catalogue.mjs',
      'scripts/catalogue/frameworks.mjs',
      'bench/generate-workspace.mjs',
      'server/src/catalogue/frameworks.ts',
      'test/unit/self-contained.test.ts',
      'data/README.md',
      'README.md',
    ]) {
      assert.ok(files.includes(expected), `${expected} is not scanned`);
    }
    assert.ok(files.length > 100, `only ${files.length} files scanned`);
  });

  it('no file names a sibling folder of the repository, the work tree of the machine, or a home folder', () => {
    const found: string[] = [];
    for (const file of files) {
      const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
      lines.forEach((line, i) => {
        if (SIBLING_SHARED.test(line) || WORK_TREE.test(line) || (RUN_CODE.test(file) && HOME_FOLDER.test(line))) {
          found.push(`${file}:${i + 1}: ${line.trim().slice(0, 160)}`);
        }
      });
    }
    assert.deepEqual(found, []);
  });

  it('the patterns catch what they are meant to', () => {
    const sibling = ['.', '.', '/', 'shared'].join('');
    for (const line of [`const dir = resolve(root, '${sibling}/data');`, `see ${sibling}/data/mappings`, `resolve(REPO, '${'..'}', 'shared', 'data')`]) {
      assert.ok(SIBLING_SHARED.test(line), line);
    }
    assert.ok(WORK_TREE.test(`const tsv = '/${'work'}/shared/data/annex-a-2022.tsv';`));
    assert.ok(HOME_FOLDER.test(`const cache = '/${'home'}/dev/.cache';`));
    assert.ok(HOME_FOLDER.test(`C:\\${'Users'}\\dev`));
    for (const line of ["const CHROMIUM = '/usr/bin/chromium';", "join(ROOT, 'data', 'mappings')", 'network/work/x', "path.resolve(__dirname, '..', '..', '..')"]) {
      assert.ok(!SIBLING_SHARED.test(line) && !WORK_TREE.test(line) && !HOME_FOLDER.test(line), line);
    }
  });

  it('the catalogue generator runs from a copy of the repository with no sibling folders', function () {
    this.timeout(30_000);
    const temp = mkdtempSync(join(tmpdir(), 'isms-self-contained-'));
    try {
      // <temp>/empty/repo: the repository's data/ and scripts alone, in a folder with nothing beside it.
      const repo = join(temp, 'empty', 'repo');
      for (const part of ['data', 'scripts/generate-catalogue.mjs', 'scripts/catalogue']) {
        cpSync(join(ROOT, part), join(repo, part), { recursive: true });
      }
      const out = join(temp, 'generated');
      execFileSync(process.execPath, [join(repo, 'scripts', 'generate-catalogue.mjs'), out], { cwd: repo, stdio: 'pipe' });
      for (const file of ['annex-a-data.ts', 'legacy-2013-data.ts', 'frameworks-data.ts']) {
        assert.equal(
          readFileSync(join(out, file), 'utf8'),
          readFileSync(join(ROOT, 'server', 'src', 'catalogue', file), 'utf8'),
          file,
        );
      }
    } finally {
      rmSync(temp, { recursive: true, force: true });
    }
  });

  it("the README's test command sets up what its suites drive; .ci/run is npm ci + npm run test:all", function () {
    this.timeout(60_000);
    const commands = readFileSync(join(ROOT, '.ci', 'run'), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.startsWith('#') && !/^(set |cd |node --version|npm --version)/.test(line));
    assert.deepEqual(commands, ['npm ci --no-audit --no-fund', 'npm run test:all']);
    const testAll = readFileSync(join(ROOT, 'scripts', 'test-all.mjs'), 'utf8');
    assert.ok(testAll.indexOf('ensureTestTools();') >= 0 && testAll.indexOf('ensureTestTools();') < testAll.indexOf("run(['test'])"));
    // On a machine without the editors (an empty PATH), the set-up names what is missing and the script that installs it.
    const emptyPath = join(mkdtempSync(join(tmpdir(), 'isms-no-tools-')), 'bin');
    mkdirSync(emptyPath);
    try {
      const check = spawnSync(process.execPath, [join(ROOT, 'scripts', 'test-tools.mjs'), '--check'], {
        encoding: 'utf8',
        env: { PATH: emptyPath },
      });
      assert.equal(check.status, 1, check.stdout + check.stderr);
      assert.match(check.stdout, /^\[test tools\] missing: nvim \(for test\/editors \(Neovim\); installed by \.ci\/install-editors\.sh\)$/m);
      assert.match(check.stdout, /^\[test tools\] missing: emacs with eglot \(for test\/editors \(Emacs\); installed by \.ci\/install-editors\.sh\)$/m);
    } finally {
      rmSync(join(emptyPath, '..'), { recursive: true, force: true });
    }
    // Here every tool is present, so the set-up has nothing to do.
    const here = spawnSync(process.execPath, [join(ROOT, 'scripts', 'test-tools.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(here.stdout, '[test tools] present: nvim, emacs with eglot, chromium\n');
    assert.equal(here.status, 0);
  });
});
