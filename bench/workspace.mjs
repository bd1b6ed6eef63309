// The benchmark workspace in bench/.work/, generated when absent or stale.
//
// The same rule as bench/check.mjs (and the same manifest, so the two scripts
// agree on when to regenerate): the manifest's fingerprint covers the
// generator's source, the Annex A catalogue it reads and the options; every
// generated file must still be there, unchanged in size, with no other
// `.isms` file beside them.

import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SEED, generateWorkspace } from './generate-workspace.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '..');
export const WORK = join(HERE, '.work');
const MANIFEST = join(WORK, 'manifest.json');

function fingerprint(risks) {
  const hash = createHash('sha256');
  hash.update(readFileSync(join(HERE, 'generate-workspace.mjs')));
  const catalogue = join(REPO, 'server/src/catalogue/annex-a-data.ts');
  if (existsSync(catalogue)) hash.update(readFileSync(catalogue));
  hash.update(JSON.stringify({ risks, seed: DEFAULT_SEED }));
  return hash.digest('hex');
}

function current(print) {
  if (!existsSync(MANIFEST)) return undefined;
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
  } catch {
    return undefined;
  }
  if (manifest.fingerprint !== print) return undefined;
  const present = readdirSync(WORK).filter((f) => f.endsWith('.isms')).sort();
  if (JSON.stringify(present) !== JSON.stringify([...manifest.files].sort())) return undefined;
  for (const [file, bytes] of Object.entries(manifest.sizes)) {
    const path = join(WORK, file);
    if (!existsSync(path) || readFileSync(path).length !== bytes) return undefined;
  }
  return manifest;
}

/**
 * The manifest of the workspace in bench/.work/, generating it first when it
 * is absent or stale (or `regenerate` is set).
 * @param {{ risks: number, regenerate?: boolean, say?: (message: string) => void }} options
 */
export function ensureWorkspace({ risks, regenerate = false, say = () => {} }) {
  const print = fingerprint(risks);
  const existing = regenerate ? undefined : current(print);
  if (existing) {
    say('workspace: bench/.work is up to date');
    return existing;
  }
  say(`workspace: generating ${risks} risks into bench/.work …`);
  const start = performance.now();
  const result = generateWorkspace(WORK, { risks, clean: true });
  const sizes = {};
  for (const file of [...result.files, 'workspace.json']) sizes[file] = readFileSync(join(WORK, file)).length;
  const manifest = { fingerprint: print, ...result, dir: 'bench/.work', sizes };
  writeFileSync(MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`);
  say(`workspace: generated in ${Math.round(performance.now() - start)} ms`);
  return manifest;
}
