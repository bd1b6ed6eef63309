/**
 * Nothing handed out changes afterwards: after an incremental edit, the
 * previous version's tree, model and findings are exactly what they were
 * (an earlier snapshot, or a request still running, may hold them).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import fc from 'fast-check';
import { LineIndex } from '../../../grammar/src';
import { analyseFile, reanalyseFile, type FileAnalysis } from '../../../server/src/analysis/analyse';
import { createLanguageService } from '../../../server/src/language-service';

/**
 * A deep, plain copy of a value: derived positions included (the tree's
 * classes give them through `toJSON`), a value met again written as a
 * marker (an entity's references point back to it), a line index as its
 * line starts.
 */
function copyOf(value: unknown): unknown {
  const seen = new WeakSet<object>();
  return JSON.parse(
    JSON.stringify(value, (_key, v: unknown) => {
      if (typeof v !== 'object' || v === null) return v;
      // A line index finds its lines on first use: what it holds is its line starts.
      if (v instanceof LineIndex) return { lineStarts: v.lineStarts };
      if (seen.has(v)) return '<seen>';
      seen.add(v);
      return v;
    }),
  );
}

const EXAMPLE = 'examples/clinic/risks.isms';
const SNIPPETS = ['', 'x', '\n', 'owner cto', '\n  owner cto\n', '}', '{', '"', '// note', ',', 'risk R-9 "New" {\n  owner cto\n}\n', 'A.8.1'];

describe('immutable trees and findings', () => {
  it('keeps the previous model and findings deep-equal to a copy taken before an incremental edit', () => {
    const text = fs.readFileSync(EXAMPLE, 'utf8');
    const before = analyseFile('risks.isms', text);
    const copy = copyOf(before);
    // Insert a line at the top: every later statement and finding moves.
    const after = reanalyseFile(before, `// a new first line\n${text}`);
    assert.notEqual(after, before);
    assert.ok(after.model.entities.length > 0 && after.model.entities[0].statement.start > before.model.entities[0].statement.start);
    assert.deepEqual(copyOf(before), copy);
  });

  it('keeps a snapshot of the service as it was after the next edit', () => {
    const service = createLanguageService({ asOf: '2026-11-27' });
    const text = fs.readFileSync(EXAMPLE, 'utf8');
    service.setFile('risks.isms', text);
    const snapshot = service.snapshot();
    const model = copyOf(snapshot.model('risks.isms'));
    const diagnostics = copyOf(snapshot.diagnostics());
    service.setFile('risks.isms', `\n\n${text}`);
    assert.deepEqual(copyOf(snapshot.model('risks.isms')), model);
    assert.deepEqual(copyOf(snapshot.diagnostics()), diagnostics);
    assert.notDeepEqual(copyOf(service.snapshot().model('risks.isms')), model);
  });

  it('never changes what an earlier version handed out, over random edit sequences', () => {
    const original = fs.readFileSync(EXAMPLE, 'utf8');
    const edit = fc.record({ at: fc.nat(), length: fc.nat({ max: 40 }), insert: fc.constantFrom(...SNIPPETS) });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 5 }), (edits) => {
        let text = original;
        let analysis: FileAnalysis = analyseFile('risks.isms', text);
        const versions: { analysis: FileAnalysis; copy: unknown }[] = [{ analysis, copy: copyOf(analysis) }];
        for (const { at, length, insert } of edits) {
          const start = at % (text.length + 1);
          text = text.slice(0, start) + insert + text.slice(Math.min(text.length, start + length));
          analysis = reanalyseFile(analysis, text);
          versions.push({ analysis, copy: copyOf(analysis) });
        }
        for (const version of versions) assert.deepEqual(copyOf(version.analysis), version.copy);
      }),
      { numRuns: 60 },
    );
  });
});
