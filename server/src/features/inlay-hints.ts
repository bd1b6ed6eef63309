/**
 * Inlay hints in a range of a file:
 * - the title of the Annex A control after each reference to one
 *   (`controls A.8.13 Information backup`) and after the id of an SoA entry
 *   that gives no title of its own (kind `type`);
 * - the score after a risk's `impact` value (`= 16 (Likely × Major)`) and
 *   the residual score after its `residual-impact` value, or after
 *   `residual-likelihood` when it gives no `residual-impact` (kind `parameter`).
 *   The scale labels are those of `risk-criteria`, cut at their first `:`
 *   (`"Likely: about once a year"` → `Likely`); levels off the scale show as
 *   numbers.
 * Labels have no leading space: the host pads them (LSP `paddingLeft`).
 * Sorted by offset.
 */
import type { Argument } from '../../../grammar/src';
import { annexControl, type AnnexControl } from '../catalogue/annex-a';
import { firstField, specOf, type Entity } from '../analysis/model';
import { riskCriteria, riskScore, type RiskCriteria } from '../analysis/risk-score';
import type { Snapshot } from '../analysis/snapshot';

export interface InlayHint {
  /** Where the hint stands: just after the value it explains. */
  readonly offset: number;
  readonly label: string;
  readonly kind: 'type' | 'parameter';
  readonly tooltip?: string;
}

export function inlayHints(snapshot: Snapshot, file: string, range: { readonly start: number; readonly end: number }): InlayHint[] {
  const model = snapshot.model(file);
  if (!model) return [];
  const hints: InlayHint[] = [];
  const add = (hint: InlayHint) => {
    if (hint.offset >= range.start && hint.offset <= range.end) hints.push(hint);
  };
  let criteria: RiskCriteria | undefined | null = null;
  for (const entity of model.entities) {
    if (entity.statement.end < range.start || entity.statement.start > range.end) continue;
    if (entity.kind === 'control' && entity.id && !entity.title) {
      const control = annexControl(entity.id.image);
      if (control) add(annexHint(entity.id, control));
    }
    for (const field of entity.fields) {
      if (!specOf(entity, field)?.types.some((type) => type.kind === 'reference' && type.to.includes('control'))) continue;
      for (const value of field.args) {
        const control = value.kind === 'name' ? annexControl(value.image) : undefined;
        if (control) add(annexHint(value, control));
      }
    }
    if (entity.kind === 'risk') {
      if (criteria === null) criteria = riskCriteria(snapshot.analysis().index);
      scoreHints(entity, criteria, add);
    }
  }
  return hints.sort((a, b) => a.offset - b.offset);
}

function annexHint(value: Argument, control: AnnexControl): InlayHint {
  return {
    offset: value.end,
    label: control.title,
    kind: 'type',
    tooltip: `${control.id} ${control.title} (ISO/IEC 27001:2022 Annex A, ${control.theme} control)`,
  };
}

function scoreHints(risk: Entity, criteria: RiskCriteria | undefined, add: (hint: InlayHint) => void): void {
  const score = riskScore(risk, criteria);
  const impact = firstField(risk, 'impact')?.args[0];
  if (impact && score.inherent !== undefined) {
    add(scoreHint(impact, 'Inherent', score.likelihood!, score.impact!, score.inherent, score.inherentAcceptable, criteria));
  }
  const residualValue = firstField(risk, 'residual-impact')?.args[0] ?? firstField(risk, 'residual-likelihood')?.args[0];
  if (residualValue && residualValue.kind === 'number' && score.residual !== undefined) {
    add(scoreHint(residualValue, 'Residual', score.residualLikelihood!, score.residualImpact!, score.residual, score.residualAcceptable, criteria));
  }
}

function scoreHint(
  value: Argument,
  which: 'Inherent' | 'Residual',
  likelihood: number,
  impact: number,
  score: number,
  acceptable: boolean | undefined,
  criteria: RiskCriteria | undefined,
): InlayHint {
  const l = levelLabel(criteria?.likelihoodLabels, likelihood);
  const i = levelLabel(criteria?.impactLabels, impact);
  const verdict = acceptable === undefined ? '' : `; acceptance ${criteria!.acceptance}: ${acceptable ? 'acceptable' : 'not acceptable'}`;
  return {
    offset: value.end,
    label: `= ${score} (${l ?? likelihood} × ${i ?? impact})`,
    kind: 'parameter',
    tooltip: `${which} risk score: likelihood ${likelihood}${l ? ` (${l})` : ''} × impact ${impact}${i ? ` (${i})` : ''} = ${score}${verdict}`,
  };
}

/** The short label of a level (1-based), or undefined off the scale. */
function levelLabel(labels: readonly string[] | undefined, level: number): string | undefined {
  const label = labels && Number.isInteger(level) && level >= 1 ? labels[level - 1] : undefined;
  if (label === undefined) return undefined;
  const colon = label.indexOf(':');
  const short = (colon > 0 ? label.slice(0, colon) : label).replace(/\s+/g, ' ').trim();
  return short === '' ? undefined : short;
}
