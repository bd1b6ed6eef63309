import * as assert from 'node:assert/strict';
import { parse, type ParsedFile, type Statement } from '../../../grammar/src';

/** `name args… {children}` per statement, for compact assertions. */
function outline(statements: readonly Statement[]): string[] {
  return statements.map((s) => {
    const args = s.args.map((a) => `${a.kind}:${a.image}${a.comma ? ',' : ''}`).join(' ');
    const block = s.block ? ` {${outline(s.block.statements).join('; ')}}` : '';
    return `${s.name}${args ? ' ' + args : ''}${block}`;
  });
}

function errors(parsed: ParsedFile): string[] {
  return parsed.errors.map((e) => {
    const p = parsed.lines.position(e.start);
    return `${p.line + 1}:${p.column + 1} ${e.message}`;
  });
}

describe('parse', () => {
  it('reads the generic grammar: statements, arguments of every kind, blocks, commas', () => {
    const parsed = parse(
      [
        'risk R-001 "Ransomware \\"x\\"" {',
        '  controls A.8.7, A.8.13',
        '  assessment-interval 12 months',
        '  target 95%',
        '  acceptance 4.5',
        '  assessed 2026-02-01',
        '  statement """',
        '    text',
        '  """',
        '}',
      ].join('\n'),
    );
    assert.deepEqual(errors(parsed), []);
    assert.deepEqual(outline(parsed.statements), [
      'risk name:R-001 string:"Ransomware \\"x\\"" {controls name:A.8.7, name:A.8.13; assessment-interval duration:12 months; target percent:95%; acceptance number:4.5; assessed date:2026-02-01; statement textblock:"""\n    text\n  """}',
    ]);
  });

  it('continues a statement on the next line after a trailing comma', () => {
    const parsed = parse('role r "R" {\n  competence-evidence "a",\n    "b", // note\n    "c"\n}\n');
    assert.deepEqual(errors(parsed), []);
    assert.deepEqual(outline(parsed.statements), ['role name:r string:"R" {competence-evidence string:"a", string:"b", string:"c"}']);
    assert.deepEqual(parsed.comments.map((c) => c.text), ['// note']);
  });

  it('keeps positions: offsets on every node, lines and columns from the line index', () => {
    const text = 'scope {\n  statement "x"\n}\n';
    const parsed = parse(text);
    const field = parsed.statements[0].block!.statements[0];
    assert.equal(text.slice(field.start, field.end), 'statement "x"');
    assert.deepEqual(parsed.lines.position(field.args[0].start), { line: 1, column: 12 });
    assert.equal(parsed.statements[0].block!.end, text.lastIndexOf('}') + 1);
  });

  it('recovers from a syntax error without hiding the rest of the file', () => {
    const parsed = parse('risk R-1 "a" {\n  owner cto }\n  impact 3\n}\n} stray\nscope {\n  statement "s"\n}\n');
    // The `}` on line 2 closes the block early, so the `}`s of lines 4 and 5 are stray.
    assert.deepEqual(errors(parsed), [
      "2:13 expected a line break before '}'",
      "4:1 unexpected '}': no block is open here",
      "5:1 unexpected '}': no block is open here",
    ]);
    assert.deepEqual(outline(parsed.statements), ['risk name:R-1 string:"a" {owner name:cto}', 'impact number:3', 'scope {statement string:"s"}']);
  });

  it('reports a missing closing brace at the opening one and keeps the fields', () => {
    const parsed = parse('risk R-1 "a" {\n  owner cto\n');
    assert.deepEqual(errors(parsed), ["1:14 missing '}' to close this block"]);
    assert.deepEqual(outline(parsed.statements), ['risk name:R-1 string:"a" {owner name:cto}']);
  });

  it('reports unterminated strings, text blocks and comments, and unknown escapes', () => {
    assert.deepEqual(errors(parse('a "open\nb "x\\q"\n')), [
      `1:3 unterminated string: close it with '"' on the same line`,
      "2:3 unknown escape '\\q': use \\\" \\\\ \\n or \\t",
    ]);
    assert.deepEqual(errors(parse('a """ never closed\n')), [`1:3 unterminated text block: close it with '"""'`]);
    assert.deepEqual(errors(parse('a /* never closed\n')), ["1:3 unterminated comment: close it with '*/'"]);
  });

  it('treats a BOM as blank, and CRLF and lone CR as line ends', () => {
    for (const text of ['\ufeffscope {\r\n  statement "x"\r\n}\r\n', 'scope {\r  statement "x"\r}\r']) {
      const parsed = parse(text);
      assert.deepEqual(errors(parsed), []);
      assert.deepEqual(outline(parsed.statements), ['scope {statement string:"x"}']);
    }
    const cr = parse('a 1\rb 2\r\nc 3');
    assert.deepEqual(cr.lines.position(cr.statements[2].start), { line: 2, column: 0 });
  });

  it('never throws on binary garbage and reports it', () => {
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    const parsed = parse(bytes.toString('latin1'));
    assert.ok(parsed.errors.length > 0);
    assert.ok(parsed.errors.length <= 101, 'errors are capped');
  });

  it('handles a 200,000-character line', () => {
    const long = `scope {\n  statement "${'x'.repeat(200_000)}"\n}\n`;
    const parsed = parse(long);
    assert.deepEqual(errors(parsed), []);
    assert.equal(parsed.statements[0].block!.statements[0].args[0].image.length, 200_002);
    const noBreaks = parse('a '.repeat(100_000));
    assert.equal(noBreaks.statements.length, 1);
  });

  it('cuts off 5,000 nested blocks with a clear error instead of overflowing the stack', () => {
    const deep = 'a {\n'.repeat(5000) + '}\n'.repeat(5000);
    const parsed = parse(deep);
    assert.deepEqual(errors(parsed).slice(0, 1), ['33:3 blocks are nested more than 32 deep; the inner ones are ignored']);
    const unbalanced = parse('a {\n'.repeat(5000));
    assert.ok(unbalanced.errors.length > 0);
  });

  it('parses a 5 MB file', () => {
    const risk = (i: number) => `risk R-${i} "Risk ${i}" {\n  owner cto\n  likelihood 3\n  impact 4\n  controls A.8.7, A.8.13\n}\n`;
    const parts: string[] = [];
    let size = 0;
    for (let i = 0; size < 5_000_000; i++) {
      const part = risk(i);
      parts.push(part);
      size += part.length;
    }
    const parsed = parse(parts.join('\n'));
    assert.deepEqual(parsed.errors, []);
    assert.equal(parsed.statements.length, parts.length);
  });

  it('reports the same tree through the fast path and the recovering parser on a broken copy', () => {
    const parsed = parse('risk R-1 "a" {\n  owner cto\n  ,\n}\n');
    assert.deepEqual(errors(parsed), ["3:3 unexpected ',': a statement starts with a name"]);
    assert.deepEqual(outline(parsed.statements), ['risk name:R-1 string:"a" {owner name:cto}']);
  });
});
