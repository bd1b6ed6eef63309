/**
 * The summary bars of the SoA per theme: implemented, applicable but not
 * yet implemented, excluded, and not decided, as shares of the theme's
 * controls. Pure: no DOM, no `vscode`.
 */
import type { SoaTableResult } from '../messages';

export type SegmentKind = 'implemented' | 'applicable' | 'excluded' | 'undecided';

export interface BarSegment {
  readonly kind: SegmentKind;
  readonly count: number;
  /** Width in percent; the segments of a bar add up to 100 (or all are 0 for an empty theme). */
  readonly percent: number;
}

export interface SummaryBar {
  readonly theme: string;
  readonly title: string;
  readonly total: number;
  readonly declared: number;
  readonly applicable: number;
  readonly excluded: number;
  readonly implemented: number;
  readonly segments: readonly BarSegment[];
  /** e.g. `30 applicable (12 implemented), 7 excluded, 0 undecided of 37`. */
  readonly caption: string;
}

export const SEGMENT_LABELS: Readonly<Record<SegmentKind, string>> = Object.freeze({
  implemented: 'Implemented',
  applicable: 'Applicable, not implemented',
  excluded: 'Excluded',
  undecided: 'Not decided',
});

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}

/**
 * Percentages by the largest-remainder method: whole numbers that add up to
 * exactly 100 (all 0 when the total is 0).
 */
export function percentages(counts: readonly number[]): number[] {
  const total = counts.reduce((sum, c) => sum + c, 0);
  if (total <= 0) return counts.map(() => 0);
  const exact = counts.map((c) => (c * 100) / total);
  const floors = exact.map(Math.floor);
  let rest = 100 - floors.reduce((sum, f) => sum + f, 0);
  const order = exact.map((e, i) => ({ i, remainder: e - floors[i]! })).sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (const { i } of order) {
    if (rest <= 0) break;
    floors[i]! += 1;
    rest--;
  }
  return floors;
}

function bar(theme: string, title: string, total: number, declared: number, applicable: number, excluded: number, implemented: number): SummaryBar {
  // The server's counts, made consistent: implemented ⊆ applicable; applicable + excluded ≤ total.
  const impl = Math.min(implemented, applicable);
  const tot = Math.max(total, applicable + excluded);
  const open = applicable - impl;
  const undecided = tot - applicable - excluded;
  const kinds: SegmentKind[] = ['implemented', 'applicable', 'excluded', 'undecided'];
  const counts = [impl, open, excluded, undecided];
  const widths = percentages(counts);
  return {
    theme,
    title,
    total: tot,
    declared,
    applicable,
    excluded,
    implemented: impl,
    segments: kinds.map((kind, i) => ({ kind, count: counts[i]!, percent: widths[i]! })),
    caption: `${applicable} applicable (${impl} implemented), ${excluded} excluded, ${undecided} not decided of ${tot}`,
  };
}

/** One bar per theme of the SoA, then one for all controls. */
export function summaryBars(soa: SoaTableResult | null | undefined): SummaryBar[] {
  if (!soa || !Array.isArray(soa.themes)) return [];
  // Invalid ids are no controls: no bar, and not in the total (the table lists them with their error).
  const bars = soa.themes.filter((t) => t.theme !== 'invalid').map((t) =>
    bar(String(t.theme), typeof t.title === 'string' ? t.title : String(t.theme), count(t.total), count(t.declared), count(t.applicable), count(t.excluded), count(t.implemented)),
  );
  if (bars.length === 0) return bars;
  const sum = (pick: (b: SummaryBar) => number) => bars.reduce((s, b) => s + pick(b), 0);
  bars.push(bar('all', 'All controls', sum((b) => b.total), sum((b) => b.declared), sum((b) => b.applicable), sum((b) => b.excluded), sum((b) => b.implemented)));
  return bars;
}
