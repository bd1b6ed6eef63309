// The types of the generated catalogue modules (annex-a-data.ts,
// legacy-2013-data.ts, frameworks-data.ts). This module imports nothing, so the
// generated data depends on no hand-written module and the accessors
// (annex-a.ts, legacy-2013.ts, frameworks.ts) depend on the data, never the
// other way round.

/** The four themes of Annex A: clauses A.5 to A.8. */
export type Theme = 'organizational' | 'people' | 'physical' | 'technological';

/**
 * One row of `data/annex-a-2022.tsv`: id, theme, title, then the five ISO/IEC 27002:2022
 * attribute sets (control type, information security properties, cybersecurity
 * concepts, operational capabilities, security domains), each a space-separated list.
 */
export type AnnexRow = readonly [
  id: string,
  theme: Theme,
  title: string,
  controlType: string,
  securityProperties: string,
  cybersecurityConcepts: string,
  operationalCapabilities: string,
  securityDomains: string,
];

/** One row of `data/annex-a-2013-to-2022.tsv`: a 2013 Annex A id, its title, and the 2022 control(s) it maps to. */
export type LegacyRow = readonly [id2013: string, title2013: string, ids2022: readonly string[]];

/** How a framework names its top-level groups of requirements. */
export type FrameworkGroupKind = 'function' | 'section';

/** How a framework names the groups inside a top-level group. */
export type FrameworkSubgroupKind = 'category' | 'subsection';

/** A group of requirements: `['GV', 'GOVERN']`, `['2', 'RISK MANAGEMENT POLICY (…)']`. */
export type GroupRow = readonly [id: string, title: string];

/** A group inside a top-level group: `['GV.OC', 'Organizational Context', 'GV']`. */
export type SubgroupRow = readonly [id: string, title: string, group: string];

/**
 * One requirement (a node of the framework's requirements file), in source order:
 * its id; whether it is assessable (headings and lead-in sentences are not);
 * its parent requirement (`''`: none); its group and subgroup (`''`: none, for a
 * top-level heading); its title; its full text when it differs from the title
 * (`''` otherwise); the ISO/IEC 27001:2022 ids (clauses and Annex A controls) the
 * mapping relates it to, in the mapping file's order.
 */
export type RequirementRow = readonly [
  id: string,
  assessable: boolean,
  parent: string,
  group: string,
  subgroup: string,
  title: string,
  text: string,
  iso27001: readonly string[],
];

/** What `data/frameworks.tsv` says of a framework: its names, provenance and credit. */
export interface FrameworkMetadata<Id extends string = string> {
  readonly id: Id;
  /** e.g. `NIS2`. */
  readonly shortTitle: string;
  readonly title: string;
  readonly version: string;
  readonly publisher: string;
  readonly groupKind: FrameworkGroupKind;
  readonly subgroupKind: FrameworkSubgroupKind;
  readonly url: string;
  /** Where the data comes from (repository, commit, files). */
  readonly source: string;
  readonly licence: string;
  /** The credit to show wherever the framework's mapping data is shown. */
  readonly credit: string;
  /** The relationship of every pair of the mapping (`intersect`: helps meet). */
  readonly relationship: 'intersect';
}

/** One framework of `data/frameworks.tsv` with its groups and requirements. */
export interface FrameworkData<Id extends string = string> extends FrameworkMetadata<Id> {
  readonly groups: readonly GroupRow[];
  readonly subgroups: readonly SubgroupRow[];
  readonly requirements: readonly RequirementRow[];
}
