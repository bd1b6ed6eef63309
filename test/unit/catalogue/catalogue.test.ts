import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
  ANNEX_A_CONTROLS,
  ANNEX_A_IDS,
  ATTRIBUTE_KINDS,
  THEMES,
  annexControl,
  compareAnnexIds,
  formatAttributeValue,
  looksLikeAnnexId,
} from '../../../server/src/catalogue/annex-a';
import { CLAUSES, clause, topLevelClause } from '../../../server/src/catalogue/clauses';
import { LEGACY_2013_MAPPINGS, NEW_IN_2022, legacyMapping } from '../../../server/src/catalogue/legacy-2013';

const repoRoot = process.cwd();

describe('catalogue: Annex A of ISO/IEC 27001:2022', () => {
  it('holds 93 controls: 37 organizational, 8 people, 14 physical, 34 technological', () => {
    assert.equal(ANNEX_A_CONTROLS.length, 93);
    assert.deepEqual(
      THEMES.map((t) => [t.id, t.clause, t.count]),
      [
        ['organizational', '5', 37],
        ['people', '6', 8],
        ['physical', '7', 14],
        ['technological', '8', 34],
      ],
    );
    assert.equal(THEMES[0].title, 'Organizational controls');
  });

  it('numbers each theme A.<clause>.1 … A.<clause>.<count> in catalogue order', () => {
    const expected = THEMES.flatMap((t) => Array.from({ length: t.count }, (_, i) => `A.${t.clause}.${i + 1}`));
    assert.deepEqual(ANNEX_A_IDS, expected);
    for (const control of ANNEX_A_CONTROLS) {
      assert.equal(THEMES.find((t) => t.id === control.theme)?.clause, control.id.split('.')[1], control.id);
    }
  });

  it('has unique ids, each found by annexControl', () => {
    assert.equal(new Set(ANNEX_A_IDS).size, ANNEX_A_IDS.length);
    for (const control of ANNEX_A_CONTROLS) assert.equal(annexControl(control.id), control);
    assert.equal(annexControl('A.5.38'), undefined);
    assert.equal(annexControl('a.5.1'), undefined);
    assert.equal(annexControl('A.12.3.1'), undefined);
  });

  it('parses the attribute sets into values', () => {
    assert.deepEqual(annexControl('A.5.7'), {
      id: 'A.5.7',
      theme: 'organizational',
      title: 'Threat intelligence',
      controlType: ['Preventive', 'Detective', 'Corrective'],
      securityProperties: ['Confidentiality', 'Integrity', 'Availability'],
      cybersecurityConcepts: ['Identify', 'Detect', 'Respond'],
      operationalCapabilities: ['Threat_and_vulnerability_management'],
      securityDomains: ['Defence', 'Resilience'],
    });
    assert.deepEqual(annexControl('A.8.33')?.securityProperties, ['Confidentiality', 'Integrity']);
    for (const control of ANNEX_A_CONTROLS) {
      for (const { key } of ATTRIBUTE_KINDS) {
        const values = control[key];
        assert.ok(values.length > 0, `${control.id} ${key}`);
        for (const value of values) assert.match(value, /^[A-Za-z_]+$/, `${control.id} ${key}`);
      }
    }
  });

  it('labels the five attribute sets and formats their values', () => {
    assert.deepEqual(
      ATTRIBUTE_KINDS.map((kind) => kind.label),
      ['Control type', 'Information security properties', 'Cybersecurity concepts', 'Operational capabilities', 'Security domains'],
    );
    assert.equal(formatAttributeValue('Identity_and_access_management'), 'Identity and access management');
    assert.equal(formatAttributeValue('Preventive'), 'Preventive');
  });

  it('orders ids numerically with compareAnnexIds', () => {
    assert.ok(compareAnnexIds('A.5.2', 'A.5.10') < 0);
    assert.ok(compareAnnexIds('A.5.10', 'A.6.1') < 0);
    assert.ok(compareAnnexIds('A.8.34', 'A.5.1') > 0);
    assert.equal(compareAnnexIds('A.7.4', 'A.7.4'), 0);
    assert.ok(compareAnnexIds('A.12.3', 'A.12.3.1') < 0);
    assert.deepEqual(['A.6.1', 'A.5.10', 'A.8.2', 'A.5.2', 'A.5.1'].sort(compareAnnexIds), ['A.5.1', 'A.5.2', 'A.5.10', 'A.6.1', 'A.8.2']);
    assert.deepEqual([...ANNEX_A_IDS].reverse().sort(compareAnnexIds), ANNEX_A_IDS);
  });

  it('recognises the shape of an Annex A id with looksLikeAnnexId', () => {
    for (const id of ['A.5.1', 'A.8.34', 'A.12.3.1', 'A.9.99']) assert.equal(looksLikeAnnexId(id), true, id);
    for (const id of ['A.5', 'a.5.1', 'A.5.', 'A..1', 'B.5.1', 'A.5.1a', ' A.5.1', '5.1', 'R-001']) {
      assert.equal(looksLikeAnnexId(id), false, id);
    }
  });
});

describe('catalogue: the 2013 → 2022 mapping', () => {
  it('holds the 114 controls of 2013, with unique ids', () => {
    assert.equal(LEGACY_2013_MAPPINGS.length, 114);
    assert.equal(new Set(LEGACY_2013_MAPPINGS.map((m) => m.id2013)).size, 114);
    for (const mapping of LEGACY_2013_MAPPINGS) {
      assert.ok(looksLikeAnnexId(mapping.id2013), mapping.id2013);
      assert.equal(annexControl(mapping.id2013), undefined, mapping.id2013);
    }
  });

  it('maps every 2013 control to 2022 controls of the catalogue', () => {
    for (const mapping of LEGACY_2013_MAPPINGS) {
      assert.ok(mapping.ids2022.length > 0, mapping.id2013);
      for (const id of mapping.ids2022) assert.ok(annexControl(id), `${mapping.id2013} -> ${id}`);
    }
    assert.deepEqual(legacyMapping('A.18.2.3')?.ids2022, ['A.5.36', 'A.8.8']);
    assert.equal(legacyMapping('A.5.1.1')?.title2013, 'Policies for information security');
    assert.equal(legacyMapping('A.5.1'), undefined);
  });

  it('computes the 11 controls new in 2022', () => {
    assert.deepEqual(NEW_IN_2022, ['A.5.7', 'A.5.23', 'A.5.30', 'A.7.4', 'A.8.9', 'A.8.10', 'A.8.11', 'A.8.12', 'A.8.16', 'A.8.23', 'A.8.28']);
    const mapped = new Set(LEGACY_2013_MAPPINGS.flatMap((m) => m.ids2022));
    assert.equal(mapped.size + NEW_IN_2022.length, 93);
  });
});

describe('catalogue: clauses of ISO/IEC 27001:2022', () => {
  it('lists main clauses 4–10 and the sub-clauses, each parent listed before its children', () => {
    assert.deepEqual(
      CLAUSES.filter((c) => c.parent === undefined).map((c) => c.id),
      ['4', '5', '6', '7', '8', '9', '10'],
    );
    assert.equal(new Set(CLAUSES.map((c) => c.id)).size, CLAUSES.length);
    CLAUSES.forEach((c, i) => {
      if (c.parent !== undefined) assert.ok(CLAUSES.findIndex((p) => p.id === c.parent) < i, c.id);
    });
    assert.equal(clause('6.1.3')?.title, 'Information security risk treatment');
    assert.equal(clause('6.1.3')?.parent, '6.1');
    assert.equal(clause('4.1')?.title, 'Understanding the organization and its context');
    assert.equal(clause('11'), undefined);
  });

  it('finds the main clause of a clause reference', () => {
    assert.equal(topLevelClause('6.1.3 d'), '6');
    assert.equal(topLevelClause('4.1 (Amd 1:2024)'), '4');
    assert.equal(topLevelClause('10.2'), '10');
    assert.equal(topLevelClause('9'), '9');
    assert.equal(topLevelClause('A.5.9'), '6');
  });
});

describe('catalogue: generated modules', () => {
  it('regenerating from data/ gives the committed files byte for byte', () => {
    const out = mkdtempSync(join(tmpdir(), 'isms-catalogue-'));
    try {
      execFileSync(process.execPath, [join(repoRoot, 'scripts', 'generate-catalogue.mjs'), out], { stdio: 'pipe' });
      for (const file of ['annex-a-data.ts', 'legacy-2013-data.ts', 'frameworks-data.ts']) {
        const committed = readFileSync(join(repoRoot, 'server', 'src', 'catalogue', file), 'utf8');
        assert.equal(readFileSync(join(out, file), 'utf8'), committed, `${file} is stale: run npm run catalogue`);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('refuses malformed data with the file, line and reason, and writes nothing', function () {
    this.timeout(30_000);
    const cases: { file: string; edit: (text: string) => string; error: string }[] = [
      {
        file: 'mappings/nis2-2024-2690.tsv',
        edit: (text) => text.replace('\t5.2\tintersect\n', '\tA.5.99\tintersect\n'),
        error: 'data/mappings/nis2-2024-2690.tsv:2: A.5.99 is no ISO/IEC 27001:2022 clause or Annex A control',
      },
      {
        file: 'mappings/nist-csf-2.0.tsv',
        edit: (text) => text.replace('\t4.1\tintersect\n', '\t4.1\tequal\n'),
        error: 'data/mappings/nist-csf-2.0.tsv:2: relationship "equal": the catalogue knows only intersect (see MAPPING_MEANING)',
      },
      {
        file: 'mappings/nist-csf-2.0-subcategories.tsv',
        edit: (text) => text.replace(/\t7\n/, '\t8\n'),
        error: 'data/mappings/nist-csf-2.0-subcategories.tsv: GV.OC-01 says 8 ISO targets, mappings/nist-csf-2.0.tsv has 7',
      },
      {
        file: 'frameworks.tsv',
        edit: (text) => text.replace('\tnis2\t', '\tNIS 2\t').replace('\nnis2\t', '\nNIS 2\t'),
        error: 'data/frameworks.tsv:3: malformed framework id "NIS 2"',
      },
    ];
    for (const { file, edit, error } of cases) {
      const temp = mkdtempSync(join(tmpdir(), 'isms-catalogue-bad-'));
      try {
        for (const part of ['data', 'scripts/generate-catalogue.mjs', 'scripts/catalogue']) {
          cpSync(join(repoRoot, part), join(temp, 'repo', part), { recursive: true });
        }
        const path = join(temp, 'repo', 'data', file);
        const text = readFileSync(path, 'utf8');
        assert.notEqual(edit(text), text, `the edit of ${file} changes nothing`);
        writeFileSync(path, edit(text));
        const run = spawnSync(process.execPath, [join(temp, 'repo', 'scripts', 'generate-catalogue.mjs'), join(temp, 'out')], { encoding: 'utf8' });
        assert.equal(run.status, 1, file);
        assert.equal(run.stderr, `generate-catalogue: ${error}\n`, file);
        assert.equal(run.stdout, '', file);
        assert.equal(existsSync(join(temp, 'out')), false, file);
      } finally {
        rmSync(temp, { recursive: true, force: true });
      }
    }
  });

  it('import only types, from catalogue-types.ts, which imports nothing (no loop with the accessors)', () => {
    const dir = join(repoRoot, 'server', 'src', 'catalogue');
    for (const file of ['annex-a-data.ts', 'legacy-2013-data.ts', 'frameworks-data.ts']) {
      const imports = readFileSync(join(dir, file), 'utf8').split('\n').filter((line) => /^\s*(import|export .* from)\b/.test(line));
      assert.equal(imports.length, 1, file);
      assert.match(imports[0], /^import type \{ \w+ \} from '\.\/catalogue-types';$/, file);
    }
    assert.doesNotMatch(readFileSync(join(dir, 'catalogue-types.ts'), 'utf8'), /^\s*import\b|\bfrom '/m);
  });
});
