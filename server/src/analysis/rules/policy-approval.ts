/**
 * `approver-not-top-management` (5.1, 5.2): none of the approvers of the
 * information security policy is top management. Topic-specific policies
 * (A.5.1) are approved by appropriate management: any role (v2).
 */
import type { Argument } from '../../../../grammar/src';
import { informationSecurityPolicy } from '../information-security-policy';
import type { Field } from '../model';
import type { WorkspaceRule } from '../rule';
import { reportAtValue } from '../placement';

export const policyApproval: WorkspaceRule = {
  name: 'policy-approval',
  scope: 'workspace',
  codes: ['approver-not-top-management'],
  check({ index, report }) {
    const policy = informationSecurityPolicy(index);
    if (policy) {
      // approved-by takes several roles (v2): one of them must be top management. Values that are no role are another rule's concern.
      let first: { field: Field; value: Argument } | undefined;
      let topManagement = false;
      for (const field of policy.fields) {
        if (field.name !== 'approved-by') continue;
        for (const value of field.args) {
          if (value.kind !== 'name' || index.declaration(value.image)?.kind !== 'role') continue;
          if (index.isTopManagement(value.image)) topManagement = true;
          else first ??= { field, value };
        }
      }
      if (topManagement || !first) return;
      const approver = first.value;
      reportAtValue(report, policy, first.field, approver, 'approver-not-top-management', `'${approver.image}' is not top management; top management approves the information security policy`, {
        data: { actual: approver.image },
      });
    }
  },
};
