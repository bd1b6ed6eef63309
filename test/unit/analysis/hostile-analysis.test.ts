/**
 * Hostile inputs to the analysis (issue 14): the cost stays linear and the
 * findings bounded, whatever the file holds.
 */
import * as assert from 'node:assert/strict';
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
