/**
 * Coverage of another framework (NIST CSF 2.0, NIS2, a workspace pack) by
 * this ISMS, read from its SoA and its clause states. For each requirement:
 * the ISO/IEC 27001:2022 ids mapped to it, their state here, and a status:
 *
 * - `covered`: a mapped Annex A control is applicable and `implemented`, or
 *   a mapped clause is in `pass` state;
 * - `partial`: not covered, and a mapped control is applicable but only
 *   `partial` or `planned`;
 * - `gap`: every mapped control is excluded, not implemented or not in the
 *   SoA, and no mapped clause passes;
 * - `unmapped`: nothing maps to it: it needs its own evidence.
 *
 * Every requirement (a NIS2 lead-in point and each of its lettered points
 * alike) is one node with its own mappings, counted once. A mapping means
 * "helps meet", never "complies". Pure: plain data for the CLI, the editor's
 * Frameworks view, lenses and the preview.
 */
import { derivation, derived } from '../analysis/derived-data';
import type { Location } from '../analysis/diagnostic';
import { entityTitle, fieldText, fieldTexts } from '../analysis/model';
import type { WorkspaceIndex } from '../analysis/workspace-index';
import { annexControl } from '../catalogue/annex-a';
import { clause as clauseInfo } from '../catalogue/clauses';
import type { FrameworkInfo, FrameworkRequirement, FrameworkSet } from '../catalogue/framework-set';
import { isoTarget } from '../catalogue/frameworks';
import type { Snapshot } from '../analysis/snapshot';
import { analysisClauseStatus } from './clause-status';

export type CoverageStatus = 'covered' | 'partial' | 'gap' | 'unmapped';
export const COVERAGE_STATUSES: readonly CoverageStatus[] = ['covered', 'partial', 'gap', 'unmapped'];

/** A clause's readiness state (LANGUAGE.md §7.5); only `pass` counts. */
export type ClauseState = 'pass' | 'warn' | 'fail' | 'unverified';

/**
 * The state of an Annex A control in the SoA: its `status` when applicable,
 * `excluded` when `applicable no`, `no-status` when applicable without a
 * status, `undeclared` without an entry.
 */
export type ControlState = 'implemented' | 'partial' | 'planned' | 'not-implemented' | 'no-status' | 'excluded' | 'undeclared';

export interface TargetState {
  /** `A.5.1` or a clause id (`6.1.2`). */
  readonly id: string;
  readonly kind: 'control' | 'clause';
  readonly title: string;
  readonly state: ControlState | ClauseState;
  /** Whether this target alone makes the requirement covered. */
  readonly meets: boolean;
  /** The SoA entry (controls only). */
  readonly location?: Location;
}

export interface RequirementCoverage {
  readonly id: string;
  readonly title: string;
  readonly group: string;
  readonly parent?: string;
  readonly status: CoverageStatus;
  readonly targets: readonly TargetState[];
}

export interface CoverageTotals {
  readonly covered: number;
  readonly partial: number;
  readonly gap: number;
  readonly unmapped: number;
  readonly total: number;
}

export interface GroupCoverage {
  readonly id: string;
  readonly name: string;
  readonly totals: CoverageTotals;
  readonly requirements: readonly RequirementCoverage[];
}

export interface FrameworkCoverage {
  readonly framework: { readonly id: string; readonly label: string; readonly name: string; readonly groupKind: string; readonly credit: string };
  readonly asOf: string;
  readonly organization: string | undefined;
  readonly totals: CoverageTotals;
  readonly groups: readonly GroupCoverage[];
  /** Every requirement in framework order (also inside `groups`). */
  readonly requirements: readonly RequirementCoverage[];
}

/** The clause state for a clause id, or undefined when not known. */
export type ClauseStates = (clause: string) => ClauseState | undefined;

/** A clause's state, or that of the nearest enclosing clause that has one (`9.3.1` → `9.3` → `9`). */
export function clauseStateOf(states: ClauseStates, id: string): ClauseState {
  for (let current: string | undefined = id; current; current = current.includes('.') ? current.slice(0, current.lastIndexOf('.')) : undefined) {
    const state = states(current);
    if (state) return state;
  }
  return 'unverified';
}

export function controlState(index: WorkspaceIndex, id: string): { state: ControlState; location?: Location } {
  const entry = index.declarations(id).find((entity) => entity.kind === 'control');
  if (!entry) return { state: 'undeclared' };
  const location = { file: entry.file, start: entry.statement.start, end: entry.headEnd };
  const applicable = fieldText(entry, 'applicable');
  if (applicable === 'no') return { state: 'excluded', location };
  if (applicable !== 'yes') return { state: 'undeclared', location };
  const status = fieldText(entry, 'status');
  const state: ControlState =
    status === 'implemented' || status === 'partial' || status === 'planned' || status === 'not-implemented' ? status : 'no-status';
  return { state, location };
}

/** Statuses of one requirement from the states of its targets. */
export function requirementStatus(targets: readonly TargetState[]): CoverageStatus {
  if (targets.length === 0) return 'unmapped';
  if (targets.some((target) => target.meets)) return 'covered';
  if (targets.some((target) => target.kind === 'control' && (target.state === 'partial' || target.state === 'planned'))) return 'partial';
  return 'gap';
}

function emptyTotals(): { covered: number; partial: number; gap: number; unmapped: number; total: number } {
  return { covered: 0, partial: 0, gap: 0, unmapped: 0, total: 0 };
}

export function coverage(framework: FrameworkInfo, index: WorkspaceIndex, clauseStates: ClauseStates, asOf: string): FrameworkCoverage {
  const targetCache = new Map<string, TargetState>();
  const target = (id: string): TargetState => {
    let state = targetCache.get(id);
    if (!state) {
      const annex = annexControl(id);
      if (annex) {
        const control = controlState(index, id);
        state = { id, kind: 'control', title: annex.title, state: control.state, meets: control.state === 'implemented', ...(control.location ? { location: control.location } : {}) };
      } else {
        const clauseState = clauseStateOf(clauseStates, id);
        state = { id, kind: 'clause', title: clauseTitle(id), state: clauseState, meets: clauseState === 'pass' };
      }
      targetCache.set(id, state);
    }
    return state;
  };
  const totals = emptyTotals();
  const byGroup = new Map<string, { totals: ReturnType<typeof emptyTotals>; requirements: RequirementCoverage[] }>();
  for (const group of framework.groups) byGroup.set(group.id, { totals: emptyTotals(), requirements: [] });
  const requirements: RequirementCoverage[] = [];
  for (const requirement of framework.requirements) {
    const targets = requirement.targets.map(target);
    const status = requirementStatus(targets);
    const result: RequirementCoverage = {
      id: requirement.id,
      title: requirement.title,
      group: requirement.group,
      ...(requirement.parent ? { parent: requirement.parent } : {}),
      status,
      targets,
    };
    requirements.push(result);
    let group = byGroup.get(requirement.group);
    if (!group) byGroup.set(requirement.group, (group = { totals: emptyTotals(), requirements: [] }));
    group.requirements.push(result);
    group.totals[status]++;
    group.totals.total++;
    totals[status]++;
    totals.total++;
  }
  const names = new Map(framework.groups.map((group) => [group.id, group.name]));
  const organization = index.first('organization');
  return {
    framework: { id: framework.id, label: framework.label, name: framework.name, groupKind: framework.groupKind, credit: framework.credit },
    asOf,
    organization: organization ? entityTitle(organization) : undefined,
    totals,
    groups: [...byGroup].map(([id, group]) => ({ id, name: names.get(id) ?? id, totals: group.totals, requirements: group.requirements })),
    requirements,
  };
}

/**
 * A clause's title; a sub-clause titled "General" (6.1.1, 9.2.1, 9.3.1) is
 * named by its parent: `Management review (9.3.1)`.
 */
function clauseTitle(id: string): string {
  const own = isoTarget(id)?.title;
  if (own !== undefined && own !== 'General') return own;
  for (let cut = id.lastIndexOf('.'); cut > 0; cut = id.lastIndexOf('.', cut - 1)) {
    const found = clauseInfo(id.slice(0, cut));
    if (found) return `${found.title} (${id})`;
  }
  return own ?? `Clause ${id}`;
}

/** `NIS2: 251 covered · 40 partial · 34 gaps · 26 unmapped`. */
export function totalsLine(label: string, totals: CoverageTotals): string {
  return `${label}: ${totals.covered} covered · ${totals.partial} partial · ${totals.gap} ${totals.gap === 1 ? 'gap' : 'gaps'} · ${totals.unmapped} unmapped`;
}

/** The frameworks the organization declares (`frameworks nis2, …`) that exist, in the order written. */
export function declaredFrameworks(index: WorkspaceIndex, set: FrameworkSet): FrameworkInfo[] {
  const organization = index.first('organization');
  if (!organization) return [];
  const result: FrameworkInfo[] = [];
  for (const id of fieldTexts(organization, 'frameworks')) {
    const framework = set.get(id);
    if (framework && !result.includes(framework)) result.push(framework);
  }
  return result;
}

/** A framework's requirements by the ISO id they are mapped to, in framework order. */
const requirementsByIsoId = derivation<FrameworkInfo, ReadonlyMap<string, readonly FrameworkRequirement[]>>('requirements-by-iso-id', (framework) => {
  const map = new Map<string, FrameworkRequirement[]>();
  for (const requirement of framework.requirements) {
    for (const target of requirement.targets) {
      let list = map.get(target);
      if (!list) map.set(target, (list = []));
      list.push(requirement);
    }
  }
  return map;
});

/** The requirements of a framework an ISO id is mapped to, in framework order. */
export function requirementsMappedTo(framework: FrameworkInfo, isoId: string): readonly FrameworkRequirement[] {
  return derived(requirementsByIsoId, framework).get(isoId) ?? [];
}

/** Clause states from the findings at their standard severities (the clause status feature's, as clause readiness judges them). */
export function clauseStatesOf(snapshot: Snapshot): ClauseStates {
  const states = new Map<string, ClauseState>();
  for (const entry of analysisClauseStatus(snapshot.analysis())) states.set(entry.clause, entry.status);
  return (id) => states.get(id);
}

/** The coverage of each framework asked for, per analysis. */
const coverageByAnalysis = derivation<object, Map<FrameworkInfo, FrameworkCoverage>>('framework-coverage', () => new Map());

/** A framework's coverage by the service's workspace, computed once per analysis; undefined for an unknown id. */
export function workspaceCoverage(snapshot: Snapshot, frameworkId: string): FrameworkCoverage | undefined {
  const framework = snapshot.frameworks().get(frameworkId);
  if (!framework) return undefined;
  const analysis = snapshot.analysis();
  const byFramework = derived(coverageByAnalysis, analysis);
  let result = byFramework.get(framework);
  if (!result) {
    result = coverage(framework, analysis.index, clauseStatesOf(snapshot), snapshot.asOf);
    byFramework.set(framework, result);
  }
  return result;
}
