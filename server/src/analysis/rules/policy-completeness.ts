/**
 * `policy-incomplete` (5.2 b–d), judged on the information security policy
 * alone (v2): it sets objectives (its `objectives`, an objective whose
 * `policy` names it) or frames them (`objectives-framework`), commits to
 * satisfying applicable requirements and to continual improvement. One
 * finding per missing element, at the head of that policy.
 */
import { informationSecurityPolicy } from '../information-security-policy';
import { fieldTexts, hasField } from '../model';
import type { WorkspaceRule } from '../rule';
import { reportAtHead } from '../placement';

export const policyCompleteness: WorkspaceRule = {
  name: 'policy-completeness',
  scope: 'workspace',
  codes: ['policy-incomplete'],
  check({ index, report }) {
    const policy = informationSecurityPolicy(index);
    if (!policy) return;
    const id = policy.id?.image;
    const objectives =
      hasField(policy, 'objectives') ||
      hasField(policy, 'objectives-framework') ||
      (id !== undefined && index.ofKind('objective').some((objective) => fieldTexts(objective, 'policy').includes(id)));
    const commitments = new Set(fieldTexts(policy, 'commits-to'));
    const name = id ? `the information security policy ${id}` : 'the information security policy';
    const missing: [string, string, string][] = [];
    if (!objectives) missing.push(['objectives', '5.2 b', `${name} sets no information security objectives (objectives) and no framework for setting them (objectives-framework)`]);
    if (!commitments.has('requirements')) missing.push(['requirements', '5.2 c', `${name} does not commit to satisfying applicable requirements (commits-to requirements)`]);
    if (!commitments.has('continual-improvement'))
      missing.push(['continual-improvement', '5.2 d', `${name} does not commit to continual improvement of the ISMS (commits-to continual-improvement)`]);
    for (const [element, clause, message] of missing) {
      reportAtHead(report, policy, 'policy-incomplete', message, { clause, data: { field: element, ...(id ? { entity: id } : {}) } });
    }
  },
};
