/**
 * `risk-untreated` (6.1.3): a risk scored above acceptance without a
 * treatment, or a `treatment mitigate` that names no controls.
 */
import { fieldText, firstField, type Entity } from '../model';
import { riskScore } from '../risk-score';
import type { ContextualFileRule } from '../rule';
import { reportAtField, reportAtHead } from '../placement';

export const riskTreatment: ContextualFileRule = {
  name: 'risk-treatment',
  scope: 'file-in-context',
  codes: ['risk-untreated'],
  check({ model, facts, report }) {
    const criteria = facts.criteria;
    for (const risk of model.entities) {
      if (risk.kind !== 'risk') continue;
      const treatment = firstField(risk, 'treatment');
      if (!treatment) {
        const score = riskScore(risk, criteria);
        if (score.inherentAcceptable === false) {
          reportAtHead(report, risk, 'risk-untreated', `${risk.id?.image ?? 'the risk'} scores ${score.inherent}, above the acceptance of ${criteria!.acceptance}, and has no treatment`, {
            data: { field: 'treatment', ...(risk.id ? { entity: risk.id.image } : {}) },
          });
        }
      } else if (fieldText(risk, 'treatment') === 'mitigate' && !namesAnyControl(risk)) {
        reportAtField(report, risk, treatment, 'risk-untreated', `${risk.id?.image ?? 'the risk'} is to be mitigated but names no controls`, {
          data: { field: 'controls', ...(risk.id ? { entity: risk.id.image } : {}) },
        });
      }
    }
  },
};

/** Whether any `controls` field of the risk has a value (without collecting them: this runs for every risk). */
function namesAnyControl(risk: Entity): boolean {
  for (const field of risk.fields) if (field.name === 'controls' && field.args.length > 0) return true;
  return false;
}
