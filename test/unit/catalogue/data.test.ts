// data/: the reference data is inside the repository, unchanged since it was
// copied (data/SHA256SUMS), and described file by file in data/README.md.
import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const DATA = join(process.cwd(), 'data');
/** The files written for the repository rather than copied. */
const OWN_FILES = ['.gitattributes', 'README.md', 'SHA256SUMS', 'frameworks.tsv'];

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** The files below `dir`, relative to data/, with `/`, sorted. */
function filesBelow(dir: string): string[] {
  return walk(dir)
    .map((file) => relative(DATA, file).split('\\').join('/'))
    .sort();
}

describe('data/: the reference data, inside the repository', () => {
  const sums = readFileSync(join(DATA, 'SHA256SUMS'), 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const match = /^([0-9a-f]{64}) {2}(\S+)$/.exec(line);
      assert.ok(match, line);
      return { sha256: match[1], file: match[2] };
    });

  it('every copied file is byte for byte as copied (SHA256SUMS), and listed there', () => {
    assert.deepEqual(
      sums.map((s) => s.file),
      filesBelow(DATA).filter((file) => !OWN_FILES.includes(file)),
    );
    assert.equal(sums.length, 7);
    for (const { sha256, file } of sums) {
      assert.equal(createHash('sha256').update(readFileSync(join(DATA, file))).digest('hex'), sha256, `${file} changed`);
    }
  });

  it('data/README.md describes every file and credits ENISA (CC BY 4.0, with the changes made)', () => {
    const readme = readFileSync(join(DATA, 'README.md'), 'utf8');
    for (const file of filesBelow(DATA).filter((f) => f !== 'README.md' && f !== '.gitattributes')) {
      assert.ok(readme.includes(`\`${file}\``), `data/README.md does not describe ${file}`);
    }
    assert.match(readme, /© European Union Agency for Cybersecurity \(ENISA\), 2025/);
    assert.match(readme, /CC BY 4\.0, https:\/\/creativecommons\.org\/licenses\/by\/4\.0\//);
    assert.match(readme, /\*\*Changes made\*\*/);
    assert.match(readme, /helps meet/);
  });
});
