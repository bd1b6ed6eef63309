/**
 * Document links: a `document` (policy) or `evidence` (control) value that
 * is a relative file path (the rule of `document-not-found`) links to the
 * file it names, resolved from the folder of the `.isms` file and given as a
 * workspace-relative POSIX path. Paths that leave the workspace folder give
 * no link. The link covers the path between the quotes. Whether the file
 * exists is the host's business (`document-not-found` reports it).
 */
import { argumentText } from '../../../grammar/src';
import { isRelativeFilePath, resolveDocumentPath } from '../analysis/document-paths';
import type { Snapshot } from '../analysis/snapshot';

export interface DocumentLink {
  readonly start: number;
  readonly end: number;
  /** Workspace-relative POSIX path. */
  readonly target: string;
}

/** The fields whose values may name files, by kind (as `document-not-found` checks them). */
const PATH_FIELDS: Readonly<Record<string, string>> = { policy: 'document', control: 'evidence' };

export function documentLinks(snapshot: Snapshot, file: string): DocumentLink[] {
  const model = snapshot.model(file);
  if (!model) return [];
  const links: DocumentLink[] = [];
  for (const entity of model.entities) {
    const fieldName = PATH_FIELDS[entity.kind];
    if (!fieldName) continue;
    for (const field of entity.fields) {
      if (field.name !== fieldName) continue;
      for (const value of field.args) {
        if (value.kind !== 'string' || !value.image.endsWith('"') || value.image.length < 2) continue;
        const text = argumentText(value);
        if (!isRelativeFilePath(text)) continue;
        const target = resolveDocumentPath(file, text);
        if (target !== undefined) links.push({ start: value.start + 1, end: value.end - 1, target });
      }
    }
  }
  return links;
}
