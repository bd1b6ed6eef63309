/**
 * Re-analysing after an edit (re-parsing only the touched statements,
 * shifting the rest) must give exactly what a full analysis of the new text
 * gives: the same tree, comments, entities and findings.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { analyseFile, reanalyseFile, type FileAnalysis } from '../../../server/src/analysis/analyse';

const EXAMPLES = ['examples/clinic/risks.isms', 'examples/clinic/soa.isms', 'examples/flawed/risks.isms', 'examples/clinic/organization.isms'];
const SNIPPETS = ['', 'x', ' ', '\n', '\n\n', '3', 'owner cto', '\n  owner cto\n', '}', '{', '"', '"""', '/*', '*/', '// note', ',', 'risk R-9 "New" {\n  owner cto\n}\n', 'A.8.1', '2026-02-30', '\r\n'];

function plain(analysis: FileAnalysis) {
  const { parsed, entities } = analysis.model;
  return JSON.parse(
    JSON.stringify({
      statements: parsed.statements,
      comments: parsed.comments,
      errors: parsed.errors,
      lines: parsed.lines.lineStarts,
      entities: entities.map((e) => [e.kind, e.id?.image, e.id?.start, e.title?.image, e.headEnd, e.fields.length]),
      references: analysis.model.references.map((r) => [r.value.image, r.value.start, r.field.name]),
      diagnostics: [...analysis.diagnostics].sort((a, b) => a.start - b.start || a.code.localeCompare(b.code) || a.message.localeCompare(b.message)),
    }),
  );
}

const edit = fc.record({ at: fc.nat(), length: fc.nat({ max: 40 }), insert: fc.constantFrom(...SNIPPETS) });

describe('incremental re-analysis', () => {
  for (const file of EXAMPLES) {
    it(`equals a full analysis after random edit sequences: ${file}`, () => {
      const original = fs.readFileSync(file, 'utf8');
      fc.assert(
        fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
          let text = original;
          let analysis = analyseFile(path.basename(file), text);
          for (const { at, length, insert } of edits) {
            const start = at % (text.length + 1);
            text = text.slice(0, start) + insert + text.slice(Math.min(text.length, start + length));
            analysis = reanalyseFile(analysis, text);
            assert.deepEqual(plain(analysis), plain(analyseFile(path.basename(file), text)));
          }
        }),
        { numRuns: Number(process.env.INCREMENTAL_RUNS ?? 150) },
      );
    });
  }

  it('re-parses the following statement when an edit leaves a line ending in a comma (found by the fuzzer)', () => {
    const before = analyseFile('soa.isms', 'C""\nn');
    const edited = 'C"" "",\nn';
    assert.deepEqual(plain(reanalyseFile(before, edited)), plain(analyseFile('soa.isms', edited)));
  });

  it('re-parses the following statement when an edit joins it to a line comment (found by the fuzzer)', () => {
    const before = analyseFile('o.isms', '\n//\n p');
    const edited = '\n// p';
    assert.deepEqual(plain(reanalyseFile(before, edited)), plain(analyseFile('o.isms', edited)));
  });

  it('keeps a statement going across a block comment that an edit closes on a later line (found by the property test)', () => {
    // `owner a /* … */ b` is one statement even when the comment spans lines: the window after `owner a` must not start a new one.
    const before = analyseFile('o.isms', 'risk R-1 "a" {\n  owner a\n}\nowner b /*\nnote\nowner c\n');
    const edited = 'risk R-1 "a" {\n  owner a\n}\nowner b /*\nnote*/ owner c\n';
    assert.deepEqual(plain(reanalyseFile(before, edited)), plain(analyseFile('o.isms', edited)));
    assert.deepEqual(reanalyseFile(before, edited).model.parsed.statements.map((statement) => statement.name), ['risk', 'owner']);
  });

  it("re-checks only the window's references (an unknown Annex A id in another risk is not reported twice)", () => {
    const text = 'risk R-1 "a" {\n  controls A.38.7\n}\n\nrisk R-2 "b" {\n  owner cto\n}\n';
    const before = analyseFile('r.isms', text);
    const edited = text.replace('owner cto', 'owner ceo');
    assert.deepEqual(plain(reanalyseFile(before, edited)), plain(analyseFile('r.isms', edited)));
  });

  it('stays incremental in a file with a syntax error that cannot run past its statement', () => {
    const text = 'risk R-1 "a" {\n  owner cto\n  threat "unterminated\n}\n\nrisk R-2 "b" {\n  owner cto\n}\n';
    const before = analyseFile('b.isms', text);
    assert.equal(before.model.parsed.errors.length, 1);
    const second = before.model.entities[1];
    // The same length: the statements after the edit stay where they are (moved ones are copies).
    const edited = text.replace('unterminated', 'unterminatex');
    const after = reanalyseFile(before, edited);
    assert.equal(after.model.entities[1], second, 'the second risk is reused');
    assert.deepEqual(plain(after), plain(analyseFile('b.isms', edited)));
    // A stray brace could take in the statements after it: the whole file is parsed again.
    const braced = text.replace('owner cto\n  threat', 'owner cto {\n  threat');
    const reparsed = reanalyseFile(before, braced);
    assert.notEqual(reparsed.model.entities[1], second);
    assert.deepEqual(plain(reparsed), plain(analyseFile('b.isms', braced)));
  });

  it('keeps unchanged statements and re-checks only the edited one', () => {
    const text = 'risk R-1 "a" {\n  owner cto\n}\n\nrisk R-2 "b" {\n  ownr cto\n}\n';
    const before = analyseFile('a.isms', text);
    const second = before.model.entities[1];
    // An edit that keeps the length: the statements after it stay where they are and are reused.
    const edited = text.replace('owner cto', 'owner cfo');
    const after = reanalyseFile(before, edited);
    assert.equal(after.model.entities[1], second, 'the second risk is reused');
    assert.notEqual(after.model.entities[0], before.model.entities[0]);
    assert.deepEqual(plain(after), plain(analyseFile('a.isms', edited)));
  });

  it('moves the statements after an edit that changes the length into copies (the previous tree is left as it was)', () => {
    const text = 'risk R-1 "a" {\n  owner cto\n}\n\nrisk R-2 "b" {\n  ownr cto\n}\n';
    const before = analyseFile('a.isms', text);
    const second = before.model.entities[1];
    const start = second.statement.start;
    const edited = text.replace('owner cto', 'owner chief');
    const after = reanalyseFile(before, edited);
    assert.notEqual(after.model.entities[1], second, 'the moved risk is a new entity');
    assert.equal(after.model.entities[1].statement.start, edited.indexOf('risk R-2'), 'moved with the edit');
    assert.equal(second.statement.start, start, 'the previous one did not move');
    assert.deepEqual(plain(after), plain(analyseFile('a.isms', edited)));
  });
});
