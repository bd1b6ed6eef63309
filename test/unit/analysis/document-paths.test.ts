import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import * as fc from 'fast-check';

import { resolveDocumentPath } from '../../../server/src/analysis/document-paths';

/** What the resolver computed with `node:path` before it became plain string logic. */
function withNodePath(fromFile: string, value: string): string | undefined {
  const joined = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), value.replace(/\\/g, '/')));
  if (joined === '..' || joined.startsWith('../') || path.posix.isAbsolute(joined)) return undefined;
  return joined;
}

describe('analysis/document-paths (no node:path in the pure core)', () => {
  it('resolves as path.posix does, on examples', () => {
    for (const [from, value] of [
      ['a.isms', 'docs/p.pdf'],
      ['risks/a.isms', '../docs/p.pdf'],
      ['risks/a.isms', '../../p.pdf'],
      ['a.isms', './x/./y/../z.md'],
      ['a/b/c.isms', '..\\..\\d.txt'],
      ['a.isms', 'dir/'],
      ['a.isms', 'x//y.md'],
      ['a/b.isms', '..'],
    ]) {
      assert.equal(resolveDocumentPath(from, value), withNodePath(from, value), `${from} + ${value}`);
    }
  });

  it('resolves as path.posix does, on generated paths', () => {
    const segment = fc.constantFrom('a', 'b', '.', '..', '', 'x.md', 'dir');
    const relPath = fc.array(segment, { minLength: 1, maxLength: 6 }).map((parts) => parts.join('/'));
    const file = fc.array(fc.constantFrom('a', 'b', 'dir'), { maxLength: 3 }).map((parts) => [...parts, 'f.isms'].join('/'));
    fc.assert(
      fc.property(file, relPath, fc.boolean(), (from, value, backslashes) => {
        const written = backslashes ? value.replace(/\//g, '\\') : value;
        assert.equal(resolveDocumentPath(from, written), withNodePath(from, written));
      }),
      { numRuns: 2000 },
    );
  });
});
