/**
 * The Clauses view as plain data (pure, no `vscode`): clauses 4–10 and their
 * sub-clauses 4.1–10.2 with their readiness (LANGUAGE.md §7.5: fail, warn,
 * pass, unverified) and the findings under each, as the server computed them.
 * An unverified clause is never shown as passing: it lists what the ISMS
 * records for it and what an auditor will ask.
 */
import type { ClauseStatusResult, FindingResult } from '../../../server/src/protocol/custom-requests';
import { ERROR, INFO, PASS, UNVERIFIED, WARNING, plural, type IconSpec } from './icons';
import { code, escapeMarkdown } from './markdown';

export type ClauseRow = ClauseStatusResult['clauses'][number];
export type ClauseState = ClauseRow['status'];

export function clauseLabel(clause: ClauseRow): string {
  return `${clause.clause} ${clause.title}`;
}

/** The sub-clauses of a clause, in document order. */
export function subClauses(clause: ClauseRow, all: readonly ClauseRow[]): ClauseRow[] {
  return all.filter((c) => c.parent === clause.clause);
}

/** The clauses without sub-clauses (4.1, …, 6.1.3, …, 10.2): those whose state is established directly. */
export function leafClauses(all: readonly ClauseRow[]): ClauseRow[] {
  const parents = new Set(all.map((c) => c.parent));
  return all.filter((c) => !parents.has(c.clause));
}

function descendantLeaves(clause: ClauseRow, all: readonly ClauseRow[]): ClauseRow[] {
  const subs = subClauses(clause, all);
  return subs.length === 0 ? [clause] : subs.flatMap((sub) => descendantLeaves(sub, all));
}

/**
 * `3 findings` (of the clause and its sub-clauses), `no findings`, and for
 * what nothing checks `unverified` (a clause) or `2 unverified` (a parent).
 */
export function clauseDescription(clause: ClauseRow, all: readonly ClauseRow[] = [clause]): string {
  const findings = plural(clause.errors + clause.warnings, 'finding');
  const leaves = subClauses(clause, all).length > 0 ? descendantLeaves(clause, all) : [clause];
  const unverified = leaves.filter((c) => c.status === 'unverified').length;
  if (unverified === 0) return findings;
  if (leaves.length === 1 && leaves[0] === clause) return clause.errors + clause.warnings > 0 ? `${findings} · unverified` : 'unverified';
  return `${findings} · ${unverified} unverified`;
}

export function clauseIcon(status: ClauseState): IconSpec {
  return status === 'fail' ? ERROR : status === 'warn' ? WARNING : status === 'unverified' ? UNVERIFIED : PASS;
}

/** `6 policies, 23 risks`, or `nothing recorded`. */
export function recordsText(clause: ClauseRow): string {
  const present = clause.records.filter((r) => r.count > 0).map((r) => `${r.count} ${r.count === 1 ? r.one : r.label}`);
  return present.length > 0 ? present.join(', ') : 'nothing recorded';
}

const VERDICT: Record<ClauseState, string> = {
  fail: 'Fails',
  warn: 'Passes with warnings',
  pass: 'Passes',
  unverified: 'Unverified: no check can establish this clause',
};

export function clauseTooltip(clause: ClauseRow, all: readonly ClauseRow[] = [clause]): string {
  const errors = clause.errors;
  const warnings = clause.warnings;
  const counts = [plural(errors, 'error'), plural(warnings, 'warning')].join(', ');
  const subs = subClauses(clause, all);
  const unverified = subs.length > 0 ? descendantLeaves(clause, all).filter((c) => c.status === 'unverified').length : 0;
  const verdict =
    subs.length > 0 && clause.status === 'unverified'
      ? `Not established: ${unverified} of its sub-clauses ${unverified === 1 ? 'is' : 'are'} unverified`
      : VERDICT[clause.status];
  const lines = [`**Clause ${escapeMarkdown(clause.clause)} ${escapeMarkdown(clause.title)}**`, '', `${verdict}: ${counts}.`];
  if (clause.checks.length > 0) lines.push('', `Checked by ${clause.checks.map(code).join(', ')}.`);
  if (clause.records.length > 0) lines.push('', `The ISMS records: ${escapeMarkdown(recordsText(clause))}.`);
  if (clause.asks.length > 0) lines.push('', 'An auditor will ask:', '', ...clause.asks.map((ask) => `- ${escapeMarkdown(ask)}`));
  return lines.join('\n');
}

/** The rows an unverified clause shows under it: what the ISMS records, then each question of the auditor. */
export function unverifiedRows(clause: ClauseRow, all: readonly ClauseRow[] = [clause]): { readonly kind: 'records' | 'ask'; readonly label: string }[] {
  if (clause.status !== 'unverified' || subClauses(clause, all).length > 0) return [];
  return [{ kind: 'records', label: `Records: ${recordsText(clause)}` }, ...clause.asks.map((ask) => ({ kind: 'ask' as const, label: `Auditor asks: ${ask}` }))];
}

const SEVERITY_ORDER: Record<FindingResult['severity'], number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then warnings, then the rest; the server's order (file, position) within each. */
export function sortFindings(findings: readonly FindingResult[]): FindingResult[] {
  return findings
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => SEVERITY_ORDER[a.finding.severity] - SEVERITY_ORDER[b.finding.severity] || a.index - b.index)
    .map(({ finding }) => finding);
}

export function findingIcon(severity: FindingResult['severity']): IconSpec {
  return severity === 'error' ? ERROR : severity === 'warning' ? WARNING : INFO;
}

export function findingTooltip(finding: FindingResult): string {
  const where = finding.location ? `\n\n${escapeMarkdown(fileName(finding.location.uri))}, line ${finding.location.range.start.line + 1}` : '';
  const clause = finding.clause ? ` · ISO/IEC 27001:2022 ${escapeMarkdown(finding.clause)}` : '';
  const suppressed = finding.suppressed !== undefined ? `\n\nSuppressed by \`isms-ignore\`: ${escapeMarkdown(finding.suppressed)}. The reason explains the error to an auditor; it does not meet the clause.` : '';
  return `${escapeMarkdown(finding.message)}\n\n${finding.severity} ${code(finding.code)}${clause}${where}${suppressed}`;
}

/** For a folder node, over the clauses without sub-clauses: `1 failing · 2 with warnings · 14 unverified · 13 passing`. */
export function clausesSummary(clauses: readonly ClauseRow[]): string {
  const leaves = leafClauses(clauses);
  const count = (state: ClauseState) => leaves.filter((c) => c.status === state).length;
  const fail = count('fail');
  const warn = count('warn');
  const unverified = count('unverified');
  const pass = count('pass');
  return [fail > 0 ? `${fail} failing` : '', warn > 0 ? `${warn} with warnings` : '', unverified > 0 ? `${unverified} unverified` : '', pass > 0 ? `${pass} passing` : '']
    .filter(Boolean)
    .join(' · ');
}

/** The last segment of a URI, decoded: `file:///a/b%20c.isms` → `b c.isms`. */
export function fileName(uri: string): string {
  const last = uri.replace(/[?#].*$/, '').split('/').pop() ?? uri;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
