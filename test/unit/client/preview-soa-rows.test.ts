import { strict as assert } from 'node:assert';

import { applicability, entryFindings, evidenceText, filterRows, groupByTheme, justification, statusText, type SoaRow } from '../../../client/src/preview/webview/soa-rows';
import { riskRegister } from '../../../server/src/features/risk-register';
import { soaTable } from '../../../server/src/features/soa-table';
import type { PlainLocation, RiskRegisterResult, SoaTableResult } from '../../../server/src/protocol/custom-requests';
import { fixtureService, parseFixture } from '../../helpers/fixture';

const SOA = `//- /org.isms
role ciso "CISO" {
  top-management yes
}

party customers "Customers" {
  requirement "Keep our data safe"
  addressed-by A.5.1, A.8.24
}

risk R-1 "Laptop stolen" {
  owner ciso
  likelihood 2
  impact 2
  treatment mitigate
  controls A.8.24, A.5.1
  residual-likelihood 1
  residual-impact 1
  accepted-by ciso
}

//- /soa.isms
control A.5.1 {
  applicable yes
  reason "Top management sets   direction"
  status implemented
  owner ciso
  evidence "policy.md", "minutes 2026"
}

control A.5.3 {
  applicable no
}

control A.7.1 {
  applicable no
  reason "No premises of our own"
}

control A.8.24 {
  applicable yes
  status planned
  owner ciso
}

control ORG-1 "Clean desk" {
  applicable yes
  reason "Shared office"
  status partial
  owner ciso
}
`;


/** The server's results as the client receives them, computed from a fixture by the real features. */
function serverResults(fixtureText: string): { soa: SoaTableResult; risks: RiskRegisterResult } {
  const asOf = '2026-11-27';
  const { index, findings } = fixtureService(parseFixture(fixtureText), asOf).analysis();
  const at = (location: { file: string; start: number } | undefined): PlainLocation | undefined =>
    location ? { uri: `file:///ws/${location.file}`, range: { start: { line: location.start, character: 0 }, end: { line: location.start, character: 1 } } } : undefined;
  const table = soaTable(index, asOf, findings);
  const register = riskRegister(index);
  return {
    soa: { ...table, rows: table.rows.map((row) => ({ ...row, location: at(row.location) })), folderUri: 'file:///ws' },
    risks: { ...register, risks: register.risks.map((risk) => ({ ...risk, location: at(risk.location) })), folderUri: 'file:///ws' },
  };
}

describe('preview SoA rows', () => {
  const { soa } = serverResults(SOA);
  const row = (id: string): SoaRow => soa.rows.find((r) => r.id === id)!;

  it('joins the reason with the risks and parties that drive the control', () => {
    const why = justification(row('A.5.1'));
    assert.equal(why.reason, 'Top management sets direction');
    assert.equal(why.risks, 'Risks: R-1 (Laptop stolen)');
    assert.equal(why.parties, 'Parties: customers (Customers)');
    assert.equal(why.text, 'Top management sets direction Risks: R-1 (Laptop stolen) Parties: customers (Customers)');
  });

  it('names what is missing', () => {
    assert.equal(justification(row('A.5.3')).text, 'Exclusion without a justification');
    assert.equal(justification(row('A.5.2')).text, 'Not in the Statement of Applicability');
    const driven = justification(row('A.8.24'));
    assert.equal(driven.reason, undefined);
    assert.equal(driven.placeholder, undefined, 'an applicable control without reason is justified by its risks');
    assert.equal(driven.text, 'Risks: R-1 (Laptop stolen) Parties: customers (Customers)');
  });

  it('labels applicability, status and evidence', () => {
    assert.deepEqual(applicability(row('A.5.1')), { text: 'Yes', tone: 'yes' });
    assert.deepEqual(applicability(row('A.7.1')), { text: 'No', tone: 'no' });
    assert.deepEqual(applicability(row('A.5.2')), { text: 'Not in SoA', tone: 'missing' });
    assert.equal(statusText(row('A.8.24')), 'planned');
    assert.equal(statusText(row('A.7.1')), '—');
    assert.equal(evidenceText(row('A.5.1')), 'policy.md, minutes 2026');
  });

  it('adds the findings of an entry to its status, which is then never green', () => {
    const shown = ['A.5.1', 'A.5.3', 'A.7.1', 'A.8.24', 'ORG-1'].map((id) => `${id}: ${statusText(row(id))} ${JSON.stringify(entryFindings(row(id)))}`);
    assert.deepEqual(shown, [
      'A.5.1: implemented {"text":"1 warning","tone":"warning"}',
      'A.5.3: — {"text":"1 error","tone":"error"}',
      'A.7.1: — {"text":""}',
      'A.8.24: planned {"text":"1 warning","tone":"warning"}',
      'ORG-1: partial {"text":"1 warning","tone":"warning"}',
    ]);
  });

  it('keeps data as data: markup in a reason stays text', () => {
    const hostile = { ...row('A.5.1'), reason: '<script>alert(2)</script>', risks: [{ id: 'R-9', title: '<img src=x onerror=alert(1)>' }] };
    assert.equal(justification(hostile).text, '<script>alert(2)</script> Risks: R-9 (<img src=x onerror=alert(1)>) Parties: customers (Customers)');
  });

  it('filters by kind and by every word of a query', () => {
    const ids = (rows: readonly SoaRow[]) => rows.map((r) => r.id);
    assert.deepEqual(ids(filterRows(soa.rows, '', 'excluded')), ['A.5.3', 'A.7.1']);
    assert.deepEqual(ids(filterRows(soa.rows, '', 'open')), ['A.8.24', 'ORG-1']);
    assert.deepEqual(ids(filterRows(soa.rows, 'laptop')), ['A.5.1', 'A.8.24']);
    assert.deepEqual(ids(filterRows(soa.rows, 'CISO planned')), ['A.8.24']);
    assert.equal(filterRows(soa.rows, '', 'undecided').length, 93 - 4);
    assert.equal(filterRows(soa.rows, '').length, 94);
  });

  it('groups rows by theme in the SoA order, custom controls last', () => {
    const groups = groupByTheme(soa, filterRows(soa.rows, '', 'applicable'));
    assert.deepEqual(
      groups.map((g) => [g.theme, g.title, g.rows.map((r) => r.id)]),
      [
        ['organizational', 'Organizational controls', ['A.5.1']],
        ['technological', 'Technological controls', ['A.8.24']],
        ['custom', 'Custom controls', ['ORG-1']],
      ],
    );
  });
});
