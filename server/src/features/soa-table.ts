/**
 * The Statement of Applicability as plain data (6.1.3 d): every Annex A
 * control in catalogue order, then the custom controls, each with its
 * decision, justification, status, owner, evidence and the risks and parties
 * that drive it. Exports, the preview and the tree view render this.
 */
import { ANNEX_A_CONTROLS, ANNEX_A_IDS, THEMES, annexControl, type Theme } from '../catalogue/annex-a';
import type { Diagnostic, Location } from '../analysis/diagnostic';
import { entityTitle, fieldText, fieldTexts, type Entity } from '../analysis/model';
import type { WorkspaceIndex } from '../analysis/workspace-index';
import { annexIdProblem } from '../analysis/rules/annex-ids';

/**
 * An Annex A theme; `custom` for the organization's own controls; `invalid`
 * for an id of Annex A shape that is no 2022 control (`A.9.99`, the 2013 id
 * `A.12.3.1`): never a custom control, never counted among the 93.
 */
export type SoaTheme = Theme | 'custom' | 'invalid';

export const INVALID_THEME_TITLE = 'Invalid Annex A ids';

export interface EntityLink {
  readonly id: string;
  readonly title: string;
}

export interface SoaRow {
  readonly id: string;
  readonly title: string;
  /** The Annex A theme, `custom` for the organization's own controls, `invalid` for an id that is neither. */
  readonly theme: SoaTheme;
  /** For an `invalid` row: what is wrong with the id (the message of its finding). */
  readonly error: string | undefined;
  /** Whether the SoA has an entry for the control. */
  readonly declared: boolean;
  readonly applicable: 'yes' | 'no' | undefined;
  readonly reason: string | undefined;
  readonly status: string | undefined;
  readonly owner: string | undefined;
  readonly evidence: readonly string[];
  readonly due: string | undefined;
  /** How the control is implemented (v2 `implementation`; `reason` stays the justification). */
  readonly implementation: string | undefined;
  /** The last check of its effectiveness (v2 `verified`). */
  readonly verified: string | undefined;
  /** Risks whose `controls` name it. */
  readonly risks: readonly EntityLink[];
  /** Parties whose `addressed-by` names it. */
  readonly parties: readonly EntityLink[];
  /** ISO/IEC 27002 attributes (Annex A controls only), by attribute kind. */
  readonly attributes: Readonly<Record<string, readonly string[]>> | undefined;
  /** Where the entry is written. */
  readonly location: Location | undefined;
  /** The findings inside the entry, by severity: a faulted entry is never shown as passing. */
  readonly findings: EntryFindings;
}

export interface EntryFindings {
  readonly errors: number;
  readonly warnings: number;
}

const NO_FINDINGS: EntryFindings = Object.freeze({ errors: 0, warnings: 0 });

export interface ThemeSummary {
  readonly theme: SoaTheme;
  readonly title: string;
  readonly total: number;
  readonly declared: number;
  readonly applicable: number;
  readonly excluded: number;
  readonly implemented: number;
}

/** The `soa` statement (LANGUAGE.md §7.1): the SoA as a controlled document (6.1.3 d, 7.5.2). */
export interface SoaDocument {
  readonly version: string | undefined;
  readonly approvedBy: readonly string[];
  readonly approved: string | undefined;
  readonly owner: string | undefined;
  readonly classification: string | undefined;
}

export interface SoaTable {
  readonly organization: string | undefined;
  readonly asOf: string;
  readonly rows: readonly SoaRow[];
  readonly themes: readonly ThemeSummary[];
  /** The `soa` statement, when the ISMS has one. */
  readonly statement: SoaDocument | undefined;
  /** Errors in the workspace: while there are any, every view and export of the SoA is a draft (§7.6). */
  readonly errors: number;
}

/**
 * `diagnostics`: the workspace's findings. Their errors make the SoA a draft
 * (LANGUAGE.md §7.6); those inside a control's entry are counted on its row.
 */
export function soaTable(index: WorkspaceIndex, asOf: string, diagnostics: readonly Diagnostic[] = []): SoaTable {
  let errors = 0;
  const byFile = new Map<string, Diagnostic[]>();
  for (const diagnostic of diagnostics) {
    if (diagnostic.severity === 'error') errors++;
    let list = byFile.get(diagnostic.file);
    if (!list) byFile.set(diagnostic.file, (list = []));
    list.push(diagnostic);
  }
  const row = (id: string, title: string, theme: SoaTheme, entry: Entity | undefined): SoaRow =>
    rowOf(index, id, title, theme, entry, entry ? findingsIn(entry, byFile.get(entry.file)) : NO_FINDINGS);
  const rows: SoaRow[] = [];
  for (const control of ANNEX_A_CONTROLS) {
    const entry = index.declarations(control.id).find((entity) => entity.kind === 'control');
    rows.push(row(control.id, control.title, control.theme, entry));
  }
  const others = index
    .ofKind('control')
    .filter((entity) => entity.id && !annexControl(entity.id.image))
    .sort((a, b) => (a.id!.image < b.id!.image ? -1 : a.id!.image > b.id!.image ? 1 : 0));
  const invalid: SoaRow[] = [];
  for (const entity of others) {
    const id = entity.id!.image;
    const problem = annexIdProblem(id);
    if (problem) invalid.push({ ...row(id, entityTitle(entity) ?? '', 'invalid', entity), error: problem.message });
    else rows.push(row(id, entityTitle(entity) ?? '', 'custom', entity));
  }
  rows.push(...invalid);
  const organization = index.first('organization');
  return { organization: organization ? entityTitle(organization) : undefined, asOf, rows, themes: summarize(rows), statement: soaDocument(index), errors };
}

function soaDocument(index: WorkspaceIndex): SoaDocument | undefined {
  const soa = index.first('soa');
  if (!soa) return undefined;
  return {
    version: fieldText(soa, 'version'),
    approvedBy: fieldTexts(soa, 'approved-by'),
    approved: fieldText(soa, 'approved'),
    owner: fieldText(soa, 'owner'),
    classification: fieldText(soa, 'classification'),
  };
}

/** The findings of a file that lie inside the entry's statement. */
function findingsIn(entry: Entity, diagnostics: readonly Diagnostic[] | undefined): EntryFindings {
  if (!diagnostics) return NO_FINDINGS;
  let errors = 0;
  let warnings = 0;
  const { start, end } = entry.statement;
  for (const diagnostic of diagnostics) {
    if (diagnostic.start < start || diagnostic.end > end) continue;
    if (diagnostic.severity === 'error') errors++;
    else if (diagnostic.severity === 'warning') warnings++;
  }
  return errors === 0 && warnings === 0 ? NO_FINDINGS : { errors, warnings };
}

function rowOf(index: WorkspaceIndex, id: string, title: string, theme: SoaTheme, entry: Entity | undefined, findings: EntryFindings): SoaRow {
  const users = (kind: 'risk' | 'party'): EntityLink[] => {
    const seen = new Set<string>();
    const links: EntityLink[] = [];
    for (const reference of index.referencesTo(id)) {
      const user = reference.entity;
      if (user.kind !== kind || !user.id || seen.has(user.id.image)) continue;
      seen.add(user.id.image);
      links.push({ id: user.id.image, title: entityTitle(user) ?? '' });
    }
    return links;
  };
  const annex = annexControl(id);
  const applicable = entry ? fieldText(entry, 'applicable') : undefined;
  return {
    id,
    title,
    theme,
    error: undefined,
    declared: entry !== undefined,
    applicable: applicable === 'yes' || applicable === 'no' ? applicable : undefined,
    reason: entry ? fieldText(entry, 'reason') : undefined,
    status: entry ? fieldText(entry, 'status') : undefined,
    owner: entry ? fieldText(entry, 'owner') : undefined,
    evidence: entry ? fieldTexts(entry, 'evidence') : [],
    due: entry ? fieldText(entry, 'due') : undefined,
    implementation: entry ? fieldText(entry, 'implementation') : undefined,
    verified: entry ? fieldText(entry, 'verified') : undefined,
    risks: users('risk'),
    parties: users('party'),
    attributes: annex
      ? {
          controlType: annex.controlType,
          securityProperties: annex.securityProperties,
          cybersecurityConcepts: annex.cybersecurityConcepts,
          operationalCapabilities: annex.operationalCapabilities,
          securityDomains: annex.securityDomains,
        }
      : undefined,
    location: entry ? { file: entry.file, start: entry.statement.start, end: entry.headEnd } : undefined,
    findings,
  };
}

function summarize(rows: readonly SoaRow[]): ThemeSummary[] {
  const themes: { theme: SoaTheme; title: string }[] = [
    ...THEMES.map((t) => ({ theme: t.id, title: t.title })),
    { theme: 'custom', title: 'Custom controls' },
    { theme: 'invalid', title: INVALID_THEME_TITLE },
  ];
  return themes
    .map(({ theme, title }) => {
      // Invalid ids are no controls: they are listed, never counted as applicable or implemented.
      const ofTheme = rows.filter((r) => r.theme === theme);
      if (theme === 'invalid') return { theme, title, total: ofTheme.length, declared: 0, applicable: 0, excluded: 0, implemented: 0 };
      return {
        theme,
        title,
        total: ofTheme.length,
        declared: ofTheme.filter((r) => r.declared).length,
        applicable: ofTheme.filter((r) => r.applicable === 'yes').length,
        excluded: ofTheme.filter((r) => r.applicable === 'no').length,
        implemented: ofTheme.filter((r) => r.applicable === 'yes' && r.status === 'implemented').length,
      };
    })
    .filter((summary) => (summary.theme !== 'custom' && summary.theme !== 'invalid') || summary.total > 0);
}

/** SoA coverage: how many Annex A controls have an entry (of {@link ANNEX_A_IDS}' 93). */
export function soaCoverage(index: WorkspaceIndex): number {
  let declared = 0;
  for (const id of ANNEX_A_IDS) if (index.declarations(id).some((entity) => entity.kind === 'control')) declared++;
  return declared;
}
