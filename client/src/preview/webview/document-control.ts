/**
 * The SoA under control in the preview (LANGUAGE.md §7.6): the
 * draft banner while the workspace has errors, the `soa` statement's version,
 * approvers and approval date, and the risks a heat map cannot show in a cell
 * (issue 11 item 5). Pure: no DOM, no `vscode`; the texts match the exports'.
 */
import type { RiskRegisterResult, SoaTableResult } from '../messages';

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}

/** `Draft: 3 errors in the ISMS — not for release until isms check passes`, or undefined without errors. */
export function draftBannerText(soa: SoaTableResult | null | undefined): string | undefined {
  const errors = count(soa?.errors);
  if (errors === 0) return undefined;
  return `Draft: ${errors} ${errors === 1 ? 'error' : 'errors'} in the ISMS — not for release until isms check passes`;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** `SoA version 2026.1 · approved by ceo, cfo on 2026-02-01 · owner ciso`, or what is missing. */
export function documentControlLine(soa: SoaTableResult | null | undefined): string | undefined {
  if (!soa) return undefined;
  const doc = soa.statement;
  if (!doc) return 'No soa statement: the version, approvers and approval date of this SoA are not recorded.';
  const approvers = Array.isArray(doc.approvedBy) ? doc.approvedBy.filter((a): a is string => typeof a === 'string') : [];
  const approved = text(doc.approved);
  const approval = approvers.length > 0 ? `approved by ${approvers.join(', ')}${approved ? ` on ${approved}` : ''}` : approved ? `approved on ${approved}` : 'not approved';
  const owner = text(doc.owner);
  return [`SoA version ${text(doc.version) ?? '—'}`, approval, ...(owner ? [`owner ${owner}`] : [])].join(' · ');
}

export type FlaggedGroupId = 'residual-above-inherent' | 'above-criteria';

export interface FlaggedGroup {
  readonly id: FlaggedGroupId;
  readonly label: string;
  readonly risks: readonly RiskRegisterResult['risks'][number][];
}

export const FLAGGED_LABELS: Readonly<Record<FlaggedGroupId, string>> = Object.freeze({
  'residual-above-inherent': 'Residual rated above inherent',
  'above-criteria': 'Accepted above the criteria without top management',
});

/** The non-empty groups of risks whose record needs a decision before the heat maps can be trusted. */
export function flaggedGroups(risks: RiskRegisterResult | null | undefined): FlaggedGroup[] {
  const all = Array.isArray(risks?.risks) ? risks!.risks : [];
  const groups: FlaggedGroup[] = [
    { id: 'residual-above-inherent', label: FLAGGED_LABELS['residual-above-inherent'], risks: all.filter((r) => r.residualAboveInherent === true) },
    { id: 'above-criteria', label: FLAGGED_LABELS['above-criteria'], risks: all.filter((r) => r.acceptedAboveCriteria === true) },
  ];
  return groups.filter((group) => group.risks.length > 0);
}

/** The preview's SoA table cells for a control's implementation and due date. */
export function implementationText(row: SoaTableResult['rows'][number]): string {
  return text(row.implementation)?.replace(/\s+/g, ' ').trim() ?? '';
}

export function dueText(row: SoaTableResult['rows'][number]): string {
  return text(row.due) ?? '';
}
