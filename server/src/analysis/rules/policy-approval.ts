/** `approver-not-top-management` (5.1, 5.2): a policy approved by a role that is not top management. */
import { firstField } from '../model';
import type { WorkspaceRule } from '../rule';
import { reportAtValue } from '../placement';

export const policyApproval: WorkspaceRule = {
  name: 'policy-approval',
  scope: 'workspace',
  codes: ['approver-not-top-management'],
  check({ index, report }) {
    for (const policy of index.ofKind('policy')) {
      const field = firstField(policy, 'approved-by');
      const approver = field?.args[0];
      if (!field || approver?.kind !== 'name') continue;
      if (index.declaration(approver.image)?.kind !== 'role' || index.isTopManagement(approver.image)) continue;
      reportAtValue(report, policy, field, approver, 'approver-not-top-management', `'${approver.image}' is not top management; top management approves the information security policy`, {
        data: { actual: approver.image },
      });
    }
  },
};
