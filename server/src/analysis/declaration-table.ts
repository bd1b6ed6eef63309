/**
 * The entities of some files, by id and by kind, in path order: one part of
 * the workspace index (see workspace-index.ts, which keeps one table for all
 * files but the one being edited, and one for that file).
 */
import type { EntityKind } from '../schema';
import type { Entity, FileModel } from './model';

export class DeclarationTable {
  readonly byId = new Map<string, Entity[]>();
  readonly byKind = new Map<EntityKind, Entity[]>();
  /** Ids declared more than once in these files. */
  readonly duplicated = new Set<string>();

  /** `files` in path order. */
  constructor(files: readonly FileModel[]) {
    for (const file of files) {
      for (const entity of file.entities) {
        let ofKind = this.byKind.get(entity.kind);
        if (!ofKind) this.byKind.set(entity.kind, (ofKind = []));
        ofKind.push(entity);
        if (entity.id) {
          const id = entity.id.image;
          const declared = this.byId.get(id);
          if (declared) {
            declared.push(entity);
            this.duplicated.add(id);
          } else {
            this.byId.set(id, [entity]);
          }
        }
      }
    }
  }
}

/** Two lists in path order, one of them all from `file`, merged in path order. */
export function mergeInPathOrder(others: readonly Entity[], ofFile: readonly Entity[], file: string): Entity[] {
  let split = 0;
  while (split < others.length && others[split].file < file) split++;
  return [...others.slice(0, split), ...ofFile, ...others.slice(split)];
}
