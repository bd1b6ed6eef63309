/**
 * Quick fixes on broken text: mutated copies of the flawed examples. Every
 * action must stay inside its file, add no syntax error, keep every comment,
 * never add findings of the code it fixes, and not throw. FUZZ_RUNS and
 * FUZZ_SEED run it longer or differently.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import fc from 'fast-check';

import { parse } from '../../../../grammar/src';
import { afterAction, allActions, applied, countOf, serviceOf } from './helpers';

const DIR = join(process.cwd(), 'examples', 'flawed');
const FILES = readdirSync(DIR)
  .filter((name) => name.endsWith('.isms'))
  .map((name) => [name, readFileSync(join(DIR, name), 'utf8')] as const);

const SNIPPETS = ['{', '}', '"', ',', '\n', '\r\n', '/*', '*/', '// c\n', '{}', ' x ', 'control A.12.3.1', 'clasification', 'owner', '"""', '\n}\n', 'risk'];

const mutation = fc.record({
  file: fc.integer({ min: 0, max: FILES.length - 1 }),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  cut: fc.integer({ min: 0, max: 12 }),
  insert: fc.constantFrom(...SNIPPETS),
});

describe('quick fixes on broken text', () => {
  it('never throw, stay in bounds, add no syntax error and keep every comment', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        const files: Record<string, string> = Object.fromEntries(FILES);
        for (const { file, at, cut, insert } of mutations) {
          const name = FILES[file][0];
          const text = files[name];
          const offset = Math.floor(at * text.length);
          files[name] = text.slice(0, offset) + insert + text.slice(offset + cut);
        }
        const svc = serviceOf(files);
        for (const action of allActions(svc)) {
          for (const [file, edits] of Object.entries(action.edit.changes)) {
            const length = svc.text(file)!.length;
            const sorted = [...edits].sort((a, b) => a.start - b.start);
            sorted.forEach((edit, i) => {
              assert.ok(edit.start >= 0 && edit.start <= edit.end && edit.end <= length, action.title);
              if (i > 0) assert.ok(sorted[i - 1].end <= edit.start, action.title);
            });
          }
          for (const [file, text] of Object.entries(applied(svc, action))) {
            const errors = new Set(parse(svc.text(file)!).errors.map((e) => e.message));
            for (const error of parse(text).errors) assert.ok(errors.has(error.message), `'${action.title}' adds '${error.message}'`);
            const before = parse(svc.text(file)!).comments.map((c) => c.text).sort();
            const after = new Set(parse(text).comments.map((c) => c.text));
            for (const comment of before) assert.ok(after.has(comment), `'${action.title}' loses ${JSON.stringify(comment)}`);
          }
          const next = afterAction(svc, action);
          const code = action.diagnostic.code;
          assert.ok(countOf(next, code) <= countOf(svc, code), `'${action.title}' adds ${code}`);
        }
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 12), seed: Number(process.env.FUZZ_SEED ?? 20261127) },
    );
  });
});
