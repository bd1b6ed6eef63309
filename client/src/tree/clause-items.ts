/**
 * The Clauses view as plain data (pure, no `vscode`): clauses 4–10 with their
 * status and the findings under each, as the server computed them.
 */
import type { ClauseStatusResult, FindingResult } from '../../../server/src/protocol/custom-requests';
import { ERROR, INFO, PASS, WARNING, plural, type IconSpec } from './icons';
import { code, escapeMarkdown } from './markdown';

export type ClauseRow = ClauseStatusResult['clauses'][number];

export function clauseLabel(clause: ClauseRow): string {
  return `${clause.clause} ${clause.title}`;
}

/** The number of findings, e.g. `3 findings`. */
export function clauseDescription(clause: ClauseRow): string {
  return plural(clause.findings.length, 'finding');
}

export function clauseIcon(status: ClauseRow['status']): IconSpec {
  return status === 'fail' ? ERROR : status === 'warn' ? WARNING : PASS;
}

export function clauseTooltip(clause: ClauseRow): string {
  const errors = clause.findings.filter((f) => f.severity === 'error').length;
  const warnings = clause.findings.filter((f) => f.severity === 'warning').length;
  const infos = clause.findings.length - errors - warnings;
  const verdict = clause.status === 'fail' ? 'Fails' : clause.status === 'warn' ? 'Passes with warnings' : 'Passes';
  const counts = [plural(errors, 'error'), plural(warnings, 'warning'), ...(infos > 0 ? [plural(infos, 'note')] : [])].join(', ');
  return `**Clause ${escapeMarkdown(clause.clause)} ${escapeMarkdown(clause.title)}**\n\n${verdict}: ${counts}.`;
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
  return `${escapeMarkdown(finding.message)}\n\n${finding.severity} ${code(finding.code)}${clause}${where}`;
}

/** For a folder node: `1 failing · 2 with warnings · 4 passing`. */
export function clausesSummary(clauses: readonly ClauseRow[]): string {
  const fail = clauses.filter((c) => c.status === 'fail').length;
  const warn = clauses.filter((c) => c.status === 'warn').length;
  const pass = clauses.length - fail - warn;
  return [fail > 0 ? `${fail} failing` : '', warn > 0 ? `${warn} with warnings` : '', pass > 0 ? `${pass} passing` : ''].filter(Boolean).join(' · ');
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
