/**
 * The Frameworks view as plain data (pure, no `vscode`): framework →
 * function/section → requirement (sub-points under their parent point) →
 * the mapped ISO/IEC 27001 controls and clauses, with status icons and a
 * filter by status. Everything comes from the server's `isms/frameworks`.
 */
import type { FrameworkCoverageResult, FrameworksResult, RequirementResult, TargetResult } from '../../../server/src/protocol/custom-requests';
import { COLOR, ERROR, PASS, type IconSpec } from './icons';
import { code, escapeMarkdown } from './markdown';

export type CoverageStatus = RequirementResult['status'];
export const STATUS_FILTERS: readonly CoverageStatus[] = ['covered', 'partial', 'gap', 'unmapped'];

export function statusIcon(status: CoverageStatus): IconSpec {
  switch (status) {
    case 'covered':
      return PASS;
    case 'partial':
      return { id: 'issues', color: COLOR.partial };
    case 'gap':
      return ERROR;
    case 'unmapped':
      return { id: 'circle-slash', color: COLOR.muted };
  }
}

export function targetIcon(target: TargetResult): IconSpec {
  if (target.state === 'implemented' || target.state === 'pass') return PASS;
  if (target.state === 'partial' || target.state === 'planned' || target.state === 'warn') return { id: 'issues', color: COLOR.partial };
  if (target.state === 'excluded' || target.state === 'unverified') return { id: 'circle-slash', color: COLOR.muted };
  return ERROR;
}

/** `251 covered · 40 partial · 34 gaps · 26 unmapped`. */
export function totalsText(totals: FrameworkCoverageResult['totals']): string {
  return `${totals.covered} covered · ${totals.partial} partial · ${totals.gap} ${totals.gap === 1 ? 'gap' : 'gaps'} · ${totals.unmapped} unmapped`;
}

export function frameworkTooltip(framework: FrameworkCoverageResult, meaning: string): string {
  return `**${escapeMarkdown(framework.framework.name)}**\n\n${totalsText(framework.totals)}\n\n*${escapeMarkdown(meaning)}*\n\nSource: ${escapeMarkdown(framework.framework.credit)}`;
}

const STATUS_TEXT: Record<CoverageStatus, string> = {
  covered: 'Covered: a mapped control is implemented, or a mapped clause passes.',
  partial: 'Partial: mapped controls are applicable but only partial or planned.',
  gap: 'Gap: every mapped control is excluded, not implemented or not in the SoA, and no mapped clause passes.',
  unmapped: 'Unmapped: no ISO/IEC 27001 control or clause maps to it; it needs its own evidence.',
};

/** A requirement's mapped controls and clauses, from the framework's table (ids it lacks are left out). */
export function requirementTargets(requirement: RequirementResult, targets: FrameworkCoverageResult['targets']): TargetResult[] {
  return requirement.targets.flatMap((id) => (targets[id] ? [targets[id]] : []));
}

export function requirementTooltip(requirement: RequirementResult, targets: FrameworkCoverageResult['targets'], meaning: string): string {
  const lines = requirementTargets(requirement, targets).map((t) => `- ${code(t.id)} ${escapeMarkdown(t.title)}: ${t.state}`).join('\n');
  return `**${escapeMarkdown(requirement.id)}** ${escapeMarkdown(requirement.title)}\n\n${STATUS_TEXT[requirement.status]}${lines ? `\n\n${lines}` : ''}\n\n*${escapeMarkdown(meaning)}*`;
}

export function targetLabel(target: TargetResult): string {
  return `${target.id} ${target.title}`;
}

export function targetDescription(target: TargetResult): string {
  return target.kind === 'clause' ? `clause · ${target.state}` : target.state;
}

/** A requirement with the sub-points under it (those whose parent it is, in the same group). */
export interface RequirementTree {
  readonly requirement: RequirementResult;
  readonly children: RequirementTree[];
}

/**
 * The requirements of a group as a tree (sub-points under their parent);
 * with a filter, only the requirements of that status, flat.
 */
export function requirementTrees(requirements: readonly RequirementResult[], filter?: CoverageStatus): RequirementTree[] {
  if (filter) return requirements.filter((r) => r.status === filter).map((requirement) => ({ requirement, children: [] }));
  const byId = new Map<string, RequirementTree>();
  const roots: RequirementTree[] = [];
  for (const requirement of requirements) {
    const node: RequirementTree = { requirement, children: [] };
    byId.set(requirement.id, node);
    const parent = requirement.parent !== undefined ? byId.get(requirement.parent) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

export function filterLabel(filter: CoverageStatus): string {
  return `Showing: ${filter}`;
}

/** For a folder node: `NIS2 251/351 covered · NIST CSF 2.0 100/106 covered`. */
export function frameworksSummary(data: FrameworksResult): string {
  return data.frameworks.map((f) => `${f.framework.label} ${f.totals.covered}/${f.totals.total} covered`).join(' · ');
}
