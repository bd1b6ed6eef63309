/**
 * Go to definition: on an id (a reference value or an entity's declared id),
 * the declaration(s) of that id, as the ranges of their id arguments. An
 * Annex A id goes to the organization's SoA entry for it (`control A.8.13`)
 * when there is one, and nowhere otherwise (the catalogue is no file).
 *
 * This file also holds what references, document highlights and rename
 * share: {@link idTargetAt} (what the cursor names) and
 * {@link referencesNamed} (the references to an id).
 */
import type { Argument, Statement } from '../../../grammar/src';
import { derivation, derived } from '../analysis/derived-data';
import type { Entity, Field, FileModel, FileReference } from '../analysis/model';
import type { WorkspaceIndex } from '../analysis/workspace-index';
import type { Snapshot } from '../analysis/snapshot';
import type { EntityKind } from '../schema';
import { cursorContext } from './cursor-context';
import type { FileRange } from './feature-types';

/** What the cursor is on, as far as ids are concerned. */
export type IdTarget =
  /** An id: the declared id of an entity, or a value of a reference field. */
  | {
      readonly kind: 'id';
      readonly id: string;
      readonly argument: Argument;
      /** Whether the argument is the id of an entity's head (else a reference). */
      readonly declaration: boolean;
      /** The entity whose head or field holds the argument. */
      readonly entity: Entity;
      /** The reference field that holds the argument. */
      readonly field: Field | undefined;
      /** The kinds a reference accepts (empty for a declaration). */
      readonly expected: readonly EntityKind[];
    }
  /** The kind keyword of an entity (`risk`). */
  | { readonly kind: 'keyword'; readonly statement: Statement }
  /** The name of a field (`owner`). */
  | { readonly kind: 'field-name'; readonly statement: Statement }
  /** A value that is no id: a string, a number, an enum value, a title. */
  | { readonly kind: 'value'; readonly argument: Argument }
  | { readonly kind: 'none' };

/** What the offset names in a file's model (touching an argument's start or end counts). */
export function idTargetAt(model: FileModel, offset: number): IdTarget {
  const context = cursorContext(model, offset);
  const statement = context.statement;
  if (!statement) return { kind: 'none' };
  if (context.onName) {
    if (context.field) return { kind: 'field-name', statement };
    if (context.entity && statement === context.entity.statement) return { kind: 'keyword', statement };
    return { kind: 'none' };
  }
  const argument = context.argument;
  if (!argument) return { kind: 'none' };
  if (context.field) {
    const reference = context.fieldSpec?.types.find((type) => type.kind === 'reference');
    if (reference?.kind === 'reference' && argument.kind === 'name') {
      return { kind: 'id', id: argument.image, argument, declaration: false, entity: context.entity!, field: context.field, expected: reference.to };
    }
    return { kind: 'value', argument };
  }
  const entity = context.entity;
  if (entity && statement === entity.statement && argument === entity.id) {
    return { kind: 'id', id: argument.image, argument, declaration: true, entity, field: undefined, expected: [] };
  }
  return { kind: 'value', argument };
}

/** The declarations an id target leads to: for a reference, those of an accepted kind when there are any. */
export function targetDeclarations(index: WorkspaceIndex, target: Extract<IdTarget, { kind: 'id' }>): readonly Entity[] {
  const declared = index.declarations(target.id);
  if (target.declaration || declared.length < 2) return declared;
  const ofKind = declared.filter((entity) => target.expected.includes(entity.kind));
  return ofKind.length > 0 ? ofKind : declared;
}

/** Each file's references by id, derived from the file's model (an edit rebuilds only the edited file's). */
const REFERENCES_BY_ID = /* @__PURE__ */ derivation<FileModel, Map<string, FileReference[]>>('references by id', (model) => {
  const byId = new Map<string, FileReference[]>();
  for (const reference of model.references) {
    const list = byId.get(reference.value.image);
    if (list) list.push(reference);
    else byId.set(reference.value.image, [reference]);
  }
  return byId;
});

/** The reference values of one file that name an id, in order. */
export function referencesInFile(model: FileModel, id: string): readonly FileReference[] {
  return derived(REFERENCES_BY_ID, model).get(id) ?? [];
}

/**
 * The reference values that name an id, in all files (path order, then
 * offset). Built from per-file maps rather than the index's linked
 * references, so the first call after an edit costs little more than the next.
 */
export function referencesNamed(index: WorkspaceIndex, id: string): FileReference[] {
  const result: FileReference[] = [];
  for (const file of index.files) for (const reference of referencesInFile(file, id)) result.push(reference);
  return result;
}

export function definition(snapshot: Snapshot, file: string, offset: number): FileRange[] {
  const model = snapshot.model(file);
  if (!model) return [];
  const target = idTargetAt(model, offset);
  if (target.kind !== 'id') return [];
  const index = snapshot.analysis().index;
  const result: FileRange[] = [];
  for (const entity of targetDeclarations(index, target)) {
    if (entity.id) result.push({ file: entity.file, start: entity.id.start, end: entity.id.end });
  }
  return result;
}
