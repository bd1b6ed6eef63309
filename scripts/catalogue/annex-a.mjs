// Annex A of ISO/IEC 27001:2022 (data/annex-a-2022.tsv) and the mapping from
// the 2013 edition (data/annex-a-2013-to-2022.tsv): checked, then written as
// annex-a-data.ts and legacy-2013-data.ts.
import { HEADER, checkUnique, fail, readTsv, str } from './tsv.mjs';

const THEME_BY_CLAUSE = { 5: 'organizational', 6: 'people', 7: 'physical', 8: 'technological' };
const ANNEX_ID_2022 = /^A\.[5-8]\.[1-9]\d*$/;
const ANNEX_ID_2013 = /^A\.\d+\.\d+\.\d+$/;

/** The rows of annex-a-2022.tsv, checked: ids in catalogue order, themes, attribute values. */
export function readAnnexA() {
  const controls = readTsv('annex-a-2022.tsv', [
    'id', 'theme', 'title', 'control_type', 'security_properties',
    'cybersecurity_concepts', 'operational_capabilities', 'security_domains',
  ]);
  checkUnique('annex-a-2022.tsv', controls.map((row) => row[0]));
  let previous = [0, 0];
  for (const [id, theme, title, ...attributes] of controls) {
    if (!ANNEX_ID_2022.test(id)) fail(`annex-a-2022.tsv: malformed id ${id}`);
    const key = id.slice(2).split('.').map(Number);
    if (key[0] < previous[0] || (key[0] === previous[0] && key[1] !== previous[1] + 1) || (key[0] > previous[0] && key[1] !== 1)) {
      fail(`annex-a-2022.tsv: ${id} is out of catalogue order`);
    }
    previous = key;
    if (THEME_BY_CLAUSE[key[0]] !== theme) fail(`annex-a-2022.tsv: ${id} has theme ${theme}`);
    if (title === '') fail(`annex-a-2022.tsv: ${id} has no title`);
    for (const value of attributes) {
      if (!/^[A-Za-z_]+( [A-Za-z_]+)*$/.test(value)) fail(`annex-a-2022.tsv: ${id} has malformed attributes ${JSON.stringify(value)}`);
    }
  }
  return controls;
}

export function annexModule(controls) {
  return `${HEADER}
import type { AnnexRow } from './catalogue-types';

/** The ${controls.length} controls of ISO/IEC 27001:2022 Annex A, in catalogue order. */
export const ANNEX_A_ROWS: readonly AnnexRow[] = [
${controls.map((row) => `  [${row.map(str).join(', ')}],`).join('\n')}
];
`;
}

/** The rows of annex-a-2013-to-2022.tsv, checked against the 2022 controls. */
export function readLegacy2013(controls) {
  const knownIds = new Set(controls.map((row) => row[0]));
  const mappings = readTsv('annex-a-2013-to-2022.tsv', ['id2013', 'title2013', 'ids2022']).map(([id2013, title2013, ids]) => {
    if (!ANNEX_ID_2013.test(id2013)) fail(`annex-a-2013-to-2022.tsv: malformed id ${id2013}`);
    const ids2022 = ids.split(',').map((id) => id.trim());
    for (const id of ids2022) {
      if (!knownIds.has(id)) fail(`annex-a-2013-to-2022.tsv: ${id2013} maps to ${id}, which is no 2022 control`);
    }
    return [id2013, title2013, ids2022];
  });
  checkUnique('annex-a-2013-to-2022.tsv', mappings.map((row) => row[0]));
  return mappings;
}

export function legacyModule(mappings) {
  return `${HEADER}
import type { LegacyRow } from './catalogue-types';

/** The ${mappings.length} Annex A controls of ISO/IEC 27001:2013 mapped to 2022 (ISO/IEC 27002:2022 Annex B). */
export const LEGACY_2013_ROWS: readonly LegacyRow[] = [
${mappings.map(([id, title, ids]) => `  [${str(id)}, ${str(title)}, [${ids.map(str).join(', ')}]],`).join('\n')}
];
`;
}
