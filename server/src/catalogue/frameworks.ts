// Other frameworks mapped onto ISO/IEC 27001:2022 (NIST CSF 2.0, NIS2), typed,
// over the generated data (frameworks-data.ts, from data/frameworks.tsv and
// data/mappings/). Indexes are built on first use.
import { annexControl } from './annex-a';
import type { FrameworkData, FrameworkGroupKind, FrameworkMetadata, FrameworkSubgroupKind } from './catalogue-types';
import { clause } from './clauses';
import { FRAMEWORK_IDS, frameworkData, type FrameworkId } from './frameworks-data';

export type { FrameworkId } from './frameworks-data';
export type { FrameworkGroupKind, FrameworkSubgroupKind } from './catalogue-types';

/** The verb of every mapping: an ISO/IEC 27001 control or clause *helps meet* a requirement. */
export const MAPPING_VERB = 'helps meet';

/**
 * What a mapping means, to show wherever mapping data is shown. Every pair of the
 * shipped mappings is an `intersect` relationship: it never means "complies".
 */
export const MAPPING_MEANING =
  'A mapped ISO/IEC 27001:2022 control or clause helps meet (part of) a requirement; ' +
  'it never proves the requirement is met, and a mapping does not mean the ISMS complies with the framework.';

/** A framework of the catalogue, with its provenance and the credit to show. */
export interface Framework extends FrameworkMetadata<FrameworkId> {
  /** All requirements (NIS2: every point of the Annex, headings and lead-ins included). */
  readonly requirementCount: number;
  /** The requirements to assess (NIS2: 351 of 439 points; CSF: all 106 subcategories). */
  readonly assessableCount: number;
  /** The (requirement, ISO id) pairs of the mapping. */
  readonly pairCount: number;
}

/** A top-level group (CSF function, NIS2 section) or a group inside one (CSF category, NIS2 subsection). */
export interface RequirementGroup {
  readonly framework: FrameworkId;
  /** e.g. `GV`, `GV.OC`, `2`, `2.1`. */
  readonly id: string;
  /**
   * As in the source: `GOVERN`, `Organizational Context`, `RISK MANAGEMENT POLICY (…)`.
   * NIS2 points 7.1–7.3 and 9.1–9.3 head no subsection: their subgroup takes the point's title.
   */
  readonly title: string;
  readonly kind: FrameworkGroupKind | FrameworkSubgroupKind;
  /** The top-level group of a subgroup (`GV` for `GV.OC`); absent for a top-level group. */
  readonly parent?: string;
}

/** A requirement of a framework (a CSF subcategory, a point of the NIS2 Annex). */
export interface Requirement {
  readonly framework: FrameworkId;
  /** e.g. `GV.OC-01`, `2.1.2.a`, `4.3.2:1` (an unnumbered paragraph). */
  readonly id: string;
  /** The title; NIS2 multi-sentence points are shortened to their first sentence. */
  readonly title: string;
  /** The full text (the title when the source has no other text). */
  readonly text: string;
  /** False for headings and lead-in sentences ("… shall:"): only assessable requirements get a status. */
  readonly assessable: boolean;
  /** The enclosing requirement (`2.1.2` for `2.1.2.a`); absent at the top. */
  readonly parent?: string;
  /** The top-level group's id (`GV`, `2`). */
  readonly group: string;
  /** The subgroup's id (`GV.OC`, `2.1`); absent for a NIS2 section heading. */
  readonly subgroup?: string;
  /**
   * The ISO/IEC 27001:2022 ids the mapping relates it to, exactly as in the data:
   * Annex A controls (`A.5.19`) and clauses, sub-clauses included (`6.1.2`, `9.2.2`).
   * Empty: unmapped (the requirement needs its own evidence).
   */
  readonly iso27001: readonly string[];
}

/** An ISO/IEC 27001:2022 id a mapping targets, resolved. */
export interface IsoTarget {
  readonly id: string;
  readonly kind: 'control' | 'clause';
  readonly title: string;
  /**
   * For a clause: the nearest clause of the clause catalogue (clauses.ts), which
   * lists 9.2 and 9.3 but not their sub-clauses: `9.2.2` → `9.2`, `6.1.2` → `6.1.2`.
   */
  readonly clause?: string;
}

/**
 * Titles of the ISO/IEC 27001:2022 sub-clauses a mapping may target that the
 * clause catalogue (clauses.ts) does not list.
 */
const SUB_CLAUSE_TITLES: ReadonlyMap<string, string> = new Map([
  ['7.5.1', 'General'],
  ['7.5.2', 'Creating and updating'],
  ['7.5.3', 'Control of documented information'],
  ['9.2.1', 'General'],
  ['9.2.2', 'Internal audit programme'],
  ['9.3.1', 'General'],
  ['9.3.2', 'Management review inputs'],
  ['9.3.3', 'Management review results'],
]);

interface Index {
  readonly framework: Framework;
  readonly requirements: readonly Requirement[];
  readonly assessable: readonly Requirement[];
  readonly byId: ReadonlyMap<string, Requirement>;
  readonly children: ReadonlyMap<string, readonly Requirement[]>;
  readonly groups: readonly RequirementGroup[];
  readonly subgroups: readonly RequirementGroup[];
  readonly groupById: ReadonlyMap<string, RequirementGroup>;
  readonly subgroupById: ReadonlyMap<string, RequirementGroup>;
}

const indexes = new Map<FrameworkId, Index>();
let allFrameworks: readonly Framework[] | undefined;
let byIsoId: ReadonlyMap<string, readonly Requirement[]> | undefined;

function build(data: FrameworkData<FrameworkId>): Index {
  const fw = data.id;
  const requirements = Object.freeze(
    data.requirements.map(([id, assessable, parent, group, subgroup, title, text, iso27001]) =>
      Object.freeze({
        framework: fw,
        id,
        title,
        text: text === '' ? title : text,
        assessable,
        ...(parent === '' ? {} : { parent }),
        group,
        ...(subgroup === '' ? {} : { subgroup }),
        iso27001: Object.freeze([...iso27001]),
      }),
    ),
  );
  const byId = new Map(requirements.map((r) => [r.id, r]));
  const children = new Map<string, Requirement[]>();
  for (const r of requirements) {
    if (r.parent === undefined) continue;
    let list = children.get(r.parent);
    if (!list) children.set(r.parent, (list = []));
    list.push(r);
  }
  for (const list of children.values()) Object.freeze(list);
  const groups = Object.freeze(data.groups.map(([id, title]) => Object.freeze({ framework: fw, id, title, kind: data.groupKind })));
  const subgroups = Object.freeze(
    data.subgroups.map(([id, title, parent]) =>
      Object.freeze({ framework: fw, id, title: title !== '' ? title : (byId.get(id)?.title ?? id), kind: data.subgroupKind, parent }),
    ),
  );
  const assessable = Object.freeze(requirements.filter((r) => r.assessable));
  const framework: Framework = Object.freeze({
    id: fw,
    shortTitle: data.shortTitle,
    title: data.title,
    version: data.version,
    publisher: data.publisher,
    groupKind: data.groupKind,
    subgroupKind: data.subgroupKind,
    url: data.url,
    source: data.source,
    licence: data.licence,
    credit: data.credit,
    relationship: data.relationship,
    requirementCount: requirements.length,
    assessableCount: assessable.length,
    pairCount: requirements.reduce((sum, r) => sum + r.iso27001.length, 0),
  });
  return {
    framework,
    requirements,
    assessable,
    byId,
    children,
    groups,
    subgroups,
    groupById: new Map(groups.map((g) => [g.id, g])),
    subgroupById: new Map(subgroups.map((g) => [g.id, g])),
  };
}

function index(fw: string): Index | undefined {
  if (!isFrameworkId(fw)) return undefined;
  let built = indexes.get(fw);
  if (!built) {
    built = build(frameworkData(fw));
    indexes.set(fw, built);
  }
  return built;
}

/** Whether `id` is the id of a framework of the catalogue (`nist-csf-2.0`, `nis2`). Case-sensitive. */
export function isFrameworkId(id: string): id is FrameworkId {
  return (FRAMEWORK_IDS as readonly string[]).includes(id);
}

/** The ids of the frameworks, in catalogue order. */
export function frameworkIds(): readonly FrameworkId[] {
  return FRAMEWORK_IDS;
}

/** Every framework, in catalogue order (NIST CSF 2.0, NIS2). */
export function frameworks(): readonly Framework[] {
  allFrameworks ??= Object.freeze(FRAMEWORK_IDS.map((fw) => index(fw)!.framework));
  return allFrameworks;
}

/** The framework with this id, or `undefined`. */
export function framework(id: string): Framework | undefined {
  return index(id)?.framework;
}

/**
 * Every requirement of a framework, in source order: for NIS2, all 439 points of
 * the Annex, headings and lead-in sentences included (see `assessable`). Empty for
 * an unknown framework.
 */
export function requirements(fw: FrameworkId): readonly Requirement[] {
  return index(fw)?.requirements ?? [];
}

/**
 * The requirements that get a status, each counted once (per point, never per
 * section: NIS2 2.1.2 and each of 2.1.2.a–j are separate requirements). CSF: 106, NIS2: 351.
 */
export function assessableRequirements(fw: FrameworkId): readonly Requirement[] {
  return index(fw)?.assessable ?? [];
}

/** The requirement with exactly this id (`GV.OC-01`, `2.1.2.a`), or `undefined`. */
export function requirement(fw: FrameworkId, id: string): Requirement | undefined {
  return index(fw)?.byId.get(id);
}

/** The top-level groups of a framework (CSF functions, NIS2 sections), in source order. */
export function requirementGroups(fw: FrameworkId): readonly RequirementGroup[] {
  return index(fw)?.groups ?? [];
}

/** The subgroups (CSF categories, NIS2 subsections), in source order; of one top-level group when `group` is given. */
export function requirementSubgroups(fw: FrameworkId, group?: string): readonly RequirementGroup[] {
  const all = index(fw)?.subgroups ?? [];
  return group === undefined ? all : all.filter((g) => g.parent === group);
}

/**
 * The top-level group of a requirement (its CSF function or NIS2 section): the
 * unit of the totals "per function/section". `undefined` for an unknown requirement.
 */
export function requirementGroup(fw: FrameworkId, requirementId: string): RequirementGroup | undefined {
  const found = index(fw);
  const r = found?.byId.get(requirementId);
  return r ? found!.groupById.get(r.group) : undefined;
}

/** The subgroup of a requirement (its CSF category or NIS2 subsection), or `undefined` (a NIS2 section heading). */
export function requirementSubgroup(fw: FrameworkId, requirementId: string): RequirementGroup | undefined {
  const found = index(fw);
  const r = found?.byId.get(requirementId);
  return r?.subgroup !== undefined ? found!.subgroupById.get(r.subgroup) : undefined;
}

/**
 * The enclosing requirement: `2.1.2` for `2.1.2.a` (a lead-in point and its
 * lettered sub-points, each a requirement of its own), `2.1` for `2.1.2`
 * (a heading, not assessable). `undefined` at the top and for CSF subcategories.
 */
export function parentRequirement(fw: FrameworkId, id: string): Requirement | undefined {
  const found = index(fw);
  const parent = found?.byId.get(id)?.parent;
  return parent === undefined ? undefined : found!.byId.get(parent);
}

/** The requirements directly inside this one, in source order: `2.1.2.a` … `2.1.2.j` for `2.1.2`. */
export function childRequirements(fw: FrameworkId, id: string): readonly Requirement[] {
  return index(fw)?.children.get(id) ?? [];
}

/**
 * The requirements an ISO/IEC 27001:2022 control or clause helps meet, in
 * catalogue order (frameworks, then source order), of one framework when `fw` is
 * given. The id is matched exactly: `A.5.1` is not `A.5.10`, and `9.2` does not
 * match the pairs of its sub-clause `9.2.2`.
 */
export function requirementsMappedTo(isoId: string, fw?: FrameworkId): readonly Requirement[] {
  if (!byIsoId) {
    const map = new Map<string, Requirement[]>();
    for (const id of FRAMEWORK_IDS) {
      for (const r of index(id)!.requirements) {
        for (const target of r.iso27001) {
          let list = map.get(target);
          if (!list) map.set(target, (list = []));
          list.push(r);
        }
      }
    }
    for (const list of map.values()) Object.freeze(list);
    byIsoId = map;
  }
  const all = byIsoId.get(isoId) ?? [];
  return fw === undefined ? all : all.filter((r) => r.framework === fw);
}

/**
 * An ISO/IEC 27001:2022 id a mapping may target, resolved: an Annex A control
 * (`A.5.19`) or a clause (`6.1.2`, `9.2.2`), with its title; `undefined` otherwise.
 */
export function isoTarget(id: string): IsoTarget | undefined {
  const control = annexControl(id);
  if (control) return Object.freeze({ id, kind: 'control', title: control.title });
  const known = clause(id);
  if (known) return Object.freeze({ id, kind: 'clause', title: known.title, clause: id });
  const title = SUB_CLAUSE_TITLES.get(id);
  if (title === undefined) return undefined;
  let parent = id;
  while (parent.includes('.') && !clause(parent)) parent = parent.slice(0, parent.lastIndexOf('.'));
  return Object.freeze({ id, kind: 'clause', title, clause: parent });
}
