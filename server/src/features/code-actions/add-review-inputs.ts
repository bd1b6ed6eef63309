/**
 * `review-inputs-incomplete`: adds the 9.3.2 inputs the review did not
 * consider (`data.missing`) to its `considered` (appended to the last
 * occurrence, or a new `considered` line).
 */
import { describeEntity } from '../../analysis/model';
import { appendValues } from './add-top-management';
import { entityAt } from './edit-helpers';
import { quickFixAction, type QuickFix } from './quick-fix';

export const addReviewInputs: QuickFix = {
  codes: ['review-inputs-incomplete'],
  fixes(context) {
    const { diagnostic, model, parsed } = context;
    const missing = diagnostic.data?.missing;
    if (!missing || missing.length === 0) return [];
    const review = entityAt(model.entities, diagnostic.start);
    if (!review || review.kind !== 'review') return [];
    const edit = appendValues(parsed, review, 'considered', missing);
    if (!edit) return [];
    return [quickFixAction(context, `Record that ${describeEntity(review)} considered ${missing.join(', ')}`, [edit], { isPreferred: true })];
  },
};
