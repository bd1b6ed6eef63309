// Removes compiled files of out/ whose TypeScript source no longer exists (a
// renamed or deleted file): `tsc` never deletes them, and mocha would still run
// a stale out/test/**/*.test.js. Runs before every `npm test` (pretest).
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'out');

function walk(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

let removed = 0;
for (const file of walk(OUT)) {
  const match = /^(.*)\.js(\.map)?$/.exec(relative(OUT, file));
  if (!match) continue;
  const source = join(ROOT, match[1]);
  if (['.ts', '.tsx'].some((ext) => existsSync(source + ext))) continue;
  rmSync(file);
  removed++;
}
/** Removes the folders left empty, deepest first. */
function pruneEmpty(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) if (entry.isDirectory()) pruneEmpty(join(dir, entry.name));
  if (dir !== OUT && readdirSync(dir).length === 0) rmSync(dir, { recursive: true });
}
if (existsSync(OUT)) pruneEmpty(OUT);
if (removed > 0) console.log(`prune-out: removed ${removed} stale compiled file(s) from out/`);
