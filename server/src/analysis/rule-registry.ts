/** Every rule of the analysis. Adding a rule: one file under rules/, one line here. */
import type { ContextualFileRule, CrossFileRule, FileRule, WorkspaceRule } from './rule';
import { annexIds } from './rules/annex-ids';
import { competenceEvidence } from './rules/competence-evidence';
import { controlJustification } from './rules/control-justification';
import { controlStatus } from './rules/control-status';
import { documentNotFound } from './rules/document-not-found';
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
import { unknownStatements } from './rules/unknown-statements';

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
];

export const CONTEXTUAL_FILE_RULES: readonly ContextualFileRule[] = [riskRatings, riskTreatment, reviewOverdue, riskAssessmentOverdue];

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
  frameworks,
];
