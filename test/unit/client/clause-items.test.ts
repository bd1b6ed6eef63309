import { strict as assert } from 'node:assert';

import {
  clauseDescription,
  clauseIcon,
  clauseLabel,
  clausesSummary,
  clauseTooltip,
  fileName,
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

  it('lists clauses 4 to 10 with their status, icon and number of findings', () => {
    assert.deepEqual(
      clauses.clauses.map((c) => c.clause),
      ['4', '5', '6', '7', '8', '9', '10'],
    );
    assert.equal(clauseLabel(clause('4')), '4 Context of the organization');
    assert.equal(clause('6').status, 'fail');
    assert.deepEqual(clauseIcon('fail'), { id: 'error', color: 'problemsErrorIcon.foreground' });
    assert.deepEqual(clauseIcon('warn'), { id: 'warning', color: 'problemsWarningIcon.foreground' });
    assert.deepEqual(clauseIcon('pass'), { id: 'pass', color: 'testing.iconPassed' });
    assert.equal(clauseDescription(clause('8')), 'no findings');
    assert.match(clauseDescription(clause('6')), /^\d+ findings$/);
    assert.equal(clauseDescription({ ...clause('6'), findings: clause('6').findings.slice(0, 1) }), '1 finding');
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
    const finding = clause('6').findings.find((f) => f.code === 'soa-incomplete')!;
    assert.ok(finding.location);
    const tooltip = findingTooltip(finding);
    assert.match(tooltip, /error `soa-incomplete` · ISO\/IEC 27001:2022 6\\\.1\\\.3 d/);
    assert.match(tooltip, /org\\\.isms, line \d+$/);
    assert.match(clauseTooltip(clause('6')), /^\*\*Clause 6 Planning\*\*\n\nFails: \d+ errors?, /);
    assert.match(clauseTooltip(clause('8')), /Passes: no errors, no warnings\.$/);
  });

  it('summarises a folder and names files', () => {
    assert.match(clausesSummary(clauses.clauses), /^\d failing( · \d with warnings)?( · \d passing)?$/);
    assert.equal(fileName('file:///ws/sub/risk%20register.isms'), 'risk register.isms');
    assert.equal(fileName('file:///ws/%E0%A4%A.isms'), '%E0%A4%A.isms');
  });
});
