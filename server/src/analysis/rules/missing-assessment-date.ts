/** `missing-assessment-date` (8.2): a risk without `assessed`; its reassessment cannot be planned or shown. At the head. */
import { hasField } from '../model';
import { entityData, nameOf } from '../records';
import type { FileRule } from '../rule';
import { reportAtHead } from '../placement';

export const missingAssessmentDate: FileRule = {
  name: 'missing-assessment-date',
  scope: 'file',
  codes: ['missing-assessment-date'],
  check({ model, report }) {
    for (const risk of model.entities) {
      if (risk.kind !== 'risk' || hasField(risk, 'assessed')) continue;
      reportAtHead(report, risk, 'missing-assessment-date', `${nameOf(risk)} has no assessed date: record when it was last assessed`, {
        data: { field: 'assessed', ...entityData(risk) },
      });
    }
  },
};
