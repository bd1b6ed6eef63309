/**
 * `invalid-value`: each value of a known field against the field's types
 * (text, date, duration, number, percent, enum, reference) and its arity.
 */
import type { Argument } from '../../../../grammar/src';
import { isCalendarDate } from '../../../../grammar/src';
import type { FieldSpec, ValueType } from '../../schema';
import { describeTypes } from '../../schema/describe';
import { nearestName, withArticle } from '../../util/nearest-name';
import { fieldSpec } from '../../schema';
import { specOf, type Entity, type Field } from '../model';
import type { FileRule, Report } from '../rule';
import { reportAtField, reportAtValue } from '../placement';

export const fieldValues: FileRule = {
  name: 'field-values',
  scope: 'file',
  codes: ['invalid-value'],
  check({ model, report }) {
    for (const entity of model.entities) {
      for (const field of entity.fields) {
        const spec = specOf(entity, field);
        if (spec) checkValues(entity, field, spec, report);
      }
    }
  },
};

const FRAMEWORKS_FIELD = fieldSpec('organization', 'frameworks');

function checkValues(entity: Entity, field: Field, spec: FieldSpec, report: Report): void {
  if (field.args.length === 0) {
    reportAtField(report, entity, field, 'invalid-value', `'${field.name}' needs a value: ${describeTypes(spec.types)}`, {
      data: { field: field.name },
    });
    return;
  }
  const values = field.args;
  for (let position = 0; position < values.length; position++) {
    const value = values[position];
    if (position > 0 && !spec.list) {
      reportAtValue(report, entity, field, value, 'invalid-value', `'${field.name}' takes one value`, { data: { field: field.name } });
      continue;
    }
    if (fitsSomeType(value, spec.types)) continue;
    // Framework ids include the workspace's mapping packs: frameworks.ts checks them (unknown-framework).
    if (spec === FRAMEWORKS_FIELD && value.kind === 'name') continue;
    const enumType = spec.types.find((type) => type.kind === 'enum');
    const suggestion = enumType?.kind === 'enum' && value.kind === 'name' ? nearestName(value.image, enumType.values) : undefined;
    const message = spec.types.length === 1 ? valueProblem(value, spec.types[0])! : `expected ${describeTypes(spec.types)}`;
    reportAtValue(report, entity, field, value, 'invalid-value', `${message}${suggestion ? `; did you mean '${suggestion}'?` : ''}`, {
      data: { field: field.name, actual: value.image, ...(suggestion ? { suggestion } : {}) },
    });
  }
}

function fitsSomeType(value: Argument, types: readonly ValueType[]): boolean {
  // A loop, not `some` with a closure: this runs for each of 100,000s of values.
  for (const type of types) if (valueProblem(value, type) === undefined) return true;
  return false;
}

/** Why a value is not of a type, or undefined when it is. */
export function valueProblem(value: Argument, type: ValueType): string | undefined {
  switch (type.kind) {
    case 'text':
      return value.kind === 'string' || value.kind === 'textblock' ? undefined : `expected text in quotes, not ${describeArgument(value)}`;
    case 'date':
      if (value.kind !== 'date') return `expected a date (YYYY-MM-DD), not ${describeArgument(value)}`;
      return isCalendarDate(value.image) ? undefined : `${value.image} is not a calendar date`;
    case 'duration':
      return value.kind === 'duration' ? undefined : `expected a duration such as 12 months, not ${describeArgument(value)}`;
    case 'percent':
      return value.kind === 'percent' ? undefined : `expected a percentage such as 95%, not ${describeArgument(value)}`;
    case 'number': {
      if (value.kind !== 'number') return `expected a number, not ${describeArgument(value)}`;
      const n = Number(value.image);
      if (type.integer && !Number.isInteger(n)) return `expected a whole number, not ${value.image}`;
      if (type.min !== undefined && n < type.min) return `expected a number of at least ${type.min}, not ${value.image}`;
      return undefined;
    }
    case 'enum':
      return value.kind === 'name' && type.values.includes(value.image)
        ? undefined
        : `expected ${type.values.map((v) => `'${v}'`).join(' or ')}, not ${describeArgument(value)}`;
    case 'reference':
      return value.kind === 'name' ? undefined : `expected the id of ${withArticle(type.to.join(' or '))}, not ${describeArgument(value)}`;
  }
}

function describeArgument(value: Argument): string {
  const shown = value.image.length > 40 ? `${value.image.slice(0, 40)}…` : value.image;
  if (value.kind === 'textblock') return 'a text block';
  return value.kind === 'string' ? shown : `'${shown}'`;
}
