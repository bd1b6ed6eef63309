// The frameworks catalogue (NIST CSF 2.0, NIS2) against the data it is generated
// from: every count is recomputed here from the TSV files of data/, independently
// of scripts/generate-catalogue.mjs.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import {
  MAPPING_MEANING,
  MAPPING_VERB,
  assessableRequirements,
  childRequirements,
  framework,
  frameworkIds,
  frameworks,
  isFrameworkId,
  isoTarget,
  parentRequirement,
  requirement,
  requirementGroup,
  requirementGroups,
  requirementSubgroup,
  requirementSubgroups,
  requirements,
  requirementsMappedTo,
  type FrameworkId,
} from '../../../server/src/catalogue/frameworks';
import { ANNEX_A_IDS } from '../../../server/src/catalogue/annex-a';

const DATA = join(process.cwd(), 'data');

/** A TSV file of data/ as records keyed by its header (no quoting, as data/mappings/README.md says). */
function tsv(name: string): Record<string, string>[] {
  const lines = readFileSync(join(DATA, name), 'utf8').split('\n').filter((line) => line !== '');
  const header = lines.shift()!.split('\t');
  return lines.map((line) => {
    const cells = line.split('\t');
    assert.equal(cells.length, header.length, `${name}: ${line}`);
    return Object.fromEntries(header.map((column, i) => [column, cells[i]]));
  });
}

const FILES: Record<FrameworkId, { requirements: string; pairs: string }> = {
  'nist-csf-2.0': { requirements: 'mappings/nist-csf-2.0-subcategories.tsv', pairs: 'mappings/nist-csf-2.0.tsv' },
  nis2: { requirements: 'mappings/nis2-2024-2690-requirements.tsv', pairs: 'mappings/nis2-2024-2690.tsv' },
};

function pairsOf(fw: FrameworkId): string[] {
  return requirements(fw).flatMap((r) => r.iso27001.map((iso) => `${r.id} -> ${iso}`));
}

function untargetedControls(fw: FrameworkId): string[] {
  return ANNEX_A_IDS.filter((id) => requirementsMappedTo(id, fw).length === 0);
}

describe('catalogue: frameworks mapped onto ISO/IEC 27001:2022', () => {
  it('offers nist-csf-2.0 and nis2, as data/frameworks.tsv lists them', () => {
    const rows = tsv('frameworks.tsv');
    assert.deepEqual(frameworkIds(), ['nist-csf-2.0', 'nis2']);
    assert.deepEqual(
      frameworks().map((f) => [f.id, f.shortTitle, f.title, f.version, f.publisher, f.groupKind, f.subgroupKind, f.url, f.source, f.licence, f.credit]),
      rows.map((r) => [r.id, r.short_title, r.title, r.version, r.publisher, r.group_kind, r.subgroup_kind, r.url, r.source, r.licence, r.credit]),
    );
    for (const row of rows) {
      assert.equal(row.requirements_file, FILES[row.id as FrameworkId].requirements);
      assert.equal(row.pairs_file, FILES[row.id as FrameworkId].pairs);
    }
    assert.equal(framework('nis2')?.shortTitle, 'NIS2');
    assert.equal(framework('NIS2'), undefined);
    assert.equal(framework('soc2'), undefined);
    assert.equal(isFrameworkId('nist-csf-2.0'), true);
    assert.equal(isFrameworkId('nis2'), true);
    for (const id of ['nist-csf-2', 'NIS2', 'nis-2', '', 'soc2']) assert.equal(isFrameworkId(id), false, id);
  });

  it("credits ENISA's NIS2 mapping (CC BY 4.0, with the changes made) and says what a mapping means", () => {
    const nis2 = framework('nis2')!;
    assert.match(nis2.credit, /European Union Agency for Cybersecurity \(ENISA\), 2025/);
    assert.match(nis2.credit, /CC BY 4\.0 \(https:\/\/creativecommons\.org\/licenses\/by\/4\.0\/\)/);
    assert.match(nis2.credit, /Changes made: ids normalised .*28 duplicate pairs removed, rows re-ordered/);
    assert.match(nis2.licence, /^Mapping: CC BY 4\.0/);
    assert.match(framework('nist-csf-2.0')!.credit, /^NIST Cybersecurity Framework 2\.0 .*: NIST/);
    for (const f of frameworks()) assert.equal(f.relationship, 'intersect');
    assert.equal(MAPPING_VERB, 'helps meet');
    assert.match(MAPPING_MEANING, /helps meet/);
    assert.match(MAPPING_MEANING, /does not mean the ISMS complies/);
  });

  it('NIST CSF 2.0: 106 subcategories in 6 functions and 22 categories, 341 pairs', () => {
    const csf = framework('nist-csf-2.0')!;
    assert.deepEqual([csf.requirementCount, csf.assessableCount, csf.pairCount], [106, 106, 341]);
    assert.equal(requirements('nist-csf-2.0').length, 106);
    assert.equal(assessableRequirements('nist-csf-2.0').length, 106);
    assert.deepEqual(
      requirementGroups('nist-csf-2.0').map((g) => [g.id, g.title, requirements('nist-csf-2.0').filter((r) => r.group === g.id).length]),
      [['GV', 'GOVERN', 31], ['ID', 'IDENTIFY', 21], ['PR', 'PROTECT', 22], ['DE', 'DETECT', 11], ['RS', 'RESPOND', 13], ['RC', 'RECOVER', 8]],
    );
    assert.equal(requirementSubgroups('nist-csf-2.0').length, 22);
    assert.deepEqual(requirementSubgroups('nist-csf-2.0', 'RC').map((g) => g.id), ['RC.RP', 'RC.CO']);
    assert.equal(requirements('nist-csf-2.0').filter((r) => r.iso27001.length === 0).length, 0);
  });

  it('NIS2 (2024/2690): 439 points, 351 assessable (325 mapped, 26 not), 13 sections, 926 pairs', () => {
    const nis2 = framework('nis2')!;
    assert.deepEqual([nis2.requirementCount, nis2.assessableCount, nis2.pairCount], [439, 351, 926]);
    assert.equal(requirementGroups('nis2').length, 13);
    const assessable = assessableRequirements('nis2');
    assert.equal(assessable.filter((r) => r.iso27001.length > 0).length, 325);
    assert.deepEqual(
      assessable.filter((r) => r.iso27001.length === 0).map((r) => r.id),
      ['4.3.2:1', '5.2:1', '7.2', '7.2.a', '7.2.b', '7.2.c', '7.2.d', '7.2.e', '7.2.f', '7.3', '9.2.a', '9.2.b', '9.2.c',
        '9.2.c.i', '9.2.c.ii', '9.2.c.iii', '9.2.c.iv', '9.2.c.v', '9.2.c.vi', '9.2.c.vii', '9.2.c.viii', '9.2.c.ix',
        '9.2.c.x', '9.2.c.xi', '9.2.c.xii', '9.3'],
    );
    assert.equal(requirements('nis2').filter((r) => !r.assessable && r.iso27001.length > 0).length, 0);
    // Kept as in the source: a lettered point flagged not assessable among assessable siblings.
    assert.equal(requirement('nis2', '13.1.2.e')?.assessable, false);
    assert.equal(requirement('nis2', '13.1.2.f')?.assessable, true);
  });

  for (const fw of ['nist-csf-2.0', 'nis2'] as const) {
    it(`${fw}: the requirements and pairs are those of the data files, in order`, () => {
      const rows = tsv(FILES[fw].requirements);
      assert.deepEqual(requirements(fw).map((r) => r.id), rows.map((r) => r.framework_id));
      const group = framework(fw)!.groupKind;
      const subgroup = framework(fw)!.subgroupKind;
      rows.forEach((row, i) => {
        const r = requirements(fw)[i];
        assert.equal(r.title, row.title, r.id);
        assert.equal(r.text, row.text || row.title, r.id);
        assert.equal(r.assessable, (row.assessable ?? 'true') === 'true', r.id);
        assert.equal(r.parent, row.parent_id || undefined, r.id);
        assert.equal(r.group, row[group], r.id);
        assert.equal(r.subgroup, row[subgroup] || undefined, r.id);
        assert.equal(r.iso27001.length, Number(row.iso27001_targets), r.id);
        assert.equal(requirementGroup(fw, r.id)?.title, row[`${group}_name`], r.id);
        if (row[`${subgroup}_name`]) assert.equal(requirementSubgroup(fw, r.id)?.title, row[`${subgroup}_name`], r.id);
      });
      const pairs = tsv(FILES[fw].pairs);
      assert.deepEqual(pairsOf(fw), pairs.map((p) => `${p.framework_id} -> ${p.iso27001}`));
      assert.deepEqual([...new Set(pairs.map((p) => p.relationship))], ['intersect']);
    });
  }

  it('the Annex A controls no requirement maps to are those data/mappings/README.md lists', () => {
    assert.deepEqual(untargetedControls('nist-csf-2.0'), [
      'A.5.5', 'A.5.6', 'A.5.11', 'A.5.23', 'A.5.30', 'A.5.32', 'A.5.33', 'A.5.34', 'A.5.36', 'A.5.37', 'A.7.6', 'A.7.8', 'A.7.9',
      'A.7.11', 'A.8.1', 'A.8.10', 'A.8.11', 'A.8.12', 'A.8.23', 'A.8.24', 'A.8.27', 'A.8.29', 'A.8.30', 'A.8.31', 'A.8.33', 'A.8.34',
    ]);
    assert.deepEqual(untargetedControls('nis2'), [
      'A.5.5', 'A.5.6', 'A.5.8', 'A.5.33', 'A.5.34', 'A.5.37', 'A.6.6', 'A.6.7', 'A.7.6', 'A.7.8', 'A.7.9', 'A.7.12',
      'A.7.14', 'A.8.1', 'A.8.4', 'A.8.6', 'A.8.10', 'A.8.11', 'A.8.12', 'A.8.19', 'A.8.23', 'A.8.26', 'A.8.27', 'A.8.28',
    ]);
  });

  it('finds a requirement by its exact id', () => {
    assert.equal(requirement('nist-csf-2.0', 'PR.DS-11')?.title, 'Backups of data are created, protected, maintained, and tested');
    assert.deepEqual(requirement('nist-csf-2.0', 'PR.DS-11')?.iso27001, ['A.8.13']);
    assert.equal(requirement('nis2', '2.1.2.f')?.title, 'evaluate the identified risks based on the risk criteria;');
    assert.equal(requirement('nis2', '4.3.2:1')?.parent, '4.3.2');
    assert.equal(requirement('nis2', 'pr.ds-11'), undefined);
    assert.equal(requirement('nist-csf-2.0', '2.1.2'), undefined);
    assert.equal(requirement('soc2' as FrameworkId, 'CC1.1'), undefined);
    assert.deepEqual(requirements('soc2' as FrameworkId), []);
    // A shortened multi-sentence point keeps its full text.
    const shortened = requirements('nis2').filter((r) => r.text !== r.title);
    assert.equal(shortened.length, 35);
    for (const r of shortened) assert.ok(r.text.startsWith(r.title.slice(0, -1)), r.id);
  });

  it('groups requirements by function (CSF) and section (NIS2), and by category and subsection', () => {
    assert.deepEqual(requirementGroup('nist-csf-2.0', 'GV.OC-01'), { framework: 'nist-csf-2.0', id: 'GV', title: 'GOVERN', kind: 'function' });
    assert.deepEqual(requirementSubgroup('nist-csf-2.0', 'GV.OC-01'), {
      framework: 'nist-csf-2.0', id: 'GV.OC', title: 'Organizational Context', kind: 'category', parent: 'GV',
    });
    assert.deepEqual(requirementGroup('nis2', '2.1.2.a'), {
      framework: 'nis2', id: '2', title: 'RISK MANAGEMENT POLICY (ARTICLE 21(2), POINT (A) OF DIRECTIVE (EU) 2022/2555)', kind: 'section',
    });
    assert.deepEqual(requirementSubgroup('nis2', '2.1.2.a'), { framework: 'nis2', id: '2.1', title: 'Risk management framework', kind: 'subsection', parent: '2' });
    // A section heading has no subsection; NIS2 7.1 heads none, so its subgroup takes the point's title.
    assert.equal(requirementSubgroup('nis2', '2'), undefined);
    assert.equal(requirementGroup('nis2', '2')?.id, '2');
    assert.equal(requirementSubgroup('nis2', '7.1')?.title, requirement('nis2', '7.1')?.title);
    assert.equal(requirementGroup('nis2', 'nope'), undefined);
  });

  it('NIS2 lead-in points and their sub-points: 2.1.2 and 2.1.2.a–j are each one requirement', () => {
    const letters = 'abcdefghij'.split('');
    assert.deepEqual(childRequirements('nis2', '2.1.2').map((r) => r.id), letters.map((l) => `2.1.2.${l}`));
    for (const l of letters) assert.equal(parentRequirement('nis2', `2.1.2.${l}`)?.id, '2.1.2');
    assert.equal(requirement('nis2', '2.1.2')?.assessable, true);
    assert.equal(parentRequirement('nis2', '2.1.2')?.id, '2.1');
    assert.equal(parentRequirement('nis2', '2.1.2')?.assessable, false);
    assert.equal(parentRequirement('nis2', '2.1')?.id, '2');
    assert.equal(parentRequirement('nis2', '2'), undefined);
    assert.deepEqual(childRequirements('nis2', '2.1.2.a'), []);
    assert.deepEqual(childRequirements('nis2', '9.2.c').map((r) => r.id).slice(-2), ['9.2.c.xi', '9.2.c.xii']);
    assert.equal(parentRequirement('nist-csf-2.0', 'GV.OC-01'), undefined);
    assert.deepEqual(childRequirements('nist-csf-2.0', 'GV.OC-01'), []);
    // Counted once: every assessable point once, parents and sub-points alike.
    const ids = assessableRequirements('nis2').map((r) => r.id);
    assert.equal(new Set(ids).size, 351);
    assert.ok(ids.includes('2.1.2') && ids.includes('2.1.2.a'));
  });

  it('requirementsMappedTo matches ISO ids exactly, in catalogue order', () => {
    const byIso = new Map<string, string[]>();
    for (const fw of ['nist-csf-2.0', 'nis2'] as const) {
      for (const p of tsv(FILES[fw].pairs)) byIso.set(p.iso27001, [...(byIso.get(p.iso27001) ?? []), `${fw} ${p.framework_id}`]);
    }
    for (const [iso, expected] of byIso) {
      assert.deepEqual(requirementsMappedTo(iso).map((r) => `${r.framework} ${r.id}`), expected, iso);
    }
    assert.equal(requirementsMappedTo('A.8.13', 'nist-csf-2.0').map((r) => r.id).includes('PR.DS-11'), true);
    assert.ok(requirementsMappedTo('A.8.13', 'nis2').every((r) => r.framework === 'nis2'));
    assert.notDeepEqual(requirementsMappedTo('A.5.1'), requirementsMappedTo('A.5.10'));
    assert.ok(requirementsMappedTo('A.5.1').every((r) => r.iso27001.includes('A.5.1')));
    // 9.2 is not its sub-clause 9.2.2: no pair targets 9.2 itself.
    assert.deepEqual(requirementsMappedTo('9.2'), []);
    assert.ok(requirementsMappedTo('9.2.2').length > 0);
    assert.deepEqual(requirementsMappedTo('a.5.1'), []);
    assert.deepEqual(requirementsMappedTo('A.5.5'), []);
    assert.equal(byIso.size, new Set([...requirements('nist-csf-2.0'), ...requirements('nis2')].flatMap((r) => r.iso27001)).size);
  });

  it('resolves every ISO target: Annex A controls and clauses, sub-clauses rolled up to the clause catalogue', () => {
    for (const fw of frameworkIds()) {
      for (const r of requirements(fw)) for (const iso of r.iso27001) assert.ok(isoTarget(iso), `${fw} ${r.id} -> ${iso}`);
    }
    assert.deepEqual(isoTarget('A.5.19'), { id: 'A.5.19', kind: 'control', title: 'Information security in supplier relationships' });
    assert.deepEqual(isoTarget('6.1.2'), { id: '6.1.2', kind: 'clause', title: 'Information security risk assessment', clause: '6.1.2' });
    assert.deepEqual(isoTarget('9.2.2'), { id: '9.2.2', kind: 'clause', title: 'Internal audit programme', clause: '9.2.2' });
    assert.deepEqual(isoTarget('9.3.3'), { id: '9.3.3', kind: 'clause', title: 'Management review results', clause: '9.3.3' });
    assert.equal(isoTarget('A.5.38'), undefined);
    assert.equal(isoTarget('9.4'), undefined);
  });
});
