/**
 * `date-in-future` (7.5.3): the dates that record something done (`approved`,
 * `assessed`, `raised`, `reported`, `reviewed`, `verified`, `closed`) cannot
 * lie after the as-of date: a record is not a plan. On the value, in every
 * kind that has such a field.
 *
 * The `date` of an audit, change or measurement is a plan when it is later,
 * unless the record says the thing was done (see {@link claimsDone}): a
 * result of an audit not yet held, a change done next month, a measurement's
 * result for a day still to come are records dated in the future.
 */
import { isCalendarDate } from '../../../../grammar/src';
import { fieldText, hasField, type Entity } from '../model';
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
        if (value?.kind !== 'date' || value.image <= asOf || !isCalendarDate(value.image)) continue;
        if (RECORD_DATES.has(field.name)) {
          reportAtValue(report, entity, field, value, 'date-in-future', `'${field.name} ${value.image}' is after the as-of date (${asOf}): a record cannot be dated in the future`, {
            data: { field: field.name, actual: value.image, ...(entity.id ? { entity: entity.id.image } : {}) },
          });
          continue;
        }
        const done = field.name === 'date' ? claimsDone(entity) : undefined;
        if (done === undefined) continue;
        reportAtValue(report, entity, field, value, 'date-in-future', `'date ${value.image}' is after the as-of date (${asOf}), yet the ${entity.kind} ${done}: a record cannot be dated in the future`, {
          data: { field: 'date', actual: value.image, ...(entity.id ? { entity: entity.id.image } : {}) },
        });
      }
    }
  },
};

/** What a dated record says that only a held one can say: undefined when nothing (then a later date makes it planned). */
function claimsDone(entity: Entity): string | undefined {
  switch (entity.kind) {
    case 'audit':
      return hasField(entity, 'result') ? 'has a result' : hasField(entity, 'findings') ? 'has findings' : undefined;
    case 'measurement':
      return hasField(entity, 'result') ? 'has a result' : undefined;
    case 'change':
      return fieldText(entity, 'status') === 'done' ? 'is done' : undefined;
    default:
      return undefined;
  }
}
