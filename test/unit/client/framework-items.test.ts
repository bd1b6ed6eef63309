/** The Frameworks view's pure logic: sub-points under their parent, the status filter, icons, texts. */
import { strict as assert } from 'node:assert';

import {
  frameworksSummary,
  requirementTooltip,
  requirementTrees,
  statusIcon,
  targetDescription,
  targetIcon,
  totalsText,
  type RequirementTree,
} from '../../../client/src/tree/framework-items';
import type { FrameworksResult, RequirementResult } from '../../../server/src/protocol/custom-requests';

const requirement = (id: string, status: RequirementResult['status'], parent?: string): RequirementResult => ({
  id,
  title: `Title of ${id}`,
  group: '2',
  ...(parent ? { parent } : {}),
  status,
  targets: status === 'unmapped' ? [] : [{ id: 'A.5.1', kind: 'control', title: 'Policies for information security', state: status === 'covered' ? 'implemented' : 'planned', meets: status === 'covered', location: undefined }],
});

const REQUIREMENTS = [requirement('2.1.1', 'covered'), requirement('2.1.2', 'covered'), requirement('2.1.2.a', 'partial', '2.1.2'), requirement('2.1.2.b', 'gap', '2.1.2'), requirement('2.1.3', 'unmapped')];

const shape = (trees: RequirementTree[]): unknown => trees.map((t) => (t.children.length > 0 ? [t.requirement.id, shape(t.children)] : t.requirement.id));

describe('Frameworks view items', () => {
  it('puts sub-points under their parent point, each once', () => {
    assert.deepEqual(shape(requirementTrees(REQUIREMENTS)), ['2.1.1', ['2.1.2', ['2.1.2.a', '2.1.2.b']], '2.1.3']);
  });

  it('filters by status into a flat list', () => {
    assert.deepEqual(shape(requirementTrees(REQUIREMENTS, 'gap')), ['2.1.2.b']);
    assert.deepEqual(shape(requirementTrees(REQUIREMENTS, 'covered')), ['2.1.1', '2.1.2']);
    assert.deepEqual(shape(requirementTrees(REQUIREMENTS, 'unmapped')), ['2.1.3']);
  });

  it('gives each status and target state an icon', () => {
    assert.deepEqual(['covered', 'partial', 'gap', 'unmapped'].map((s) => statusIcon(s as RequirementResult['status']).id), ['pass', 'issues', 'error', 'circle-slash']);
    assert.equal(targetIcon(REQUIREMENTS[0].targets[0]).id, 'pass');
    assert.equal(targetIcon(REQUIREMENTS[2].targets[0]).id, 'issues');
    assert.equal(targetDescription({ id: '9.3.1', kind: 'clause', title: 'Management review', state: 'pass', meets: true, location: undefined }), 'clause · pass');
  });

  it('says what the status and a mapping mean', () => {
    const tooltip = requirementTooltip(REQUIREMENTS[3], 'A mapping means … helps meet …');
    assert.match(tooltip, /^\*\*2\\\.1\\\.2\\\.b\*\* Title of 2\\\.1\\\.2\\\.b\n\nGap: every mapped control is excluded/);
    assert.match(tooltip, /- `A\.5\.1` Policies for information security: planned/);
    assert.match(tooltip, /helps meet/);
    assert.equal(totalsText({ covered: 251, partial: 40, gap: 34, unmapped: 26, total: 351 }), '251 covered · 40 partial · 34 gaps · 26 unmapped');
    const data = { frameworks: [{ framework: { label: 'NIS2' }, totals: { covered: 251, total: 351 } }] } as unknown as FrameworksResult;
    assert.equal(frameworksSummary(data), 'NIS2 251/351 covered');
  });
});
