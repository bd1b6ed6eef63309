import { strict as assert } from 'node:assert';

import { ANNEX_A_CONTROLS } from '../../../server/src/catalogue/annex-a';
import { attributeChoices, filterLabel, matchesFilter, mergeOrders } from '../../../client/src/tree/soa-filter';
import {
  controlDescription,
  controlIcon,
  controlLabel,
  controlTooltip,
  soaSummary,
  themeDescription,
  themeGroups,
} from '../../../client/src/tree/soa-items';
import { results } from './helpers';

const SOA = `//- /soa.isms
role ciso "CISO" {
  top-management yes
}

risk-criteria {
  likelihood-scale "Low", "High"
  impact-scale "Low", "High"
  acceptance 2
}

risk R-001 "Outage" {
  owner ciso
  likelihood 2
  impact 2
  treatment mitigate
  controls A.5.7
}

control A.5.1 {
  applicable yes
  reason "Direction"
  status implemented
  owner ciso
  evidence "Minutes, *2026*"
}

control A.5.7 {
  applicable yes
  reason "Threats"
  status partial
}

control A.5.8 {
  applicable yes
  reason "Projects"
  status planned
}

control A.5.9 {
  applicable yes
  reason "Assets"
  status not-implemented
}

control A.5.10 {
  applicable yes
  reason "Use"
}

control A.7.4 {
  applicable no
  reason "No premises"
}

control X-1 "Board oversight" {
  applicable yes
  reason "Ours"
  status implemented
}
`;

describe('client: SoA tree logic', () => {
  const { soa } = results(SOA);
  const row = (id: string) => soa.rows.find((r) => r.id === id)!;

  it('groups by theme in catalogue order, custom controls last, with counts', () => {
    const groups = themeGroups(soa);
    assert.deepEqual(
      groups.map((group) => [group.title, group.rows.length, group.description]),
      [
        ['Organizational controls', 37, '37 · 5 applicable · 0 excluded · 1 implemented · 32 without entry'],
        ['People controls', 8, '8 · 0 applicable · 0 excluded · 0 implemented · 8 without entry'],
        ['Physical controls', 14, '14 · 0 applicable · 1 excluded · 0 implemented · 13 without entry'],
        ['Technological controls', 34, '34 · 0 applicable · 0 excluded · 0 implemented · 34 without entry'],
        ['Custom controls', 1, '1 · 1 applicable · 0 excluded · 1 implemented'],
      ],
    );
    assert.equal(themeDescription([row('A.5.1'), row('A.7.4')]), '2 · 1 applicable · 1 excluded · 1 implemented');
    assert.equal(soaSummary(soa.rows), '6 of 93 declared · 6 applicable');
  });

  it('labels and describes each control by decision and status', () => {
    assert.equal(controlLabel(row('A.5.1')), 'A.5.1 Policies for information security');
    assert.deepEqual(
      ['A.5.1', 'A.5.7', 'A.5.8', 'A.5.9', 'A.5.10', 'A.7.4', 'A.8.1', 'X-1'].map((id) => [id, controlDescription(row(id)), controlIcon(row(id)).id]),
      [
        ['A.5.1', 'applicable · implemented', 'pass'],
        ['A.5.7', 'applicable · partially implemented', 'circle-large-outline'],
        ['A.5.8', 'applicable · planned', 'clock'],
        ['A.5.9', 'applicable · not implemented', 'error'],
        // Without a status: the checker's missing-field error, so an error icon.
        ['A.5.10', 'applicable · no status', 'error'],
        ['A.7.4', 'excluded', 'circle-slash'],
        ['A.8.1', 'no SoA entry', 'question'],
        ['X-1', 'applicable · implemented', 'pass'],
      ],
    );
  });

  it('never shows a faulted entry green: an error is an error icon, an implemented entry with a warning a warning icon (the findings in the tooltip)', () => {
    const { soa: faulted } = results(`//- /soa.isms
role ciso "CISO" {
  top-management yes
}

control A.5.1 {
  applicable yes
  reason "TODO: say why"
  status implemented
}

control A.5.2 {
  applicable no
}

control A.5.3 {
  applicable yes
  reason "Segregation of the payment duties"
  status implemented
}
`);
    const faultedRow = (id: string) => faulted.rows.find((r) => r.id === id)!;
    // A placeholder justification (placeholder-text, a warning) on an implemented control.
    assert.deepEqual(faultedRow('A.5.1').findings, { errors: 0, warnings: 1 });
    assert.equal(controlIcon(faultedRow('A.5.1')).id, 'warning');
    assert.match(controlTooltip(faultedRow('A.5.1')), /\*\*Findings:\*\* 1 warning in this entry \(see the Problems panel\)/);
    // An exclusion without a reason (an error): no longer the muted "excluded" icon.
    assert.equal(faultedRow('A.5.2').findings.errors, 1);
    assert.equal(controlIcon(faultedRow('A.5.2')).id, 'error');
    // A clean implemented entry stays green, with no findings line.
    assert.deepEqual(faultedRow('A.5.3').findings, { errors: 0, warnings: 0 });
    assert.equal(controlIcon(faultedRow('A.5.3')).id, 'pass');
    assert.doesNotMatch(controlTooltip(faultedRow('A.5.3')), /Findings/);
  });

  it('explains a control in its tooltip: decision, users, attributes', () => {
    const tooltip = controlTooltip(row('A.5.7'));
    assert.match(tooltip, /^\*\*A\\\.5\\\.7 Threat intelligence\*\*/);
    assert.match(tooltip, /\*\*Justification:\*\* Threats/);
    assert.match(tooltip, /\*\*Risks:\*\* `R-001`/);
    assert.match(tooltip, /Cybersecurity concepts: Identify, Detect, Respond/);
    assert.match(tooltip, /Operational capabilities: Threat and vulnerability management/);
    assert.match(controlTooltip(row('A.5.1')), /\*\*Evidence:\*\* Minutes, \\\*2026\\\*/);
    assert.match(controlTooltip(row('A.8.1')), /No entry in the Statement of Applicability/);
    assert.doesNotMatch(controlTooltip(row('X-1')), /attributes/);
  });

  it('offers the attribute kinds in the standard order, values in the standard order with counts', () => {
    const choices = attributeChoices(soa.rows);
    assert.deepEqual(
      choices.map((choice) => choice.label),
      ['Control type', 'Information security properties', 'Cybersecurity concepts', 'Operational capabilities', 'Security domains'],
    );
    const values = (label: string) => choices.find((choice) => choice.label === label)!.values.map((v) => `${v.label} (${v.count})`);
    const types = choices.find((choice) => choice.key === 'controlType')!.values;
    assert.deepEqual(types.map((v) => v.value), ['Preventive', 'Detective', 'Corrective']);
    for (const v of types) assert.equal(v.count, count('controlType', v.value), v.value);
    assert.ok(types.every((v) => v.count > 0));
    assert.deepEqual(values('Cybersecurity concepts').map((v) => v.split(' (')[0]), ['Identify', 'Protect', 'Detect', 'Respond', 'Recover']);
    assert.deepEqual(values('Information security properties').map((v) => v.split(' (')[0]), ['Confidentiality', 'Integrity', 'Availability']);
    assert.ok(values('Operational capabilities').some((v) => v.startsWith('Identity and access management (')));
    assert.deepEqual(attributeChoices([]), []);
  });

  it('filters controls by an attribute value; custom controls have none', () => {
    const filter = { key: 'cybersecurityConcepts', value: 'Detect' };
    assert.equal(filterLabel(filter), 'Cybersecurity concepts: Detect');
    assert.equal(filterLabel({ key: 'operationalCapabilities', value: 'Threat_and_vulnerability_management' }), 'Operational capabilities: Threat and vulnerability management');
    assert.ok(matchesFilter(row('A.5.7'), filter));
    assert.ok(!matchesFilter(row('A.5.1'), filter));
    assert.ok(!matchesFilter(row('X-1'), filter));
    assert.ok(matchesFilter(row('X-1'), undefined));
    const groups = themeGroups(soa, filter);
    const expected = ANNEX_A_CONTROLS.filter((c) => c.cybersecurityConcepts.includes('Detect')).map((c) => c.id);
    assert.deepEqual(groups.flatMap((group) => group.rows.map((r) => r.id)), expected);
    assert.ok(!groups.some((group) => group.theme === 'custom'));
    assert.deepEqual(themeGroups(soa, { key: 'controlType', value: 'Nonexistent' }), []);
  });

  it('merges value orders: topological, ties by first appearance, cycles tolerated', () => {
    assert.deepEqual(mergeOrders([['P', 'C'], ['P', 'D', 'C'], ['D']]), ['P', 'D', 'C']);
    assert.deepEqual(mergeOrders([['b'], ['a', 'b'], ['c']]), ['a', 'b', 'c']);
    assert.deepEqual(mergeOrders([['x', 'y'], ['y', 'x']]), ['x', 'y']);
    assert.deepEqual(mergeOrders([]), []);
  });
});

function count(key: 'controlType', value: string): number {
  return ANNEX_A_CONTROLS.filter((control) => control[key].includes(value)).length;
}
