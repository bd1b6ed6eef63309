/**
 * The layering of docs/architecture.md, held: the table is read from the
 * document, and every import of grammar/src, server/src/** and client/src/**
 * must be one its row allows. The document also names every folder of the
 * code and the tests.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';

const DOC = 'docs/architecture.md';
/** The repository root (tests run compiled, from out/test/…). */
const ROOT = findRoot(__dirname);
const SOURCES = ['grammar/src', 'server/src', 'client/src'];

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, DOC)) && fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no ${DOC} above ${from}`);
  }
}

interface Row {
  readonly scope: string;
  readonly mayImport: readonly string[];
}

/** The rows of the table whose header is `| folder | what it holds | may import |`. */
export function readLayeringTable(markdown: string): Row[] {
  const lines = markdown.split(/\r?\n/);
  const header = lines.findIndex((line) => /^\|\s*folder\s*\|\s*what it holds\s*\|\s*may import\s*\|/.test(line));
  if (header < 0) throw new Error(`${DOC} has no "| folder | what it holds | may import |" table`);
  const rows: Row[] = [];
  for (const line of lines.slice(header + 2)) {
    if (!line.startsWith('|')) break;
    const cells = line.split('|').slice(1, -1).map((cell) => cell.trim());
    const scope = /^`([^`]+)`$/.exec(cells[0])?.[1];
    if (!scope) throw new Error(`a row of the layering table names no folder: ${line}`);
    rows.push({ scope, mayImport: [...cells[2].matchAll(/`([^`]+)`/g)].map((match) => match[1]) });
  }
  return rows;
}

/** The row a file belongs to: the longest scope that contains it. */
function rowOf(rows: readonly Row[], file: string): Row | undefined {
  let best: Row | undefined;
  for (const row of rows) if (contains(row.scope, file) && (!best || row.scope.length > best.scope.length)) best = row;
  return best;
}

function contains(scope: string, file: string): boolean {
  return scope.endsWith('/') ? file.startsWith(scope) : file === scope;
}

/** Every module specifier a file imports: static and type imports, re-exports, `import()` and `require()`. */
export function importsOf(source: string): string[] {
  const found: string[] = [];
  const patterns = [/^\s*(?:import|export)\s[^;]*?\sfrom\s+'([^']+)'/gm, /^\s*import\s+'([^']+)'/gm, /\bimport\(\s*'([^']+)'\s*\)/g, /\brequire\(\s*'([^']+)'\s*\)/g];
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  for (const pattern of patterns) for (const match of code.matchAll(pattern)) found.push(match[1]);
  return found;
}

/** A relative specifier as a repository path (a folder's index, or a `.ts` file). */
function resolveImport(fromFile: string, specifier: string): string {
  const joined = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), specifier));
  if (fs.existsSync(path.join(ROOT, `${joined}.ts`))) return `${joined}.ts`;
  if (fs.existsSync(path.join(ROOT, joined, 'index.ts'))) return `${joined}/index.ts`;
  return joined;
}

function packageName(specifier: string): string {
  if (specifier.startsWith('node:')) return specifier;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Why an import is not allowed, or undefined when it is. */
export function violation(rows: readonly Row[], file: string, specifier: string): string | undefined {
  const row = rowOf(rows, file);
  if (!row) return `${file} is in no row of the layering table`;
  if (specifier.startsWith('.')) {
    const target = resolveImport(file, specifier);
    // Within its own scope: its own folder and everything below it (rows below may be stricter, not it).
    if (row.scope.endsWith('/') && target.startsWith(row.scope)) return undefined;
    if (row.mayImport.some((allowed) => allowed.includes('/') && contains(allowed, target))) return undefined;
    return `${file} imports ${target} ('${specifier}'): ${row.scope} may import ${row.mayImport.join(', ') || 'nothing'}`;
  }
  const name = packageName(specifier);
  if (row.mayImport.some((allowed) => allowed === name || (allowed === 'node:*' && name.startsWith('node:')))) return undefined;
  return `${file} imports the package '${specifier}': ${row.scope} may import ${row.mayImport.join(', ') || 'nothing'}`;
}

function sourceFiles(folder: string): string[] {
  const result: string[] = [];
  for (const entry of fs.readdirSync(path.join(ROOT, folder), { withFileTypes: true })) {
    const child = `${folder}/${entry.name}`;
    if (entry.isDirectory()) result.push(...sourceFiles(child));
    else if (entry.name.endsWith('.ts')) result.push(child);
  }
  return result.sort();
}

function folders(folder: string): string[] {
  const result: string[] = [];
  for (const entry of fs.readdirSync(path.join(ROOT, folder), { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const child = `${folder}/${entry.name}`;
    result.push(child, ...folders(child));
  }
  return result;
}

describe('architecture: the layering of docs/architecture.md', () => {
  const markdown = fs.readFileSync(path.join(ROOT, DOC), 'utf8');
  const rows = readLayeringTable(markdown);

  it('reads a table that places every source file in a row', () => {
    assert.ok(rows.length >= 10, `only ${rows.length} rows`);
    const homeless = SOURCES.flatMap(sourceFiles).filter((file) => !rowOf(rows, file));
    assert.deepEqual(homeless, [], `files in no row: ${homeless.join(', ')}`);
  });

  it('allows every import of grammar/src, server/src and client/src', () => {
    const problems: string[] = [];
    let checked = 0;
    for (const root of SOURCES) {
      for (const file of sourceFiles(root)) {
        for (const specifier of importsOf(fs.readFileSync(path.join(ROOT, file), 'utf8'))) {
          checked++;
          const problem = violation(rows, file, specifier);
          if (problem) problems.push(problem);
        }
      }
    }
    assert.ok(checked > 300, `only ${checked} imports found`);
    assert.deepEqual(problems, [], `imports the layering table forbids:\n${problems.join('\n')}`);
  });

  it('refuses what it should (the check itself)', () => {
    assert.match(violation(rows, 'server/src/features/hover.ts', '../protocol/server-context') ?? '', /may import/);
    assert.match(violation(rows, 'server/src/protocol/handlers/hover.ts', '../../features/hover') ?? '', /may import/);
    assert.match(violation(rows, 'server/src/cli/main.ts', '../analysis/analyse') ?? '', /may import/);
    assert.match(violation(rows, 'client/src/tree/soa-items.ts', '../../../server/src/catalogue/annex-a') ?? '', /may import/);
    assert.match(violation(rows, 'server/src/analysis/model.ts', 'node:path') ?? '', /may import/);
    assert.equal(violation(rows, 'server/src/protocol/handlers/hover.ts', '../../language-service'), undefined);
    assert.deepEqual(importsOf("import type { A } from './a';\nexport { b } from '../b';\nconst c = require('c');\n// import { d } from 'd';"), ['./a', '../b', 'c']);
  });

  it('names every folder of the code and of the tests', () => {
    const missing: string[] = [];
    for (const folder of [...SOURCES.flatMap(folders), ...folders('test').filter((folder) => !folder.startsWith('test/golden/') && !folder.startsWith('test/grammar/golden/'))]) {
      const name = folder.replace(/^(server|client)\/src\//, '').replace(/^grammar\/src\//, '');
      const last = `${folder.split('/').pop()}/`;
      if (!markdown.includes(`\`${folder}/\``) && !markdown.includes(`\`${name}/\``) && !markdown.includes(`\`${last}\``)) missing.push(folder);
    }
    assert.deepEqual(missing, [], `${DOC} does not name: ${missing.join(', ')}`);
  });
});
