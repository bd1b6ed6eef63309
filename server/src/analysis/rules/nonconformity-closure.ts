import { fieldText, firstField, hasField } from '../model';
import type { FileRule } from '../rule';
import { reportAtField } from '../placement';

/**
 * `nonconformity-without-action` (10.2 d): a closed nonconformity must say how
 * the corrective action was shown effective. (A missing corrective action is
 * reported by required-fields under the same code.)
 */
export const nonconformityClosure: FileRule = {
  name: 'nonconformity-closure',
  scope: 'file',
  codes: ['nonconformity-without-action'],
  check({ model, report }) {
    for (const nc of model.entities) {
      if (nc.kind !== 'nonconformity' || fieldText(nc, 'status') !== 'closed' || hasField(nc, 'effectiveness')) continue;
      reportAtField(report, nc, firstField(nc, 'status')!, 'nonconformity-without-action', `${nc.id?.image ?? 'the nonconformity'} is closed but its effectiveness is not recorded`, {
        data: { field: 'effectiveness', ...(nc.id ? { entity: nc.id.image } : {}) },
      });
    }
  },
};
