// Generators for the hostile workspaces of issue 14 (bench/hostile.mjs and the
// regression tests in test/cli/hostile.test.ts). Each writes into an empty
// folder and returns the PATH to give `isms check` (relative to that folder).
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** One id declared `count` times in one file (about 104 KB for 8,000). */
export function duplicateIds(dir, count = 8000) {
  writeFileSync(join(dir, 'dup.isms'), 'asset a "x"\n'.repeat(count));
  return '.';
}

/** `lines` lines of `x`: one unknown statement each. */
export function manyLines(dir, lines = 1_000_000) {
  writeFileSync(join(dir, 'lines.isms'), 'x\n'.repeat(lines));
  return '.';
}

/** One statement whose field has `count` arguments, each an unknown reference (about 10 MB for 2M). */
export function manyArguments(dir, count = 2_000_000) {
  writeFileSync(join(dir, 'args.isms'), `risk r "t" {\n  controls ${'zzzz,'.repeat(count - 1)}zzzz\n}\n`);
  return '.';
}

/** A DAG of `levels` folders, each holding two links to the next: 2^levels paths to the last folder. */
export function symlinkDag(dir, levels = 14) {
  for (let level = 0; level <= levels; level++) mkdirSync(join(dir, `l${level}`));
  writeFileSync(join(dir, `l${levels}`, 'leaf.isms'), 'asset leaf "Leaf"\n');
  for (let level = 0; level < levels; level++) {
    symlinkSync(join(dir, `l${level + 1}`), join(dir, `l${level}`, 'a'));
    symlinkSync(join(dir, `l${level + 1}`), join(dir, `l${level}`, 'b'));
  }
  return '.';
}

/** A workspace with a link `r -> /`. */
export function linkToRoot(dir) {
  writeFileSync(join(dir, 'main.isms'), 'asset a "A"\n');
  symlinkSync('/', join(dir, 'r'));
  return '.';
}

export const CASES = {
  'duplicate-ids-8000': duplicateIds,
  'lines-1M': manyLines,
  'arguments-2M': manyArguments,
  'symlink-dag-14': symlinkDag,
  'link-to-root': linkToRoot,
};
