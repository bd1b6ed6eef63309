/**
 * `risk-untreated` (6.1.3): a risk scored above acceptance without a
 * treatment, or a `treatment mitigate` that names no controls.
 */
import { fieldArguments, fieldText, firstField } from '../model';
import { riskScore } from '../risk-score';
import type { ContextualFileRule } from '../rule';
import { reportAtField, reportAtHead } from './placement';

export const riskTreatment: ContextualFileRule = {
  name: 'risk-treatment',
  scope: 'file-in-context',
  codes: ['risk-untreated'],
  check({ model, facts, report }) {
    const criteria = facts.criteria;
    for (const risk of model.entities) {
      if (risk.kind !== 'risk') continue;
      const treatment = firstField(risk, 'treatment');
      const score = riskScore(risk, criteria);
      if (!treatment) {
        if (score.inherentAcceptable === false) {
          reportAtHead(report, risk, 'risk-untreated', `${risk.id?.image ?? 'the risk'} scores ${score.inherent}, above the acceptance of ${criteria!.acceptance}, and has no treatment`, {
            data: { field: 'treatment', ...(risk.id ? { entity: risk.id.image } : {}) },
          });
        }
      } else if (fieldText(risk, 'treatment') === 'mitigate' && fieldArguments(risk, 'controls').length === 0) {
        reportAtField(report, risk, treatment, 'risk-untreated', `${risk.id?.image ?? 'the risk'} is to be mitigated but names no controls`, {
          data: { field: 'controls', ...(risk.id ? { entity: risk.id.image } : {}) },
        });
      }
    }
  },
};
