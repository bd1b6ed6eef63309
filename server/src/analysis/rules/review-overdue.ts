/** `review-overdue`: a policy's `next-review` is before the as-of date. */
import { isCalendarDate } from '../../../../grammar/src';
import { firstField } from '../model';
import type { ContextualFileRule } from '../rule';
import { reportAtValue } from '../placement';

export const reviewOverdue: ContextualFileRule = {
  name: 'review-overdue',
  scope: 'file-in-context',
  codes: ['review-overdue'],
  check({ model, facts, report }) {
    const asOf = facts.asOf;
    for (const policy of model.entities) {
      if (policy.kind !== 'policy') continue;
      const field = firstField(policy, 'next-review');
      const value = field?.args[0];
      if (!field || value?.kind !== 'date' || !isCalendarDate(value.image) || value.image >= asOf) continue;
      reportAtValue(report, policy, field, value, 'review-overdue', `the review of ${policy.id?.image ?? 'this policy'} was due on ${value.image} (as of ${asOf})`, {
        data: { entity: policy.id?.image },
      });
    }
  },
};
