/**
 * Where the ISMS stands against clauses 4–10 of ISO/IEC 27001:2022: each
 * clause with the findings that fall under it (by the clause they enforce;
 * Annex A findings belong to 6.1.3). Plain data for the editor's Clauses view.
 */
import type { Diagnostic } from '../analysis/diagnostic';
import { CLAUSES, topLevelClause } from '../catalogue/clauses';

export interface ClauseStatus {
  readonly clause: string;
  readonly title: string;
  /** `fail` with an error, `warn` with warnings only, else `pass`. */
  readonly status: 'pass' | 'warn' | 'fail';
  readonly findings: readonly Diagnostic[];
}

export function clauseStatus(diagnostics: readonly Diagnostic[]): ClauseStatus[] {
  const mainClauses = CLAUSES.filter((c) => c.parent === undefined && Number(c.id) >= 4 && Number(c.id) <= 10);
  return mainClauses.map((c) => {
    const findings = diagnostics.filter((d) => d.clause !== null && topLevelClause(d.clause) === c.id);
    const status = findings.some((d) => d.severity === 'error') ? 'fail' : findings.some((d) => d.severity === 'warning') ? 'warn' : 'pass';
    return { clause: c.id, title: c.title, status, findings };
  });
}
