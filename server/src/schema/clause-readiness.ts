/**
 * Clause readiness (LANGUAGE.md §7.5) as data: for every clause and
 * sub-clause 4.1–10.2 of ISO/IEC 27001:2022, the checks (diagnostic codes)
 * that can establish it, what the ISMS records for it, and what an auditor
 * will ask about it. The Clauses view and `isms status` are computed from
 * this table and the diagnostics (features/clause-status.ts).
 *
 * A check is listed under the most precise clause it enforces: `control-overdue`
 * (6.1.3 e, 8.3) under both 6.1.3 and 8.3, `missing-internal-audit` (9.2)
 * under 9.2.1. Findings about Annex A controls (suppliers, incidents,
 * obligations) count for 6.1.3, whose reference list Annex A is. A code named
 * here that the checker does not know (yet) is ignored; a clause whose checks
 * are all unknown, or which has none, is `unverified`, never `pass`.
 *
 * Codes with no clause (`syntax-error`, `unknown-statement`,
 * `duplicate-singleton`, the suppression codes, `bidi-control-character`) and
 * those whose clause is the one of the kind they stand in (`missing-field`,
 * `invalid-value`, …) are not listed: a finding of the latter counts for the
 * clause it carries.
 */

/** Something the ISMS records for a clause: the entities of a kind, optionally only those with a field. */
export interface ClauseRecord {
  readonly kind: string;
  /** Count only entities that have this field. */
  readonly field?: string;
  /** How to name one of them, e.g. `planned change`. */
  readonly one: string;
  /** How to name them in the plural, e.g. `planned changes`. */
  readonly label: string;
}

export interface ClauseReadiness {
  /** The clause id, as in catalogue/clauses.ts (`'6.1.3'`). */
  readonly clause: string;
  /** The diagnostic codes whose findings can establish the clause; empty: `unverified`. */
  readonly checks: readonly string[];
  /** What the ISMS records for the clause (shown for every clause, needed for the unverified ones). */
  readonly records: readonly ClauseRecord[];
  /** What an auditor will ask about the clause, one question each. */
  readonly asks: readonly string[];
}

function r(clause: string, checks: readonly string[], records: readonly ClauseRecord[], asks: readonly string[]): ClauseReadiness {
  return Object.freeze({ clause, checks: Object.freeze([...checks]), records: Object.freeze([...records]), asks: Object.freeze([...asks]) });
}

function rec(kind: string, one: string, label: string, field?: string): ClauseRecord {
  return field === undefined ? { kind, one, label } : { kind, field, one, label };
}

/** Every clause and sub-clause 4.1–10.2, in document order (parents before their sub-clauses). */
export const CLAUSE_READINESS: readonly ClauseReadiness[] = Object.freeze([
  r(
    '4.1',
    ['missing-context', 'missing-climate-change-decision', 'missing-organization'],
    [rec('issue', 'internal or external issue', 'internal and external issues'), rec('organization', 'organization statement with a climate-change decision', 'organization statements with a climate-change decision', 'climate-change')],
    ['Which internal and external issues affect the ISMS, and how are they kept under review?', 'Is climate change a relevant issue, and why (Amendment 1:2024)?'],
  ),
  r(
    '4.2',
    ['missing-interested-parties', 'obligation-not-addressed'],
    [rec('party', 'interested party', 'interested parties'), rec('obligation', 'legal, regulatory or contractual obligation', 'legal, regulatory and contractual obligations')],
    ['Which interested parties are relevant, what do they require, and which requirements does the ISMS address?'],
  ),
  r('4.3', ['missing-scope'], [rec('scope', 'scope statement', 'scope statements')], ['What are the boundaries of the ISMS, its exclusions and its interfaces with other organizations?']),
  r(
    '4.4',
    [],
    [rec('policy', 'policy', 'policies'), rec('risk', 'risk', 'risks'), rec('control', 'SoA entry', 'SoA entries'), rec('audit', 'internal audit', 'internal audits'), rec('review', 'management review', 'management reviews')],
    [
      'How are the ISMS processes and their interactions established, implemented, maintained and continually improved?',
      'Show the process map: who runs risk assessment, treatment, audit, review and corrective action, and how they feed each other.',
    ],
  ),
  r(
    '5.1',
    ['missing-top-management'],
    [rec('role', 'role that states whether it is top management', 'roles that state whether they are top management', 'top-management')],
    ['How does top management show leadership: resources, direction, communication of the importance of the ISMS, support to other roles?'],
  ),
  r(
    '5.2',
    [
      'missing-policy',
      'approver-not-top-management',
      'policy-incomplete',
      'review-overdue',
      'policy-without-text',
      'missing-information-security-policy',
      'policy-not-communicated',
    ],
    [rec('policy', 'policy', 'policies')],
    ['Is the information security policy approved by top management, communicated, available to interested parties and reviewed?'],
  ),
  r(
    '5.3',
    [],
    [rec('role', 'role with responsibilities', 'roles with responsibilities', 'responsibilities'), rec('role', 'role with a holder', 'roles with a holder', 'holder')],
    [
      'Who is responsible for ensuring that the ISMS conforms to ISO/IEC 27001 (5.3 a)?',
      'Who reports on the performance of the ISMS to top management (5.3 b), and how were these roles communicated?',
    ],
  ),
  r(
    '6.1.1',
    [],
    [rec('risk', 'risk', 'risks'), rec('issue', 'issue', 'issues'), rec('party', 'interested party', 'interested parties')],
    [
      'How were the issues of 4.1 and the requirements of 4.2 considered when determining risks and opportunities?',
      'Which opportunities for improvement were identified, and how are the actions to address them planned and evaluated?',
    ],
  ),
  r(
    '6.1.2',
    ['missing-risk-criteria', 'rating-out-of-scale', 'residual-exceeds-inherent', 'acceptance-out-of-scale', 'missing-risk-assessment'],
    [rec('risk-criteria', 'risk criteria', 'risk criteria'), rec('risk', 'risk', 'risks'), rec('asset', 'asset', 'assets')],
    ['How are risks identified, analysed and evaluated against the criteria, and do repeated assessments give consistent, valid and comparable results?'],
  ),
  r(
    '6.1.3',
    [
      'risk-untreated',
      'residual-risk-not-accepted',
      'acceptor-not-owner',
      'excluded-control-used',
      'control-missing-justification',
      'control-missing-status',
      'soa-incomplete',
      'unknown-annex-control',
      'legacy-annex-control',
      'acceptance-above-criteria',
      'control-without-due',
      'control-overdue',
      'contradictory-control',
      'soa-not-approved',
      'exclusion-contradicted',
      'supplier-without-agreement',
      'supplier-review-overdue',
      'incident-without-lessons',
      'obligation-not-addressed',
    ],
    [rec('control', 'SoA entry', 'SoA entries'), rec('soa', 'SoA statement', 'SoA statements'), rec('risk', 'risk with a treatment', 'risks with a treatment', 'treatment')],
    ['Does the risk treatment plan hold together: controls compared with Annex A, the SoA justified and approved, residual risks accepted by the risk owners?'],
  ),
  r(
    '6.2',
    ['missing-objectives', 'objective-overdue'],
    [rec('objective', 'objective', 'objectives'), rec('measurement', 'measurement', 'measurements')],
    ['Are the objectives measurable, monitored, communicated and updated, with what, who, when and how results are evaluated?'],
  ),
  r(
    '6.3',
    [],
    [rec('change', 'planned change', 'planned changes')],
    ['Which changes to the ISMS were made in the last year, and how were they planned: purpose, consequences, resources, responsibilities?'],
  ),
  r(
    '7.1',
    [],
    [rec('objective', 'objective naming its resources', 'objectives naming their resources', 'resources'), rec('change', 'change naming its resources', 'changes naming their resources', 'resources'), rec('role', 'role with a holder', 'roles with a holder', 'holder')],
    ['Which resources (people, budget, tools) does the ISMS need, and how were they provided?'],
  ),
  r(
    '7.2',
    ['missing-competence-evidence'],
    [rec('role', 'role with competence evidence', 'roles with competence evidence', 'competence-evidence'), rec('training', 'training', 'trainings')],
    ['How is the competence of the people doing work that affects information security determined, achieved and evidenced?'],
  ),
  r(
    '7.3',
    ['missing-awareness'],
    [rec('training', 'training', 'trainings')],
    ['Are staff aware of the policy, their contribution to the ISMS and the implications of not conforming? Show the last awareness session.'],
  ),
  r(
    '7.4',
    [],
    [rec('communication', 'communication plan', 'communication plans'), rec('policy', 'policy with its audience', 'policies with their audience', 'communicated-to')],
    ['What is communicated about the ISMS, when, with whom and by whom, and how? Show evidence of the last communications.'],
  ),
  r(
    '7.5.1',
    [],
    [rec('policy', 'policy', 'policies'), rec('control', 'SoA entry with evidence', 'SoA entries with evidence', 'evidence')],
    ['Which documented information does the ISMS need beyond what ISO/IEC 27001 requires, and where is it kept?'],
  ),
  r(
    '7.5.2',
    ['placeholder-text'],
    [rec('policy', 'policy with a version', 'policies with a version', 'version'), rec('soa', 'SoA statement', 'SoA statements')],
    ['How are documents identified, formatted, reviewed and approved before use?'],
  ),
  r(
    '7.5.3',
    ['document-not-found', 'date-in-future', 'document-outside-workspace'],
    [rec('policy', 'policy kept in a file', 'policies kept in a file', 'document')],
    ['How is documented information controlled: availability, protection, distribution, versions, retention and disposal?'],
  ),
  r(
    '8.1',
    [],
    [rec('control', 'SoA entry', 'SoA entries'), rec('supplier', 'supplier', 'suppliers'), rec('change', 'change', 'changes')],
    [
      'How are the processes needed to meet the requirements and the actions of clause 6 planned, implemented and controlled?',
      'How are externally provided processes, products and services relevant to the ISMS controlled?',
    ],
  ),
  r(
    '8.2',
    ['risk-assessment-overdue', 'missing-assessment-date'],
    [rec('risk', 'risk with an assessment date', 'risks with an assessment date', 'assessed')],
    ['Are risk assessments performed at planned intervals and when significant changes occur, with their results retained?'],
  ),
  r(
    '8.3',
    ['control-overdue'],
    [rec('control', 'SoA entry with an implementation', 'SoA entries with an implementation', 'implementation')],
    ['Is the risk treatment plan implemented, with the results of the treatment retained?'],
  ),
  r(
    '9.1',
    ['missing-measurement'],
    [rec('measurement', 'measurement', 'measurements')],
    ['What is monitored and measured, by which methods, when and by whom, and who analyses and evaluates the results?'],
  ),
  r('9.2.1', ['missing-internal-audit'], [rec('audit', 'internal audit', 'internal audits')], ['Were internal audits held at planned intervals, against the ISMS and ISO/IEC 27001?']),
  r(
    '9.2.2',
    ['missing-audit-programme', 'audit-overdue', 'audit-without-result'],
    [rec('audit-programme', 'audit programme', 'audit programmes'), rec('audit', 'audit with a result', 'audits with a result', 'result')],
    ['How is the audit programme planned, auditors chosen for objectivity, and results reported to management?'],
  ),
  r(
    '9.3.1',
    ['missing-management-review', 'review-without-top-management', 'management-review-overdue'],
    [rec('review', 'management review', 'management reviews')],
    ['Does top management review the ISMS at planned intervals?'],
  ),
  r('9.3.2', ['review-inputs-incomplete'], [rec('review', 'review recording its inputs', 'reviews recording their inputs', 'considered')], ['Did the review consider each input of 9.3.2 a–g?']),
  r(
    '9.3.3',
    [],
    [rec('review', 'review with decisions', 'reviews with decisions', 'decisions')],
    ['Which decisions on continual improvement and on changes to the ISMS did the review take, and where are they retained?'],
  ),
  r(
    '10.1',
    [],
    [rec('nonconformity', 'nonconformity', 'nonconformities'), rec('objective', 'objective', 'objectives'), rec('review', 'review with decisions', 'reviews with decisions', 'decisions')],
    ['How does the organization continually improve the suitability, adequacy and effectiveness of the ISMS? Show improvements made this year.'],
  ),
  r(
    '10.2',
    ['nonconformity-without-action', 'nonconformity-overdue', 'nonconformity-without-cause'],
    [rec('nonconformity', 'nonconformity', 'nonconformities'), rec('incident', 'incident', 'incidents')],
    ['How are nonconformities reacted to, their causes found, corrective actions taken and their effectiveness reviewed?'],
  ),
]);

const BY_CLAUSE: ReadonlyMap<string, ClauseReadiness> = new Map(CLAUSE_READINESS.map((entry) => [entry.clause, entry]));

/** The readiness entry of a clause that has no sub-clauses (`'6.1.3'`), or `undefined`. */
export function clauseReadiness(clause: string): ClauseReadiness | undefined {
  return BY_CLAUSE.get(clause);
}

/** The clauses that list a code among their checks. */
export function clausesCheckedBy(code: string): readonly string[] {
  return CLAUSES_BY_CODE.get(code) ?? [];
}

const CLAUSES_BY_CODE: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const entry of CLAUSE_READINESS) for (const code of entry.checks) map.set(code, [...(map.get(code) ?? []), entry.clause]);
  return map;
})();
