import { strict as assert } from 'node:assert';

import { markdownCell, markdownReport } from '../../../../server/src/features/export/markdown';
import { assertGolden, reportData, SMALL } from './fixtures';

describe('export: Markdown', () => {
  const data = reportData(SMALL);
  const md = markdownReport(data);
  const lines = md.split('\n');

  it('matches the golden report of a small workspace', () => {
    assertGolden('small.md', md);
  });

  it('has the title with the organization, the as-of date and the sections in order', () => {
    assert.equal(lines[0], '# Statement of Applicability — Acme \\| Cloud Ltd');
    assert.equal(lines[2], 'No soa statement: the version, approvers and approval date of this SoA are not recorded.');
    assert.equal(lines[4], 'As of 2026-11-27.');
    const sections = lines.filter((line) => line.startsWith('## '));
    assert.deepEqual(sections, ['## Summary', '## Controls', '## Risk register']);
  });

  it('summarises each theme and the total', () => {
    assert.ok(lines.includes('| Organizational controls (A.5) | 37 | 1 | 0 | 1 |'));
    assert.ok(lines.includes('| Physical controls (A.7) | 14 | 0 | 1 | 0 |'));
    assert.ok(lines.includes('| Custom controls | 1 | 1 | 0 | 0 |'));
    assert.ok(lines.includes('| **Total** | 94 | 3 | 1 | 1 |'));
  });

  it('lists all 93 Annex A controls then the custom ones, undeclared ones marked', () => {
    const rows = lines.filter((line) => /^\| (A\.\d|C-)/.test(line));
    assert.equal(rows.length, 94);
    assert.ok(rows[0]!.startsWith('| A.5.1 |'));
    assert.ok(rows[92]!.startsWith('| A.8.34 |'));
    assert.ok(rows[93]!.startsWith('| C-1 |'));
    assert.ok(lines.includes('| A.5.2 | Information security roles and responsibilities | — (no SoA entry) | | | | | | |'));
  });

  it('escapes | and line breaks in cells and gives the driving risks and parties', () => {
    assert.ok(
      lines.includes(
        '| A.5.1 | Policies for information security | yes | Policies set direction.<br>Approved yearly \\| reviewed | implemented | | | cto | policies/infosec.md<br>Board minutes, 2026 |',
      ),
    );
    assert.ok(lines.includes('| A.8.13 | Information backup | yes | Risks: R-1; Parties: P-1 | partial | | 2027-03-31 | cto | runbooks/backup.md |'));
  });

  it('gives the risk register with scores, acceptability, acceptors and whether acceptance needs top management', () => {
    assert.ok(lines.includes('| R-1 | Ransomware encrypts the customer database | cto | | 3×3=9 | mitigate | A.8.13, C-1 | 1×2=2 | yes | cto | no |'));
    assert.ok(lines.includes('| R-2 | Laptop theft, "high" impact | cto | | 2×3=6 | accept | | 2×3=6 | no | | yes |'));
  });

  it('carries the soa statement, each control\'s implementation and due, and the draft banner while there are errors (§7.6)', () => {
    const base = reportData(SMALL);
    const rows = base.soa.rows.map((row) => (row.id === 'A.8.13' ? { ...row, implementation: 'Nightly | immutable' } : row));
    const risks = { ...base.risks, risks: base.risks.risks.map((r) => (r.id === 'R-2' ? { ...r, acceptors: ['cto', 'cfo'], acceptedBy: 'cto, cfo', affects: ['confidentiality', 'availability'], acceptedAboveCriteria: true } : r)) };
    const md = markdownReport({
      soa: { ...base.soa, rows, errors: 1, statement: { version: '2026.1', approvedBy: ['ceo'], approved: '2026-02-01', owner: 'cto', classification: 'internal' } },
      risks,
    });
    const mdLines = md.split('\n');
    assert.deepEqual(mdLines.slice(0, 7), [
      '# Statement of Applicability — Acme \\| Cloud Ltd',
      '',
      '> **DRAFT: 1 error in the ISMS — not for release until isms check passes**',
      '',
      'Version 2026.1 · approved by ceo on 2026-02-01 · owner cto · classification internal',
      '',
      'As of 2026-11-27.',
    ]);
    assert.ok(mdLines.includes('| A.8.13 | Information backup | yes | Risks: R-1; Parties: P-1 | partial | Nightly \\| immutable | 2027-03-31 | cto | runbooks/backup.md |'));
    assert.ok(mdLines.includes('| R-2 | Laptop theft, "high" impact | cto | confidentiality, availability | 2×3=6 | accept | | 2×3=6 | no | cto, cfo | yes — not accepted by top management |'));
  });

  it('escapes cell text: pipes, backslashes, raw HTML, all line break styles', () => {
    assert.equal(markdownCell('a|b'), 'a\\|b');
    assert.equal(markdownCell('C:\\x|y'), 'C:\\\\x\\|y');
    assert.equal(markdownCell('<script>x</script>'), '&lt;script>x&lt;/script>');
    assert.equal(markdownCell('a\r\nb\rc\nd'), 'a<br>b<br>c<br>d');
  });

  it('escapes Markdown syntax: no live link, remote image, emphasis or entity from a cell (issue 14)', () => {
    assert.equal(markdownCell('[link](https://evil.example)'), '\\[link\\](https://evil.example)');
    assert.equal(markdownCell('![img](https://evil.example/t.png)'), '!\\[img\\](https://evil.example/t.png)');
    assert.equal(markdownCell('*bold* _it_ `code` ~~gone~~'), '\\*bold\\* \\_it\\_ \\`code\\` \\~\\~gone\\~\\~');
    assert.equal(markdownCell('&lt;b&gt;'), '&amp;lt;b&amp;gt;');
    const hostile = markdownReport(reportData(SMALL.replace('Policies set direction.', '[click](https://evil.example) ![x](https://evil.example/p.png)')));
    assert.ok(hostile.includes('\\[click\\](https://evil.example) !\\[x\\](https://evil.example/p.png)'), hostile.slice(0, 2000));
    assert.doesNotMatch(hostile, /(?<!\\)\[click\]/);
  });

  it('has a plain title without an organization and says when there are no risks', () => {
    const bare = markdownReport(reportData('control A.5.1 {\n  applicable yes\n  reason "x"\n  status planned\n}\n'));
    assert.ok(bare.startsWith('# Statement of Applicability\n\nNo soa statement: the version, approvers and approval date of this SoA are not recorded.\n\nAs of 2026-11-27.\n'));
    assert.match(bare, /No risks are recorded\./);
  });
});
