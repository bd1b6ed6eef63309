/**
 * Fuzz cases: a workspace of 1–3 mutated example files and a further edit
 * (for incremental re-analysis), all drawn from one seed. A case is fully
 * described by (run seed, index); {@link caseSeed} turns that pair into the
 * case's own seed, which is all a reproducer needs.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { GENTLE, hashSeed, lineStarts, mutate, Rng, type MutationName } from './mutations';

export interface ExampleFile {
  /** `clinic/risks.isms`. */
  readonly name: string;
  readonly text: string;
}

/** The `.isms` files of examples/, in path order (the repository root is the current folder, as under mocha). */
export function loadExamples(root = path.join(process.cwd(), 'examples')): ExampleFile[] {
  const found: ExampleFile[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.isms')) found.push({ name: path.relative(root, full).split(path.sep).join('/'), text: fs.readFileSync(full, 'utf8') });
    }
  };
  walk(root);
  return found;
}

/** The further edit after the first analysis: a file changed again, added or removed. */
export type FuzzEdit =
  | { readonly kind: 'change'; readonly file: string; readonly text: string }
  | { readonly kind: 'add'; readonly file: string; readonly text: string }
  | { readonly kind: 'remove'; readonly file: string };

export interface FuzzCase {
  /** The case's own seed (see {@link caseSeed}). */
  readonly seed: number;
  /** Workspace-relative path → text, as first analysed. */
  readonly files: Readonly<Record<string, string>>;
  readonly edit: FuzzEdit;
  /** Also export xlsx (slow: a subset of cases). */
  readonly xlsx: boolean;
  /** Offsets probed by completion, hover, definition, … (per file of the final workspace, drawn when used). */
  readonly probeSeed: number;
  /** The mutations applied, for statistics. */
  readonly mutations: readonly MutationName[];
}

export function caseSeed(runSeed: number, index: number): number {
  return hashSeed(runSeed, index);
}

/** Picks 1–3 example files (often from one example folder), renames them into a workspace and mutates them. */
export function makeCase(seed: number, examples: readonly ExampleFile[], options: { xlsxEvery?: number; gentle?: number } = {}): FuzzCase {
  const rng = new Rng(seed);
  const donors = examples.map((example) => example.text);
  const count = rng.pick([1, 1, 2, 2, 3]);
  let from = examples;
  if (rng.chance(0.5)) {
    const folder = rng.pick(examples).name.split('/')[0];
    from = examples.filter((example) => example.name.startsWith(folder + "/"));
  }
  const chosen: ExampleFile[] = [];
  for (let i = 0; i < count; i++) chosen.push(rng.pick(from));

  const files: Record<string, string> = {};
  const mutations: MutationName[] = [];
  // One case in five (by default) uses only mutations that mostly keep the text well-formed.
  const pool = rng.chance(options.gentle ?? 0.2) ? GENTLE : undefined;
  chosen.forEach((example, i) => {
    let name = path.posix.basename(example.name);
    if (rng.chance(0.15)) name = `sub/${name}`;
    while (name in files) name = name.replace(/\.isms$/, `-${i}.isms`);
    // The first file is always mutated; the others are sometimes left as they are.
    const steps = i === 0 || rng.chance(0.7) ? 1 + rng.skewed(5) : 0;
    const mutated = mutate(pool ? example.text : window(example.text, rng), rng.fork(), steps, donors, pool);
    mutations.push(...mutated.applied);
    files[name] = mutated.text;
  });

  const names = Object.keys(files);
  let edit: FuzzEdit;
  const roll = rng.float();
  if (roll < 0.8 || names.length === 0) {
    const file = rng.pick(names);
    const mutated = mutate(files[file], rng.fork(), 1 + rng.skewed(2), donors, pool);
    mutations.push(...mutated.applied);
    edit = { kind: 'change', file, text: mutated.text };
  } else if (roll < 0.9 || names.length === 1) {
    const example = rng.pick(examples);
    const mutated = mutate(example.text, rng.fork(), rng.skewed(3), donors);
    mutations.push(...mutated.applied);
    edit = { kind: 'add', file: `added-${rng.int(10)}.isms`, text: mutated.text };
  } else {
    edit = { kind: 'remove', file: rng.pick(names) };
  }

  // One draw whatever xlsxEvery is, so that the rest of the case does not depend on it.
  const xlsxEvery = options.xlsxEvery ?? 20;
  const xlsx = rng.float() * xlsxEvery < 1;
  return { seed, files, edit, xlsx, probeSeed: rng.next(), mutations };
}

/** Often a window of whole lines rather than the whole file: small inputs make more cases per second. */
function window(text: string, rng: Rng): string {
  if (rng.chance(0.35)) return text;
  const starts = lineStarts(text);
  const lines = starts.length - 1;
  const length = 3 + rng.skewed(150);
  const first = rng.int(Math.max(1, lines - length));
  return text.slice(starts[first], starts[Math.min(lines, first + length)]);
}

/** The workspace after the edit. */
export function finalFiles(fuzzCase: Pick<FuzzCase, 'files' | 'edit'>): Record<string, string> {
  const files = { ...fuzzCase.files };
  if (fuzzCase.edit.kind === 'remove') delete files[fuzzCase.edit.file];
  else files[fuzzCase.edit.file] = fuzzCase.edit.text;
  return files;
}
