/**
 * The text of the SoA table's cells: the justification (the reason, then the
 * risks and parties that drive the control), the applicability and status
 * labels, filtering and grouping by theme. Pure: no DOM, no `vscode`.
 */
import type { SoaTableResult } from '../messages';

export type SoaRow = SoaTableResult['rows'][number];
type Link = SoaRow['risks'][number];

export interface Justification {
  /** The `reason` written in the SoA entry, trimmed; `undefined` when absent. */
  readonly reason: string | undefined;
  /** What stands in for a missing reason, e.g. for an exclusion without one. */
  readonly placeholder: string | undefined;
  /** `Risks: R-001 (Phishing), R-002 (…)`, or `undefined` when no risk names the control. */
  readonly risks: string | undefined;
  /** `Parties: P-01 (Customers)`, or `undefined`. */
  readonly parties: string | undefined;
  /** Everything in one line, as the table's title attribute and the tests read it. */
  readonly text: string;
}

function clean(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.replace(/\s+/g, ' ').trim();
  return trimmed === '' ? undefined : trimmed;
}

export function linkText(link: Link): string {
  const title = clean(link?.title);
  return title ? `${link.id} (${title})` : String(link?.id ?? '');
}

function links(label: string, list: readonly Link[] | undefined): string | undefined {
  const items = (Array.isArray(list) ? list : []).map(linkText).filter((t) => t !== '');
  return items.length === 0 ? undefined : `${label}: ${items.join(', ')}`;
}

/** The justification of a row: its reason plus the risks and parties that drive it. */
export function justification(row: SoaRow): Justification {
  const error = row.theme === 'invalid' ? clean(row.error) ?? 'not an Annex A control of ISO/IEC 27001:2022' : undefined;
  const written = clean(row.reason);
  const reason = error ? (written ? `Error: ${error}. ${written}` : `Error: ${error}`) : written;
  let placeholder: string | undefined;
  if (!reason) {
    if (!row.declared) placeholder = 'Not in the Statement of Applicability';
    else if (row.applicable === 'no') placeholder = 'Exclusion without a justification';
  }
  const risks = links('Risks', row.risks);
  const parties = links('Parties', row.parties);
  const text = [reason ?? placeholder, risks, parties].filter((part): part is string => part !== undefined).join(' ');
  return { reason, placeholder, risks, parties, text };
}

export type ApplicabilityTone = 'yes' | 'no' | 'missing';

export function applicability(row: SoaRow): { readonly text: string; readonly tone: ApplicabilityTone } {
  if (row.theme === 'invalid') return { text: 'Invalid id', tone: 'missing' };
  if (!row.declared) return { text: 'Not in SoA', tone: 'missing' };
  if (row.applicable === 'yes') return { text: 'Yes', tone: 'yes' };
  if (row.applicable === 'no') return { text: 'No', tone: 'no' };
  return { text: 'Not stated', tone: 'missing' };
}

export function statusText(row: SoaRow): string {
  const status = clean(row.status);
  if (status) return status;
  return row.applicable === 'yes' ? 'No status' : '—';
}

/**
 * The findings inside a row's entry, as its status cell adds them (`1 error, 2 warnings`), and the
 * tone they give the cell: a faulted entry is never shown green, whatever its status says.
 */
export function entryFindings(row: SoaRow): { readonly text: string; readonly tone: 'error' | 'warning' | undefined } {
  const errors = row.findings?.errors ?? 0;
  const warnings = row.findings?.warnings ?? 0;
  const parts = [errors > 0 ? `${errors} ${errors === 1 ? 'error' : 'errors'}` : '', warnings > 0 ? `${warnings} ${warnings === 1 ? 'warning' : 'warnings'}` : ''].filter(Boolean);
  return { text: parts.join(', '), tone: errors > 0 ? 'error' : warnings > 0 ? 'warning' : undefined };
}

export function evidenceText(row: SoaRow): string {
  const items = (Array.isArray(row.evidence) ? row.evidence : []).map(clean).filter((e): e is string => e !== undefined);
  return items.join(', ');
}

/** Which rows the table shows. */
export type RowFilter = 'all' | 'applicable' | 'open' | 'excluded' | 'undecided';

export const ROW_FILTERS: readonly { readonly value: RowFilter; readonly label: string }[] = Object.freeze([
  { value: 'all', label: 'All controls' },
  { value: 'applicable', label: 'Applicable' },
  { value: 'open', label: 'Applicable, not implemented' },
  { value: 'excluded', label: 'Excluded' },
  { value: 'undecided', label: 'Not decided' },
]);

export function isRowFilter(value: unknown): value is RowFilter {
  return ROW_FILTERS.some((f) => f.value === value);
}

function matchesFilter(row: SoaRow, filter: RowFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'applicable':
      return row.applicable === 'yes';
    case 'open':
      return row.applicable === 'yes' && clean(row.status) !== 'implemented';
    case 'excluded':
      return row.applicable === 'no';
    case 'undecided':
      return row.applicable !== 'yes' && row.applicable !== 'no';
  }
}

/** The rows matching the filter and every word of the query (case-insensitive, over all the visible text). */
export function filterRows(rows: readonly SoaRow[], query: string, filter: RowFilter = 'all'): SoaRow[] {
  const words = query.toLowerCase().split(/\s+/).filter((w) => w !== '');
  return rows.filter((row) => {
    if (!matchesFilter(row, filter)) return false;
    if (words.length === 0) return true;
    const haystack = [row.id, row.title, row.owner, statusText(row), applicability(row).text, justification(row).text, evidenceText(row)]
      .filter((part) => typeof part === 'string')
      .join('\n')
      .toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

/**
 * The header's count: `6 of 93 Annex A controls in the SoA`, then the custom
 * controls and the invalid ids (never counted among the 93).
 */
export function soaCountText(soa: Pick<SoaTableResult, 'rows'>): string {
  const rows = Array.isArray(soa.rows) ? soa.rows : [];
  const annex = rows.filter((r) => r.theme !== 'custom' && r.theme !== 'invalid');
  const custom = rows.filter((r) => r.theme === 'custom').length;
  const invalid = rows.filter((r) => r.theme === 'invalid').length;
  const parts = [`${annex.filter((r) => r.declared).length} of ${annex.length} Annex A controls in the SoA`];
  if (custom > 0) parts.push(`${custom} custom`);
  if (invalid > 0) parts.push(`${invalid} invalid ${invalid === 1 ? 'id' : 'ids'}`);
  return parts.join(' · ');
}

export interface ThemeGroup {
  readonly theme: string;
  readonly title: string;
  readonly rows: readonly SoaRow[];
}

/** Rows grouped by theme in the order of the SoA's themes; unknown themes come last. */
export function groupByTheme(soa: SoaTableResult, rows: readonly SoaRow[]): ThemeGroup[] {
  const titles = new Map<string, string>((Array.isArray(soa.themes) ? soa.themes : []).map((t) => [String(t.theme), String(t.title)]));
  const groups = new Map<string, SoaRow[]>();
  for (const theme of titles.keys()) groups.set(theme, []);
  for (const row of rows) {
    const theme = String(row.theme);
    let group = groups.get(theme);
    if (!group) groups.set(theme, (group = []));
    group.push(row);
  }
  return [...groups]
    .filter(([, list]) => list.length > 0)
    .map(([theme, list]) => ({ theme, title: titles.get(theme) ?? theme, rows: list }));
}
