import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import fc from 'fast-check';

import { decodeTextBlock, parse, tokenize, tokenTypes } from '../../../grammar/src';
import { formatEdits, formatText } from '../../../server/src/features/format';
import type { TextEdit } from '../../../server/src/features/feature-types';

const Tokens = tokenTypes();

// Paths are relative to the repository root (mocha runs there).
const GOLDEN_DIR = join(process.cwd(), 'test', 'golden', 'format');
const EXAMPLES_DIR = join(process.cwd(), 'examples');

// ---------------------------------------------------------------------------
// Helpers

function normaliseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The non-whitespace content of a text: token images and comment texts in
 * order (no line breaks), with whitespace inside text blocks, block comments
 * and durations normalised.
 */
function contentOf(text: string): string[] {
  const lexed = tokenize(text);
  const all = [...lexed.tokens, ...(lexed.groups.comments ?? [])].sort((a, b) => a.startOffset - b.startOffset);
  return all
    .filter((token) => token.tokenType !== Tokens.Newline)
    .map((token) => {
      const type = token.tokenType;
      const spaced =
        type === Tokens.TextBlock || type === Tokens.BlockComment || type === Tokens.LineComment || type === Tokens.Duration;
      return `${type.name} ${spaced ? normaliseSpace(token.image) : token.image}`;
    });
}

/** The decoded values of the text blocks of a text. */
function textBlockValues(text: string): string[] {
  return tokenize(text)
    .tokens.filter((token) => token.tokenType === Tokens.TextBlock)
    .map((token) => decodeTextBlock(token.image));
}

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  for (let i = 1; i < edits.length; i++) {
    assert.ok(edits[i - 1].end <= edits[i].start, 'edits are sorted and do not overlap');
  }
  let result = text;
  for (const edit of [...edits].reverse()) {
    assert.ok(edit.start >= 0 && edit.start <= edit.end && edit.end <= text.length, 'edit within the text');
    result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  }
  return result;
}

/** The offsets where lines start (after each CRLF, CR or LF). */
function lineStarts(text: string): number[] {
  const starts = [0];
  const breaks = /\r\n|\r|\n/g;
  for (let m = breaks.exec(text); m; m = breaks.exec(text)) starts.push(m.index + m[0].length);
  return starts;
}

/** The span of the whole lines holding offsets `first` to `last` (line breaks included). */
function wholeLines(text: string, first: number, last: number): { start: number; end: number } {
  const starts = lineStarts(text);
  const lineOf = (offset: number): number => {
    let line = 0;
    while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
    return line;
  };
  const lastLine = lineOf(last);
  return { start: starts[lineOf(first)], end: lastLine + 1 < starts.length ? starts[lastLine + 1] : text.length };
}

/** The layout invariants every formatted text satisfies. */
function assertCanonicalShape(input: string, output: string): void {
  if (output === '' || output === '\ufeff') return;
  const crlf = /\r\n|\r|\n/.exec(input)?.[0] === '\r\n';
  const eol = crlf ? '\r\n' : '\n';
  assert.equal(output.startsWith('\ufeff'), input.startsWith('\ufeff'), 'a BOM is kept, never added');
  if (crlf) assert.ok(!/\r(?!\n)|(?<!\r)\n/.test(output), 'only CRLF line breaks');
  else assert.ok(!output.includes('\r'), 'only LF line breaks');
  assert.ok(output.endsWith(eol) && !output.endsWith(eol + eol), 'ends with exactly one line break');
  const lines = output.replace(/^\ufeff/, '').split(eol);
  assert.notEqual(lines[0], '', 'no leading blank line');
  for (const line of lines) assert.equal(line, line.trimEnd(), `no trailing whitespace: ${JSON.stringify(line)}`);
}

/** Everything that must hold for a text that parses. */
function assertFormatsWell(text: string): string {
  const result = formatText(text);
  assert.ok(result, 'a text that parses is formatted');
  assert.equal(result.changed, result.text !== text);
  const again = formatText(result.text);
  assert.deepEqual(again, { text: result.text, changed: false }, 'idempotent');
  assert.deepEqual(contentOf(result.text), contentOf(text), 'same tokens and comments');
  assert.deepEqual(textBlockValues(result.text), textBlockValues(text), 'same text block values');
  assert.equal(parse(result.text).errors.length, 0, 'the result parses');
  assertCanonicalShape(text, result.text);
  const edits = formatEdits(text);
  assert.ok(edits);
  assert.equal(applyEdits(text, edits), result.text, 'the edits give the formatted text');
  return result.text;
}

function findIsmsFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) found.push(...findIsmsFiles(path));
    else if (entry.endsWith('.isms')) found.push(path);
  }
  return found;
}

// ---------------------------------------------------------------------------
// Golden files: test/golden/format/NAME.isms → NAME.formatted.isms
// (UPDATE_GOLDEN=1 rewrites the expectations).

describe('format: golden files', () => {
  const inputs = readdirSync(GOLDEN_DIR)
    .filter((name) => name.endsWith('.isms') && !name.endsWith('.formatted.isms'))
    .sort();

  it('has golden pairs', () => {
    assert.ok(inputs.length >= 6, `found ${inputs.length} golden inputs`);
    for (const name of readdirSync(GOLDEN_DIR).filter((n) => n.endsWith('.formatted.isms'))) {
      assert.ok(existsSync(join(GOLDEN_DIR, name.replace(/\.formatted\.isms$/, '.isms'))), `${name} has its input`);
    }
  });

  for (const name of inputs) {
    const expectedName = name.replace(/\.isms$/, '.formatted.isms');
    it(`${name} → ${expectedName}`, () => {
      const input = readFileSync(join(GOLDEN_DIR, name), 'utf8');
      const result = formatText(input);
      assert.ok(result, `${name} parses`);
      const expectedPath = join(GOLDEN_DIR, expectedName);
      if (process.env.UPDATE_GOLDEN) writeFileSync(expectedPath, result.text);
      const expected = readFileSync(expectedPath, 'utf8');
      assert.equal(result.text, expected);
      assert.deepEqual(formatText(expected), { text: expected, changed: false }, 'the expectation is canonical');
      assertFormatsWell(input);
    });

    it(`${name}: the same with CRLF line breaks and a BOM`, () => {
      const input = readFileSync(join(GOLDEN_DIR, name), 'utf8');
      const expected = readFileSync(join(GOLDEN_DIR, expectedName), 'utf8');
      if (/\r/.test(input) || input.startsWith('\ufeff')) return; // already the CRLF/BOM case
      const toCrlf = (text: string): string => text.replace(/\n/g, '\r\n');
      assert.equal(formatText(toCrlf(input))?.text, toCrlf(expected));
      assert.equal(formatText('\ufeff' + input)?.text, '\ufeff' + expected);
    });
  }

  it('the CRLF golden keeps CRLF and the BOM; the mixed one uses LF', () => {
    const crlf = readFileSync(join(GOLDEN_DIR, 'crlf-bom.formatted.isms'), 'utf8');
    assert.ok(crlf.startsWith('\ufeff'));
    assert.ok(crlf.includes('\r\n') && !/(?<!\r)\n/.test(crlf));
    const mixed = readFileSync(join(GOLDEN_DIR, 'mixed-eol.formatted.isms'), 'utf8');
    assert.ok(!mixed.includes('\r'));
  });
});

// ---------------------------------------------------------------------------
// Rules one by one (small cases; the golden files hold the full picture).

describe('format: rules', () => {
  const fmt = (text: string): string | undefined => formatText(text)?.text;

  it('returns undefined when the text has syntax errors', () => {
    for (const text of [
      'risk R-1 "unterminated\n',
      'role a "A" {\n  holder "x"\n',
      '}\n',
      'role a "A" {\n  holder "x",, "y"\n}\n',
      '/* open comment\nrole a "A"\n',
      'scope {\n  statement """\n  open\n}\n',
      'a {\n}}\n',
      '"a string first"\n',
      'a b # c\n',
    ]) {
      assert.equal(formatText(text), undefined, JSON.stringify(text));
      assert.equal(formatEdits(text), undefined, JSON.stringify(text));
      assert.equal(formatEdits(text, { start: 0, end: 1 }), undefined, JSON.stringify(text));
    }
  });

  it('empty and blank files become empty', () => {
    assert.deepEqual(formatText(''), { text: '', changed: false });
    assert.deepEqual(formatText('\n\n  \n'), { text: '', changed: true });
    assert.deepEqual(formatText('\ufeff'), { text: '\ufeff', changed: false });
  });

  it('spaces tokens, commas and braces', () => {
    assert.equal(fmt('a   b ,c,d  {\n}'), 'a b, c, d {\n}\n');
    assert.equal(fmt('a{}'), 'a {}\n');
    assert.equal(fmt('a { }'), 'a {}\n');
    assert.equal(fmt('a b,{\n}'), 'a b, {\n}\n');
  });

  it('indents blocks by two spaces and closes at the outer depth', () => {
    assert.equal(fmt('a {\nb {\n      c 1\n        }\n  }\n'), 'a {\n  b {\n    c 1\n  }\n}\n');
  });

  it('moves a statement written after `{` to its own line', () => {
    assert.equal(fmt('a { b 1\n}\n'), 'a {\n  b 1\n}\n');
    assert.equal(fmt('a { /* c */ b {c 2\n}\n}\n'), 'a { /* c */\n  b {\n    c 2\n  }\n}\n');
  });

  it('indents continuation lines one level deeper, comments inside the list too', () => {
    assert.equal(fmt('a {\nb c,\n// x\nd,\n\n\n    e\nf 1\n}'), 'a {\n  b c,\n    // x\n    d,\n\n    e\n  f 1\n}\n');
  });

  it('normalises durations but keeps `12months` (two tokens) as written', () => {
    assert.equal(fmt('a 12 \t months\n'), 'a 12 months\n');
    assert.equal(fmt('a 12months\n'), 'a 12months\n');
  });

  it('keeps an odd blank between a number and a unit word as written (a space there would make one duration)', () => {
    // Found by the fuzzer: `2<BOM>month` parses as a number and a name, and formatting refused it.
    assert.equal(fmt('O{p 2\ufeffmonth\n}'), 'O {\n  p 2\ufeffmonth\n}\n');
    assert.equal(fmt('a 2\u00a0days,  3\u2028weeks\n'), 'a 2\u00a0days, 3\u2028weeks\n');
  });

  it('separates a trailing comment by one space and trims it', () => {
    assert.equal(fmt('a b// c   \n'), 'a b // c\n');
    assert.equal(fmt('a {// c\n}  //d\n'), 'a { // c\n} //d\n');
  });

  it('puts one blank line between top-level statements, comments attached', () => {
    assert.equal(fmt('a\nb\n\n\n\nc\n'), 'a\n\nb\n\nc\n');
    assert.equal(fmt('a\n// about b\nb\n'), 'a\n\n// about b\nb\n');
    assert.equal(fmt('a\n// about b\n\n\nb\n'), 'a\n\n// about b\n\nb\n');
    assert.equal(fmt('\n\n// head\n// more\n\n\n// other\na\n'), '// head\n// more\n\n// other\na\n');
  });

  it('collapses blank lines in blocks, none after `{` or before `}`', () => {
    assert.equal(fmt('a {\n\n\n  b\n\n\n  c\n\n}\n'), 'a {\n  b\n\n  c\n}\n');
  });

  it('re-indents text blocks keeping their value and relative indentation', () => {
    const input = 'a {\nb """\n      x\n        y\n\n   """\n}\n';
    assert.equal(fmt(input), 'a {\n  b """\n    x\n      y\n\n  """\n}\n');
    assert.equal(fmt('a """one line"""\n'), 'a """one line"""\n');
    // Content on the opening line: the lines stay as written.
    assert.equal(fmt('a {\n      b """x\n   y"""\n}\n'), 'a {\n  b """x\n   y"""\n}\n');
  });

  it('keeps multi-line block comments verbatim except the first line', () => {
    assert.equal(fmt('a {\n      /* x\n   y */\n}\n'), 'a {\n  /* x\n   y */\n}\n');
  });

  it('keeps CRLF when the first line break is CRLF, and the BOM', () => {
    assert.equal(fmt('\ufeffa {\r\nb\n}'), '\ufeffa {\r\n  b\r\n}\r\n');
    assert.equal(fmt('a {\nb\r\n}'), 'a {\n  b\n}\n');
  });

  it('reports changed=false for canonical text', () => {
    assert.deepEqual(formatText('a "b" {\n  c 1\n}\n'), { text: 'a "b" {\n  c 1\n}\n', changed: false });
  });
});

// ---------------------------------------------------------------------------
// The examples of the repository.

describe('format: examples', () => {
  const files = findIsmsFiles(EXAMPLES_DIR);

  it('finds the examples', () => {
    assert.ok(files.length >= 5, `found ${files.length} example files`);
  });

  for (const file of files) {
    const name = file.slice(process.cwd().length + 1);
    it(`${name}: idempotent and keeps every token and comment`, () => {
      const text = readFileSync(file, 'utf8');
      if (parse(text).errors.length > 0) {
        assert.equal(formatText(text), undefined, 'a file with syntax errors is not formatted');
        return;
      }
      assertFormatsWell(text);
    });
  }
});

// ---------------------------------------------------------------------------
// Properties over generated ISMS-like texts.

const spaceArb = fc.constantFrom(' ', '  ', '\t', ' \t ');
const tightArb = fc.constantFrom('', ' ', '   ');
const indentArb = fc.constantFrom('', '  ', '    ', '\t', '       ');
const trailArb = fc.constantFrom('', '', ' ', '\t  ');
const nameArb = fc.constantFrom('risk', 'owner', 'controls', 'a', 'R-001', 'A.8.13', 'top-management', 'x_y', 'months', 'day');
const lineCommentArb = fc.constantFrom('// c', '//c  ', '// "quoted" { } , """', '//', '// /* not a block */');
const inlineCommentArb = fc.constantFrom('/* c */', '/**/', '/* a\n   b   \n      */', '/* "x" { */');

/** Words of text block content: no quotes (`"` next to `"""` would close it early). */
const textWordArb = fc.constantFrom('alpha', 'beta', 'x', 'a,b', '{', '}', '//', '/* no */', '12   months');

const textBlockArb = fc.oneof(
  fc.constantFrom('"""one line"""', '""""""', '"""  padded  """'),
  fc
    .record({
      first: fc.constantFrom('', '  ', 'first line', 'first  '),
      lines: fc.array(fc.tuple(indentArb, fc.array(textWordArb, { maxLength: 3 }), trailArb), { maxLength: 4 }),
      closingAlone: fc.boolean(),
      closingIndent: indentArb,
    })
    .map(({ first, lines, closingAlone, closingIndent }) => {
      const body = lines.map(([indent, words, trail]) => `\n${indent}${words.join(' ')}${trail}`).join('');
      return `"""${first}${body}${closingAlone || lines.length === 0 ? `\n${closingIndent}` : ''}"""`;
    }),
);

const argumentArb = fc.oneof(
  fc.constantFrom('"x"', '"Ransomware, \\"quoted\\""', '""', '"a // not a comment"', '"/* not either */"', '"tab\\there"'),
  textBlockArb,
  fc.constantFrom('2026-01-15', '1999-12-31'),
  fc
    .tuple(fc.constantFrom('1', '12', '2.5'), fc.constantFrom(' ', '   ', '\t', ' \t'), fc.constantFrom('day', 'days', 'week', 'months', 'year'))
    .map(([amount, space, unit]) => amount + space + unit),
  fc.constantFrom('95%', '4.5%'),
  fc.constantFrom('4', '4.5', '0'),
  nameArb,
);

/** What separates an argument from the next: spaces, a comma, or a comma ending the line. */
const separatorArb = fc.oneof(
  spaceArb,
  fc.tuple(tightArb, tightArb).map(([before, after]) => `${before},${after}`),
  fc
    .record({
      before: tightArb,
      comment: fc.option(lineCommentArb),
      between: fc.array(fc.oneof(indentArb, indentArb.chain((i) => lineCommentArb.map((c) => i + c))), { maxLength: 2 }),
      indent: indentArb,
    })
    .map(({ before, comment, between, indent }) =>
      `${before},${comment === null ? '' : ` ${comment}`}\n${between.map((line) => `${line}\n`).join('')}${indent}`,
    ),
);

const argumentsArb = fc
  .array(fc.tuple(fc.option(inlineCommentArb, { freq: 5 }), argumentArb, separatorArb), { maxLength: 4 })
  .map((args) =>
    args
      .map(([comment, argument, separator], i) => {
        const commented = comment === null ? argument : `${comment} ${argument}`;
        return i < args.length - 1 ? commented + separator : commented;
      })
      .join(''),
  );

function statementArb(depth: number): fc.Arbitrary<string> {
  const block: fc.Arbitrary<string | null> = depth < 2 ? fc.option(blockArb(depth + 1)) : fc.constant(null);
  return fc
    .record({
      indent: indentArb,
      name: nameArb,
      space: spaceArb,
      args: argumentsArb,
      before: tightArb,
      block,
      trailing: fc.option(lineCommentArb, { freq: 3 }),
      trail: trailArb,
    })
    .map(({ indent, name, space, args, before, block, trailing, trail }) => {
      let line = indent + name + (args === '' ? '' : space + args);
      if (block !== null) line += before + block;
      if (trailing !== null) line += ' ' + trailing;
      return line + trail;
    });
}

function bodyLineArb(depth: number): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: statementArb(depth), weight: 4 },
    { arbitrary: fc.tuple(indentArb, fc.oneof(lineCommentArb, inlineCommentArb)).map(([i, c]) => i + c), weight: 1 },
    { arbitrary: fc.constantFrom('', '  ', '\t'), weight: 1 },
  );
}

function blockArb(depth: number): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom('{}', '{ }', '{  }'),
    fc
      .record({
        afterOpen: fc.oneof(
          fc.constant(''),
          lineCommentArb.map((c) => ` ${c}`),
          inlineCommentArb.map((c) => ` ${c}`),
          statementArb(depth).map((s) => ` ${s.trimStart()}`),
        ),
        lines: fc.array(bodyLineArb(depth), { maxLength: 4 }),
        close: indentArb,
      })
      .map(({ afterOpen, lines, close }) => `{${afterOpen}\n${lines.map((l) => `${l}\n`).join('')}${close}}`),
  );
}

const documentArb = fc
  .record({
    bom: fc.boolean(),
    crlf: fc.boolean(),
    leading: fc.array(fc.constantFrom('', ' '), { maxLength: 2 }),
    items: fc.array(
      fc.oneof(
        { arbitrary: statementArb(0), weight: 4 },
        { arbitrary: fc.oneof(lineCommentArb, inlineCommentArb), weight: 2 },
        { arbitrary: fc.constantFrom('', ' ', '\t'), weight: 2 },
      ),
      { maxLength: 7 },
    ),
    finalEol: fc.boolean(),
    trailing: fc.array(fc.constantFrom('', '  '), { maxLength: 2 }),
  })
  .map(({ bom, crlf, leading, items, finalEol, trailing }) => {
    const text = [...leading, ...items, ...trailing].join('\n') + (finalEol ? '\n' : '');
    return (bom ? '\ufeff' : '') + (crlf ? text.replace(/\n/g, '\r\n') : text);
  });

/** A range [start, end) within a text. */
const withRangeArb = documentArb.chain((text) =>
  fc
    .tuple(fc.nat({ max: text.length }), fc.nat({ max: text.length }))
    .map(([a, b]) => ({ text, start: Math.min(a, b), end: Math.max(a, b) })),
);

const RUNS = Number(process.env.FORMAT_PROPERTY_RUNS ?? 300);

describe('format: properties of generated texts', () => {
  it('the generator yields texts that parse', () => {
    fc.assert(
      fc.property(documentArb, (text) => {
        assert.deepEqual(parse(text).errors, [], JSON.stringify(text));
      }),
      { numRuns: RUNS },
    );
  });

  it('formatting is idempotent and keeps every token and comment', () => {
    fc.assert(
      fc.property(documentArb, (text) => {
        assertFormatsWell(text);
      }),
      { numRuns: RUNS },
    );
  });

  it('range formatting changes only the lines of the range, and converges', () => {
    fc.assert(
      fc.property(withRangeArb, ({ text, start, end }) => {
        const full = formatText(text);
        assert.ok(full);
        const edits = formatEdits(text, { start, end });
        assert.ok(edits);
        const result = applyEdits(text, edits);
        const lines = wholeLines(text, start, end > start ? end - 1 : start);
        for (const edit of edits) {
          assert.ok(edit.start >= lines.start && edit.end <= lines.end, 'edit within the lines of the range');
        }
        assert.ok(result.startsWith(text.slice(0, lines.start)), 'lines before the range unchanged');
        assert.ok(result.endsWith(text.slice(lines.end)), 'lines after the range unchanged');
        // (When range formatting removed every line break, the line break style is no longer known.)
        const lf = (t: string | undefined): string | undefined => (/[\r\n]/.test(result) ? t : t?.replace(/\r\n/g, '\n'));
        assert.equal(lf(formatText(result)?.text), lf(full.text), 'formatting the rest gives the formatted text');
      }),
      { numRuns: RUNS },
    );
  });

  it('a range over the whole text gives the same edits as no range', () => {
    fc.assert(
      fc.property(documentArb, (text) => {
        assert.deepEqual(formatEdits(text, { start: 0, end: text.length }), formatEdits(text));
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });

  it('texts with syntax errors return undefined', () => {
    const breakage = fc.constantFrom('\n}', '\n"string first"', '\nx ,, y', '\n/* open', '\nx """open', '\nx {', '\n{', '\nx "open', '\nx # y');
    fc.assert(
      fc.property(documentArb, breakage, (text, broken) => {
        const bad = text + broken;
        assert.ok(parse(bad).errors.length > 0, JSON.stringify(bad));
        assert.equal(formatText(bad), undefined);
        assert.equal(formatEdits(bad), undefined);
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });

  it('on arbitrary token soup: formatted exactly when it parses, and then well', () => {
    const piece = fc.constantFrom(
      'a', 'b', 'x-1', '12', '2.5', ' ', '  ', '\t', '\n', '\r\n', '{', '}', ',', '"s"', '"', '"""', '\n  t\n',
      '//', '// c\n', '/*', '*/', '/* c */', '12 months', 'days', '5%', '2026-01-15', '-', '.', '\ufeff',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), (pieces) => {
        const text = pieces.join('');
        if (parse(text).errors.length > 0) {
          assert.equal(formatText(text), undefined, JSON.stringify(text));
        } else {
          assertFormatsWell(text);
        }
      }),
      { numRuns: RUNS * 3 },
    );
  });
});

// ---------------------------------------------------------------------------
// formatEdits on fixed texts.

describe('format: edits', () => {
  it('gives no edits for canonical text', () => {
    assert.deepEqual(formatEdits('a {\n  b 1\n}\n'), []);
  });

  it('gives small edits', () => {
    const text = 'a {\n      b 1\n}\n';
    const edits = formatEdits(text);
    assert.deepEqual(edits, [{ start: 6, end: 10, newText: '' }]);
  });

  it('formats only the lines of the range', () => {
    const text = 'a {\nb   1\nc   2\nd   3\n}\n';
    const second = text.indexOf('c');
    const edits = formatEdits(text, { start: second + 1, end: second + 2 });
    assert.ok(edits);
    assert.equal(applyEdits(text, edits), 'a {\nb   1\n  c 2\nd   3\n}\n');
    // An empty range formats the line that holds it.
    const at = formatEdits(text, { start: second, end: second });
    assert.ok(at);
    assert.equal(applyEdits(text, at), 'a {\nb   1\n  c 2\nd   3\n}\n');
    // A range ending at the start of a line does not take that line.
    const upTo = formatEdits(text, { start: 4, end: second });
    assert.ok(upTo);
    assert.equal(applyEdits(text, upTo), 'a {\n  b 1\nc   2\nd   3\n}\n');
  });

  it('never splits a CRLF pair', () => {
    const text = 'a {\r\nb\r\n\r\n\r\n  c\r\n}\r\n';
    const edits = formatEdits(text);
    assert.ok(edits);
    for (const edit of edits) {
      assert.ok(!(text[edit.start - 1] === '\r' && text[edit.start] === '\n'), 'start not inside CRLF');
      assert.ok(!(text[edit.end - 1] === '\r' && text[edit.end] === '\n'), 'end not inside CRLF');
    }
    assert.equal(applyEdits(text, edits), 'a {\r\n  b\r\n\r\n  c\r\n}\r\n');
  });

  it('offsets account for the BOM', () => {
    const text = '\ufeffa {\nb\n}\n';
    const edits = formatEdits(text);
    assert.deepEqual(edits, [{ start: 5, end: 5, newText: '  ' }]);
    assert.equal(applyEdits(text, edits!), '\ufeffa {\n  b\n}\n');
  });
});
