import { strict as assert } from 'node:assert';

import { jsonReport } from '../../../../server/src/features/export/json';
import { reportData, SMALL } from './fixtures';

describe('export: JSON', () => {
  const text = jsonReport(reportData(SMALL));
  const json = JSON.parse(text);

  it('has the documented top-level shape', () => {
    assert.deepEqual(Object.keys(json), ['version', 'organization', 'asOf', 'draft', 'document', 'soa', 'risks']);
    assert.equal(json.draft, null);
    assert.equal(json.document, null);
    assert.equal(json.version, 1);
    assert.equal(json.organization, 'Acme | Cloud Ltd');
    assert.equal(json.asOf, '2026-11-27');
    assert.deepEqual(Object.keys(json.soa), ['themes', 'controls']);
    assert.deepEqual(Object.keys(json.risks), ['scales', 'items']);
  });

  it('is indented by two spaces, ends with a newline and has no internal locations', () => {
    assert.ok(text.startsWith('{\n  "version": 1,\n  "organization": "Acme | Cloud Ltd",\n  "asOf": "2026-11-27",\n'));
    assert.ok(text.endsWith('}\n'));
    assert.doesNotMatch(text, /"location"|"start"|"end"|"file"/);
  });

  it('gives the themes and all controls, absent values as null', () => {
    assert.deepEqual(
      json.soa.themes.map((t: { theme: string; total: number; applicable: number; excluded: number; implemented: number; declared: number }) => [
        t.theme,
        t.total,
        t.declared,
        t.applicable,
        t.excluded,
        t.implemented,
      ]),
      [
        ['organizational', 37, 1, 1, 0, 1],
        ['people', 8, 0, 0, 0, 0],
        ['physical', 14, 1, 0, 1, 0],
        ['technological', 34, 1, 1, 0, 0],
        ['custom', 1, 1, 1, 0, 0],
      ],
    );
    assert.equal(json.soa.controls.length, 94);
    const byId = new Map(json.soa.controls.map((c: { id: string }) => [c.id, c]));
    assert.deepEqual(byId.get('A.8.13'), {
      id: 'A.8.13',
      title: 'Information backup',
      theme: 'technological',
      error: null,
      declared: true,
      applicable: 'yes',
      reason: null,
      status: 'partial',
      owner: 'cto',
      evidence: ['runbooks/backup.md'],
      due: '2027-03-31',
      implementation: null,
      verified: null,
      risks: [{ id: 'R-1', title: 'Ransomware encrypts the customer database' }],
      parties: [{ id: 'P-1', title: 'Customers' }],
      attributes: (byId.get('A.8.13') as { attributes: unknown }).attributes,
    });
    const backup = byId.get('A.8.13') as { attributes: Record<string, string[]> };
    assert.deepEqual(Object.keys(backup.attributes), ['controlType', 'securityProperties', 'cybersecurityConcepts', 'operationalCapabilities', 'securityDomains']);
    assert.deepEqual(backup.attributes.controlType, ['Corrective']);
    const undeclared = byId.get('A.5.2') as Record<string, unknown>;
    assert.equal(undeclared.declared, false);
    assert.equal(undeclared.applicable, null);
    assert.equal(undeclared.status, null);
    assert.deepEqual(undeclared.evidence, []);
    assert.equal((byId.get('C-1') as Record<string, unknown>).attributes, null);
  });

  it('gives the scales and every risk with scores and acceptability', () => {
    assert.deepEqual(json.risks.scales, { likelihood: ['Low', 'Medium', 'High'], impact: ['Minor', 'Major', 'Severe'], acceptance: 3 });
    assert.deepEqual(json.risks.items[0], {
      id: 'R-1',
      title: 'Ransomware encrypts the customer database',
      owner: 'cto',
      assets: [],
      threat: null,
      vulnerability: null,
      likelihood: 3,
      impact: 3,
      inherent: 9,
      inherentAcceptable: false,
      treatment: 'mitigate',
      controls: ['A.8.13', 'C-1'],
      residualLikelihood: 1,
      residualImpact: 2,
      residual: 2,
      residualAcceptable: true,
      acceptedBy: 'cto',
      assessed: null,
      affects: [],
      acceptors: ['cto'],
      acceptanceNeedsTopManagement: false,
      acceptedByTopManagement: false,
      acceptedAboveCriteria: false,
      residualAboveInherent: false,
    });
    assert.equal(json.risks.items[1].residualAcceptable, false);
    assert.equal(json.risks.items[1].acceptedBy, null);
    assert.equal(json.risks.items[1].acceptanceNeedsTopManagement, true, 'accepted outright at 6, above acceptance 3');
  });

  it('carries the soa statement and the draft while the workspace has errors (§7.6)', () => {
    const base = reportData(SMALL);
    const drafted = JSON.parse(
      jsonReport({ ...base, soa: { ...base.soa, errors: 4, statement: { version: '2026.1', approvedBy: ['ceo', 'cfo'], approved: '2026-02-01', owner: undefined, classification: 'internal' } } }),
    );
    assert.deepEqual(drafted.draft, { errors: 4 });
    assert.deepEqual(drafted.document, { version: '2026.1', approvedBy: ['ceo', 'cfo'], approved: '2026-02-01', owner: null, classification: 'internal' });
  });

  it('has null scales without risk criteria', () => {
    const bare = JSON.parse(jsonReport(reportData('control A.5.1 {\n  applicable yes\n  reason "x"\n  status planned\n}\n')));
    assert.equal(bare.organization, null);
    assert.equal(bare.risks.scales, null);
    assert.deepEqual(bare.risks.items, []);
  });
});
