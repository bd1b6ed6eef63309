/**
 * Wording shared by the exports, so that Markdown, HTML, CSV and XLSX say the
 * same thing in the same words.
 */
import { THEMES } from '../../catalogue/annex-a';
import type { RiskRow } from '../risk-register';
import { INVALID_THEME_TITLE, type SoaRow, type SoaTable, type ThemeSummary } from '../soa-table';

/** Shown in the Applicable column of an Annex A control that has no `control` entry. */
export const NO_SOA_ENTRY = '— (no SoA entry)';

/** Shown where a value is unknown (no score, no acceptance criteria, …). */
export const NONE = '—';

/**
 * The draft banner (LANGUAGE.md §7.6): `DRAFT: 3 errors in the ISMS — not
 * for release until isms check passes`, or undefined when there is no error.
 */
export function draftBanner(soa: Pick<SoaTable, 'errors'>): string | undefined {
  if (soa.errors <= 0) return undefined;
  return `DRAFT: ${soa.errors} ${soa.errors === 1 ? 'error' : 'errors'} in the ISMS — not for release until isms check passes`;
}

/**
 * The SoA as a controlled document (§7.6): `Version 2026.1 · approved by ceo,
 * cfo on 2026-02-01 · owner ciso`; without a `soa` statement, a sentence
 * saying that nothing is recorded.
 */
export function documentControlText(soa: Pick<SoaTable, 'statement'>): string {
  const doc = soa.statement;
  if (!doc) return 'No soa statement: the version, approvers and approval date of this SoA are not recorded.';
  const approval = doc.approvedBy.length > 0 ? `approved by ${doc.approvedBy.join(', ')}${doc.approved ? ` on ${doc.approved}` : ''}` : doc.approved ? `approved on ${doc.approved}` : 'not approved';
  return [`Version ${doc.version ?? '—'}`, approval, ...(doc.owner ? [`owner ${doc.owner}`] : []), ...(doc.classification ? [`classification ${doc.classification}`] : [])].join(' · ');
}

/** The report title: `Statement of Applicability — <organization>`. */
export function reportTitle(soa: SoaTable): string {
  return soa.organization ? `Statement of Applicability — ${soa.organization}` : 'Statement of Applicability';
}

/** The theme's title with its Annex A clause: `Organizational controls (A.5)`. */
export function themeLabel(summary: Pick<ThemeSummary, 'theme' | 'title'>): string {
  const info = THEMES.find((t) => t.id === summary.theme);
  return info ? `${summary.title} (A.${info.clause})` : summary.title;
}

/** Shown in the Applicable column of a `control` whose id is of Annex A shape but no 2022 control. */
export const INVALID_ID = 'invalid id';

/** The title of a row's theme: `Organizational controls`, `Custom controls`, `Invalid Annex A ids`. */
export function themeTitle(row: SoaRow): string {
  if (row.theme === 'invalid') return INVALID_THEME_TITLE;
  return THEMES.find((t) => t.id === row.theme)?.title ?? 'Custom controls';
}

/** `yes`, `no`, {@link NO_SOA_ENTRY} for an undeclared control, {@link INVALID_ID}, or '' when the entry lacks the field. */
export function applicableText(row: SoaRow): string {
  if (row.theme === 'invalid') return INVALID_ID;
  if (!row.declared) return NO_SOA_ENTRY;
  return row.applicable ?? '';
}

/** `Risks: R-1, R-2; Parties: P-1`, or '' when nothing refers to the control. */
export function driversText(row: SoaRow): string {
  const parts: string[] = [];
  if (row.risks.length > 0) parts.push(`Risks: ${row.risks.map((r) => r.id).join(', ')}`);
  if (row.parties.length > 0) parts.push(`Parties: ${row.parties.map((p) => p.id).join(', ')}`);
  return parts.join('; ');
}

/** The justification's pieces: the error of an invalid id, the written reason, then the risks and parties that drive the control. */
export function justificationParts(row: SoaRow): string[] {
  return [row.error ? `Error: ${row.error}` : '', row.reason ?? '', driversText(row)].filter((part) => part !== '');
}

/** The reason column of CSV and XLSX: the error of an invalid id first. */
export function reasonText(row: SoaRow): string | undefined {
  if (!row.error) return row.reason;
  return row.reason ? `Error: ${row.error}. ${row.reason}` : `Error: ${row.error}`;
}

/** Totals over the Annex A and custom themes: invalid ids are no controls. */
export function totalSummary(soa: SoaTable): ThemeSummary {
  const sum = (key: 'total' | 'declared' | 'applicable' | 'excluded' | 'implemented'): number =>
    soa.themes.reduce((n, t) => (t.theme === 'invalid' ? n : n + t[key]), 0);
  return {
    theme: 'custom',
    title: 'Total',
    total: sum('total'),
    declared: sum('declared'),
    applicable: sum('applicable'),
    excluded: sum('excluded'),
    implemented: sum('implemented'),
  };
}

/** `4×5=20`, or {@link NONE} when the rating is incomplete. */
export function scoreText(likelihood: number | undefined, impact: number | undefined, score: number | undefined): string {
  if (likelihood === undefined || impact === undefined || score === undefined) return NONE;
  return `${likelihood}×${impact}=${score}`;
}

export function inherentText(risk: RiskRow): string {
  return scoreText(risk.likelihood, risk.impact, risk.inherent);
}

export function residualText(risk: RiskRow): string {
  return scoreText(risk.residualLikelihood, risk.residualImpact, risk.residual);
}

/** `yes`, `no`, or {@link NONE} when there is no score or no acceptance level. */
export function acceptableText(acceptable: boolean | undefined): string {
  return acceptable === undefined ? NONE : acceptable ? 'yes' : 'no';
}

/** The sentence that explains scoring, when the criteria give an acceptance level. */
export function scoringNote(acceptance: number | undefined): string {
  return acceptance === undefined
    ? 'Score = likelihood × impact. The risk criteria set no acceptance level.'
    : `Score = likelihood × impact; scores at or below ${acceptance} are acceptable.`;
}

/** Yes / no / nothing, for a fact that may be unknown. */
export function yesNo(value: boolean | undefined): string | undefined {
  return value === undefined ? undefined : value ? 'yes' : 'no';
}

/**
 * Whether accepting the risk needed top management (§7.4
 * acceptance-above-criteria): `yes (accepted by top management)`, `yes — not
 * accepted by top management`, `no`, or {@link NONE} when unknown.
 */
export function needsTopManagementText(risk: RiskRow): string {
  if (risk.acceptanceNeedsTopManagement === undefined) return NONE;
  if (!risk.acceptanceNeedsTopManagement) return 'no';
  if (risk.acceptors.length === 0) return 'yes';
  return risk.acceptedByTopManagement ? 'yes (accepted by top management)' : 'yes — not accepted by top management';
}

/**
 * One control as the cells of an SoA table (CSV and XLSX share the columns):
 * the one SoA row builder. Evidence items are joined by `evidenceSeparator`
 * (`; ` on a CSV line, a line break in a spreadsheet cell).
 */
export function soaRowCells(row: SoaRow, evidenceSeparator: string): (string | number | undefined)[] {
  return [
    row.id,
    themeTitle(row),
    row.title,
    applicableText(row),
    reasonText(row),
    row.risks.map((r) => r.id).join(', '),
    row.parties.map((p) => p.id).join(', '),
    row.status,
    row.owner,
    row.evidence.join(evidenceSeparator),
    row.due,
    row.implementation,
    row.verified,
  ];
}

/** One risk as the cells of a risk-register table (CSV and XLSX share the columns). */
export function riskRegisterCells(risk: RiskRow): (string | number | undefined)[] {
  return [
    risk.id,
    risk.title,
    risk.owner,
    risk.assets.join(', '),
    risk.threat,
    risk.vulnerability,
    risk.likelihood,
    risk.impact,
    risk.inherent,
    yesNo(risk.inherentAcceptable),
    risk.treatment,
    risk.controls.join(', '),
    risk.residualLikelihood,
    risk.residualImpact,
    risk.residual,
    yesNo(risk.residualAcceptable),
    risk.acceptedBy,
    risk.assessed,
    risk.affects.join(', '),
    risk.acceptanceNeedsTopManagement === undefined ? undefined : needsTopManagementText(risk),
  ];
}
