/**
 * `date-in-future` (7.5.3): the dates that record something done (`approved`,
 * `assessed`, `raised`, `reported`, `reviewed`, `verified`, `closed`) cannot
 * lie after the as-of date: a record is not a plan. On the value, in every
 * kind that has such a field.
 */
import { isCalendarDate } from '../../../../grammar/src';
import type { ContextualFileRule } from '../rule';
import { reportAtValue } from '../placement';

const RECORD_DATES = new Set(['approved', 'assessed', 'raised', 'reported', 'reviewed', 'verified', 'closed']);

export const dateInFuture: ContextualFileRule = {
  name: 'date-in-future',
  scope: 'file-in-context',
  codes: ['date-in-future'],
  check({ model, facts, report }) {
    const asOf = facts.asOf;
    for (const entity of model.entities) {
      for (const field of entity.fields) {
        // The value first: few fields hold dates, and a property test is cheaper than hashing the name.
        const value = field.args[0];
        if (value?.kind !== 'date' || value.image <= asOf || !RECORD_DATES.has(field.name) || !isCalendarDate(value.image)) continue;
        reportAtValue(report, entity, field, value, 'date-in-future', `'${field.name} ${value.image}' is after the as-of date (${asOf}): a record cannot be dated in the future`, {
          data: { field: field.name, actual: value.image, ...(entity.id ? { entity: entity.id.image } : {}) },
        });
      }
    }
  },
};
