/**
 * The heat-map layout of a risk matrix, from the server's risk register:
 * rows are likelihoods from the highest to the lowest, columns impacts from
 * the lowest to the highest, each with its scale label. Pure: no DOM, no
 * `vscode`; the webview turns it into elements.
 */
import type { PlainLocation, RiskRegisterResult } from '../messages';

export type MatrixKind = 'inherent' | 'residual';

/** How a cell is coloured: by the acceptance criterion of the risk criteria. */
export type CellTone = 'acceptable' | 'unacceptable' | 'unknown';

export interface HeatMapRisk {
  readonly id: string;
  readonly title: string;
  /** The score of the risk in this matrix (inherent or residual). */
  readonly score: number | undefined;
  readonly location: PlainLocation | undefined;
}

export interface HeatMapCell {
  readonly likelihood: number;
  readonly impact: number;
  readonly score: number;
  readonly tone: CellTone;
  readonly count: number;
  readonly riskIds: readonly string[];
  /** A sentence for screen readers and the tooltip. */
  readonly label: string;
}

export interface HeatMapRow {
  readonly likelihood: number;
  readonly label: string;
  /** The label up to its first colon (`Likely: about once a year` → `Likely`), for the axis. */
  readonly shortLabel: string;
  readonly cells: readonly HeatMapCell[];
}

export interface HeatMapColumn {
  readonly impact: number;
  readonly label: string;
  readonly shortLabel: string;
}

export interface HeatMapLayout {
  readonly kind: MatrixKind;
  readonly title: string;
  /** Highest likelihood first. */
  readonly rows: readonly HeatMapRow[];
  /** Lowest impact first. */
  readonly columns: readonly HeatMapColumn[];
  readonly acceptance: number | undefined;
  /** Risks in the register that this matrix cannot place (no rating). */
  readonly unrated: number;
  /** Risks placed in the matrix. */
  readonly placed: number;
  /** The "outside the scales" bucket: risks rated beyond the scales, never silently left out. */
  readonly outside: readonly string[];
}

/** Why there is no heat map. */
export type HeatMapAbsence = { readonly reason: 'no-register' } | { readonly reason: 'no-scales' };

export const MATRIX_TITLES: Readonly<Record<MatrixKind, string>> = Object.freeze({ inherent: 'Inherent risk', residual: 'Residual risk' });

function scaleLabel(labels: readonly string[] | undefined, value: number): string {
  const label = labels?.[value - 1];
  return typeof label === 'string' && label.trim() !== '' ? label : String(value);
}

/** A scale label up to its first colon, e.g. `Major: several days of disruption` → `Major`. */
export function shortLabel(label: string): string {
  const colon = label.indexOf(':');
  const head = colon > 0 ? label.slice(0, colon).trim() : label;
  return head === '' ? label : head;
}

function tone(acceptable: boolean | undefined): CellTone {
  return acceptable === true ? 'acceptable' : acceptable === false ? 'unacceptable' : 'unknown';
}

/** The heat map of one matrix, or why there is none. */
export function heatMapLayout(register: RiskRegisterResult | null | undefined, kind: MatrixKind): HeatMapLayout | HeatMapAbsence {
  if (!register) return { reason: 'no-register' };
  const matrix = kind === 'inherent' ? register.inherentMatrix : register.residualMatrix;
  const scales = register.scales;
  if (!matrix || !scales || !Array.isArray(matrix.cells) || matrix.cells.length === 0) return { reason: 'no-scales' };

  const impactCount = Math.max(scales.impactLabels?.length ?? 0, ...matrix.cells.map((row) => (Array.isArray(row) ? row.length : 0)));
  const columns: HeatMapColumn[] = [];
  for (let impact = 1; impact <= impactCount; impact++) {
    const label = scaleLabel(scales.impactLabels, impact);
    columns.push({ impact, label, shortLabel: shortLabel(label) });
  }

  const rows: HeatMapRow[] = [];
  let placed = 0;
  for (let l = matrix.cells.length; l >= 1; l--) {
    const source = Array.isArray(matrix.cells[l - 1]) ? matrix.cells[l - 1] : [];
    const likelihoodLabel = scaleLabel(scales.likelihoodLabels, l);
    const cells: HeatMapCell[] = columns.map(({ impact, label: impactLabel }) => {
      const cell = source[impact - 1];
      const riskIds = Array.isArray(cell?.risks) ? (cell.risks as readonly unknown[]).filter((id): id is string => typeof id === 'string') : [];
      const score = typeof cell?.score === 'number' ? cell.score : l * impact;
      const cellTone = tone(cell?.acceptable);
      placed += riskIds.length;
      const acceptability = cellTone === 'acceptable' ? 'within acceptance' : cellTone === 'unacceptable' ? 'above acceptance' : 'no acceptance criterion';
      const risks = riskIds.length === 1 ? '1 risk' : `${riskIds.length} risks`;
      return {
        likelihood: l,
        impact,
        score,
        tone: cellTone,
        count: riskIds.length,
        riskIds,
        label: `Likelihood ${l} (${likelihoodLabel}) × impact ${impact} (${impactLabel}) = ${score}, ${acceptability}: ${risks}`,
      };
    });
    rows.push({ likelihood: l, label: likelihoodLabel, shortLabel: shortLabel(likelihoodLabel), cells });
  }

  const rated = (risk: RiskRegisterResult['risks'][number]) =>
    kind === 'inherent' ? risk.likelihood !== undefined && risk.impact !== undefined : risk.residualLikelihood !== undefined && risk.residualImpact !== undefined;
  const unrated = register.risks.filter((risk) => !rated(risk)).length;
  const outside = Array.isArray(matrix.outside) ? (matrix.outside as readonly unknown[]).filter((id): id is string => typeof id === 'string') : [];
  return { kind, title: MATRIX_TITLES[kind], rows, columns, acceptance: scales.acceptance, unrated, placed, outside };
}

export function isHeatMapLayout(value: HeatMapLayout | HeatMapAbsence): value is HeatMapLayout {
  return 'rows' in value;
}

/** `Outside the scales: 1 risk`, or `undefined` when every rated risk is in the matrix. */
export function outsideText(layout: HeatMapLayout): string | undefined {
  const n = layout.outside.length;
  return n === 0 ? undefined : `Outside the scales: ${n} ${n === 1 ? 'risk' : 'risks'}`;
}

/** The cell at (likelihood, impact), if the layout has it. */
export function findCell(layout: HeatMapLayout, likelihood: number, impact: number): HeatMapCell | undefined {
  return layout.rows.find((row) => row.likelihood === likelihood)?.cells.find((cell) => cell.impact === impact);
}

/** The risks of a cell, resolved against the register (an id the register lacks keeps its id as title). */
export function risksOfCell(register: RiskRegisterResult | null | undefined, cell: HeatMapCell, kind: MatrixKind): HeatMapRisk[] {
  const byId = new Map((register?.risks ?? []).map((risk) => [risk.id, risk]));
  return cell.riskIds.map((id) => {
    const risk = byId.get(id);
    return {
      id,
      title: risk?.title ?? '',
      score: risk ? (kind === 'inherent' ? risk.inherent : risk.residual) : undefined,
      location: risk?.location,
    };
  });
}

/** The largest count of a layout (for the intensity of the colour), at least 1. */
export function maxCount(layout: HeatMapLayout): number {
  return Math.max(1, ...layout.rows.flatMap((row) => row.cells.map((cell) => cell.count)));
}

/**
 * The intensity step (0–4) of a cell's colour: 0 for an empty cell, then up
 * to 4 for the fullest cell, so that a crowded cell stands out.
 */
export function intensity(count: number, max: number): 0 | 1 | 2 | 3 | 4 {
  if (count <= 0) return 0;
  const step = Math.ceil((count / Math.max(1, max)) * 4);
  return Math.min(4, Math.max(1, step)) as 1 | 2 | 3 | 4;
}
