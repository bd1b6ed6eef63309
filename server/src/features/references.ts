/**
 * Find all references: on an id (declared or referred to), every value of a
 * reference field that names it, in all files, plus its declaration(s) when
 * asked. Ids are unique across the workspace whatever their kind, so a
 * reference of the wrong kind still counts. Annex A ids work without an SoA
 * entry: the references to `A.8.13` are found all the same.
 */
import type { Snapshot } from '../analysis/snapshot';
import { idTargetAt, referencesNamed } from './definition';
import type { FileRange } from './feature-types';

/** Ranges sorted by file (path order), then offset. */
export function references(snapshot: Snapshot, file: string, offset: number, includeDeclaration: boolean): FileRange[] {
  const model = snapshot.model(file);
  if (!model) return [];
  const target = idTargetAt(model, offset);
  if (target.kind !== 'id') return [];
  const index = snapshot.analysis().index;
  const result: FileRange[] = [];
  if (includeDeclaration) {
    for (const entity of index.declarations(target.id)) {
      if (entity.id) result.push({ file: entity.file, start: entity.id.start, end: entity.id.end });
    }
  }
  for (const reference of referencesNamed(index, target.id)) {
    result.push({ file: reference.entity.file, start: reference.value.start, end: reference.value.end });
  }
  return result.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.start - b.start));
}
