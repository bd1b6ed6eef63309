import { strict as assert } from 'node:assert';

import {
  clauseDescription,
  clauseIcon,
  clauseLabel,
  clausesSummary,
  clauseTooltip,
  fileName,
  leafClauses,
  recordsText,
  subClauses,
  unverifiedRows,
  findingIcon,
  findingTooltip,
  sortFindings,
} from '../../../client/src/tree/clause-items';
import { results } from './helpers';

const FLAWED = `//- /org.isms
organization "Acme" {
  climate-change not-relevant
}

role ciso "CISO" {
  responsibilities "Runs the ISMS"
}

policy infosec "Policy" {
  approved-by ciso
  approved 2026-01-01
}
`;

describe('client: clause items', () => {
  const { clauses } = results(FLAWED);
  const clause = (id: string) => clauses.clauses.find((c) => c.clause === id)!;

  it('lists clauses 4–10 and every sub-clause 4.1–10.2 with its state, icon and number of findings', () => {
    assert.deepEqual(
      clauses.clauses.filter((c) => c.parent === undefined).map((c) => c.clause),
      ['4', '5', '6', '7', '8', '9', '10'],
    );
    assert.deepEqual(subClauses(clause('9'), clauses.clauses).map((c) => c.clause), ['9.1', '9.2', '9.3']);
    assert.deepEqual(subClauses(clause('9.3'), clauses.clauses).map((c) => c.clause), ['9.3.1', '9.3.2', '9.3.3']);
    assert.equal(leafClauses(clauses.clauses).length, 30);
    assert.equal(clauseLabel(clause('4')), '4 Context of the organization');
    assert.equal(clause('6').status, 'fail');
    assert.deepEqual(clauseIcon('fail'), { id: 'error', color: 'problemsErrorIcon.foreground' });
    assert.deepEqual(clauseIcon('warn'), { id: 'warning', color: 'problemsWarningIcon.foreground' });
    assert.deepEqual(clauseIcon('pass'), { id: 'pass', color: 'testing.iconPassed' });
    assert.deepEqual(clauseIcon('unverified'), { id: 'question', color: 'disabledForeground' }, 'never green');
    assert.equal(clauseDescription(clause('8.2'), clauses.clauses), 'no findings');
    assert.equal(clauseDescription(clause('8.1'), clauses.clauses), 'unverified');
    assert.equal(clauseDescription(clause('8'), clauses.clauses), 'no findings · 1 unverified');
    assert.match(clauseDescription(clause('6'), clauses.clauses), /^\d+ findings · 2 unverified$/);
    assert.equal(clauseDescription({ ...clause('6.2'), errors: 1, warnings: 0 }, clauses.clauses), '1 finding');
  });

  it('shows an unverified clause with what the ISMS records and what an auditor will ask', () => {
    const c = clause('5.3');
    assert.equal(c.status, 'unverified');
    assert.equal(recordsText(c), '1 role with responsibilities');
    assert.deepEqual(unverifiedRows(c, clauses.clauses), [
      { kind: 'records', label: 'Records: 1 role with responsibilities' },
      ...c.asks.map((ask) => ({ kind: 'ask', label: `Auditor asks: ${ask}` })),
    ]);
    assert.ok(c.asks.length > 0);
    assert.deepEqual(unverifiedRows(clause('6.1'), clauses.clauses), [], 'a parent shows its sub-clauses instead');
    assert.match(clauseTooltip(clause('10'), clauses.clauses), /^\*\*Clause 10 Improvement\*\*\n\n(Fails|Not established: 1 of its sub-clauses is unverified)/);
    assert.match(clauseTooltip(clause('7.5'), clauses.clauses), /Not established: \d of its sub-clauses (is|are) unverified: no errors, no warnings\.$/);
    assert.deepEqual(unverifiedRows(clause('6.1.2'), clauses.clauses), []);
    assert.match(clauseTooltip(c), /^\*\*Clause 5\\\.3 Organizational roles, responsibilities and authorities\*\*\n\nUnverified: no check can establish this clause: no errors, no warnings\.\n\nThe ISMS records: 1 role with responsibilities\.\n\nAn auditor will ask:\n\n- Who is responsible/);
  });

  it('sorts findings errors first, keeping the server order within a severity', () => {
    const findings = clauses.clauses.flatMap((c) => c.findings);
    const sorted = sortFindings(findings);
    const rank = { error: 0, warning: 1, info: 2 };
    for (let i = 1; i < sorted.length; i++) assert.ok(rank[sorted[i - 1].severity] <= rank[sorted[i].severity]);
    const errors = findings.filter((f) => f.severity === 'error');
    assert.deepEqual(sorted.slice(0, errors.length), errors);
  });

  it('gives findings their severity icon and a tooltip with code, clause and place', () => {
    assert.equal(findingIcon('error').id, 'error');
    assert.equal(findingIcon('warning').id, 'warning');
    assert.deepEqual(findingIcon('info'), { id: 'info', color: 'problemsInfoIcon.foreground' });
    const finding = clause('6.1.3').findings.find((f) => f.code === 'soa-incomplete')!;
    assert.ok(finding.location);
    const tooltip = findingTooltip(finding);
    assert.match(tooltip, /error `soa-incomplete` · ISO\/IEC 27001:2022 6\\\.1\\\.3 d/);
    assert.match(tooltip, /org\\\.isms, line \d+$/);
    assert.match(clauseTooltip(clause('6')), /^\*\*Clause 6 Planning\*\*\n\nFails: \d+ errors?, /);
    assert.match(clauseTooltip(clause('8.2')), /Passes: no errors, no warnings\.\n\nChecked by `risk-assessment-overdue`/);
  });

  it('summarises a folder and names files', () => {
    assert.match(clausesSummary(clauses.clauses), /^\d+ failing · \d+ with warnings · \d+ unverified · \d+ passing$/);
    assert.equal(fileName('file:///ws/sub/risk%20register.isms'), 'risk register.isms');
    assert.equal(fileName('file:///ws/%E0%A4%A.isms'), '%E0%A4%A.isms');
  });
});
