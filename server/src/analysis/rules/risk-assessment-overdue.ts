/** `risk-assessment-overdue` (8.2): a risk's `assessed` date plus the `assessment-interval` is before the as-of date. */
import { isCalendarDate } from '../../../../grammar/src';
import { firstField } from '../model';
import { riskCriteria } from '../risk-score';
import type { WorkspaceRule } from '../rule';
import { addDuration } from './dates';
import { reportAtValue } from './placement';

export const riskAssessmentOverdue: WorkspaceRule = {
  name: 'risk-assessment-overdue',
  scope: 'workspace',
  codes: ['risk-assessment-overdue'],
  check({ index, asOf, report }) {
    const interval = riskCriteria(index)?.assessmentInterval;
    if (!interval) return;
    for (const risk of index.ofKind('risk')) {
      const field = firstField(risk, 'assessed');
      const value = field?.values[0];
      if (!field || value?.kind !== 'date' || !isCalendarDate(value.image)) continue;
      const due = addDuration(value.image, interval);
      if (due >= asOf) continue;
      reportAtValue(report, risk, field, value, 'risk-assessment-overdue', `${risk.id?.image ?? 'the risk'} was last assessed on ${value.image}; reassessment was due on ${due} (as of ${asOf})`, {
        data: { entity: risk.id?.image },
      });
    }
  },
};
