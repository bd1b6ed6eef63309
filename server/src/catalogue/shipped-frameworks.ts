/**
 * The shipped frameworks of frameworks.ts (NIST CSF 2.0, NIS2) in the shape
 * coverage and the editor use, shared with the workspace's mapping packs:
 * the assessable requirements only, each with its own mapped ISO ids.
 */
import type { FrameworkInfo, FrameworkRequirement } from './framework-set';
import { assessableRequirements, frameworks, requirementGroups } from './frameworks';

let shipped: readonly FrameworkInfo[] | undefined;

export function shippedFrameworks(): readonly FrameworkInfo[] {
  return (shipped ??= Object.freeze(
    frameworks().map((fw): FrameworkInfo => {
      const assessable = assessableRequirements(fw.id);
      const ids = new Set(assessable.map((r) => r.id));
      const requirements = assessable.map(
        (r): FrameworkRequirement => ({
          id: r.id,
          title: r.title,
          group: r.group,
          ...(r.parent !== undefined && ids.has(r.parent) ? { parent: r.parent } : {}),
          targets: r.iso27001,
        }),
      );
      return {
        id: fw.id,
        label: fw.shortTitle,
        name: fw.title,
        groupKind: fw.groupKind,
        groups: requirementGroups(fw.id).map((g) => ({ id: g.id, name: g.title })),
        requirements,
        credit: fw.credit,
        source: 'shipped',
      };
    }),
  ));
}
