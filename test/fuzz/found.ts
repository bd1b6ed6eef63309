/**
 * Reproducers of real failures, kept in test/fuzz/found/ as JSON (which
 * keeps every code unit, lone surrogates and NULs included) and replayed by
 * replay.test.ts. A reproducer stays after its bug is fixed: it is then a
 * regression test.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { FuzzCase } from './cases';
import { hashSeed } from './mutations';
import { errorKind, type Stage } from './pipeline';

export const FOUND_DIR = path.join(process.cwd(), 'test', 'fuzz', 'found');

export interface Reproducer {
  /** What goes wrong, in one line. */
  readonly title: string;
  readonly stage: Stage | 'hang' | 'slow' | 'crash';
  /** The failure message and stack when found (before minimisation, and after). */
  readonly message: string;
  readonly stack: string;
  /** How it was found: `node scripts/fuzz.mjs --seed S` case I (case seed C). */
  readonly found: { readonly runSeed?: number; readonly index?: number; readonly caseSeed: number; readonly date: string; readonly note?: string };
  /** Whether the case fails through the command line (cli-case.ts) rather than in-process. */
  readonly cli: boolean;
  readonly fuzzCase: FuzzCase;
}

/**
 * The shape of a failure: its stage and what its message says before the
 * details (the first `: `), with numbers and quoted text blanked. Two
 * failures of one shape break the same invariant.
 */
export function signature(stage: string, message: string): string {
  if (stage === 'hang' || stage === 'slow' || stage === 'crash') return stage;
  return `${stage}: ${errorKind(message.split('\n')[0]).replace(/: .*$/, '')}`;
}

export function writeReproducer(reproducer: Reproducer): string {
  fs.mkdirSync(FOUND_DIR, { recursive: true });
  const slug = signature(reproducer.stage, reproducer.message)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  const file = path.join(FOUND_DIR, `${slug}-${(hashSeed(reproducer.message) % 0xffff).toString(16).padStart(4, '0')}.json`);
  const kept = { ...reproducer, message: repoRelative(reproducer.message), stack: repoRelative(reproducer.stack) };
  fs.writeFileSync(file, JSON.stringify(kept, null, 2) + '\n');
  return file;
}

/** Stack frames relative to the repository: a reproducer names no path of the machine it was found on. */
export function repoRelative(text: string, root = process.cwd()): string {
  return text.split(root + path.sep).join('');
}

export function readReproducers(): { file: string; reproducer: Reproducer }[] {
  if (!fs.existsSync(FOUND_DIR)) return [];
  return fs
    .readdirSync(FOUND_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({ file: name, reproducer: JSON.parse(fs.readFileSync(path.join(FOUND_DIR, name), 'utf8')) as Reproducer }));
}
