/**
 * The frameworks an ISMS can be measured against: the shipped ones (NIST CSF
 * 2.0, NIS2 2024/2690; see frameworks.ts) and the workspace's own mapping
 * packs (`*.tsv` files in the folder named by the `mappings` setting or the
 * `--mappings` option). Pure: the host reads the pack files and hands their
 * texts in; a malformed pack is one error naming its file, line and column.
 *
 * Every mapping reads "this ISO/IEC 27001 control or clause *helps meet*
 * (part of) this requirement", never "complies with it".
 */
import { annexControl } from './annex-a';
import { shippedFrameworks } from './shipped-frameworks';

/** One requirement of a framework, with the ISO/IEC 27001:2022 ids mapped to it. */
export interface FrameworkRequirement {
  readonly id: string;
  readonly title: string;
  /** The function (CSF), section (NIS2) or first grouping column (packs). */
  readonly group: string;
  /** The enclosing requirement when it is itself assessable (NIS2 2.1.2 for 2.1.2.a). */
  readonly parent?: string;
  /** Annex A ids (`A.5.1`) and clause ids (`6.1.2`), in file order. */
  readonly targets: readonly string[];
}

export interface FrameworkGroup {
  readonly id: string;
  readonly name: string;
}

export interface FrameworkInfo {
  /** The id written in `frameworks` (`nis2`, `nist-csf-2.0`, a pack's file name). */
  readonly id: string;
  /** Short, for lenses and tables (`NIS2`). */
  readonly label: string;
  /** Full name. */
  readonly name: string;
  /** What a group is called (`function`, `section`). */
  readonly groupKind: string;
  readonly groups: readonly FrameworkGroup[];
  /** The assessable requirements, in source order; each counted once. */
  readonly requirements: readonly FrameworkRequirement[];
  /** Where the data comes from and under which terms; shown wherever the data is. */
  readonly credit: string;
  /** `shipped`, or the workspace path of the pack file. */
  readonly source: string;
}

/** The mapping-pack text a host hands in. */
export interface MappingPackText {
  /** Workspace-relative POSIX path (`mappings/soc2.tsv`), as errors name it. */
  readonly file: string;
  readonly text: string;
}

export interface MappingPackError {
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based, in UTF-16 code units. */
  readonly column: number;
  readonly message: string;
}

export interface FrameworkSet {
  readonly all: readonly FrameworkInfo[];
  readonly errors: readonly MappingPackError[];
  get(id: string): FrameworkInfo | undefined;
  ids(): string[];
}

/** What every mapping means, for every place that shows one. */
export const HELPS_MEET =
  'A mapping means the ISO/IEC 27001 control or clause helps meet (part of) the requirement; it never shows compliance on its own.';

/** The ISO/IEC 27001:2022 clause ids a mapping may target (4.1–10.2 with numbered sub-clauses). */
export const MAPPABLE_CLAUSES: ReadonlySet<string> = new Set(
  '4.1 4.2 4.3 4.4 5.1 5.2 5.3 6.1 6.1.1 6.1.2 6.1.3 6.2 6.3 7.1 7.2 7.3 7.4 7.5 7.5.1 7.5.2 7.5.3 8.1 8.2 8.3 9.1 9.2 9.2.1 9.2.2 9.3 9.3.1 9.3.2 9.3.3 10.1 10.2'.split(' '),
);

export function isMappableIsoId(id: string): boolean {
  return MAPPABLE_CLAUSES.has(id) || annexControl(id) !== undefined;
}

const RELATIONSHIPS = new Set(['intersect', 'equal', 'subset', 'superset']);
/** The headers of the shipped mapping files; a pack uses one of them. */
const HEADERS = [
  ['framework_id', 'title', 'function', 'category', 'iso27001', 'relationship'],
  ['framework_id', 'title', 'section', 'subsection', 'iso27001', 'relationship'],
];
const PACK_ID = /^[A-Za-z_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?$/;

/** The framework of one pack, or the first problem in it. */
export function parseMappingPack(pack: MappingPackText, taken: ReadonlySet<string> = new Set()): FrameworkInfo | MappingPackError {
  const fail = (line: number, column: number, message: string): MappingPackError => ({ file: pack.file, line, column, message });
  const base = pack.file.slice(pack.file.lastIndexOf('/') + 1);
  const id = base.replace(/\.tsv$/i, '');
  if (!PACK_ID.test(id)) return fail(1, 1, `the file name '${base}' is not a framework id (letters, digits, '.', '-', '_'; it names the framework in 'frameworks')`);
  if (taken.has(id)) return fail(1, 1, `a framework '${id}' already exists: rename the file`);
  const text = pack.text.charCodeAt(0) === 0xfeff ? pack.text.slice(1) : pack.text;
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  if (lines.length === 0) return fail(1, 1, `empty file: the first line must be the header '${HEADERS[0].join('\\t')}' (or with section, subsection)`);
  const header = lines[0].split('\t');
  const headerProblem = checkHeader(header);
  if (headerProblem) return fail(1, headerProblem.column, headerProblem.message);
  const groupKind = header[2];
  const requirements = new Map<string, { id: string; title: string; group: string; targets: string[] }>();
  const groups = new Map<string, FrameworkGroup>();
  for (let i = 1; i < lines.length; i++) {
    const line = i + 1;
    if (lines[i].trim() === '') continue;
    const cells = lines[i].split('\t');
    const starts: number[] = [];
    let offset = 0;
    for (const cell of cells) {
      starts.push(offset + 1);
      offset += cell.length + 1;
    }
    if (cells.length !== 6) {
      const column = cells.length > 6 ? starts[6] : lines[i].length + 1;
      return fail(line, column, `expected 6 tab-separated columns (${HEADERS[0].join(', ')}), found ${cells.length}`);
    }
    const [requirementId, title, group, , target, relationship] = cells.map((cell) => cell.trim());
    if (requirementId === '') return fail(line, starts[0], 'the framework_id column is empty');
    if (title === '') return fail(line, starts[1], `requirement '${requirementId}' has no title`);
    if (group === '') return fail(line, starts[2], `requirement '${requirementId}' has no ${groupKind}`);
    if (target !== '' && !isMappableIsoId(target)) {
      return fail(line, starts[4], `'${target}' is not an ISO/IEC 27001:2022 Annex A control (A.5.1–A.8.34) or clause (4.1–10.2)`);
    }
    if (target !== '' && !RELATIONSHIPS.has(relationship)) {
      return fail(line, starts[5], `relationship '${relationship}' is not one of ${[...RELATIONSHIPS].join(', ')}`);
    }
    if (target === '' && relationship !== '') return fail(line, starts[5], 'a relationship without an iso27001 id');
    let requirement = requirements.get(requirementId);
    if (!requirement) {
      requirement = { id: requirementId, title, group, targets: [] };
      requirements.set(requirementId, requirement);
    } else if (requirement.group !== group) {
      return fail(line, starts[2], `requirement '${requirementId}' was in ${groupKind} '${requirement.group}' on an earlier line`);
    }
    if (!groups.has(group)) groups.set(group, { id: group, name: group });
    if (target !== '' && !requirement.targets.includes(target)) requirement.targets.push(target);
  }
  if (requirements.size === 0) return fail(2, 1, 'no requirements: add one line per (requirement, ISO id) pair after the header');
  // A point's parent is the longest shorter id (cut at a '.') that is itself a requirement: 2.1.2 for 2.1.2.a.
  const withParents: FrameworkRequirement[] = [...requirements.values()].map((requirement) => {
    for (let cut = requirement.id.lastIndexOf('.'); cut > 0; cut = requirement.id.lastIndexOf('.', cut - 1)) {
      const parent = requirement.id.slice(0, cut);
      if (requirements.has(parent)) return { ...requirement, parent };
    }
    return requirement;
  });
  return {
    id,
    label: id,
    name: id,
    groupKind,
    groups: [...groups.values()],
    requirements: withParents,
    credit: `Mapping pack ${pack.file}, provided by this workspace.`,
    source: pack.file,
  };
}

function checkHeader(header: readonly string[]): { column: number; message: string } | undefined {
  const expected = HEADERS.find((h) => h[2] === header[2]) ?? HEADERS[0];
  let column = 1;
  for (let i = 0; i < 6; i++) {
    if (header[i] !== expected[i]) {
      const wanted = i === 2 || i === 3 ? `'${HEADERS[0][i]}' or '${HEADERS[1][i]}'` : `'${expected[i]}'`;
      return { column, message: `header column ${i + 1} must be ${wanted}${header[i] === undefined ? '' : `, not '${header[i]}'`} (columns: ${expected.join(', ')})` };
    }
    column += header[i].length + 1;
  }
  if (header.length > 6) return { column: column - 1, message: `the header has ${header.length} columns; expected 6 (${expected.join(', ')})` };
  return undefined;
}

/**
 * The shipped frameworks and the packs. A pack with a problem is left out
 * and its first problem reported; packs are read in path order.
 */
export function frameworkSet(packs: readonly MappingPackText[] = []): FrameworkSet {
  const all: FrameworkInfo[] = [...shippedFrameworks()];
  const errors: MappingPackError[] = [];
  const taken = new Set(all.map((framework) => framework.id));
  for (const pack of [...packs].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
    const result = parseMappingPack(pack, taken);
    if ('message' in result) errors.push(result);
    else {
      all.push(result);
      taken.add(result.id);
    }
  }
  const byId = new Map(all.map((framework) => [framework.id, framework]));
  return { all, errors, get: (id) => byId.get(id), ids: () => all.map((framework) => framework.id) };
}

