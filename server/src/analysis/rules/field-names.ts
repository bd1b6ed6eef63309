/**
 * Field statements: `unknown-field` (with the nearest field as suggestion),
 * `duplicate-field` for a single-valued field given twice, and
 * `invalid-value` for a block under a field.
 */
import { nearestName } from '../../util/nearest-name';
import { specOf, type Entity, type Field } from '../model';
import type { FileRule, Report } from '../rule';
import { reportAtField } from '../placement';

export const fieldNames: FileRule = {
  name: 'field-names',
  scope: 'file',
  codes: ['unknown-field', 'duplicate-field', 'invalid-value'],
  check({ model, report }) {
    for (const entity of model.entities) checkFields(entity, report);
  },
};

function checkFields(entity: Entity, report: Report): void {
  const fields = entity.fields;
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i];
    const spec = specOf(entity, field);
    if (!spec) {
      const suggestion = nearestName(field.name, entity.spec.fields.map((f) => f.name));
      const hint = suggestion ? `; did you mean '${suggestion}'?` : '';
      report('unknown-field', entity.file, field.nameStart, field.nameEnd, `${entity.kind} has no field '${field.name}'${hint}`, {
        clause: entity.spec.clauses[0],
        data: { actual: field.name, kind: entity.kind, ...(suggestion ? { suggestion } : {}) },
      });
    } else if (!spec.repeatable && !spec.list && givenBefore(fields, i)) {
      reportAtField(report, entity, field, 'duplicate-field', `'${field.name}' is given more than once; it takes one value`, {
        data: { field: field.name },
      });
    }
    if (field.block) {
      report('invalid-value', entity.file, field.block.open, field.block.end, `a field takes no block: '${field.name}' value[, value…]`, {
        clause: entity.spec.clauses[0],
      });
    }
  }
}

/** Whether a field of the same name comes before fields[i] (a dozen fields: no set per entity). */
function givenBefore(fields: readonly Field[], i: number): boolean {
  const name = fields[i].name;
  for (let j = 0; j < i; j++) if (fields[j].name === name) return true;
  return false;
}
