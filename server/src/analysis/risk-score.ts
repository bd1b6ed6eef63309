/**
 * Risk scoring (LANGUAGE.md §3): score = likelihood × impact; the residual
 * score uses the residual values where given, else the inherent ones; a score
 * at or below `acceptance` is acceptable.
 */
import { decodeDuration, type DurationValue } from '../../../grammar/src';
import { fieldNumber, fieldTexts, firstField, type Entity } from './model';
import type { WorkspaceIndex } from './workspace-index';

export interface RiskCriteria {
  readonly entity: Entity;
  readonly likelihoodLabels: readonly string[];
  readonly impactLabels: readonly string[];
  readonly acceptance: number | undefined;
  readonly assessmentInterval: DurationValue | undefined;
}

export function riskCriteria(index: WorkspaceIndex): RiskCriteria | undefined {
  const entity = index.first('risk-criteria');
  if (!entity) return undefined;
  const interval = firstField(entity, 'assessment-interval')?.args[0];
  return {
    entity,
    likelihoodLabels: fieldTexts(entity, 'likelihood-scale'),
    impactLabels: fieldTexts(entity, 'impact-scale'),
    acceptance: fieldNumber(entity, 'acceptance'),
    assessmentInterval: interval?.kind === 'duration' ? decodeDuration(interval.image) : undefined,
  };
}

export interface RiskScore {
  readonly likelihood: number | undefined;
  readonly impact: number | undefined;
  readonly residualLikelihood: number | undefined;
  readonly residualImpact: number | undefined;
  /** likelihood × impact, when both are known. */
  readonly inherent: number | undefined;
  readonly residual: number | undefined;
  /** Whether the score is at or below acceptance (undefined without criteria or score). */
  readonly inherentAcceptable: boolean | undefined;
  readonly residualAcceptable: boolean | undefined;
}

export function riskScore(risk: Entity, criteria: RiskCriteria | undefined): RiskScore {
  const likelihood = fieldNumber(risk, 'likelihood');
  const impact = fieldNumber(risk, 'impact');
  const residualLikelihood = fieldNumber(risk, 'residual-likelihood') ?? likelihood;
  const residualImpact = fieldNumber(risk, 'residual-impact') ?? impact;
  const inherent = likelihood !== undefined && impact !== undefined ? likelihood * impact : undefined;
  const residual = residualLikelihood !== undefined && residualImpact !== undefined ? residualLikelihood * residualImpact : undefined;
  const acceptance = criteria?.acceptance;
  return {
    likelihood,
    impact,
    residualLikelihood,
    residualImpact,
    inherent,
    residual,
    inherentAcceptable: acceptance !== undefined && inherent !== undefined ? inherent <= acceptance : undefined,
    residualAcceptable: acceptance !== undefined && residual !== undefined ? residual <= acceptance : undefined,
  };
}
