/** `document-not-found` (7.5.3): a `document` or `evidence` value that is a relative file path to no file, or out of the workspace. */
import { argumentText } from '../../../../grammar/src';
import type { WorkspaceRule } from '../rule';
import { isRelativeFilePath, resolveDocumentPath } from '../document-paths';
import { reportAtValue } from '../placement';

/** The fields whose values may name files, by kind (v2: a training's evidence, a supplier's agreement). */
const PATH_FIELDS: Record<string, string> = { policy: 'document', control: 'evidence', training: 'evidence', supplier: 'agreement' };

export const documentNotFound: WorkspaceRule = {
  name: 'document-not-found',
  scope: 'workspace',
  codes: ['document-not-found', 'document-outside-workspace'],
  check({ index, documents, report }) {
    if (!documents) return;
    for (const [kind, fieldName] of Object.entries(PATH_FIELDS)) {
      for (const entity of index.ofKind(kind as 'policy' | 'control' | 'training' | 'supplier')) {
        for (const field of entity.fields) {
          if (field.name !== fieldName) continue;
          for (const value of field.args) {
            if (value.kind !== 'string') continue;
            const text = argumentText(value);
            if (!isRelativeFilePath(text)) continue;
            const resolved = resolveDocumentPath(entity.file, text);
            if (resolved === undefined) {
              reportAtValue(report, entity, field, value, 'document-not-found', `'${text}' points outside the workspace folder; it is not followed`, { data: { actual: text } });
            } else if (documents.resolvesOutside?.(resolved)) {
              reportAtValue(report, entity, field, value, 'document-outside-workspace', `'${text}' is a link to a file outside the workspace folder; it is not followed`, { data: { actual: text } });
            } else if (!documents.exists(resolved)) {
              reportAtValue(report, entity, field, value, 'document-not-found', resolved === text ? `'${text}' does not exist` : `'${text}' does not exist (looked for ${resolved} in the workspace)`, { data: { actual: text } });
            }
          }
        }
      }
    }
  },
};
