/** Every rule of the analysis. Adding a rule: one file under rules/, one line here. */
import type { ContextualFileRule, CrossFileRule, FileRule, WorkspaceRule } from './rule';
import { annexIds } from './rules/annex-ids';
import { competenceEvidence } from './rules/competence-evidence';
import { controlJustification } from './rules/control-justification';
import { controlStatus } from './rules/control-status';
import { documentNotFound } from './rules/document-not-found';
import { documentOutsideWorkspace } from './rules/document-outside-workspace';
import { duplicateIds } from './rules/duplicate-ids';
import { entityHeads } from './rules/entity-heads';
import { excludedControls } from './rules/excluded-controls';
import { fieldNames } from './rules/field-names';
import { fieldValues } from './rules/field-values';
import { frameworks } from './rules/frameworks';
import { mandatoryElements } from './rules/mandatory-elements';
import { nonconformityClosure } from './rules/nonconformity-closure';
import { operatedIsms } from './rules/operated-isms';
import { policyApproval } from './rules/policy-approval';
import { policyCompleteness } from './rules/policy-completeness';
import { references } from './rules/references';
import { requiredFields } from './rules/required-fields';
import { reviewOverdue } from './rules/review-overdue';
import { riskAcceptance } from './rules/risk-acceptance';
import { riskAssessmentOverdue } from './rules/risk-assessment-overdue';
import { riskRatings } from './rules/risk-ratings';
import { riskTreatment } from './rules/risk-treatment';
import { soaCompleteness } from './rules/soa-completeness';
import { syntaxErrors } from './rules/syntax-errors';
import { textHazards } from './rules/text-hazards';
import { unknownStatements } from './rules/unknown-statements';
// Language v2 (LANGUAGE.md §7.4), per statement.
import { acceptanceAboveCriteria } from './rules/acceptance-above-criteria';
import { acceptanceOutOfScale } from './rules/acceptance-out-of-scale';
import { controlPlan } from './rules/control-plan';
import { dateInFuture } from './rules/date-in-future';
import { heldRecords } from './rules/held-records';
import { missingAssessmentDate } from './rules/missing-assessment-date';
import { nonconformityWithoutCause } from './rules/nonconformity-without-cause';
import { overduePlans } from './rules/overdue-plans';
import { placeholderText } from './rules/placeholder-text';
import { policyWithoutText } from './rules/policy-without-text';
import { residualExceedsInherent } from './rules/residual-exceeds-inherent';
import { exclusionContradicted } from './rules/exclusion-contradicted';
import { incidentWithoutLessons } from './rules/incident-without-lessons';
import { obligationNotAddressed } from './rules/obligation-not-addressed';
import { supplierChecks } from './rules/supplier-checks';

export const FILE_RULES: readonly FileRule[] = [
  syntaxErrors,
  unknownStatements,
  entityHeads,
  fieldNames,
  fieldValues,
  requiredFields,
  annexIds,
  riskAcceptance,
  controlStatus,
  competenceEvidence,
  nonconformityClosure,
  // Hostile input (issue 14).
  documentOutsideWorkspace,
  // v2 per-statement checks
  residualExceedsInherent,
  acceptanceOutOfScale,
  missingAssessmentDate,
  policyWithoutText,
  controlPlan,
  nonconformityWithoutCause,
  placeholderText,
  incidentWithoutLessons,
  obligationNotAddressed,
];

export const CONTEXTUAL_FILE_RULES: readonly ContextualFileRule[] = [
  riskRatings,
  riskTreatment,
  reviewOverdue,
  riskAssessmentOverdue,
  // v2 per-statement checks that read the as-of date or top management
  dateInFuture,
  overduePlans,
  heldRecords,
  acceptanceAboveCriteria,
  supplierChecks,
];

export const CROSS_FILE_RULES: readonly CrossFileRule[] = [references, excludedControls];

export const WORKSPACE_RULES: readonly WorkspaceRule[] = [
  duplicateIds,
  controlJustification,
  policyApproval,
  policyCompleteness,
  documentNotFound,
  mandatoryElements,
  operatedIsms,
  soaCompleteness,
  // v2: a per-statement code that reads a few facts of the whole ISMS
  exclusionContradicted,
  frameworks,
  // Hostile input (issue 14).
  textHazards,
];
