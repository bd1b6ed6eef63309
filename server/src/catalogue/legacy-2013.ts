// The Annex A controls of ISO/IEC 27001:2013 and the 2022 controls they map to.
import { ANNEX_A_IDS } from './annex-a';
import { LEGACY_2013_ROWS } from './legacy-2013-data';

/** A 2013 Annex A control and the 2022 control(s) it maps to (ISO/IEC 27002:2022 Annex B). */
export interface LegacyMapping {
  /** The 2013 id, e.g. `A.12.3.1`. */
  readonly id2013: string;
  readonly title2013: string;
  /** One or more 2022 ids, e.g. `['A.8.13']`; all are in the 2022 catalogue. */
  readonly ids2022: readonly string[];
}

/** All 114 controls of the 2013 edition, in their catalogue order. */
export const LEGACY_2013_MAPPINGS: readonly LegacyMapping[] = Object.freeze(
  LEGACY_2013_ROWS.map(([id2013, title2013, ids2022]) => Object.freeze({ id2013, title2013, ids2022: Object.freeze([...ids2022]) })),
);

const byId: ReadonlyMap<string, LegacyMapping> = new Map(LEGACY_2013_MAPPINGS.map((mapping) => [mapping.id2013, mapping]));

/** The mapping of this 2013 id (e.g. `A.12.3.1`), or `undefined` when it is no 2013 control. */
export function legacyMapping(id2013: string): LegacyMapping | undefined {
  return byId.get(id2013);
}

/** The 2022 controls that no 2013 control maps to (the 11 new ones), in catalogue order. */
export const NEW_IN_2022: readonly string[] = (() => {
  const mapped = new Set(LEGACY_2013_MAPPINGS.flatMap((mapping) => mapping.ids2022));
  return Object.freeze(ANNEX_A_IDS.filter((id) => !mapped.has(id)));
})();
