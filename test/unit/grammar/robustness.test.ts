import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parse } from '../../../grammar/src';
import { createLanguageService } from '../../../server/src/language-service';

describe('robustness of the parser and the checker', () => {
  it('never throws on random text, and positions stay inside it', () => {
    const alphabet = fc.constantFrom('risk', 'scope', ' ', '\n', '\r', '{', '}', ',', '"', '"""', '//', '/*', '*/', 'A.8.1', '2026-02-30', '5%', '\ufeff', '\u0000', '\u2028', 'é', '\\');
    const text = fc.oneof(fc.string({ maxLength: 300 }), fc.array(alphabet, { maxLength: 120 }).map((parts) => parts.join('')));
    fc.assert(
      fc.property(text, (input) => {
        const parsed = parse(input);
        for (const error of parsed.errors) assert.ok(error.start >= 0 && error.end <= input.length && error.start <= error.end);
        const service = createLanguageService({ asOf: '2026-11-27' });
        service.setFile('a.isms', input);
        for (const diagnostic of service.diagnostics()) assert.ok(diagnostic.start >= 0 && diagnostic.end <= input.length);
      }),
      { numRuns: 1500 },
    );
  });
});
