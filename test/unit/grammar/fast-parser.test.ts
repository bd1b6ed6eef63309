/**
 * The fast path must build exactly the tree of the recovering Chevrotain
 * parser whenever it accepts a text, and accept every well-formed text.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { parseFast, parseWithRecovery } from '../../../grammar/src';

const names = fc.constantFrom('risk', 'owner', 'R-001', 'A.8.13', 'cto', '_x', 'a.b-c', 'control', 'top-management');
const argument = fc.oneof(
  names,
  fc.constantFrom('"text"', '"with \\"escape\\""', '""', '"""\n  block\n  """', '2026-01-15', '2026-13-45', '12 months', '1 day', '95%', '4.5', '7'),
);
const blank = fc.constantFrom(' ', '  ', '\t');
const comment = fc.constantFrom('', ' // note', ' /* c */');
const newline = fc.constantFrom('\n', '\r\n', '\n\n', '\n// a comment\n', '\n/* multi\nline */\n');

function statementText(depth: number): fc.Arbitrary<string> {
  const args = fc.array(fc.tuple(argument, fc.boolean(), blank), { maxLength: 4 }).map((list) =>
    list.map(([a, comma, space], i) => `${a}${comma && i < list.length - 1 ? ',' : ''}${space}`).join(''),
  );
  const block =
    depth > 2
      ? fc.constant('')
      : fc.oneof(
          fc.constant(''),
          fc.array(statementText(depth + 1), { maxLength: 3 }).chain((children) =>
            newline.map((nl) => `{${nl}${children.map((c) => `  ${c}${nl}`).join('')}}`),
          ),
        );
  return fc.tuple(names, blank, args, block, comment).map(([name, space, a, b, c]) => `${name}${space}${a}${b}${c}`);
}

const wellFormed = fc.tuple(fc.array(statementText(0), { maxLength: 6 }), newline).map(([statements, nl]) => statements.join(nl) + nl);

/** Plain JSON values, so that undefined and absent properties compare alike. */
function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

function assertSameTree(text: string): void {
  const fast = parseFast(text);
  const reference = parseWithRecovery(text);
  if (!fast) return;
  assert.deepEqual(reference.errors, [], `the fast path accepted text with errors: ${JSON.stringify(text)}`);
  assert.deepEqual(plain(fast.statements), plain(reference.statements));
  assert.deepEqual(plain(fast.comments), plain(reference.comments));
}

describe('fast parser', () => {
  it('builds the tree of the recovering parser on generated well-formed texts, and accepts them', () => {
    fc.assert(
      fc.property(wellFormed, (text) => {
        const reference = parseWithRecovery(text);
        const fast = parseFast(text);
        if (reference.errors.length === 0) assert.ok(fast, `fast path refused a valid text: ${JSON.stringify(text)}`);
        assertSameTree(text);
      }),
      { numRuns: 400 },
    );
  });

  it('gives up, or agrees, on mutated texts', () => {
    const mutated = fc.tuple(wellFormed, fc.nat(), fc.constantFrom('', '{', '}', ',', '"', '"""', '/*', '-', '.', '\u0000', 'x', '\n', '%')).map(
      ([text, at, insert]) => {
        const i = text.length === 0 ? 0 : at % text.length;
        return text.slice(0, i) + insert + text.slice(i + 1);
      },
    );
    fc.assert(fc.property(mutated, (text) => assertSameTree(text)), { numRuns: 600 });
  });

  it('agrees with the recovering parser on every example file', () => {
    const files = fs.readdirSync('examples', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.isms'));
    assert.ok(files.length > 5);
    for (const file of files) assertSameTree(fs.readFileSync(path.join('examples', file), 'utf8'));
  });
});
