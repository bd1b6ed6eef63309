/**
 * `risk-assessment-overdue` (8.2): a risk's `assessed` date plus the
 * `assessment-interval` of the risk criteria is before the as-of date. Risk
 * assessments are performed at planned intervals: without an interval, the
 * default of every other planned interval (12 months) applies, so that a risk
 * assessed years ago is not taken as current because no interval was written.
 */
import { isCalendarDate } from '../../../../grammar/src';
import { firstField } from '../model';
import type { ContextualFileRule } from '../rule';
import { addDuration } from '../../util/dates';
import { memoized, stringMemo } from '../derived-data';
import { reportAtValue } from '../placement';
import { DEFAULT_INTERVAL } from '../default-interval';

/** Due dates: thousands of risks in many files share a few hundred assessment dates and one interval. */
const DUE_DATES = /* @__PURE__ */ stringMemo<string>('due dates', 100_000);

export const riskAssessmentOverdue: ContextualFileRule = {
  name: 'risk-assessment-overdue',
  scope: 'file-in-context',
  codes: ['risk-assessment-overdue'],
  check({ model, facts, report }) {
    const planned = facts.criteria?.assessmentInterval;
    const interval = planned ?? DEFAULT_INTERVAL;
    const why = planned ? '' : ', 12 months after it as no assessment-interval is set';
    const asOf = facts.asOf;
    for (const risk of model.entities) {
      if (risk.kind !== 'risk') continue;
      const field = firstField(risk, 'assessed');
      const value = field?.args[0];
      if (!field || value?.kind !== 'date') continue;
      if (!isCalendarDate(value.image)) continue;
      const due = memoized(DUE_DATES, `${value.image} ${interval.amount} ${interval.unit}`, () => addDuration(value.image, interval));
      if (due >= asOf) continue;
      reportAtValue(report, risk, field, value, 'risk-assessment-overdue', `${risk.id?.image ?? 'the risk'} was last assessed on ${value.image}; reassessment was due on ${due}${why} (as of ${asOf})`, {
        data: { entity: risk.id?.image },
      });
    }
  },
};
