/**
 * Every diagnostic of LANGUAGE.md §4: its stable code, default severity,
 * the clause it enforces and a one-line summary. Codes are public interface
 * (CLI output, quick fixes, severity settings, docs): never rename one.
 */

export type Severity = 'error' | 'warning' | 'info';

/**
 * The clause of a code: a fixed clause, `null` where none applies, or
 * `'context'`: the clause of the field or kind where the problem stands.
 */
export type CodeClause = string | null | 'context';

export interface CodeInfo {
  readonly severity: Severity;
  readonly clause: CodeClause;
  readonly summary: string;
  /** Whether it is a whole-ISMS finding (reported at the head of `organization`). */
  readonly wholeIsms: boolean;
}

function statement(severity: Severity, clause: CodeClause, summary: string): CodeInfo {
  return { severity, clause, summary, wholeIsms: false };
}

function whole(severity: Severity, clause: string | null, summary: string): CodeInfo {
  return { severity, clause, summary, wholeIsms: true };
}

/** Whole-ISMS checks of LANGUAGE.md §7.4 (v2): the ISMS as operated over time. */
const V2_WHOLE_ISMS_CODES = {
  'missing-risk-assessment': whole('error', '6.1.2, 8.2', 'No risk at all: no risk assessment.'),
  'missing-information-security-policy': whole('error', '5.2', 'Policies exist, but none is the information security policy.'),
  'policy-not-communicated': whole('warning', '5.2 f', 'The information security policy does not say to whom it is communicated.'),
  'missing-audit-programme': whole('warning', '9.2.2', 'No audit programme.'),
  'audit-overdue': whole('warning', '9.2.2', 'The latest held internal audit is older than the audit interval.'),
  'management-review-overdue': whole('warning', '9.3.1', 'The latest held management review is older than the review interval.'),
  'soa-not-approved': whole('warning', '6.1.3 d, 7.5.2', 'No soa statement: the SoA has no version, approver or date.'),
  'missing-awareness': whole('warning', '7.3', 'No awareness training held in the last 12 months.'),
} as const satisfies Record<string, CodeInfo>;

export const DIAGNOSTIC_CODES = {
  'syntax-error': statement('error', null, 'The text does not follow the grammar.'),
  'unknown-statement': statement('error', null, 'A top-level statement that is no kind.'),
  'unknown-field': statement('error', 'context', 'A field the kind does not have.'),
  'duplicate-field': statement('warning', 'context', 'A field that takes one value is given twice.'),
  'invalid-value': statement('error', 'context', 'A value of the wrong type, an unknown enum value or an impossible date.'),
  'missing-field': statement('error', 'context', 'A required field is absent.'),
  'missing-title': statement('error', 'context', 'An entity or custom control without its title.'),
  'duplicate-id': statement('error', 'context', 'An id declared twice in the workspace.'),
  'unknown-reference': statement('error', 'context', 'A reference to an id declared nowhere.'),
  'wrong-reference-kind': statement('error', 'context', 'A reference to an entity of another kind.'),
  'unknown-annex-control': statement('error', '6.1.3 d', 'An Annex A id that is not a control of ISO/IEC 27001:2022.'),
  'legacy-annex-control': statement('error', '6.1.3 d', 'An Annex A id of the 2013 edition.'),
  'rating-out-of-scale': statement('error', '6.1.2', 'A likelihood or impact outside the scales of risk-criteria.'),
  'risk-untreated': statement('error', '6.1.3', 'A risk above acceptance without treatment, or mitigated without controls.'),
  'residual-risk-not-accepted': statement('warning', '6.1.3 f', 'A treated (not avoided) risk whose residual risk nobody accepted.'),
  'acceptor-not-owner': statement('warning', '6.1.3 f', 'The residual risk is accepted, but not by the risk owner.'),
  'excluded-control-used': statement('error', '6.1.3 d', 'A risk or party relies on a control the SoA excludes.'),
  'control-missing-justification': statement('error', '6.1.3 d', 'A SoA entry without the justification of its inclusion or exclusion.'),
  'control-missing-status': statement('error', '6.1.3 d', 'An applicable control without its implementation status.'),
  'approver-not-top-management': statement('warning', '5.2', 'The information security policy is approved by no top management role.'),
  'policy-incomplete': statement('warning', 'context', 'The information security policy lacks objectives, or a commitment required by 5.2.'),
  'missing-competence-evidence': statement('warning', '7.2', 'A role with responsibilities but no evidence of competence.'),
  'nonconformity-without-action': statement('error', '10.2', 'A nonconformity without corrective action, or closed without effectiveness.'),
  'review-overdue': statement('warning', '5.2', "A policy's next review date has passed, or it has none and was approved over 12 months ago."),
  'risk-assessment-overdue': statement('warning', '8.2', 'A risk was last assessed longer ago than the assessment interval.'),
  'document-not-found': statement('warning', '7.5.3', 'A referenced document or evidence file does not exist.'),
  // Language v2 (LANGUAGE.md §7.4), per statement: the ISMS as operated over time.
  'residual-exceeds-inherent': statement('error', '6.1.2 d', 'A residual likelihood or impact above the inherent one.'),
  'acceptance-out-of-scale': statement('error', '6.1.2 a', 'An acceptance threshold outside the scores the scales can give.'),
  'acceptance-above-criteria': statement('warning', '6.1.3 f', 'A risk above the acceptance criteria accepted without top management.'),
  'missing-assessment-date': statement('warning', '8.2', 'A risk without the date of its assessment.'),
  'control-without-due': statement('warning', '6.1.3 e', 'An applicable control not yet implemented, without a due date.'),
  'control-overdue': statement('warning', '6.1.3 e, 8.3', 'An applicable control not implemented by its due date.'),
  'contradictory-control': statement('warning', '6.1.3 d', 'An excluded control with an implementation status, plan or description.'),
  'policy-without-text': statement('warning', '5.2 e', 'A policy with neither its statement nor its document.'),
  'audit-without-result': statement('warning', '9.2.2 g', 'A held internal audit without its result.'),
  'review-without-top-management': statement('error', '9.3.1', 'A held management review that no top management role attended.'),
  'review-inputs-incomplete': statement('warning', '9.3.2', 'A held management review that did not consider every input of 9.3.2.'),
  'nonconformity-overdue': statement('warning', '10.2', 'An open nonconformity past its due date.'),
  'nonconformity-without-cause': statement('warning', '10.2 b', 'A closed nonconformity without its cause.'),
  'objective-overdue': statement('warning', '6.2', 'An open objective past its due date.'),
  'date-in-future': statement('warning', '7.5.3', 'A record dated after the as-of date.'),
  'placeholder-text': statement('warning', '7.5.2', 'A text value that is a placeholder (empty, TODO, TBD, …).'),
  'supplier-without-agreement': statement('warning', 'A.5.20', 'A medium or high criticality supplier without an agreement.'),
  'supplier-review-overdue': statement('warning', 'A.5.22', 'A supplier not reviewed within its review interval, or a critical one never reviewed.'),
  'incident-without-lessons': statement('warning', 'A.5.27', 'A closed incident without the lessons learnt.'),
  'obligation-not-addressed': statement('warning', '4.2 c, A.5.31', 'An obligation that no control addresses.'),
  'exclusion-contradicted': statement('warning', '6.1.3 d', 'An excluded Annex A control whose subject the ISMS records.'),
  // End of the v2 per-statement block.
  'unknown-framework': statement('error', null, "An id in the organization's frameworks that is no shipped framework nor mapping pack."),
  'missing-scope': whole('error', '4.3', 'No scope.'),
  'missing-policy': whole('error', '5.2', 'No policy.'),
  'missing-top-management': whole('warning', '5.1', 'No role is top management.'),
  'missing-risk-criteria': whole('error', '6.1.2', 'No risk criteria.'),
  'soa-incomplete': whole('error', '6.1.3 d', 'Annex A controls without a SoA entry.'),
  'missing-objectives': whole('error', '6.2', 'No objective.'),
  'missing-context': whole('warning', '4.1', 'No internal or external issue.'),
  'missing-climate-change-decision': whole('warning', '4.1 (Amd 1:2024)', 'No decision whether climate change is a relevant issue.'),
  'missing-interested-parties': whole('warning', '4.2', 'No interested party.'),
  'missing-measurement': whole('warning', '9.1', 'No monitoring or measurement taken.'),
  'missing-internal-audit': whole('error', '9.2', 'No internal audit.'),
  'missing-management-review': whole('error', '9.3', 'No management review.'),
  'duplicate-singleton': statement('error', null, 'A second organization, scope, risk-criteria, soa, audit-programme or information security policy.'),
  'missing-organization': whole('warning', '4', 'No organization statement.'),
  // Hostile input (issue 14).
  'bidi-control-character': statement('warning', null, 'A bidirectional control character (Trojan Source).'),
  'invalid-encoding': statement('error', null, 'The file is not valid UTF-8.'),
  'document-outside-workspace': statement('warning', '7.5.3', 'A document or evidence path that names a file outside the workspace folder.'),
  'too-many-findings': statement('warning', null, 'More findings in a statement or file than are shown; the rest are counted.'),
  // Inline suppressions (LANGUAGE.md §7.7): reported on the `// isms-ignore` comment.
  'suppression-without-reason': statement('warning', null, 'An isms-ignore comment without a reason, which suppresses nothing.'),
  'unused-suppression': statement('warning', null, 'An isms-ignore comment whose code matches no finding on the next line.'),
  ...V2_WHOLE_ISMS_CODES,
} as const satisfies Record<string, CodeInfo>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

export const ALL_CODES = Object.keys(DIAGNOSTIC_CODES) as DiagnosticCode[];

export function codeInfo(code: DiagnosticCode): CodeInfo {
  return DIAGNOSTIC_CODES[code];
}
