/**
 * The findings of the Statement of Applicability that the SoA preview shows
 * (issue 13: "shows findings of the SoA, a count with links"): those the
 * checker files under ISO/IEC 27001 6.1.3 d), the SoA requirement (missing
 * controls, excluded controls still used, exclusions without a reason,
 * entries without a status, ids that are no 2022 control). From the server's
 * `isms/clauseStatus`; pure, no `vscode`.
 */
import type { ClauseStatusResult, FindingResult } from '../../../server/src/protocol/custom-requests';

/** The clause of the Statement of Applicability, as findings spell it. */
export const SOA_CLAUSE = '6.1.3 d';

const SEVERITY_ORDER: Readonly<Record<FindingResult['severity'], number>> = { error: 0, warning: 1, info: 2 };

/** Is `clause` 6.1.3 d) (or a finer point of it)? */
export function isSoaClause(clause: string | null): boolean {
  return clause !== null && (clause === SOA_CLAUSE || clause.startsWith(`${SOA_CLAUSE} `) || clause.startsWith(`${SOA_CLAUSE})`));
}

/** The SoA's findings: errors first, then warnings and information, each in file and line order. */
export function soaFindings(status: ClauseStatusResult | null | undefined): FindingResult[] {
  if (!status || !Array.isArray(status.clauses)) return [];
  const found: FindingResult[] = status.clauses
    .flatMap((clause): readonly FindingResult[] => (Array.isArray(clause.findings) ? clause.findings : []))
    .filter((finding) => isSoaClause(finding.clause));
  // A finding that counts for a clause and one of its sub-clauses is listed once.
  const seen = new Set<string>();
  const unique = found.filter((finding) => {
    const where = finding.location ? `${finding.location.uri}#${finding.location.range.start.line}:${finding.location.range.start.character}` : '';
    const key = `${finding.code}@${where}@${finding.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (a.location?.uri ?? '').localeCompare(b.location?.uri ?? '') ||
      (a.location?.range.start.line ?? 0) - (b.location?.range.start.line ?? 0) ||
      a.code.localeCompare(b.code),
  );
}
