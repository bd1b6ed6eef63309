import type { FileRule } from '../rule';
import { describeEntity, hasField } from '../model';
import { reportAtHead } from '../placement';

/** `missing-field`: a required field is absent (reported at the head; the data names the field). */
export const requiredFields: FileRule = {
  name: 'required-fields',
  scope: 'file',
  codes: ['missing-field', 'nonconformity-without-action'],
  check({ model, report }) {
    for (const entity of model.entities) {
      for (const spec of entity.spec.fields) {
        if (!spec.required || hasField(entity, spec.name)) continue;
        const code = spec.missingCode ?? 'missing-field';
        reportAtHead(report, entity, code, `${describeEntity(entity)} lacks the required field '${spec.name}': ${lowerFirst(spec.description)}`, {
          clause: spec.clause ?? entity.spec.clauses[0],
          data: { field: spec.name, kind: entity.kind, ...(entity.id ? { entity: entity.id.image } : {}) },
        });
      }
    }
  },
};

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1).replace(/\.$/, '');
}
