import { fieldText, hasField } from '../model';
import type { FileRule } from '../rule';
import { reportAtHead } from '../placement';

/** `control-missing-status`: an applicable control without its implementation status. */
export const controlStatus: FileRule = {
  name: 'control-status',
  scope: 'file',
  codes: ['control-missing-status'],
  check({ model, report }) {
    for (const control of model.entities) {
      if (control.kind !== 'control' || fieldText(control, 'applicable') !== 'yes' || hasField(control, 'status')) continue;
      reportAtHead(report, control, 'control-missing-status', `${control.id?.image ?? 'the control'} is applicable but has no status (implemented, partial, planned or not-implemented)`, {
        data: { field: 'status', ...(control.id ? { entity: control.id.image } : {}) },
      });
    }
  },
};
