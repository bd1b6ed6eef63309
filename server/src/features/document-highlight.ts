/**
 * Document highlights: on an id, its occurrences in this file, the
 * declaration as a `write` and the references as `read`s. Reads this file's
 * model only (no workspace analysis), as it runs on every cursor move.
 */
import type { Snapshot } from '../analysis/snapshot';
import { idTargetAt, referencesInFile } from './definition';

export interface DocumentHighlight {
  readonly range: { readonly start: number; readonly end: number };
  readonly kind: 'read' | 'write';
}

/** Highlights sorted by offset. */
export function documentHighlights(snapshot: Snapshot, file: string, offset: number): DocumentHighlight[] {
  const model = snapshot.model(file);
  if (!model) return [];
  const target = idTargetAt(model, offset);
  if (target.kind !== 'id') return [];
  const result: DocumentHighlight[] = [];
  for (const entity of model.entities) {
    if (entity.id?.image === target.id) result.push({ range: { start: entity.id.start, end: entity.id.end }, kind: 'write' });
  }
  for (const reference of referencesInFile(model, target.id)) {
    result.push({ range: { start: reference.value.start, end: reference.value.end }, kind: 'read' });
  }
  return result.sort((a, b) => a.range.start - b.range.start);
}
