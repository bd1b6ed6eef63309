/**
 * The workspace index: all entities of all files, found by id and by kind,
 * and every reference linked to its declaration. Built from the per-file
 * models on each analysis (cheap: no parsing, linear in the entities).
 */
import type { Argument } from '../../../grammar/src';
import { annexControl, type AnnexControl } from '../catalogue/annex-a';
import type { EntityKind } from '../schema';
import { fieldTexts, type Entity, type Field, type FileModel } from './model';

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
  readonly references: readonly Reference[];
  private readonly byId = new Map<string, Entity[]>();
  private readonly byKind = new Map<EntityKind, Entity[]>();
  private referencesByTarget: Map<string, Reference[]> | undefined;
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
    this.references = this.link();
  }

  private link(): Reference[] {
    const references: Reference[] = [];
    for (const entity of this.entities) {
      for (const field of entity.fields) {
        const type = field.spec?.types.find((t) => t.kind === 'reference');
        if (!type || type.kind !== 'reference') continue;
        for (const value of field.values) {
          if (value.kind !== 'name') continue;
          const id = value.image;
          // With a duplicated id, link to a declaration of the expected kind where there is one.
          const declared = this.byId.get(id);
          references.push({
            entity,
            field,
            value,
            id,
            expected: type.to,
            target: declared?.find((entity) => type.to.includes(entity.kind)) ?? declared?.[0],
            annex: type.to.includes('control') ? annexControl(id) : undefined,
          });
        }
      }
    }
    return references;
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

  /** The references that name an id. */
  referencesTo(id: string): readonly Reference[] {
    if (!this.referencesByTarget) {
      this.referencesByTarget = new Map();
      for (const reference of this.references) {
        const list = this.referencesByTarget.get(reference.id);
        if (list) list.push(reference);
        else this.referencesByTarget.set(reference.id, [reference]);
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
