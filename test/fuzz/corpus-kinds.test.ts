/**
 * The fuzzer mutates the files of examples/ and the edit storm edits
 * examples/clinic and examples/flawed: both exercise a kind only if those
 * examples declare it. This holds that every kind of the schema, the v2 ones
 * (LANGUAGE.md §7.1) included, is in that corpus, in clinic or flawed.
 */
import { strict as assert } from 'node:assert';

import { parse } from '../../grammar/src/parse';
import { KINDS } from '../../server/src/schema/kinds';
import { loadExamples } from './cases';

describe('fuzz and storm corpus', () => {
  it('declares every kind of the schema in examples/clinic or examples/flawed', () => {
    const declared = new Set<string>();
    for (const example of loadExamples()) {
      if (!example.name.startsWith('clinic/') && !example.name.startsWith('flawed/')) continue;
      for (const statement of parse(example.text).statements) declared.add(statement.name);
    }
    assert.deepEqual(
      KINDS.map((k) => k.kind).filter((kind) => !declared.has(kind)),
      [],
    );
  });
});
