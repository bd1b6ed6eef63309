/**
 * The workspace index: all entities of all files, found by id and by kind,
 * and every reference linked to its declaration. Built from the per-file
 * models on each analysis (cheap: no parsing, linear in the entities).
 */
import type { Argument } from '../../../grammar/src';
import { annexControl, type AnnexControl } from '../catalogue/annex-a';
import type { EntityKind } from '../schema';
import { derivation, derived } from './derived-data';
import { DeclarationTable, mergeInPathOrder } from './declaration-table';
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
  private allEntities: Entity[] | undefined;
  private linked: Reference[] | undefined;
  private flatReferences: FileReference[] | undefined;
  /**
   * The declarations of every file but `hotFile`, and of `hotFile` alone.
   * While one file is edited keystroke after keystroke, each new index
   * re-uses the previous one's `others` and builds the small `hot` table
   * only (building all of a large workspace's tables took 7 ms an edit).
   */
  private readonly others: DeclarationTable;
  private readonly hot: DeclarationTable | undefined;
  private readonly hotFile: string | undefined;
  private readonly kinds = new Map<EntityKind, readonly Entity[]>();
  private referencesByTarget: Map<string, FileReference[]> | undefined;
  private topManagement: Set<string> | undefined;
  private declarationsSignature: string | undefined;

  /** `previous`: the index before the latest change, whose tables are re-used when only one file changed. */
  constructor(files: readonly FileModel[], previous?: WorkspaceIndex) {
    this.files = [...files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    const changed = previous ? changes(previous.files, this.files) : 'many';
    if (changed === 'none') {
      this.others = previous!.others;
      this.hot = previous!.hot;
      this.hotFile = previous!.hotFile;
    } else if (changed !== 'many') {
      this.hotFile = changed.file;
      this.others =
        previous!.hotFile === changed.file ? previous!.others : new DeclarationTable(this.files.filter((file) => file !== changed));
      this.hot = new DeclarationTable([changed]);
    } else {
      this.others = new DeclarationTable(this.files);
    }
  }

  /** Every entity, in path order. */
  get entities(): readonly Entity[] {
    this.allEntities ??= this.files.flatMap((file) => file.entities);
    return this.allEntities;
  }

  /**
   * The declaration a reference names. With a duplicated id, one of the
   * expected kind where there is one.
   */
  resolve(reference: FileReference): Entity | undefined {
    const declared = this.declarations(reference.value.image);
    if (declared.length <= 1) return declared[0];
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

  /**
   * Equal keys mean the same ids declared with the same kinds (in the same
   * order): what resolving a reference depends on. Per file and kept with
   * the file, so an edit recomputes the edited file's part only.
   */
  declarationsKey(): string {
    this.declarationsSignature ??= this.files.map(fileDeclarations).join('\n');
    return this.declarationsSignature;
  }

  /** Every declaration of an id (more than one is a duplicate). */
  declarations(id: string): readonly Entity[] {
    const others = this.others.byId.get(id);
    const hot = this.hot?.byId.get(id);
    if (hot === undefined) return others ?? NONE;
    if (others === undefined) return hot;
    return mergeInPathOrder(others, hot, this.hotFile!);
  }

  /** The first declaration of an id. */
  declaration(id: string): Entity | undefined {
    return this.declarations(id)[0];
  }

  /** The ids declared more than once. */
  *duplicatedIds(): IterableIterator<string> {
    yield* this.others.duplicated;
    if (!this.hot) return;
    for (const id of this.hot.duplicated) if (!this.others.duplicated.has(id)) yield id;
    for (const id of this.hot.byId.keys()) if (!this.hot.duplicated.has(id) && !this.others.duplicated.has(id) && this.others.byId.has(id)) yield id;
  }

  ofKind(kind: EntityKind): readonly Entity[] {
    let entities = this.kinds.get(kind);
    if (entities === undefined) {
      const others = this.others.byKind.get(kind);
      const hot = this.hot?.byKind.get(kind);
      entities = hot === undefined ? (others ?? NONE) : others === undefined ? hot : mergeInPathOrder(others, hot, this.hotFile!);
      this.kinds.set(kind, entities);
    }
    return entities;
  }

  /** The first entity of a kind in path order (the one that counts for singletons). */
  first(kind: EntityKind): Entity | undefined {
    return this.ofKind(kind)[0];
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
    return this.topManagementRoles().has(roleId);
  }

  /** The ids of the top management roles (see {@link isTopManagement}). */
  topManagementRoles(): ReadonlySet<string> {
    if (!this.topManagement) {
      const roles = new Set<string>();
      for (const role of this.ofKind('role')) {
        if (role.id && fieldTexts(role, 'top-management')[0] === 'yes') roles.add(role.id.image);
      }
      const organization = this.first('organization');
      if (organization) for (const id of fieldTexts(organization, 'top-management')) roles.add(id);
      this.topManagement = roles;
    }
    return this.topManagement;
  }

  /** Whether any role is top management. */
  hasTopManagement(): boolean {
    return this.ofKind('role').some((role) => role.id !== undefined && this.isTopManagement(role.id.image)) ||
      (this.first('organization') !== undefined && fieldTexts(this.first('organization')!, 'top-management').length > 0);
  }
}

/** `kind id` of each entity with an id, in order. */
const DECLARATIONS = /* @__PURE__ */ derivation<FileModel, string>('declarations of a file', (file) => {
  const parts: string[] = [file.file];
  for (const entity of file.entities) if (entity.id) parts.push(`${entity.kind} ${entity.id.image}`);
  return parts.join('\n');
});

function fileDeclarations(file: FileModel): string {
  return derived(DECLARATIONS, file);
}

const NONE: readonly Entity[] = [];

/** Between two lists of the same files in path order: no model changed, only this one, or more (or other files). */
function changes(before: readonly FileModel[], after: readonly FileModel[]): 'none' | 'many' | FileModel {
  if (before.length !== after.length) return 'many';
  let changed: FileModel | undefined;
  for (let i = 0; i < after.length; i++) {
    if (before[i] === after[i]) continue;
    if (changed || before[i].file !== after[i].file) return 'many';
    changed = after[i];
  }
  return changed ?? 'none';
}
