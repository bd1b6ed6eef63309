/** The Frameworks view's pure logic: sub-points under their parent, the status filter, icons, texts. */
import { strict as assert } from 'node:assert';

import {
  frameworksSummary,
  requirementTargets,
  requirementTooltip,
  requirementTrees,
  statusIcon,
  targetDescription,
  targetIcon,
  totalsText,
  type RequirementTree,
} from '../../../client/src/tree/framework-items';
import type { FrameworksResult, RequirementResult, TargetResult } from '../../../server/src/protocol/custom-requests';

const requirement = (id: string, status: RequirementResult['status'], parent?: string): RequirementResult => ({
  id,
  title: `Title of ${id}`,
  group: '2',
  ...(parent ? { parent } : {}),
  status,
  targets: status === 'unmapped' ? [] : [status === 'covered' ? 'A.5.1' : 'A.5.2'],
});

const TARGETS: Record<string, TargetResult> = {
  'A.5.1': { id: 'A.5.1', kind: 'control', title: 'Policies for information security', state: 'implemented', meets: true, location: undefined },
  'A.5.2': { id: 'A.5.2', kind: 'control', title: 'Information security roles and responsibilities', state: 'planned', meets: false, location: undefined },
};

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
    assert.deepEqual(requirementTargets(REQUIREMENTS[0], TARGETS).map((t) => targetIcon(t).id), ['pass']);
    assert.deepEqual(requirementTargets(REQUIREMENTS[2], TARGETS).map((t) => targetIcon(t).id), ['issues']);
    assert.deepEqual(requirementTargets({ ...REQUIREMENTS[2], targets: ['A.9.9'] }, TARGETS), []);
    assert.equal(targetDescription({ id: '9.3.1', kind: 'clause', title: 'Management review', state: 'pass', meets: true, location: undefined }), 'clause · pass');
  });

  it('says what the status and a mapping mean', () => {
    const tooltip = requirementTooltip(REQUIREMENTS[3], TARGETS, 'A mapping means … helps meet …');
    assert.match(tooltip, /^\*\*2\\\.1\\\.2\\\.b\*\* Title of 2\\\.1\\\.2\\\.b\n\nGap: every mapped control is excluded/);
    assert.match(tooltip, /- `A\.5\.2` Information security roles and responsibilities: planned/);
    assert.match(tooltip, /helps meet/);
    assert.equal(totalsText({ covered: 251, partial: 40, gap: 34, unmapped: 26, total: 351 }), '251 covered · 40 partial · 34 gaps · 26 unmapped');
    const data = { frameworks: [{ framework: { label: 'NIS2' }, totals: { covered: 251, total: 351 } }] } as unknown as FrameworksResult;
    assert.equal(frameworksSummary(data), 'NIS2 251/351 covered');
  });
});
