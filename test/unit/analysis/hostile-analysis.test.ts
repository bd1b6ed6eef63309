/**
 * Hostile inputs to the analysis (issue 14): the cost stays linear and the
 * findings bounded, whatever the file holds.
 */
import * as assert from 'node:assert/strict';
import { MAX_ARGUMENTS } from '../../../grammar/src/limits';
import { parse, parseWithRecovery } from '../../../grammar/src/parse';
import { createLanguageService } from '../../../server/src/language-service';

function analyse(files: Record<string, string>) {
  const service = createLanguageService({ asOf: '2026-11-27', oneShot: true });
  for (const [file, text] of Object.entries(files)) service.setFile(file, text);
  return service.diagnostics();
}

describe('hostile input: duplicate ids', () => {
  it('lists at most 5 other places and "and N more" (linear in the declarations)', () => {
    const diagnostics = analyse({ 'a.isms': 'asset a "x"\n'.repeat(8) }).filter((d) => d.code === 'duplicate-id');
    assert.equal(diagnostics.length, 8);
    for (const diagnostic of diagnostics) {
      assert.equal(diagnostic.message, "'a' is declared 8 times (5 other places listed, and 2 more); ids must be unique in the workspace");
      assert.equal(diagnostic.related!.length, 5);
      assert.ok(diagnostic.related!.every((related) => related.start !== diagnostic.start));
    }
  });

  it('keeps 8,000 declarations of one id fast and the related places few', () => {
    const started = Date.now();
    const diagnostics = analyse({ 'a.isms': 'asset a "x"\n'.repeat(8000) });
    const related = diagnostics.reduce((sum, d) => sum + (d.related?.length ?? 0), 0);
    assert.ok(related <= 5 * diagnostics.length, `${related} related places`);
    assert.ok(Date.now() - started < 20_000, `${Date.now() - started} ms`);
  });
});

describe('hostile input: findings are capped', () => {
  it('shows 500 findings per file, then one "N more findings in this file not shown"', () => {
    // Whole-ISMS findings go to a.isms, the first file.
    const diagnostics = analyse({ 'a.isms': 'organization "O"\n', 'x.isms': 'x\n'.repeat(650) });
    const inFile = diagnostics.filter((d) => d.file === 'x.isms');
    assert.equal(inFile.length, 501);
    const last = inFile[500];
    assert.equal(last.code, 'too-many-findings');
    assert.equal(last.message, '150 more findings in this file not shown');
    assert.equal(last.severity, 'warning');
    assert.deepEqual(last.data?.hidden, { error: 150, warning: 0, info: 0 });
    assert.equal(last.start, 1000, 'at the first finding not shown (line 501)');
  });

  it('shows 20 findings per statement, then one "N more findings in this statement not shown"', () => {
    const args = Array.from({ length: 30 }, (_, i) => `nope${i}`).join(', ');
    const diagnostics = analyse({ 'a.isms': 'organization "O"\n', 'r.isms': `risk r "t" {\n  assessed 2026-01-01\n  controls ${args}\n}\n` }).filter((d) => d.file === 'r.isms');
    // 3 missing fields and 30 unknown references: 20 shown.
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      [...Array(3).fill('missing-field'), ...Array(17).fill('unknown-reference'), 'too-many-findings'],
    );
    assert.equal(diagnostics[20].message, '13 more findings in this statement not shown');
    assert.equal(diagnostics[20].start, 'risk r "t" {\n  assessed 2026-01-01\n  controls '.length + args.indexOf('nope17'));
  });

  it('shows the most severe findings first: no error hides behind warnings', () => {
    // 25 warnings (document-outside-workspace), then one error (unknown-field) in the same statement.
    const evidence = Array.from({ length: 25 }, (_, i) => `"/etc/f${i}"`).join(', ');
    const diagnostics = analyse({
      'a.isms': 'organization "O"\n',
      'c.isms': `control A.5.1 {\n  applicable yes\n  reason "r"\n  status implemented\n  evidence ${evidence}\n  nonsense 1\n}\n`,
    }).filter((d) => d.file === 'c.isms');
    assert.equal(diagnostics.length, 21);
    assert.ok(diagnostics.some((d) => d.code === 'unknown-field'), 'the error is shown');
    assert.equal(diagnostics.filter((d) => d.code === 'document-outside-workspace').length, 19);
    const last = diagnostics.find((d) => d.code === 'too-many-findings')!;
    assert.equal(last.message, '6 more findings in this statement not shown');
    assert.deepEqual(last.data?.hidden, { error: 0, warning: 6, info: 0 });
  });

  it('keeps memory bounded: 200,000 broken lines give 501 findings', () => {
    const diagnostics = analyse({ 'a.isms': 'organization "O"\n', 'x.isms': 'x\n'.repeat(200_000) });
    const inFile = diagnostics.filter((d) => d.file === 'x.isms');
    assert.equal(inFile.length, 501);
    assert.equal(inFile[500].message, '199500 more findings in this file not shown');
  });
});

describe('hostile input: values per statement are bounded', () => {
  it('keeps 10,000 values of a statement and drops the rest with one error, on both parsers', () => {
    const values = Array.from({ length: MAX_ARGUMENTS + 5 }, (_, i) => `v${i}`);
    const text = `x ${values.join(', ')}\ny 1\n`;
    const fast = parse(text);
    const slow = parseWithRecovery(text);
    for (const parsed of [fast, slow]) {
      assert.equal(parsed.statements.length, 2);
      assert.equal(parsed.statements[0].args.length, MAX_ARGUMENTS);
      assert.equal(parsed.statements[0].args[MAX_ARGUMENTS - 1].image, `v${MAX_ARGUMENTS - 1}`);
      assert.deepEqual(parsed.errors, [{ message: 'more than 10000 values: the 5 after them are ignored', start: text.indexOf(`v${MAX_ARGUMENTS},`), end: text.indexOf('\ny') }]);
    }
    assert.deepEqual(JSON.parse(JSON.stringify(fast.statements)), JSON.parse(JSON.stringify(slow.statements)));
  });
});
