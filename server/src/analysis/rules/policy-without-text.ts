/** `policy-without-text` (5.2 e): a policy is documented information; one with neither `statement` nor `document` has no text. At the head. */
import { hasField } from '../model';
import { entityData, nameOf } from '../records';
import type { FileRule } from '../rule';
import { reportAtHead } from '../placement';

export const policyWithoutText: FileRule = {
  name: 'policy-without-text',
  scope: 'file',
  codes: ['policy-without-text'],
  check({ model, report }) {
    for (const policy of model.entities) {
      if (policy.kind !== 'policy' || hasField(policy, 'statement') || hasField(policy, 'document')) continue;
      reportAtHead(report, policy, 'policy-without-text', `policy ${nameOf(policy)} has neither a statement nor a document: the policy itself is not recorded`, {
        data: { field: 'document', ...entityData(policy) },
      });
    }
  },
};
