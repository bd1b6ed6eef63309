/**
 * The ISO/IEC 27002:2022 attribute filter of the SoA view (pure, no
 * `vscode`): the choices come from the rows the server sent (`attributes`),
 * never from parsing.
 */
import { ATTRIBUTE_KINDS, formatAttributeValue, type SoaRowResult } from '../../../server/src/protocol/custom-requests';

/** Keep the controls whose attribute `key` (e.g. `cybersecurityConcepts`) holds `value` (e.g. `Detect`). */
export interface AttributeFilter {
  readonly key: string;
  readonly value: string;
}

export interface AttributeValueChoice {
  readonly value: string;
  /** For display: `Identity and access management`. */
  readonly label: string;
  /** Controls that have the value. */
  readonly count: number;
}

export interface AttributeKindChoice {
  readonly key: string;
  /** `Cybersecurity concepts`. */
  readonly label: string;
  readonly values: readonly AttributeValueChoice[];
}

type Attributed = Pick<SoaRowResult, 'attributes'>;

export function attributeKindLabel(key: string): string {
  return ATTRIBUTE_KINDS.find((kind) => kind.key === key)?.label ?? key;
}

/**
 * The attribute kinds present in the rows, in the standard's order (unknown
 * kinds after, in order of appearance), each with its values and counts. The
 * values keep the order the standard lists them in (Preventive, Detective,
 * Corrective; Identify … Recover): the order within the rows, merged.
 */
export function attributeChoices(rows: readonly Attributed[]): AttributeKindChoice[] {
  const known: string[] = ATTRIBUTE_KINDS.map((kind) => kind.key);
  const keys: string[] = [];
  for (const row of rows) for (const key of Object.keys(row.attributes ?? {})) if (!keys.includes(key)) keys.push(key);
  keys.sort((a, b) => rank(known, a) - rank(known, b));
  return keys
    .map((key) => {
      const lists = rows.map((row) => row.attributes?.[key] ?? []).filter((list) => list.length > 0);
      const counts = new Map<string, number>();
      for (const list of lists) for (const value of new Set(list)) counts.set(value, (counts.get(value) ?? 0) + 1);
      const values = mergeOrders(lists).map((value) => ({ value, label: formatAttributeValue(value), count: counts.get(value) ?? 0 }));
      return { key, label: attributeKindLabel(key), values };
    })
    .filter((choice) => choice.values.length > 0);
}

function rank(known: readonly string[], key: string): number {
  const index = known.indexOf(key);
  return index >= 0 ? index : known.length;
}

/**
 * One order consistent with the order of values within every list (a
 * topological sort of "comes before" pairs), ties broken by first appearance;
 * values caught in contradictory orders keep their first appearance.
 */
export function mergeOrders(lists: readonly (readonly string[])[]): string[] {
  const first: string[] = [];
  const after = new Map<string, Set<string>>();
  const before = new Map<string, number>();
  for (const list of lists) {
    for (const value of list) {
      if (!after.has(value)) {
        first.push(value);
        after.set(value, new Set());
        before.set(value, 0);
      }
    }
    for (let i = 0; i + 1 < list.length; i++) {
      const [a, b] = [list[i], list[i + 1]];
      if (a === b || after.get(a)!.has(b)) continue;
      after.get(a)!.add(b);
      before.set(b, before.get(b)! + 1);
    }
  }
  const order: string[] = [];
  const done = new Set<string>();
  while (order.length < first.length) {
    // The earliest value with nothing left before it; on a cycle, the earliest left.
    const next = first.find((value) => !done.has(value) && before.get(value) === 0) ?? first.find((value) => !done.has(value))!;
    done.add(next);
    order.push(next);
    for (const successor of after.get(next)!) before.set(successor, before.get(successor)! - 1);
  }
  return order;
}

export function matchesFilter(row: Attributed, filter: AttributeFilter | undefined): boolean {
  if (!filter) return true;
  return row.attributes?.[filter.key]?.includes(filter.value) ?? false;
}

/** `Cybersecurity concepts: Detect`, shown next to the view's title. */
export function filterLabel(filter: AttributeFilter): string {
  return `${attributeKindLabel(filter.key)}: ${formatAttributeValue(filter.value)}`;
}
