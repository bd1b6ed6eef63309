/**
 * Shrinks a failing fuzz case while it still fails the same way: drops
 * files, drops the edit, then removes lines, words and characters of each
 * text (delta debugging, coarse to fine). The predicate decides "the same
 * way" (same stage and message shape); it may run the case in a worker so
 * that a hang can be minimised too.
 */
import type { FuzzCase, FuzzEdit } from './cases';

export type Predicate = (candidate: FuzzCase) => Promise<boolean>;

export interface MinimiseOptions {
  /** At most this many predicate calls. */
  readonly maxTests?: number;
}

export async function minimiseCase(original: FuzzCase, fails: Predicate, options: MinimiseOptions = {}): Promise<{ fuzzCase: FuzzCase; tests: number }> {
  let best = original;
  let tests = 0;
  const budget = options.maxTests ?? 4000;
  const attempt = async (candidate: FuzzCase): Promise<boolean> => {
    if (tests >= budget) return false;
    tests++;
    if (await fails(candidate)) {
      best = candidate;
      return true;
    }
    return false;
  };

  // 1. Fewer files.
  for (const name of Object.keys(best.files)) {
    if (best.edit.kind !== 'add' && best.edit.file === name) continue;
    const files = { ...best.files };
    delete files[name];
    await attempt({ ...best, files });
  }
  // 2. A simpler edit: none at all (the same text again), or the added file empty.
  const edit = best.edit;
  if (edit.kind === 'change' && edit.text !== best.files[edit.file]) await attempt({ ...best, edit: { ...edit, text: best.files[edit.file] } });
  if (edit.kind === 'remove') {
    const files = { ...best.files, [edit.file]: '' };
    await attempt({ ...best, files, edit: { kind: 'change', file: edit.file, text: '' } });
  }
  // 3. Fewer lines of every text, then fewer words, then fewer characters (once a text is short).
  for (let round = 0; round < 2; round++) {
    for (const unit of ['line', 'word', 'char'] as const) {
      for (const slot of textSlots(best)) {
        const text = slot.get(best);
        if (unit === 'char' && text.length > 2000) continue;
        const parts = unit === 'line' ? text.split(/(?<=\n)/) : unit === 'word' ? (text.match(/\s+|[^\s]+/g) ?? []) : [...text];
        await ddmin(parts, async (kept) => attempt(slot.set(best, kept.join(''))));
      }
    }
  }
  // 4. An edit that changes nothing (or adds an empty file): drop its file, and edit another file by nothing.
  const last = best.edit;
  const idle = (last.kind === 'change' && last.text === best.files[last.file]) || (last.kind === 'add' && last.text === '');
  if (idle) {
    const files = { ...best.files };
    delete files[last.file];
    const other = Object.keys(files)[0];
    if (other !== undefined) await attempt({ ...best, files, edit: { kind: 'change', file: other, text: files[other] } });
  }
  return { fuzzCase: best, tests };
}

interface Slot {
  get(fuzzCase: FuzzCase): string;
  set(fuzzCase: FuzzCase, text: string): FuzzCase;
}

/**
 * Every text of a case: each file, and the edit's text. A changed file is
 * four slots: the prefix and suffix it shares with its edited text, what the
 * edit removed and what it inserted; shrinking the shared parts shrinks both
 * versions alike, so the edit stays the same small edit.
 */
function textSlots(fuzzCase: FuzzCase): Slot[] {
  const edit = fuzzCase.edit;
  const changed = edit.kind === 'change' ? edit.file : undefined;
  const slots: Slot[] = Object.keys(fuzzCase.files)
    .filter((name) => name !== changed)
    .map((name) => ({
      get: (c) => c.files[name] ?? '',
      set: (c, text) => ({ ...c, files: { ...c.files, [name]: text } }),
    }));
  if (edit.kind === 'add') {
    slots.push({
      get: (c) => (c.edit.kind === 'add' ? c.edit.text : ''),
      set: (c, text) => ({ ...c, edit: (c.edit.kind === 'add' ? { ...c.edit, text } : c.edit) as FuzzEdit }),
    });
  }
  if (changed !== undefined) {
    const parts = (c: FuzzCase): [string, string, string, string] => {
      const before = c.files[changed] ?? '';
      const after = c.edit.kind === 'change' ? c.edit.text : before;
      const limit = Math.min(before.length, after.length);
      let p = 0;
      while (p < limit && before[p] === after[p]) p++;
      let q = 0;
      while (q < limit - p && before[before.length - 1 - q] === after[after.length - 1 - q]) q++;
      return [before.slice(0, p), before.slice(p, before.length - q), after.slice(p, after.length - q), before.slice(before.length - q)];
    };
    const join = (c: FuzzCase, [prefix, removed, inserted, suffix]: [string, string, string, string]): FuzzCase => ({
      ...c,
      files: { ...c.files, [changed]: prefix + removed + suffix },
      edit: { kind: 'change', file: changed, text: prefix + inserted + suffix },
    });
    for (const i of [0, 3, 1, 2] as const) {
      slots.push({
        get: (c) => parts(c)[i],
        set: (c, text) => {
          const all = parts(c);
          all[i] = text;
          return join(c, all);
        },
      });
    }
  }
  return slots;
}

/** Classic ddmin: removes chunks (halves, quarters, …) as long as the test still fails; returns what is kept. */
async function ddmin<T>(items: readonly T[], stillFails: (kept: readonly T[]) => Promise<boolean>): Promise<readonly T[]> {
  let current = items;
  let n = 2;
  while (current.length >= 1) {
    const chunk = Math.ceil(current.length / n);
    let reduced = false;
    for (let start = 0; start < current.length; start += chunk) {
      const complement = [...current.slice(0, start), ...current.slice(start + chunk)];
      if (await stillFails(complement)) {
        current = complement;
        n = Math.max(n - 1, 2);
        reduced = true;
        break;
      }
    }
    if (!reduced) {
      if (chunk <= 1) break;
      n = Math.min(current.length, n * 2);
    }
    if (current.length === 0) break;
  }
  return current;
}
