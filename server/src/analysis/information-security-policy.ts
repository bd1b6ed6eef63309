/**
 * The information security policy of LANGUAGE.md §7.2 (clause 5.2): the
 * policy whose `type` is `information-security` (the first in path order,
 * a second one is a `duplicate-singleton`); when no policy has a `type` and
 * there is exactly one policy, that one. Topic-specific policies (A.5.1)
 * are the others. One place for this rule: the checks of 5.1, 5.2 b–d and
 * 5.2 f, the whole-ISMS checks and the quick fixes all ask here.
 */
import { derivation, derived } from './derived-data';
import { fieldText, hasField, type Entity } from './model';
import type { WorkspaceIndex } from './workspace-index';

export const INFORMATION_SECURITY = 'information-security';

/** Whether a policy says it is the information security policy (`type information-security`). */
export function isDeclaredInformationSecurityPolicy(policy: Entity): boolean {
  return fieldText(policy, 'type') === INFORMATION_SECURITY;
}

const INFORMATION_SECURITY_POLICY = /* @__PURE__ */ derivation<WorkspaceIndex, Entity | undefined>('information security policy', (index) =>
  findPolicy(index.ofKind('policy')),
);

/** The information security policy of the workspace, or undefined when there is none. */
export function informationSecurityPolicy(index: WorkspaceIndex): Entity | undefined {
  return derived(INFORMATION_SECURITY_POLICY, index);
}

function findPolicy(policies: readonly Entity[]): Entity | undefined {
  const declared = policies.find(isDeclaredInformationSecurityPolicy);
  if (declared) return declared;
  if (policies.length === 1 && !hasField(policies[0], 'type')) return policies[0];
  return undefined;
}

/** The policies that declare themselves the information security policy, in path order (more than one is an error). */
export function declaredInformationSecurityPolicies(index: WorkspaceIndex): Entity[] {
  return index.ofKind('policy').filter(isDeclaredInformationSecurityPolicy);
}
