/**
 * `review-overdue` (5.2, A.5.1): a policy's `next-review` is before the
 * as-of date; or (v2) a policy without `next-review` was approved more than
 * 12 months before it (policies are reviewed at planned intervals).
 */
import { isCalendarDate } from '../../../../grammar/src';
import { firstField } from '../model';
import type { ContextualFileRule } from '../rule';
import { addDuration } from '../../util/dates';
import { DEFAULT_INTERVAL } from '../default-interval';
import { reportAtValue } from '../placement';

/** How long a policy without `next-review` stays current after its approval. */

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
      if (field) {
        if (value?.kind !== 'date' || !isCalendarDate(value.image) || value.image >= asOf) continue;
        reportAtValue(report, policy, field, value, 'review-overdue', `the review of ${policy.id?.image ?? 'this policy'} was due on ${value.image} (as of ${asOf})`, {
          data: { entity: policy.id?.image },
        });
        continue;
      }
      const approvedField = firstField(policy, 'approved');
      const approved = approvedField?.args[0];
      if (!approvedField || approved?.kind !== 'date' || !isCalendarDate(approved.image)) continue;
      const due = addDuration(approved.image, DEFAULT_INTERVAL);
      if (due >= asOf) continue;
      reportAtValue(
        report,
        policy,
        approvedField,
        approved,
        'review-overdue',
        `${policy.id?.image ?? 'this policy'} was approved on ${approved.image} and has no next-review; its review was due by ${due}, 12 months later (as of ${asOf})`,
        { data: { entity: policy.id?.image, field: 'next-review' } },
      );
    }
  },
};
