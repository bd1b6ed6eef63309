/**
 * The risk register as plain data (6.1.2, 6.1.3, 8.2, 8.3): every risk with
 * its inherent and residual scores and their acceptability, and the risk
 * matrix (counts per likelihood × impact cell). Exports, the preview's heat
 * maps and the risk tree render this.
 */
import type { Location } from '../analysis/diagnostic';
import { entityTitle, fieldText, fieldTexts } from '../analysis/model';
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
  readonly acceptedBy: string | undefined;
  readonly assessed: string | undefined;
  readonly location: Location;
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
      acceptedBy: fieldTexts(risk, 'accepted-by').join(', ') || undefined,
      assessed: fieldText(risk, 'assessed'),
      location: { file: risk.file, start: risk.statement.start, end: risk.headEnd },
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
  for (const risk of risks) {
    const [likelihood, impact] = rating(risk);
    if (likelihood === undefined || impact === undefined) continue;
    cells[likelihood - 1]?.[impact - 1]?.risks.push(risk.id);
  }
  return { cells };
}
