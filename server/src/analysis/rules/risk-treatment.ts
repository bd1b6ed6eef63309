/**
 * `risk-untreated` (6.1.3): a risk scored above acceptance without a
 * treatment, or a `treatment mitigate` that names no controls.
 */
import { fieldArguments, fieldText, firstField } from '../model';
import { riskCriteria, riskScore } from '../risk-score';
import type { WorkspaceRule } from '../rule';
import { reportAtField, reportAtHead } from './placement';

export const riskTreatment: WorkspaceRule = {
  name: 'risk-treatment',
  scope: 'workspace',
  codes: ['risk-untreated'],
  check({ index, report }) {
    const criteria = riskCriteria(index);
    for (const risk of index.ofKind('risk')) {
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
