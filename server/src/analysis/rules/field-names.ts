/**
 * Field statements: `unknown-field` (with the nearest field as suggestion),
 * `duplicate-field` for a single-valued field given twice, and
 * `invalid-value` for a block under a field.
 */
import { nearestName } from '../../util/nearest-name';
import type { Entity } from '../model';
import type { FileRule, Report } from '../rule';
import { reportAtField } from './placement';

export const fieldNames: FileRule = {
  name: 'field-names',
  scope: 'file',
  codes: ['unknown-field', 'duplicate-field', 'invalid-value'],
  check({ model, report }) {
    for (const entity of model.entities) checkFields(entity, report);
  },
};

function checkFields(entity: Entity, report: Report): void {
  // Without a repeated name (the usual case) there is no duplicate to find, and no set to build.
  const seen = entity.fieldNames.size < entity.fields.length ? new Set<string>() : undefined;
  for (const field of entity.fields) {
    const statement = field.statement;
    if (!field.spec) {
      const suggestion = nearestName(field.name, entity.spec.fields.map((f) => f.name));
      const hint = suggestion ? `; did you mean '${suggestion}'?` : '';
      report('unknown-field', entity.file, statement.nameStart, statement.nameEnd, `${entity.kind} has no field '${field.name}'${hint}`, {
        clause: entity.spec.clauses[0],
        data: { actual: field.name, kind: entity.kind, ...(suggestion ? { suggestion } : {}) },
      });
    } else if (seen?.has(field.name) && !field.spec.repeatable && !field.spec.list) {
      reportAtField(report, entity, field, 'duplicate-field', `'${field.name}' is given more than once; it takes one value`, {
        data: { field: field.name },
      });
    }
    seen?.add(field.name);
    if (statement.block) {
      report('invalid-value', entity.file, statement.block.open, statement.block.end, `a field takes no block: '${field.name}' value[, value…]`, {
        clause: entity.spec.clauses[0],
      });
    }
  }
}
