// The Annex A controls of ISO/IEC 27001:2022, typed, over the generated data.
import { ANNEX_A_ROWS } from './annex-a-data';
import type { Theme } from './catalogue-types';

export type { Theme } from './catalogue-types';

/** An Annex A control of ISO/IEC 27001:2022 with its ISO/IEC 27002:2022 attributes. */
export interface AnnexControl {
  /** The control's id, e.g. `A.5.1`. */
  readonly id: string;
  readonly theme: Theme;
  /** The control's short title, e.g. `Policies for information security`. */
  readonly title: string;
  /** e.g. `['Preventive']`. */
  readonly controlType: readonly string[];
  /** e.g. `['Confidentiality', 'Integrity', 'Availability']`. */
  readonly securityProperties: readonly string[];
  /** e.g. `['Identify', 'Protect']`. */
  readonly cybersecurityConcepts: readonly string[];
  /** As written in the data, with underscores: e.g. `['Identity_and_access_management']`. */
  readonly operationalCapabilities: readonly string[];
  /** As written in the data, with underscores: e.g. `['Governance_and_Ecosystem']`. */
  readonly securityDomains: readonly string[];
}

/** A theme of Annex A with its clause number, title and number of controls. */
export interface ThemeInfo {
  readonly id: Theme;
  /** The clause number within Annex A, e.g. `'5'` for A.5. */
  readonly clause: string;
  /** e.g. `'Organizational controls'`. */
  readonly title: string;
  readonly count: number;
}

/** Splits a space-separated attribute cell of the data into its values. */
function values(cell: string): readonly string[] {
  return Object.freeze(cell.split(' ').filter((value) => value !== ''));
}

/** All 93 controls, in catalogue order (A.5.1 … A.8.34). */
export const ANNEX_A_CONTROLS: readonly AnnexControl[] = Object.freeze(
  ANNEX_A_ROWS.map(([id, theme, title, controlType, securityProperties, cybersecurityConcepts, operationalCapabilities, securityDomains]) =>
    Object.freeze({
      id,
      theme,
      title,
      controlType: values(controlType),
      securityProperties: values(securityProperties),
      cybersecurityConcepts: values(cybersecurityConcepts),
      operationalCapabilities: values(operationalCapabilities),
      securityDomains: values(securityDomains),
    }),
  ),
);

/** The ids of all 93 controls, in catalogue order. */
export const ANNEX_A_IDS: readonly string[] = Object.freeze(ANNEX_A_CONTROLS.map((control) => control.id));

const byId: ReadonlyMap<string, AnnexControl> = new Map(ANNEX_A_CONTROLS.map((control) => [control.id, control]));

function theme(id: Theme, clause: string, title: string): ThemeInfo {
  const count = ANNEX_A_CONTROLS.filter((control) => control.theme === id).length;
  return Object.freeze({ id, clause, title, count });
}

/** The four themes in clause order (A.5, A.6, A.7, A.8), with their control counts. */
export const THEMES: readonly ThemeInfo[] = Object.freeze([
  theme('organizational', '5', 'Organizational controls'),
  theme('people', '6', 'People controls'),
  theme('physical', '7', 'Physical controls'),
  theme('technological', '8', 'Technological controls'),
]);

/** The control with this 2022 id (case-sensitive, e.g. `A.8.13`), or `undefined`. */
export function annexControl(id: string): AnnexControl | undefined {
  return byId.get(id);
}

/**
 * Whether `text` has the shape of an Annex A id (`A.` then dot-separated numbers),
 * whatever the edition: `A.5.1`, `A.12.3.1` and `A.9.99` all do. Use
 * {@link annexControl} to know whether it is a 2022 control.
 */
export function looksLikeAnnexId(text: string): boolean {
  return /^A\.\d+(\.\d+)+$/.test(text);
}

/**
 * Orders ids segment by segment, numeric segments by value: `A.5.2` < `A.5.10` < `A.6.1`.
 * A shorter id sorts before the ids it prefixes; non-numeric segments sort after
 * numeric ones and among themselves as strings. Usable as an `Array.sort` comparator.
 */
export function compareAnnexIds(a: string, b: string): number {
  const as = a.split('.');
  const bs = b.split('.');
  for (let i = 0; i < Math.min(as.length, bs.length); i++) {
    const order = compareSegments(as[i], bs[i]);
    if (order !== 0) return order;
  }
  return as.length - bs.length || (a < b ? -1 : a > b ? 1 : 0);
}

function compareSegments(a: string, b: string): number {
  const aNumeric = /^\d+$/.test(a);
  const bNumeric = /^\d+$/.test(b);
  if (aNumeric && bNumeric) return Number(a) - Number(b);
  if (aNumeric !== bNumeric) return aNumeric ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

export { ATTRIBUTE_KINDS, formatAttributeValue, type AttributeKey } from '../util/annex-attributes';
