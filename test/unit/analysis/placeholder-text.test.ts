/** What counts as placeholder text (LANGUAGE.md §7.4 `placeholder-text`). */
import * as assert from 'node:assert/strict';
import { placeholderOf } from '../../../server/src/analysis/rules/placeholder-text';
import { createLanguageService } from '../../../server/src/language-service';

describe('placeholder-text', () => {
  it('knows the markers, as words, in any case', () => {
    const cases: [string, string | undefined][] = [
      ['', ''],
      ['   ', ''],
      ['TODO', 'TODO'],
      ['todo: write the scope', 'todo'],
      ['  Tbd', 'Tbd'],
      ['FIXME later', 'FIXME'],
      ['xxx', 'xxx'],
      ['? who owns this', '?'],
      ['…', '…'],
      ['... to follow', '...'],
      ['Todd Baxter', undefined],
      ['TODOs are tracked in Jira', undefined],
      ['XXXL findings register', undefined],
      ['The CFO approves', undefined],
      ['Fixed assets register', undefined],
      ['Is this a question?', undefined],
    ];
    for (const [text, marker] of cases) assert.equal(placeholderOf(text), marker, JSON.stringify(text));
  });

  it('reads strings with escapes and text blocks, and only text fields', () => {
    const service = createLanguageService({ asOf: '2026-11-27' });
    service.setFile(
      'main.isms',
      [
        'role r "Role" {',
        '  holder "\\"TBD\\""', // starts with a quote: not a placeholder
        '  responsibilities "\\tTODO"', // an escaped tab, then TODO
        '  competence """',
        '    FIXME',
        '  """',
        '}',
        'audit IA-1 "TODO: title" {', // titles are not fields
        '  date 2026-01-10',
        '  auditor "Consultant"',
        '  result "xxx"',
        '}',
      ].join('\n'),
    );
    const found = service.diagnostics().filter((d) => d.code === 'placeholder-text');
    assert.deepEqual(
      found.map((d) => d.data?.field),
      ['responsibilities', 'competence', 'result'],
    );
  });
});
