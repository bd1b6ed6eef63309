import { strict as assert } from 'node:assert';

import { escapeHtml, htmlReport, shadeLevel } from '../../../../server/src/features/export/html';
import { HOSTILE, reportData, SMALL } from './fixtures';

/** The rows of the heat map with this caption: [row header, ...cells as `class:count`]. */
function heatMap(html: string, caption: string): string[][] {
  const start = html.indexOf(`<caption>${caption}</caption>`);
  assert.ok(start >= 0, `no heat map '${caption}'`);
  const body = html.slice(html.indexOf('<tbody>', start), html.indexOf('</tbody>', start));
  return [...body.matchAll(/<tr>(.*?)<\/tr>/g)].map(([, row]) => [
    /<th scope="row">(.*?)<\/th>/.exec(row!)![1]!,
    ...[...row!.matchAll(/<td class="([^"]*)"[^>]*>(\d+)<\/td>/g)].map(([, cls, n]) => `${cls!.replace(' empty', '')}:${n}`),
  ]);
}

describe('export: HTML', () => {
  it('is a standalone page with a strict CSP, print CSS and no scripts or remote content', () => {
    const html = htmlReport(reportData(SMALL));
    assert.ok(html.startsWith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'));
    assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`));
    assert.match(html, /@media print \{/);
    assert.match(html, /@page \{/);
    assert.doesNotMatch(html, /<script|<link|<img|<iframe|<object|<embed|\bsrc=|\bhref=|url\(|@import|\son[a-z]+=/i);
    assert.ok(html.trimEnd().endsWith('</html>'));
  });

  it('has the same content as the Markdown report', () => {
    const html = htmlReport(reportData(SMALL));
    assert.ok(html.includes('<title>Statement of Applicability — Acme | Cloud Ltd</title>'));
    assert.ok(html.includes('<h1>Statement of Applicability — Acme | Cloud Ltd</h1>'));
    assert.ok(html.includes('<time datetime="2026-11-27">2026-11-27</time>'));
    assert.ok(html.includes('<tr class="total"><th scope="row">Total</th><td class="num">94</td><td class="num">3</td><td class="num">1</td><td class="num">1</td></tr>'));
    assert.equal((html.match(/<tr><td>(A\.\d+\.\d+|C-1)<\/td>/g) ?? []).length, 94);
    assert.ok(html.includes('<tr><td>A.5.2</td><td>Information security roles and responsibilities</td><td class="missing">— (no SoA entry)</td>'));
    assert.ok(
      html.includes(
        '<tr><td>A.5.1</td><td>Policies for information security</td><td class="yes">yes</td><td>Policies set direction.<br>Approved yearly | reviewed</td><td class="status-implemented">implemented</td><td></td><td></td><td>cto</td><td>policies/infosec.md<br>Board minutes, 2026</td></tr>',
      ),
    );
    assert.ok(html.includes('<td>Risks: R-1; Parties: P-1</td><td class="status-partial">partial</td>'));
    assert.ok(html.includes('<tr><td>R-1</td><td>Ransomware encrypts the customer database</td><td>cto</td><td></td><td class="num unacceptable">3×3=9</td><td>mitigate</td><td>A.8.13, C-1</td><td class="num acceptable">1×2=2</td><td class="acceptable">yes</td><td>cto</td><td>no</td></tr>'));
    assert.ok(html.includes('<p class="document-control">No soa statement: the version, approvers and approval date of this SoA are not recorded.</p>'));
    assert.doesNotMatch(html, /class="draft"/, 'no error, no draft banner');
    assert.ok(html.includes('<td>Laptop theft, &quot;high&quot; impact</td>'));
  });

  it('carries the soa statement, implementation and due, the draft banner while there are errors, and the flagged risks (§7.6)', () => {
    const base = reportData(SMALL);
    const rows = base.soa.rows.map((row) => (row.id === 'A.8.13' ? { ...row, implementation: 'Nightly <immutable>' } : row));
    const risks = { ...base.risks, risks: base.risks.risks.map((r) => (r.id === 'R-2' ? { ...r, acceptors: ['cto'], acceptedBy: 'cto', acceptedAboveCriteria: true, residualAboveInherent: true } : r)) };
    const drafted = htmlReport({ soa: { ...base.soa, rows, errors: 3, statement: { version: '2026.1', approvedBy: ['ceo'], approved: '2026-02-01', owner: undefined, classification: undefined } }, risks });
    assert.ok(drafted.includes('<h1>Statement of Applicability — Acme | Cloud Ltd</h1>\n<p class="draft" role="alert">DRAFT: 3 errors in the ISMS — not for release until isms check passes</p>\n<p class="document-control">Version 2026.1 · approved by ceo on 2026-02-01</p>'));
    assert.ok(drafted.includes('<td class="status-partial">partial</td><td>Nightly &lt;immutable&gt;</td><td>2027-03-31</td><td>cto</td>'));
    assert.ok(drafted.includes('<td>cto</td><td class="unacceptable">yes — not accepted by top management</td></tr>'));
    assert.ok(drafted.includes('<p class="flagged"><strong>Accepted above the risk criteria without top management</strong> (1): R-2</p>'));
    assert.ok(drafted.includes('<p class="flagged"><strong>Residual rating above the inherent one</strong> (1): R-2</p>'));
  });

  it('draws the inherent and residual heat maps, likelihood high to low, coloured by acceptability', () => {
    const html = htmlReport(reportData(SMALL));
    // acceptance 3: scores 1, 2, 3 are acceptable.
    assert.deepEqual(heatMap(html, 'Inherent risk'), [
      ['3. High', 'acceptable level-0:0', 'unacceptable level-0:0', 'unacceptable level-4:1'],
      ['2. Medium', 'acceptable level-0:0', 'unacceptable level-0:0', 'unacceptable level-4:1'],
      ['1. Low', 'acceptable level-0:0', 'acceptable level-0:0', 'acceptable level-0:0'],
    ]);
    assert.deepEqual(heatMap(html, 'Residual risk'), [
      ['3. High', 'acceptable level-0:0', 'unacceptable level-0:0', 'unacceptable level-0:0'],
      ['2. Medium', 'acceptable level-0:0', 'unacceptable level-0:0', 'unacceptable level-4:1'],
      ['1. Low', 'acceptable level-0:0', 'acceptable level-4:1', 'acceptable level-0:0'],
    ]);
    assert.ok(html.includes('<th scope="col">1. Minor</th><th scope="col">2. Major</th><th scope="col">3. Severe</th>'));
    assert.ok(html.includes('title="Likelihood 3 × impact 3 = 9, not acceptable: R-1"'));
  });

  it('wraps at word boundaries and shades heat-map cells by their count (issue 13)', () => {
    const html = htmlReport(reportData(SMALL));
    assert.ok(html.includes('overflow-wrap: break-word; word-break: normal;'));
    assert.doesNotMatch(html, /overflow-wrap: anywhere/);
    assert.deepEqual([0, 1, 2, 3, 4, 5, 8].map((n) => shadeLevel(n, 8)), [0, 1, 1, 2, 2, 3, 4]);
    assert.ok(html.includes('table.heatmap td.unacceptable.level-4 { background: #ec7a6f; }'));
  });

  it('says so when there are no risk criteria', () => {
    const html = htmlReport(reportData('control A.5.1 {\n  applicable yes\n  reason "x"\n  status planned\n}\n'));
    assert.match(html, /no heat map/);
    assert.match(html, /No risks are recorded\./);
    assert.ok(html.includes('<h1>Statement of Applicability</h1>'));
  });

  it('escapes every user-written text and never makes a link', () => {
    const html = htmlReport(reportData(HOSTILE));
    assert.doesNotMatch(html, /<script/i);
    assert.doesNotMatch(html, /<img/i);
    assert.doesNotMatch(html, /<b>/i);
    assert.doesNotMatch(html, /<a[\s>]/i);
    assert.doesNotMatch(html, /href=["']/i);
    assert.doesNotMatch(html, /href="javascript:/i);
    assert.doesNotMatch(html, /"><img/);
    assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`));
    // organization name, in the title and heading
    assert.ok(html.includes('<title>Statement of Applicability — &lt;script&gt;alert(1)&lt;/script&gt; &amp; &#39;Co&#39;</title>'));
    assert.ok(html.includes('<h1>Statement of Applicability — &lt;script&gt;alert(1)&lt;/script&gt; &amp; &#39;Co&#39;</h1>'));
    // reason, custom control title, evidence shown as text
    assert.ok(html.includes('<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>'));
    assert.ok(html.includes('<tr><td>X-1</td><td>&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</td>'));
    assert.ok(html.includes('<td>javascript:alert(1)<br>&lt;a href=&quot;javascript:alert(1)&quot;&gt;x&lt;/a&gt;</td>'));
    assert.ok(html.includes('It&#39;s &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot;'));
    // risk title and scale labels
    assert.ok(html.includes('<td>&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</td><td>ceo</td>'));
    assert.ok(html.includes('<th scope="row">2. High&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</th>'));
    assert.ok(html.includes('<th scope="col">2. &lt;script&gt;alert(2)&lt;/script&gt;</th>'));
    assert.ok(html.includes('<th scope="row">1. &lt;b&gt;Low&lt;/b&gt;</th>'));
  });

  it('escapes & < > " and \'', () => {
    assert.equal(escapeHtml(`<a href="x" title='y'>&amp;</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
  });
});
