/**
 * The workspace index: all entities of all files, found by id and by kind,
 * and every reference linked to its declaration. Built from the per-file
 * models on each analysis (cheap: no parsing, linear in the entities).
 */
import type { Argument } from '../../../grammar/src';
import { annexControl, type AnnexControl } from '../catalogue/annex-a';
import type { EntityKind } from '../schema';
import { fieldTexts, type Entity, type Field, type FileModel, type FileReference } from './model';

/** A value of a reference field, linked. */
export interface Reference {
  readonly entity: Entity;
  readonly field: Field;
  readonly value: Argument;
  readonly id: string;
  /** The kinds the field accepts. */
  readonly expected: readonly EntityKind[];
  /** The first declaration of the id, if any. */
  readonly target: Entity | undefined;
  /** The Annex A control the id names, when it is one (whether or not the SoA has an entry). */
  readonly annex: AnnexControl | undefined;
}

export class WorkspaceIndex {
  /** The files, in path order. */
  readonly files: readonly FileModel[];
  readonly entities: readonly Entity[];
  private linked: Reference[] | undefined;
  private flatReferences: FileReference[] | undefined;
  private readonly byId = new Map<string, Entity[]>();
  private readonly byKind = new Map<EntityKind, Entity[]>();
  private referencesByTarget: Map<string, FileReference[]> | undefined;
  private topManagement: Set<string> | undefined;

  constructor(files: readonly FileModel[]) {
    this.files = [...files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    const entities: Entity[] = [];
    for (const file of this.files) {
      for (const entity of file.entities) {
        entities.push(entity);
        let ofKind = this.byKind.get(entity.kind);
        if (!ofKind) this.byKind.set(entity.kind, (ofKind = []));
        ofKind.push(entity);
        if (entity.id) {
          const declared = this.byId.get(entity.id.image);
          if (declared) declared.push(entity);
          else this.byId.set(entity.id.image, [entity]);
        }
      }
    }
    this.entities = entities;
  }

  /**
   * The declaration a reference names. With a duplicated id, one of the
   * expected kind where there is one.
   */
  resolve(reference: FileReference): Entity | undefined {
    const declared = this.byId.get(reference.value.image);
    if (declared === undefined || declared.length === 1) return declared?.[0];
    return declared.find((entity) => reference.expected.includes(entity.kind)) ?? declared[0];
  }

  /** Every reference of every file, unlinked (one flat array per analysis, shared by the rules). */
  allReferences(): readonly FileReference[] {
    if (!this.flatReferences) {
      const all: FileReference[] = [];
      for (const file of this.files) for (const reference of file.references) all.push(reference);
      this.flatReferences = all;
    }
    return this.flatReferences;
  }

  /**
   * Every reference, linked. Built on first use only: the rules need a
   * lookup per reference, not these objects, and an edit should not pay
   * for them.
   */
  get references(): readonly Reference[] {
    this.linked ??= this.allReferences().map((reference) => ({
      ...reference,
      id: reference.value.image,
      target: this.resolve(reference),
      annex: reference.expected.includes('control') ? annexControl(reference.value.image) : undefined,
    }));
    return this.linked;
  }

  /** Every declaration of an id (more than one is a duplicate). */
  declarations(id: string): readonly Entity[] {
    return this.byId.get(id) ?? [];
  }

  /** The first declaration of an id. */
  declaration(id: string): Entity | undefined {
    return this.byId.get(id)?.[0];
  }

  /** All ids declared in the workspace. */
  ids(): IterableIterator<string> {
    return this.byId.keys();
  }

  ofKind(kind: EntityKind): readonly Entity[] {
    return this.byKind.get(kind) ?? [];
  }

  /** The first entity of a kind in path order (the one that counts for singletons). */
  first(kind: EntityKind): Entity | undefined {
    return this.byKind.get(kind)?.[0];
  }

  /** The references that name an id (unlinked: a map of the per-file lists, no new objects per reference). */
  referencesTo(id: string): readonly FileReference[] {
    if (!this.referencesByTarget) {
      this.referencesByTarget = new Map();
      for (const reference of this.allReferences()) {
        const key = reference.value.image;
        const list = this.referencesByTarget.get(key);
        if (list) list.push(reference);
        else this.referencesByTarget.set(key, [reference]);
      }
    }
    return this.referencesByTarget.get(id) ?? [];
  }

  /** Whether a role is top management: `top-management yes` on it, or listed by `organization`. */
  isTopManagement(roleId: string): boolean {
    if (!this.topManagement) {
      const roles = new Set<string>();
      for (const role of this.ofKind('role')) {
        if (role.id && fieldTexts(role, 'top-management')[0] === 'yes') roles.add(role.id.image);
      }
      const organization = this.first('organization');
      if (organization) for (const id of fieldTexts(organization, 'top-management')) roles.add(id);
      this.topManagement = roles;
    }
    return this.topManagement.has(roleId);
  }

  /** Whether any role is top management. */
  hasTopManagement(): boolean {
    return this.ofKind('role').some((role) => role.id !== undefined && this.isTopManagement(role.id.image)) ||
      (this.first('organization') !== undefined && fieldTexts(this.first('organization')!, 'top-management').length > 0);
  }
}
