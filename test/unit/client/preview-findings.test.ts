/**
 * Issue 13: the SoA preview shows the findings of the Statement of
 * Applicability (clause 6.1.3 d), a count with links that reveal them. The
 * host picks them from `isms/clauseStatus` (soaFindings); the webview turns
 * them into its line and links (findingsView). Both pure.
 */
import { strict as assert } from 'node:assert';

import type { ClauseStatusResult, FindingResult } from '../../../server/src/protocol/custom-requests';
import { isSoaClause, soaFindings } from '../../../client/src/preview/soa-findings';
import { findingsView } from '../../../client/src/preview/webview/findings';

function at(file: string, line: number) {
  return { uri: `file:///ws/flawed/${file}`, range: { start: { line, character: 0 }, end: { line, character: 8 } } };
}

function finding(code: string, severity: FindingResult['severity'], clause: string | null, file: string, line: number): FindingResult {
  return { code, severity, message: `${code} message`, clause, location: at(file, line) };
}

// Only the fields soaFindings reads (a clause's readiness fields are left out).
const STATUS = {
  folderUri: 'file:///ws/flawed',
  clauses: [
    { clause: '5', title: 'Leadership', status: 'fail', findings: [finding('approver-not-top-management', 'error', '5.2', 'organization.isms', 51)] },
    {
      clause: '6',
      title: 'Planning',
      status: 'fail',
      findings: [
        finding('risk-untreated', 'error', '6.1.3', 'risks.isms', 90),
        finding('residual-risk-not-accepted', 'error', '6.1.3 f', 'risks.isms', 110),
        finding('control-missing-status', 'warning', '6.1.3 d', 'soa.isms', 10),
        finding('unknown-annex-control', 'error', '6.1.3 d', 'soa.isms', 27),
        finding('soa-incomplete', 'error', '6.1.3 d', 'organization.isms', 17),
        finding('excluded-control-used', 'error', '6.1.3 d', 'risks.isms', 143),
      ],
    },
    { clause: '7', title: 'Support', status: 'warn', findings: [finding('document-not-found', 'warning', '7.5.3', 'organization.isms', 57)] },
    // A finding that counts for two clauses is listed once.
    { clause: '6.1.3', title: 'Information security risk treatment', status: 'fail', findings: [finding('unknown-annex-control', 'error', '6.1.3 d', 'soa.isms', 27)] },
  ],
} as unknown as ClauseStatusResult;

describe('preview: the findings of the Statement of Applicability (issue 13)', () => {
  it('takes the findings of clause 6.1.3 d only: not 6.1.3, 6.1.3 f or other clauses', () => {
    assert.equal(isSoaClause('6.1.3 d'), true);
    assert.equal(isSoaClause('6.1.3'), false);
    assert.equal(isSoaClause('6.1.3 f'), false);
    assert.equal(isSoaClause('6.1.3 da'), false);
    assert.equal(isSoaClause(null), false);
  });

  it('lists them errors first, then by file and line', () => {
    assert.deepEqual(
      soaFindings(STATUS).map((f) => `${f.severity} ${f.code} ${f.location!.uri.split('/').pop()}:${f.location!.range.start.line}`),
      [
        'error soa-incomplete organization.isms:17',
        'error excluded-control-used risks.isms:143',
        'error unknown-annex-control soa.isms:27',
        'warning control-missing-status soa.isms:10',
      ],
    );
    assert.deepEqual(soaFindings(null), []);
    assert.deepEqual(soaFindings({ folderUri: 'x', clauses: 'nonsense' } as never), []);
  });

  it('the webview line: a count by severity and one link per finding with its place', () => {
    const view = findingsView(soaFindings(STATUS));
    assert.ok(view);
    assert.equal(view.text, '4 findings in the Statement of Applicability: 3 errors, 1 warning');
    assert.deepEqual(
      view.links.map((l) => `${l.severity} | ${l.message} | ${l.code} | ${l.where}`),
      [
        'error | soa-incomplete message | soa-incomplete | organization.isms:18',
        'error | excluded-control-used message | excluded-control-used | risks.isms:144',
        'error | unknown-annex-control message | unknown-annex-control | soa.isms:28',
        'warning | control-missing-status message | control-missing-status | soa.isms:11',
      ],
    );
    assert.deepEqual(view.links[2]!.location, at('soa.isms', 27));
  });

  it('a suppressed error keeps its place in the count and carries its reason', () => {
    const suppressed = { ...finding('control-missing-justification', 'error', '6.1.3 d', 'soa.isms', 40), suppressed: 'decided at the 2026 review' };
    const view = findingsView([suppressed, finding('control-missing-status', 'warning', '6.1.3 d', 'soa.isms', 10)])!;
    assert.equal(view.text, '2 findings in the Statement of Applicability: 1 error, 1 warning');
    assert.deepEqual(view.links.map((l) => l.suppressed), ['decided at the 2026 review', undefined]);
  });

  it('none: says so; one: singular; nothing sent: no line', () => {
    assert.deepEqual(findingsView([]), { text: 'No findings in the Statement of Applicability.', links: [] });
    assert.equal(findingsView([finding('control-missing-status', 'warning', '6.1.3 d', 'soa.isms', 10)])!.text, '1 finding in the Statement of Applicability: 1 warning');
    assert.equal(findingsView([finding('x', 'info', '6.1.3 d', 'soa.isms', 1), finding('y', 'info', '6.1.3 d', 'soa.isms', 2)])!.text, '2 findings in the Statement of Applicability: 2 information');
    assert.equal(findingsView(undefined), undefined);
    assert.equal(findingsView(null), undefined);
  });
});
