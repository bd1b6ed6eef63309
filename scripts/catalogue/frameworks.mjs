// Other frameworks mapped onto ISO/IEC 27001:2022 (data/frameworks.tsv and the
// files it names in data/mappings/): checked, then written as frameworks-data.ts.
//
// data/frameworks.tsv names, for each framework, its requirements file (every
// requirement, in source order) and its pairs file (one row per requirement and
// ISO id). Their columns follow the framework's group kinds: a framework whose
// groups are `function`s and subgroups `category`s has `function`,
// `function_name`, `category`, `category_name` columns (NIST CSF 2.0); one with
// `section`s and `subsection`s has `section`, `section_name`, … (NIS2).
import { HEADER, checkUnique, fail, readTsvRecords, str, tsvColumns } from './tsv.mjs';

const FRAMEWORK_COLUMNS = [
  'id', 'short_title', 'title', 'version', 'publisher', 'group_kind', 'subgroup_kind',
  'requirements_file', 'pairs_file', 'url', 'source', 'licence', 'credit',
];
const GROUP_KINDS = ['function', 'section'];
const SUBGROUP_KINDS = ['category', 'subsection'];
/** Columns a requirements file may add to the required ones. */
const OPTIONAL_REQUIREMENT_COLUMNS = ['depth', 'assessable', 'parent_id', 'text'];
/** The only relationship the catalogue knows: an ISO id helps meet (part of) a requirement. */
const RELATIONSHIP = 'intersect';

/**
 * The ISO/IEC 27001:2022 clause ids a mapping may target: clauses 4.1–10.2 with
 * their numbered sub-clauses (as listed in data/mappings/README.md). Annex A ids
 * come from annex-a-2022.tsv.
 */
export const ISO_CLAUSE_IDS = Object.freeze([
  '4.1', '4.2', '4.3', '4.4', '5.1', '5.2', '5.3', '6.1', '6.1.1', '6.1.2', '6.1.3', '6.2', '6.3',
  '7.1', '7.2', '7.3', '7.4', '7.5', '7.5.1', '7.5.2', '7.5.3', '8.1', '8.2', '8.3',
  '9.1', '9.2', '9.2.1', '9.2.2', '9.3', '9.3.1', '9.3.2', '9.3.3', '10.1', '10.2',
]);

/** Reads data/frameworks.tsv and every file it names; `controls`: the rows of annex-a-2022.tsv. */
export function readFrameworks(controls) {
  const isoIds = new Set([...ISO_CLAUSE_IDS, ...controls.map((row) => row[0])]);
  const metas = readTsvRecords('frameworks.tsv', FRAMEWORK_COLUMNS);
  checkUnique('frameworks.tsv', metas.map((meta) => meta.id));
  return metas.map((meta) => readFramework(meta, isoIds));
}

function readFramework(meta, isoIds) {
  const where = `frameworks.tsv:${meta.line}`;
  if (!/^[a-z][a-z0-9]*(?:[.-][a-z0-9]+)*$/.test(meta.id)) fail(`${where}: malformed framework id ${JSON.stringify(meta.id)}`);
  for (const column of FRAMEWORK_COLUMNS) if (meta[column] === '') fail(`${where}: ${meta.id} has no ${column}`);
  if (!GROUP_KINDS.includes(meta.group_kind)) fail(`${where}: group_kind ${meta.group_kind} is not one of ${GROUP_KINDS.join(', ')}`);
  if (!SUBGROUP_KINDS.includes(meta.subgroup_kind)) fail(`${where}: subgroup_kind ${meta.subgroup_kind} is not one of ${SUBGROUP_KINDS.join(', ')}`);
  const group = meta.group_kind;
  const subgroup = meta.subgroup_kind;

  // --- requirements ---------------------------------------------------------
  const reqFile = meta.requirements_file;
  const required = ['framework_id', group, `${group}_name`, subgroup, `${subgroup}_name`, 'title', 'iso27001_targets'];
  const columns = tsvColumns(reqFile);
  for (const column of required) if (!columns.includes(column)) fail(`${reqFile}: no ${column} column`);
  for (const column of columns) {
    if (!required.includes(column) && !OPTIONAL_REQUIREMENT_COLUMNS.includes(column)) fail(`${reqFile}: unknown column ${column}`);
  }
  const records = readTsvRecords(reqFile, columns);
  checkUnique(reqFile, records.map((r) => r.framework_id));

  const groups = new Map();
  const subgroups = new Map();
  const byId = new Map();
  const requirements = [];
  for (const r of records) {
    const at = `${reqFile}:${r.line}`;
    const id = r.framework_id;
    if (id === '' || /\s/.test(id)) fail(`${at}: malformed requirement id ${JSON.stringify(id)}`);
    if (r.title === '') fail(`${at}: ${id} has no title`);
    const assessable = r.assessable ?? 'true';
    if (assessable !== 'true' && assessable !== 'false') fail(`${at}: ${id}: assessable is ${JSON.stringify(assessable)}`);
    const parent = r.parent_id ?? '';
    if (parent !== '' && !byId.has(parent)) fail(`${at}: ${id}: parent ${parent} is not an earlier requirement`);
    if (r.depth !== undefined) {
      const expected = parent === '' ? 1 : byId.get(parent).depth + 1;
      if (r.depth !== String(expected)) fail(`${at}: ${id}: depth ${r.depth}, expected ${expected}`);
    }
    if (r[group] === '') fail(`${at}: ${id} has no ${group}`);
    name(groups, r[group], r[`${group}_name`], undefined, at);
    if (r[subgroup] !== '') name(subgroups, r[subgroup], r[`${subgroup}_name`], r[group], at);
    else if (r[`${subgroup}_name`] !== '') fail(`${at}: ${id} has a ${subgroup}_name but no ${subgroup}`);
    if (!/^\d+$/.test(r.iso27001_targets)) fail(`${at}: ${id}: iso27001_targets is ${JSON.stringify(r.iso27001_targets)}`);
    const text = r.text ?? '';
    const requirement = {
      id,
      depth: r.depth === undefined ? undefined : Number(r.depth),
      assessable: assessable === 'true',
      parent,
      group: r[group],
      subgroup: r[subgroup],
      title: r.title,
      text: text === r.title ? '' : text,
      expectedTargets: Number(r.iso27001_targets),
      targets: [],
    };
    byId.set(id, requirement);
    requirements.push(requirement);
  }

  // --- pairs ------------------------------------------------------------------
  const pairsFile = meta.pairs_file;
  const pairs = readTsvRecords(pairsFile, ['framework_id', 'title', group, subgroup, 'iso27001', 'relationship']);
  const seen = new Set();
  for (const p of pairs) {
    const at = `${pairsFile}:${p.line}`;
    const requirement = byId.get(p.framework_id);
    if (!requirement) fail(`${at}: ${p.framework_id} is no requirement of ${reqFile}`);
    if (p.title !== requirement.title) fail(`${at}: ${p.framework_id}: the title differs from ${reqFile}`);
    if (p[group] !== requirement.group || p[subgroup] !== requirement.subgroup) fail(`${at}: ${p.framework_id}: ${group}/${subgroup} differ from ${reqFile}`);
    if (p.relationship !== RELATIONSHIP) {
      fail(`${at}: relationship ${JSON.stringify(p.relationship)}: the catalogue knows only ${RELATIONSHIP} (see MAPPING_MEANING)`);
    }
    if (!isoIds.has(p.iso27001)) fail(`${at}: ${p.iso27001} is no ISO/IEC 27001:2022 clause or Annex A control`);
    const key = `${p.framework_id}\t${p.iso27001}`;
    if (seen.has(key)) fail(`${at}: duplicate pair ${p.framework_id} -> ${p.iso27001}`);
    seen.add(key);
    requirement.targets.push(p.iso27001);
  }
  for (const requirement of requirements) {
    if (requirement.targets.length !== requirement.expectedTargets) {
      fail(`${reqFile}: ${requirement.id} says ${requirement.expectedTargets} ISO targets, ${pairsFile} has ${requirement.targets.length}`);
    }
  }

  return {
    meta,
    groups: [...groups.values()],
    subgroups: [...subgroups.values()],
    requirements,
    pairCount: pairs.length,
  };
}

/** Records a (sub)group's name and parent group, checking every row agrees. */
function name(map, id, title, parent, at) {
  // A subgroup may be unnamed (NIS2 sections 7 and 9 have numbered points, not headed subsections).
  if (title === '' && parent === undefined) fail(`${at}: ${id} has no name`);
  const known = map.get(id);
  if (!known) map.set(id, { id, title, parent });
  else if (known.title !== title || known.parent !== parent) fail(`${at}: ${id} is named or placed differently from an earlier row`);
}

/** The name of the function that builds a framework's data: `nist-csf-2.0` → `nistCsf20Data`. */
function fnName(id) {
  const [first, ...rest] = id.split(/[^a-zA-Z0-9]+/);
  return first + rest.map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join('') + 'Data';
}

export function frameworksModule(frameworks) {
  const ids = frameworks.map((f) => f.meta.id);
  const blocks = frameworks.map(({ meta, groups, subgroups, requirements, pairCount }) => {
    const assessable = requirements.filter((r) => r.assessable).length;
    const literal = `{
  id: ${str(meta.id)},
  shortTitle: ${str(meta.short_title)},
  title: ${str(meta.title)},
  version: ${str(meta.version)},
  publisher: ${str(meta.publisher)},
  groupKind: ${str(meta.group_kind)},
  subgroupKind: ${str(meta.subgroup_kind)},
  url: ${str(meta.url)},
  source: ${str(meta.source)},
  licence: ${str(meta.licence)},
  credit: ${str(meta.credit)},
  relationship: ${str(RELATIONSHIP)},
  groups: [
${groups.map((g) => `    [${str(g.id)}, ${str(g.title)}],`).join('\n')}
  ],
  subgroups: [
${subgroups.map((g) => `    [${str(g.id)}, ${str(g.title)}, ${str(g.parent)}],`).join('\n')}
  ],
  requirements: [
${requirements
  .map((r) => `    [${[str(r.id), String(r.assessable), str(r.parent), str(r.group), str(r.subgroup), str(r.title), str(r.text)].join(', ')}, [${r.targets.map(str).join(', ')}]],`)
  .join('\n')}
  ],
}`;
    return `/** ${meta.title}: ${requirements.length} requirements (${assessable} assessable), ${pairCount} pairs with ISO/IEC 27001:2022. */
function ${fnName(meta.id)}(): FrameworkData<FrameworkId> {
  return ${literal.replace(/\n/g, '\n  ')};
}`;
  });
  return `${HEADER}
import type { FrameworkData } from './catalogue-types';

/** The id of a framework of data/frameworks.tsv. */
export type FrameworkId = ${ids.map(str).join(' | ')};

/** The frameworks mapped onto ISO/IEC 27001:2022, in the order of data/frameworks.tsv. */
export const FRAMEWORK_IDS: readonly FrameworkId[] = [${ids.map(str).join(', ')}];

${blocks.join('\n\n')}

/**
 * The data of one framework, built when first asked for. Each framework's
 * literal sits in a function so that loading this module costs only a
 * pre-parse: \`isms check\` on an ISMS that declares no framework never
 * evaluates the 1,267 mapping pairs.
 */
export function frameworkData(id: FrameworkId): FrameworkData<FrameworkId> {
  switch (id) {
${frameworks.map((f) => `    case ${str(f.meta.id)}:\n      return ${fnName(f.meta.id)}();`).join('\n')}
  }
}
`;
}
