/**
 * The SoA view as plain data (pure, no `vscode`): controls grouped by theme,
 * with the decision and implementation status the server reported.
 */
import { formatAttributeValue, type SoaRowResult, type SoaTableResult } from '../../../server/src/protocol/custom-requests';
import { COLOR, ERROR, PASS, WARNING, plural, type IconSpec } from './icons';
import { code, escapeMarkdown, facts } from './markdown';
import { attributeKindLabel, matchesFilter, type AttributeFilter } from './soa-filter';

export interface ThemeGroup {
  readonly theme: string;
  /** `Organizational controls`. */
  readonly title: string;
  /** `37 · 35 applicable · 2 excluded · 30 implemented`. */
  readonly description: string;
  readonly rows: readonly SoaRowResult[];
}

const CUSTOM_TITLE = 'Custom controls';

/** The themes in the server's order (A.5 to A.8, then custom), with the rows that pass the filter; empty groups are left out. */
export function themeGroups(table: Pick<SoaTableResult, 'rows' | 'themes'>, filter?: AttributeFilter): ThemeGroup[] {
  const themes = table.themes.map((summary) => ({ theme: summary.theme as string, title: summary.title }));
  // Rows of a theme the summary does not list (should not happen) still show.
  for (const row of table.rows) {
    if (!themes.some((t) => t.theme === row.theme)) themes.push({ theme: row.theme, title: row.theme === 'custom' ? CUSTOM_TITLE : row.theme });
  }
  return themes
    .map(({ theme, title }) => {
      const rows = table.rows.filter((row) => row.theme === theme && matchesFilter(row, filter));
      return { theme, title, description: themeDescription(rows), rows };
    })
    .filter((group) => group.rows.length > 0);
}

/** `37 · 35 applicable · 2 excluded · 30 implemented`, then `· 3 without entry` when some controls lack one; `2 · not counted` for invalid ids. */
export function themeDescription(rows: readonly SoaRowResult[]): string {
  if (rows.length > 0 && rows.every(isInvalid)) return `${rows.length} · not counted: fix or remove them`;
  const applicable = rows.filter((row) => row.applicable === 'yes').length;
  const excluded = rows.filter((row) => row.applicable === 'no').length;
  const implemented = rows.filter((row) => row.applicable === 'yes' && row.status === 'implemented').length;
  const missing = rows.filter((row) => !row.declared).length;
  const parts = [`${rows.length}`, `${applicable} applicable`, `${excluded} excluded`, `${implemented} implemented`];
  if (missing > 0) parts.push(`${missing} without entry`);
  return parts.join(' · ');
}

/** Whether a row is an id of Annex A shape that is no 2022 control (never a custom control). */
export function isInvalid(row: Pick<SoaRowResult, 'theme'>): boolean {
  return row.theme === 'invalid';
}

/** For a folder node: `93 of 93 declared · 88 applicable`, then `· 2 invalid ids`; invalid ids are not counted as controls. */
export function soaSummary(rows: readonly SoaRowResult[]): string {
  const annex = rows.filter((row) => row.theme !== 'custom' && !isInvalid(row));
  const declared = annex.filter((row) => row.declared).length;
  const applicable = rows.filter((row) => row.applicable === 'yes' && !isInvalid(row)).length;
  const invalid = rows.filter(isInvalid).length;
  return `${declared} of ${annex.length} declared · ${applicable} applicable${invalid > 0 ? ` · ${invalid} invalid ${invalid === 1 ? 'id' : 'ids'}` : ''}`;
}

/** `A.5.1 Policies for information security`. */
export function controlLabel(row: Pick<SoaRowResult, 'id' | 'title'>): string {
  return row.title ? `${row.id} ${row.title}` : row.id;
}

const STATUS_TEXT: Readonly<Record<string, string>> = {
  implemented: 'implemented',
  partial: 'partially implemented',
  planned: 'planned',
  'not-implemented': 'not implemented',
};

/** `applicable · implemented`, `excluded`, `no SoA entry`, `applicable · no status`. */
export function controlDescription(row: SoaRowResult): string {
  if (isInvalid(row)) return 'invalid id';
  if (!row.declared) return 'no SoA entry';
  if (row.applicable === 'no') return 'excluded';
  if (row.applicable !== 'yes') return 'no decision';
  return `applicable · ${row.status === undefined ? 'no status' : (STATUS_TEXT[row.status] ?? row.status)}`;
}

/**
 * implemented: pass; partial: half-way circle; planned: clock; not
 * implemented: error; excluded: circle-slash; no SoA entry: question; an
 * entry without decision or status: warning. An entry with an error is an
 * error whatever it says, and an implemented one with a warning (a `TODO`
 * justification, a verification dated in the future) is a warning: the
 * checker's findings, not the status alone, decide what is green.
 */
export function controlIcon(row: SoaRowResult): IconSpec {
  if (isInvalid(row) || row.findings.errors > 0) return ERROR;
  const icon = decisionIcon(row);
  return icon === PASS && row.findings.warnings > 0 ? WARNING : icon;
}

function decisionIcon(row: SoaRowResult): IconSpec {
  if (!row.declared) return { id: 'question', color: COLOR.warning };
  if (row.applicable === 'no') return { id: 'circle-slash', color: COLOR.muted };
  if (row.applicable !== 'yes') return WARNING;
  switch (row.status) {
    case 'implemented':
      return PASS;
    case 'partial':
      return { id: 'circle-large-outline', color: COLOR.partial };
    case 'planned':
      return { id: 'clock', color: COLOR.planned };
    case 'not-implemented':
      return ERROR;
    default:
      return WARNING;
  }
}

/** A Markdown tooltip: the decision, its justification, implementation, users and the ISO/IEC 27002 attributes. */
export function controlTooltip(row: SoaRowResult): string {
  const header = `**${escapeMarkdown(controlLabel(row))}**`;
  if (isInvalid(row)) {
    return `${header}\n\nInvalid id: ${escapeMarkdown(row.error ?? 'not an Annex A control of ISO/IEC 27001:2022')}. It is not counted among the 93 controls of the SoA.`;
  }
  if (!row.declared) {
    return `${header}\n\nNo entry in the Statement of Applicability (6.1.3 d). The quick fix of the ${code('soa-incomplete')} finding adds every missing control.${attributeLines(row)}`;
  }
  const text = (value: string | undefined) => (value === undefined ? undefined : escapeMarkdown(value));
  const links = (values: SoaRowResult['risks']) => (values.length > 0 ? values.map((link) => code(link.id)).join(', ') : undefined);
  const details = facts([
    ['Decision', row.applicable === 'yes' ? 'applicable' : row.applicable === 'no' ? 'excluded' : undefined],
    ['Justification', text(row.reason)],
    ['Status', text(row.status === undefined ? undefined : (STATUS_TEXT[row.status] ?? row.status))],
    ['Owner', row.owner === undefined ? undefined : code(row.owner)],
    ['Due', text(row.due)],
    ['Evidence', row.evidence.length > 0 ? row.evidence.map(escapeMarkdown).join('; ') : undefined],
    ['Risks', links(row.risks)],
    ['Interested parties', links(row.parties)],
    ['Findings', entryFindings(row)],
  ]);
  return `${header}\n\n${details}${attributeLines(row)}`;
}

/** `1 error · 2 warnings (see the Problems panel)`, or nothing for a clean entry. */
function entryFindings(row: SoaRowResult): string | undefined {
  const { errors, warnings } = row.findings;
  if (errors === 0 && warnings === 0) return undefined;
  const counts = [errors > 0 ? plural(errors, 'error') : '', warnings > 0 ? plural(warnings, 'warning') : ''].filter(Boolean).join(' · ');
  return `${counts} in this entry (see the Problems panel)`;
}

function attributeLines(row: SoaRowResult): string {
  if (!row.attributes) return '';
  const lines = Object.entries(row.attributes)
    .filter(([, values]) => values.length > 0)
    .map(([key, values]) => `${attributeKindLabel(key)}: ${values.map((value) => escapeMarkdown(formatAttributeValue(value))).join(', ')}`);
  return lines.length > 0 ? `\n\n---\n\n*ISO/IEC 27002:2022 attributes*  \n${lines.join('  \n')}` : '';
}
