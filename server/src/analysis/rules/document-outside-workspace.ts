/**
 * `document-outside-workspace` (7.5.3): a `document` or `evidence` value that
 * names a file outside the workspace folder by an absolute path, a `file:`
 * URI, a `~` path, a drive or a UNC path. (A relative path that is a link
 * resolving outside is reported by document-not-found, which asks the host.)
 */
import { argumentText } from '../../../../grammar/src';
import type { FileRule } from '../rule';
import { outsidePathKind } from '../document-paths';
import { reportAtValue } from '../placement';

const PATH_FIELDS: Record<string, string> = { policy: 'document', control: 'evidence', supplier: 'agreement' };

export const documentOutsideWorkspace: FileRule = {
  name: 'document-outside-workspace',
  scope: 'file',
  codes: ['document-outside-workspace'],
  check({ model, report }) {
    for (const entity of model.entities) {
      const fieldName = PATH_FIELDS[entity.kind];
      if (fieldName === undefined) continue;
      for (const field of entity.fields) {
        if (field.name !== fieldName) continue;
        for (const value of field.args) {
          if (value.kind !== 'string') continue;
          const text = argumentText(value);
          const kind = outsidePathKind(text);
          if (kind === undefined) continue;
          reportAtValue(report, entity, field, value, 'document-outside-workspace', `'${text}' is ${kind}: it names a file outside the workspace folder, which the ISMS cannot show or keep under control; give a path relative to this file, inside the workspace`, {
            data: { actual: text },
          });
        }
      }
    }
  },
};
