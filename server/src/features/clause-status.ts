/**
 * Clause readiness (LANGUAGE.md §7.5): every clause and sub-clause 4–10.2 of
 * ISO/IEC 27001:2022 with its state, computed from the schema's clause →
 * checks table (schema/clause-readiness.ts) and the diagnostics:
 *
 * - `fail`: an error under the clause;
 * - `warn`: only warnings (notes do not count);
 * - `pass`: it has checks the checker knows, and none fired;
 * - `unverified`: no check can establish it: the status lists what the ISMS
 *   records for it and what an auditor will ask. Never shown as passing.
 *
 * The language service passes what an auditor would find
 * (WorkspaceAnalysis.findings): the findings at their standard severities,
 * suppressed errors included. A severity configured in the editor changes
 * how a finding is shown, and a suppression explains an error, but neither
 * meets the clause.
 *
 * A finding counts for the clauses whose checks list its code; a finding of
 * a code that carries the clause of the kind it stands in (`missing-field`,
 * `invalid-value`, …) counts for that clause, and one about an Annex A
 * control for 6.1.3. A clause with sub-clauses (6.1, 7.5, 9.2, 9.3, and the
 * main clauses 4–10) takes the worst state of its own findings and its
 * sub-clauses, in the order fail, warn, unverified, pass.
 *
 * Plain data for the editor's Clauses view and `isms status`.
 */
import type { WorkspaceAnalysis } from '../analysis/analyse';
import { derivation, derived } from '../analysis/derived-data';
import type { Diagnostic } from '../analysis/diagnostic';
import { ALL_CODES, codeInfo } from '../analysis/diagnostic-codes';
import type { WorkspaceIndex } from '../analysis/workspace-index';
import { CLAUSES, clause as clauseById } from '../catalogue/clauses';
import type { EntityKind } from '../schema';
import { clauseReadiness, clausesCheckedBy } from '../schema/clause-readiness';

export type ClauseState = 'fail' | 'warn' | 'pass' | 'unverified';

/** What the ISMS records for a clause: a count of entities of a kind (with a field). */
export interface ClauseRecordCount {
  readonly kind: string;
  readonly field?: string;
  /** Singular and plural names. */
  readonly one: string;
  readonly label: string;
  readonly count: number;
}

export interface ClauseStatus {
  readonly clause: string;
  readonly title: string;
  /** The enclosing clause (`'6.1'` for 6.1.3); absent for the main clauses 4–10. */
  readonly parent?: string;
  /** 0 for a main clause, 1 for `6.1`, 2 for `6.1.3`. */
  readonly depth: number;
  readonly status: ClauseState;
  /** The findings that count for this clause itself (not those of its sub-clauses), sorted as the analysis sorts them. */
  readonly findings: readonly Diagnostic[];
  /** Errors and warnings of the clause and all its sub-clauses. */
  readonly errors: number;
  readonly warnings: number;
  /** The codes the checker knows that establish the clause (empty for parents and unverified clauses). */
  readonly checks: readonly string[];
  /** What the ISMS records for it (empty without an index, and for parents). */
  readonly records: readonly ClauseRecordCount[];
  /** What an auditor will ask. */
  readonly asks: readonly string[];
}

const KNOWN_CODES: ReadonlySet<string> = new Set(ALL_CODES);
const RANK: Record<ClauseState, number> = { pass: 0, unverified: 1, warn: 2, fail: 3 };

/** The clause ids a finding counts for. */
export function clausesOfFinding(diagnostic: Diagnostic): string[] {
  const fromTable = codeInfo(diagnostic.code).clause === 'context' ? [] : clausesCheckedBy(diagnostic.code);
  if (fromTable.length > 0) return [...fromTable];
  return diagnostic.clause === null ? [] : clausesOfReference(diagnostic.clause);
}

/**
 * The catalogue clauses a clause reference names: `'6.1.3 e, 8.3'` → 6.1.3
 * and 8.3; `'5.2 b'` → 5.2; `'4.1 (Amd 1:2024)'` → 4.1; `'A.5.20'` → 6.1.3;
 * `'5.3, 7.2'` → 5.3 (the first for a kind's clauses). An unknown
 * sub-clause falls back to its parent (`'7.5.9'` → 7.5).
 */
export function clausesOfReference(reference: string): string[] {
  const result: string[] = [];
  for (const part of reference.split(',')) {
    const text = part.trim();
    let id: string | undefined;
    if (/^A\.\d/.test(text)) id = '6.1.3';
    else {
      const match = /^\d+(?:\.\d+)*/.exec(text);
      if (!match) continue;
      id = match[0];
      while (id.includes('.') && !clauseById(id)) id = id.slice(0, id.lastIndexOf('.'));
      if (!clauseById(id)) continue;
    }
    if (!result.includes(id)) result.push(id);
  }
  return result;
}

function countRecords(index: WorkspaceIndex | undefined, records: NonNullable<ReturnType<typeof clauseReadiness>>['records']): ClauseRecordCount[] {
  if (!index) return [];
  return records.map((record) => {
    const entities = index.ofKind(record.kind as EntityKind);
    const count = record.field === undefined ? entities.length : entities.filter((entity) => entity.fields.some((field) => field.name === record.field)).length;
    return { ...record, count };
  });
}

/**
 * Every clause 4–10.2 in document order, main clauses included, with its
 * state. `index` (the analysed workspace) gives the record counts.
 */
export function clauseStatus(diagnostics: readonly Diagnostic[], index?: WorkspaceIndex): ClauseStatus[] {
  const own = new Map<string, Diagnostic[]>();
  for (const diagnostic of diagnostics) {
    for (const id of clausesOfFinding(diagnostic)) {
      const list = own.get(id);
      if (list) list.push(diagnostic);
      else own.set(id, [diagnostic]);
    }
  }
  const clauses = CLAUSES.filter((c) => Number(c.id.split('.')[0]) >= 4 && Number(c.id.split('.')[0]) <= 10);
  const children = new Map<string, string[]>();
  for (const c of clauses) if (c.parent !== undefined) children.set(c.parent, [...(children.get(c.parent) ?? []), c.id]);

  const done = new Map<string, ClauseStatus>();
  const compute = (id: string): ClauseStatus => {
    const existing = done.get(id);
    if (existing) return existing;
    const c = clauseById(id)!;
    const findings = own.get(id) ?? [];
    const subs = (children.get(id) ?? []).map(compute);
    const readiness = clauseReadiness(id);
    const checks = (readiness?.checks ?? []).filter((code) => KNOWN_CODES.has(code));
    const ownErrors = findings.filter((d) => d.severity === 'error').length;
    const ownWarnings = findings.filter((d) => d.severity === 'warning').length;
    let status: ClauseState;
    if (ownErrors > 0) status = 'fail';
    else if (ownWarnings > 0) status = 'warn';
    else if (subs.length > 0) status = 'pass';
    else status = checks.length > 0 ? 'pass' : 'unverified';
    for (const sub of subs) if (RANK[sub.status] > RANK[status]) status = sub.status;
    const status_: ClauseStatus = {
      clause: id,
      title: c.title,
      ...(c.parent !== undefined ? { parent: c.parent } : {}),
      depth: id.split('.').length - 1,
      status,
      findings,
      errors: ownErrors + subs.reduce((n, s) => n + s.errors, 0),
      warnings: ownWarnings + subs.reduce((n, s) => n + s.warnings, 0),
      checks,
      records: countRecords(index, readiness?.records ?? []),
      asks: readiness?.asks ?? [],
    };
    done.set(id, status_);
    return status_;
  };
  return clauses.map((c) => compute(c.id));
}

/** Clause readiness of an analysis, judged by what an auditor would find (its `findings`), computed once per analysis. */
const statusByAnalysis = derivation<WorkspaceAnalysis, ClauseStatus[]>('clause-status', (analysis) => clauseStatus(analysis.findings, analysis.index));

/** The clause status of an analysis: the Clauses view, `isms status` and framework coverage share one computation. */
export function analysisClauseStatus(analysis: WorkspaceAnalysis): readonly ClauseStatus[] {
  return derived(statusByAnalysis, analysis);
}
