/** `obligation-not-addressed` (4.2 c, A.5.31): an obligation that no control addresses (`addressed-by`). At the head. */
import { fieldArguments } from '../model';
import { entityData, nameOf } from '../records';
import type { FileRule } from '../rule';
import { reportAtHead } from '../placement';

export const obligationNotAddressed: FileRule = {
  name: 'obligation-not-addressed',
  scope: 'file',
  codes: ['obligation-not-addressed'],
  check({ model, report }) {
    for (const obligation of model.entities) {
      if (obligation.kind !== 'obligation' || fieldArguments(obligation, 'addressed-by').length > 0) continue;
      reportAtHead(report, obligation, 'obligation-not-addressed', `obligation ${nameOf(obligation)} is addressed by no control: name them in addressed-by`, {
        data: { field: 'addressed-by', ...entityData(obligation) },
      });
    }
  },
};
