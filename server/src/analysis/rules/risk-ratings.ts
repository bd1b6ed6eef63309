/** `rating-out-of-scale`: a likelihood or impact level beyond the scales of `risk-criteria`. */
import type { Argument } from '../../../../grammar/src';
import { firstField, type Entity } from '../model';
import type { ContextualFileRule, Report } from '../rule';
import { reportAtValue } from '../placement';

const RATINGS = [
  ['likelihood', 'likelihood-scale'],
  ['residual-likelihood', 'likelihood-scale'],
  ['impact', 'impact-scale'],
  ['residual-impact', 'impact-scale'],
] as const;

export const riskRatings: ContextualFileRule = {
  name: 'risk-ratings',
  scope: 'file-in-context',
  codes: ['rating-out-of-scale'],
  check({ model, facts, report }) {
    const criteria = facts.criteria;
    if (!criteria) return;
    // Each rating with the size of its scale, once per file (not looked up per risk).
    const ratings = RATINGS.map(([name, scale]) => ({ name, scale, levels: (scale === 'likelihood-scale' ? criteria.likelihoodLabels : criteria.impactLabels).length }));
    const rated = ratings.filter((rating) => rating.levels > 0);
    for (const risk of model.entities) {
      if (risk.kind !== 'risk') continue;
      for (const { name, scale, levels } of rated) checkRating(risk, name, scale, levels, report);
    }
  },
};

function checkRating(risk: Entity, name: string, scale: string, levels: number, report: Report): void {
  const field = firstField(risk, name);
  const value: Argument | undefined = field?.args[0];
  if (!field || value?.kind !== 'number') return;
  const level = Number(value.image);
  if (level >= 1 && level <= levels) return;
  reportAtValue(report, risk, field, value, 'rating-out-of-scale', `${name} ${value.image} is outside the ${scale} (1–${levels})`, {
    data: { field: name },
  });
}
