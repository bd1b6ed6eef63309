/**
 * `nonconformity-without-cause` (10.2 b): a nonconformity closed without its
 * cause recorded: nobody can tell whether the action removed it. On the
 * `status closed` field, like the missing effectiveness.
 */
import { fieldText, firstField, hasField } from '../model';
import { entityData, nameOf } from '../records';
import type { FileRule } from '../rule';
import { reportAtField } from '../placement';

export const nonconformityWithoutCause: FileRule = {
  name: 'nonconformity-without-cause',
  scope: 'file',
  codes: ['nonconformity-without-cause'],
  check({ model, report }) {
    for (const nc of model.entities) {
      if (nc.kind !== 'nonconformity' || fieldText(nc, 'status') !== 'closed' || hasField(nc, 'cause')) continue;
      reportAtField(report, nc, firstField(nc, 'status')!, 'nonconformity-without-cause', `${nameOf(nc)} is closed but its cause is not recorded`, {
        data: { field: 'cause', ...entityData(nc) },
      });
    }
  },
};
