/**
 * `policy-incomplete` (5.2 b–d): across all policies, something must set or
 * frame objectives, commit to satisfying applicable requirements and commit
 * to continual improvement. One finding per missing element, at the head of
 * the first policy (files in path order).
 */
import { fieldTexts, hasField } from '../model';
import type { WorkspaceRule } from '../rule';
import { reportAtHead } from '../placement';

export const policyCompleteness: WorkspaceRule = {
  name: 'policy-completeness',
  scope: 'workspace',
  codes: ['policy-incomplete'],
  check({ index, report }) {
    const policies = index.ofKind('policy');
    if (policies.length === 0) return;
    const policyIds = new Set(policies.flatMap((policy) => (policy.id ? [policy.id.image] : [])));
    const objectives =
      policies.some((policy) => hasField(policy, 'objectives') || hasField(policy, 'objectives-framework')) ||
      index.ofKind('objective').some((objective) => fieldTexts(objective, 'policy').some((id) => policyIds.has(id)));
    const commitments = new Set(policies.flatMap((policy) => fieldTexts(policy, 'commits-to')));
    const first = policies[0];
    const missing: [string, string, string][] = [];
    if (!objectives) missing.push(['objectives', '5.2 b', 'no policy sets information security objectives (objectives) or a framework for setting them (objectives-framework)']);
    if (!commitments.has('requirements')) missing.push(['requirements', '5.2 c', 'no policy commits to satisfying applicable requirements (commits-to requirements)']);
    if (!commitments.has('continual-improvement'))
      missing.push(['continual-improvement', '5.2 d', 'no policy commits to continual improvement of the ISMS (commits-to continual-improvement)']);
    for (const [element, clause, message] of missing) {
      reportAtHead(report, first, 'policy-incomplete', message, { clause, data: { field: element, ...(first.id ? { entity: first.id.image } : {}) } });
    }
  },
};
