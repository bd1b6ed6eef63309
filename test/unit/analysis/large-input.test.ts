/**
 * A large input: the benchmark workspace of 12,800 risks (bench/generate-workspace.mjs)
 * as one file of about 5 MB, analysed by the language service without an
 * exception and with the right answer (no diagnostics: the workspace is
 * valid); then with an unbalanced brace in its middle (the whole file goes
 * through error recovery). About 12 s on a loaded 2-core machine, 4 s on a
 * quiet one; no timing assertion: the figures are in `npm run bench:scale`.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createLanguageService } from '../../../server/src/language-service';

interface Generator {
  readonly AS_OF: string;
  buildModel(options: { risks: number }): { files: unknown[] };
  toIsms(file: unknown): string;
}

describe('analysis: a single 5 MB file', function () {
  this.timeout(90_000);

  it('is analysed without error, and with an unbalanced brace in its middle', async () => {
    const url = pathToFileURL(path.join(process.cwd(), 'bench', 'generate-workspace.mjs')).href;
    const generator = (await import(url)) as Generator;
    const text = generator.buildModel({ risks: 12_800 }).files.map((file) => generator.toIsms(file)).join('\n');
    assert.ok(text.length > 5_000_000, `${text.length} characters`);

    const service = createLanguageService({ asOf: generator.AS_OF });
    service.setFile('all.isms', text);
    assert.deepEqual(service.analysis().diagnostics.map((d) => `${d.code} at ${d.start}: ${d.message}`), []);

    const middle = text.indexOf('\nrisk ', text.length >> 1) + 1;
    service.setFile('all.isms', `${text.slice(0, middle)}{${text.slice(middle)}`);
    const broken = service.analysis().diagnostics;
    assert.ok(broken.length > 0 && broken.some((d) => d.code === 'syntax-error'), JSON.stringify(broken.slice(0, 3)));
    assert.ok(broken.every((d) => d.start >= 0 && d.end <= text.length + 1 && d.start <= d.end));
  });
});
