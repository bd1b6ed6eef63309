/**
 * Well-formed stubs for quick fixes: field values from the schema's
 * placeholders, references to entities that exist, fresh ids, and entities
 * laid out in the canonical layout (two-space indent).
 */
import { fieldSpec, kindSpec, type EntityKind, type FieldSpec, type KindSpec } from '../../schema';
import type { WorkspaceIndex } from '../../analysis/workspace-index';
import { INDENT } from './edit-helpers';

/** The reason written into new SoA entries. */
export const SOA_REASON = '"TODO: justify inclusion or exclusion"';

/** The title written into new entities whose title the user must choose. */
export const TITLE_PLACEHOLDER = '"TODO: title"';

/** A five-level scale of each kind, as in the examples (a 5×5 matrix with acceptance 6). */
export const LIKELIHOOD_SCALE = '"Rare", "Unlikely", "Possible", "Likely", "Almost certain"';
export const IMPACT_SCALE = '"Negligible", "Minor", "Moderate", "Major", "Severe"';

/** Values better than the schema's placeholder where one line of text would make a poor stub. */
const VALUE_OVERRIDES: Readonly<Record<string, string>> = {
  'risk-criteria.likelihood-scale': LIKELIHOOD_SCALE,
  'risk-criteria.impact-scale': IMPACT_SCALE,
  'policy.commits-to': 'requirements, continual-improvement',
  'control.reason': SOA_REASON,
};

/** The value a stub gives a (non-reference) field: the schema's placeholder, or a better one for scales and commitments. */
export function placeholderValue(kind: EntityKind, field: FieldSpec): string {
  return VALUE_OVERRIDES[`${kind}.${field.name}`] ?? field.placeholder;
}

/** The kinds a field refers to, when it is a reference field. */
export function referenceKinds(field: FieldSpec): readonly EntityKind[] | undefined {
  const type = field.types.find((t) => t.kind === 'reference');
  return type?.kind === 'reference' ? type.to : undefined;
}

/** The declared roles that are top management, in path order. */
export function topManagementRoles(index: WorkspaceIndex): string[] {
  const roles: string[] = [];
  for (const role of index.ofKind('role')) if (role.id && index.isTopManagement(role.id.image)) roles.push(role.id.image);
  return roles;
}

export interface ReferenceChoice {
  /** A role to prefer when it is declared (e.g. the owner of the entity that refers to the new one). */
  readonly preferred?: string;
  /** Only top management will do (a policy's `approved-by`). */
  readonly topManagementOnly?: boolean;
}

/**
 * A declared entity a new reference can name: for roles the preferred one,
 * else the first top management role, else the first role; for other kinds
 * the first of the kind. Undefined when none fits.
 */
export function existingReference(index: WorkspaceIndex, kinds: readonly EntityKind[], choice: ReferenceChoice = {}): string | undefined {
  const declaredAs = (id: string, kind: EntityKind) => index.declarations(id).some((entity) => entity.kind === kind);
  for (const kind of kinds) {
    if (kind === 'role') {
      const leaders = topManagementRoles(index);
      if (choice.preferred && declaredAs(choice.preferred, 'role') && (!choice.topManagementOnly || leaders.includes(choice.preferred))) {
        return choice.preferred;
      }
      if (leaders.length > 0) return leaders[0];
      if (choice.topManagementOnly) continue;
    }
    const first = index.ofKind(kind).find((entity) => entity.id !== undefined && index.declarations(entity.id.image).length === 1);
    if (first?.id) return first.id.image;
  }
  return undefined;
}

/** An id no entity of the workspace has: `base` itself, else `base-2`, `base-3`, … */
export function freshId(index: WorkspaceIndex, base: string): string {
  if (index.declarations(base).length === 0) return base;
  for (let n = 2; ; n++) {
    const id = `${base}-${n}`;
    if (index.declarations(id).length === 0) return id;
  }
}

/** A fresh id from a kind's prefix: `O-1`, `O-2`, … */
export function freshPrefixedId(index: WorkspaceIndex, prefix: string): string {
  for (let n = 1; ; n++) {
    const id = `${prefix}${n}`;
    if (index.declarations(id).length === 0) return id;
  }
}

/** `field value` lines for a stub; fields without a value are left out. */
export type FieldLine = readonly [field: string, value: string];

/**
 * An entity in the canonical layout: `head {`, one indented line per field,
 * `}`; a head alone when there are no fields.
 */
export function renderEntity(head: string, fields: readonly FieldLine[], eol: string): string {
  if (fields.length === 0) return head;
  return [`${head} {`, ...fields.map(([name, value]) => `${INDENT}${name} ${value}`), '}'].join(eol);
}

/** The SoA entry of an Annex A control (or a custom one, with its title) that a user still has to decide on. */
/** The reason of an entry added as excluded: a placeholder the user must replace by the justification. */
export const EXCLUSION_REASON = '"TODO: justify exclusion"';

/**
 * A new SoA entry: applicable with a placeholder reason and `status planned`
 * (the default), or excluded with a placeholder justification. The
 * placeholders stay findings until the user decides.
 */
export function controlStub(id: string, eol: string, title?: string, decision: 'applicable' | 'excluded' = 'applicable'): string {
  const head = title ? `control ${id} ${title}` : `control ${id}`;
  if (decision === 'excluded') return renderEntity(head, [['applicable', 'no'], ['reason', EXCLUSION_REASON]], eol);
  return renderEntity(head, [['applicable', 'yes'], ['reason', SOA_REASON], ['status', 'planned']], eol);
}

/**
 * The field lines of a new entity of `kind`: its required fields, then the
 * `extra` ones, in that order. Reference fields name an existing entity
 * (see {@link existingReference}); when none fits, a required one gets the
 * schema's placeholder if `placeholderReferences`, else it is left out.
 */
export function stubFields(
  index: WorkspaceIndex,
  kind: EntityKind,
  options: { extra?: readonly string[]; preferredRole?: string; placeholderReferences: boolean },
): FieldLine[] {
  const spec = kindSpec(kind) as KindSpec;
  const names = spec.fields.filter((f) => f.required).map((f) => f.name);
  for (const name of options.extra ?? []) if (!names.includes(name)) names.push(name);
  const lines: FieldLine[] = [];
  for (const name of names) {
    const field = fieldSpec(kind, name);
    if (!field) continue;
    const kinds = referenceKinds(field);
    // A field whose first type is not a reference (an audit's `auditor`: text or a role) gets its placeholder.
    if (!kinds || field.types[0].kind !== 'reference') {
      lines.push([name, placeholderValue(kind, field)]);
      continue;
    }
    const choice: ReferenceChoice = { preferred: options.preferredRole, topManagementOnly: kind === 'policy' && name === 'approved-by' };
    const value = existingReference(index, kinds, choice);
    if (value !== undefined) lines.push([name, value]);
    else if (field.required && options.placeholderReferences) lines.push([name, field.placeholder]);
  }
  return lines;
}
