/**
 * The risk register as plain data (6.1.2, 6.1.3, 8.2, 8.3): every risk with
 * its inherent and residual scores and their acceptability, and the risk
 * matrix (counts per likelihood × impact cell). Exports, the preview's heat
 * maps and the risk tree render this.
 */
import type { Location } from '../analysis/diagnostic';
import { entityTitle, fieldNumber, fieldText, fieldTexts } from '../analysis/model';
import { riskCriteria, riskScore } from '../analysis/risk-score';
import type { WorkspaceIndex } from '../analysis/workspace-index';

export interface RiskRow {
  readonly id: string;
  readonly title: string;
  readonly owner: string | undefined;
  readonly assets: readonly string[];
  readonly threat: string | undefined;
  readonly vulnerability: string | undefined;
  readonly likelihood: number | undefined;
  readonly impact: number | undefined;
  readonly inherent: number | undefined;
  readonly inherentAcceptable: boolean | undefined;
  readonly treatment: string | undefined;
  readonly controls: readonly string[];
  readonly residualLikelihood: number | undefined;
  readonly residualImpact: number | undefined;
  readonly residual: number | undefined;
  readonly residualAcceptable: boolean | undefined;
  /** Every role in `accepted-by`, joined by `, ` (v2: several acceptors), or undefined when nobody accepted. */
  readonly acceptedBy: string | undefined;
  readonly assessed: string | undefined;
  readonly location: Location;
  // — v2 (LANGUAGE.md §7.2, issue 11 item 5) —
  /** The properties whose loss the risk is about (6.1.2 c): confidentiality, integrity, availability. */
  readonly affects: readonly string[];
  /** Every role in `accepted-by`. */
  readonly acceptors: readonly string[];
  /**
   * Whether accepting the residual risk needs top management: its residual
   * score (with `treatment accept`: its score) is above acceptance. Undefined
   * without a score or criteria.
   */
  readonly acceptanceNeedsTopManagement: boolean | undefined;
  /** Whether some acceptor is top management. */
  readonly acceptedByTopManagement: boolean;
  /** Accepted above the criteria with no top-management acceptor (acceptance-above-criteria, 6.1.3 f). */
  readonly acceptedAboveCriteria: boolean;
  /** The residual likelihood or impact is above the inherent one (residual-exceeds-inherent, 6.1.2 d). */
  readonly residualAboveInherent: boolean;
}

export interface RiskScales {
  readonly likelihoodLabels: readonly string[];
  readonly impactLabels: readonly string[];
  readonly acceptance: number | undefined;
}

export interface MatrixCell {
  readonly likelihood: number;
  readonly impact: number;
  readonly score: number;
  readonly acceptable: boolean | undefined;
  /** Ids of the risks in the cell. */
  readonly risks: readonly string[];
}

export interface RiskMatrix {
  /** `cells[likelihood - 1][impact - 1]`. */
  readonly cells: readonly (readonly MatrixCell[])[];
  /** Ids of the risks rated outside the scales (likelihood 7 on a scale of 5, 0, 2.5): the "outside the scales" bucket. */
  readonly outside: readonly string[];
}

export interface RiskRegister {
  readonly scales: RiskScales | undefined;
  readonly risks: readonly RiskRow[];
  readonly inherentMatrix: RiskMatrix | undefined;
  readonly residualMatrix: RiskMatrix | undefined;
}

export function riskRegister(index: WorkspaceIndex): RiskRegister {
  const criteria = riskCriteria(index);
  const risks: RiskRow[] = index.ofKind('risk').map((risk) => {
    const score = riskScore(risk, criteria);
    const acceptors = fieldTexts(risk, 'accepted-by');
    const acceptedByTopManagement = acceptors.some((role) => index.isTopManagement(role));
    // With `treatment accept` the risk itself is accepted: its score counts (acceptance-above-criteria, §7.4).
    const accepted = fieldText(risk, 'treatment') === 'accept' ? score.inherentAcceptable : score.residualAcceptable;
    const acceptanceNeedsTopManagement = accepted === undefined ? undefined : !accepted;
    const above = (residual: number | undefined, inherent: number | undefined) => residual !== undefined && inherent !== undefined && residual > inherent;
    return {
      id: risk.id?.image ?? '',
      title: entityTitle(risk) ?? '',
      owner: fieldText(risk, 'owner'),
      assets: fieldTexts(risk, 'asset'),
      threat: fieldText(risk, 'threat'),
      vulnerability: fieldText(risk, 'vulnerability'),
      likelihood: score.likelihood,
      impact: score.impact,
      inherent: score.inherent,
      inherentAcceptable: score.inherentAcceptable,
      treatment: fieldText(risk, 'treatment'),
      controls: fieldTexts(risk, 'controls'),
      residualLikelihood: score.residualLikelihood,
      residualImpact: score.residualImpact,
      residual: score.residual,
      residualAcceptable: score.residualAcceptable,
      acceptedBy: acceptors.length > 0 ? acceptors.join(', ') : undefined,
      assessed: fieldText(risk, 'assessed'),
      location: { file: risk.file, start: risk.statement.start, end: risk.headEnd },
      affects: fieldTexts(risk, 'affects'),
      acceptors,
      acceptanceNeedsTopManagement,
      acceptedByTopManagement,
      acceptedAboveCriteria: acceptanceNeedsTopManagement === true && acceptors.length > 0 && !acceptedByTopManagement,
      residualAboveInherent:
        above(fieldNumber(risk, 'residual-likelihood'), score.likelihood) || above(fieldNumber(risk, 'residual-impact'), score.impact),
    };
  });
  const scales = criteria
    ? { likelihoodLabels: criteria.likelihoodLabels, impactLabels: criteria.impactLabels, acceptance: criteria.acceptance }
    : undefined;
  return {
    scales,
    risks,
    inherentMatrix: scales ? matrix(scales, risks, (r) => [r.likelihood, r.impact]) : undefined,
    residualMatrix: scales ? matrix(scales, risks, (r) => [r.residualLikelihood, r.residualImpact]) : undefined,
  };
}

function matrix(scales: RiskScales, risks: readonly RiskRow[], rating: (risk: RiskRow) => [number | undefined, number | undefined]): RiskMatrix {
  const cells = scales.likelihoodLabels.map((_, l) =>
    scales.impactLabels.map((__, i) => {
      const score = (l + 1) * (i + 1);
      return { likelihood: l + 1, impact: i + 1, score, acceptable: scales.acceptance === undefined ? undefined : score <= scales.acceptance, risks: [] as string[] };
    }),
  );
  const outside: string[] = [];
  for (const risk of risks) {
    const [likelihood, impact] = rating(risk);
    if (likelihood === undefined || impact === undefined) continue;
    const cell = cells[likelihood - 1]?.[impact - 1];
    if (cell && Number.isInteger(likelihood) && Number.isInteger(impact)) cell.risks.push(risk.id);
    else outside.push(risk.id);
  }
  return { cells, outside };
}
