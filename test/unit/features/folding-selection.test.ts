import { strict as assert } from 'node:assert';

import { foldingRanges } from '../../../server/src/features/folding';
import { selectionRanges, type SelectionRange } from '../../../server/src/features/selection-ranges';
import { fixtureService, parseFixture } from '../../helpers/fixture';
import { withCursor } from '../../helpers/markers';

const TEXT = [
  '// Risks of the platform', // 0
  '// owner: cto', // 1
  '', // 2
  '/* A block comment', // 3
  '   over two lines */', // 4
  'risk R-1 "Ransomware" {', // 5
  '  owner cto // trailing', // 6
  '  // a lone comment', // 7
  '  controls A.8.7,', // 8
  '    A.8.13', // 9
  '  threat """', // 10
  '    Criminal group', // 11
  '    with a long text', // 12
  '  """', // 13
  '}', // 14
  '', // 15
  '// #region Controls', // 16
  'control A.8.13 {', // 17
  '  applicable yes', // 18
  '}', // 19
  'control A.8.7 {}', // 20
  '// #endregion', // 21
  '// one lone comment', // 22
  'scope {', // 23
  '  statement """one line"""', // 24
  '  includes """x', // 25
  '    y"""', // 26
  '}', // 27
].join('\n');

describe('folding ranges', () => {
  it('folds blocks, text blocks, comment runs, block comments and regions', () => {
    const service = fixtureService(parseFixture(TEXT));
    assert.deepEqual(foldingRanges(service, 'main.isms'), [
      { startLine: 0, endLine: 1, kind: 'comment' },
      { startLine: 3, endLine: 4, kind: 'comment' },
      { startLine: 5, endLine: 13 },
      { startLine: 10, endLine: 12 },
      { startLine: 16, endLine: 21, kind: 'region' },
      { startLine: 17, endLine: 18 },
      { startLine: 23, endLine: 26 },
      { startLine: 25, endLine: 26 },
    ]);
  });

  it('counts lines as the editor does with CRLF and lone CR', () => {
    const crlf = fixtureService(parseFixture(''));
    crlf.setFile('a.isms', 'risk R-1 "r" {\r\n  owner x\r\n}\r\n// a\r// b\r\n');
    assert.deepEqual(foldingRanges(crlf, 'a.isms'), [
      { startLine: 0, endLine: 1 },
      { startLine: 3, endLine: 4, kind: 'comment' },
    ]);
  });

  it('folds an unclosed block to where it was cut off, and nothing for an unknown file', () => {
    const service = fixtureService(parseFixture('risk R-1 "r" {\n  owner x\n  impact 2\n'));
    const ranges = foldingRanges(service, 'main.isms');
    assert.equal(ranges.length, 1);
    assert.equal(ranges[0].startLine, 0);
    assert.ok(ranges[0].endLine >= 2);
    assert.deepEqual(foldingRanges(service, 'nowhere.isms'), []);
  });
});

/** A selection chain as the texts it selects, innermost first. */
function texts(text: string, range: SelectionRange | undefined): string[] {
  const result: string[] = [];
  for (let r = range; r; r = r.parent) {
    if (r.parent) assert.ok(r.parent.start <= r.start && r.end <= r.parent.end && (r.parent.start < r.start || r.end < r.parent.end), 'parent holds child');
    result.push(text.slice(r.start, r.end));
  }
  return result;
}

describe('selection ranges', () => {
  const SOURCE = `risk R-1 "Ransomware" {
  owner cto
  controls A.8.7, A.8.13
}
`;
  const chainAt = (marked: string) => {
    const { fixture, file, offset } = withCursor(marked);
    const service = fixtureService(fixture);
    const [range] = selectionRanges(service, file, [offset]);
    return texts(service.text(file)!, range);
  };
  const BODY = 'owner cto\n  controls A.8.7, A.8.13';
  const WHOLE = SOURCE.slice(0, -1);

  it('grows from an argument to its list, field, block contents, entity and document', () => {
    assert.deepEqual(chainAt(SOURCE.replace('A.8.13', 'A.8$0.13')), ['A.8.13', 'A.8.7, A.8.13', 'controls A.8.7, A.8.13', BODY, WHOLE, SOURCE]);
    assert.deepEqual(chainAt(SOURCE.replace('cto', 'ct$0o')), ['cto', 'owner cto', BODY, WHOLE, SOURCE]);
  });

  it('starts at the name on a field name or kind keyword, and within the quotes in a string', () => {
    assert.deepEqual(chainAt(SOURCE.replace('owner', 'ow$0ner')), ['owner', 'owner cto', BODY, WHOLE, SOURCE]);
    assert.deepEqual(chainAt(SOURCE.replace('risk', 'r$0isk')), ['risk', 'risk R-1 "Ransomware"', WHOLE, SOURCE]);
    assert.deepEqual(chainAt(SOURCE.replace('Ransomware', 'Ransom$0ware')), [
      'Ransomware',
      '"Ransomware"',
      'R-1 "Ransomware"',
      'risk R-1 "Ransomware"',
      WHOLE,
      SOURCE,
    ]);
  });

  it('selects a comment, and only the document between statements', () => {
    const withComment = 'risk R-1 "r" {\n  owner cto // the CTO\n}\n';
    assert.deepEqual(chainAt(withComment.replace('the CTO', 'the $0CTO')), ['// the CTO', 'risk R-1 "r" {\n  owner cto // the CTO\n}', withComment]);
    assert.deepEqual(chainAt('risk R-1 "r" {\n}\n$0\nscope {\n}\n'), ['risk R-1 "r" {\n}\n\nscope {\n}\n']);
  });

  it('answers every offset, in order', () => {
    const service = fixtureService(parseFixture(SOURCE));
    const offsets = [0, SOURCE.indexOf('cto'), SOURCE.length];
    const ranges = selectionRanges(service, 'main.isms', offsets);
    assert.equal(ranges.length, 3);
    assert.deepEqual(texts(SOURCE, ranges[0]), ['risk', 'risk R-1 "Ransomware"', WHOLE, SOURCE]);
    assert.deepEqual(texts(SOURCE, ranges[2]), [SOURCE]);
  });
});

describe('folding and selection: robustness', () => {
  it('answer on broken text, at every offset', () => {
    const broken = 'risk R-1 "x {\n  owner\n  a """\n b\n /* c\n}\n}\n{\n// d\n';
    const service = fixtureService(parseFixture(broken));
    for (const range of foldingRanges(service, 'main.isms')) assert.ok(range.startLine < range.endLine);
    const offsets = Array.from({ length: broken.length + 1 }, (_, i) => i);
    const ranges = selectionRanges(service, 'main.isms', offsets);
    assert.equal(ranges.length, offsets.length);
    ranges.forEach((range, i) => {
      assert.ok(range.start <= offsets[i] && offsets[i] <= range.end, `offset ${i}`);
      texts(broken, range);
    });
  });
});
