/**
 * Every text that describes the schema to people: head forms, value types,
 * the scales a risk field reads, clause labels. Hover, completion, the rules'
 * messages and the language reference all take their words from here.
 */
import { annexControl } from '../catalogue/annex-a';
import { clause as clauseInfo } from '../catalogue/clauses';
import { withArticle } from '../util/nearest-name';
import type { FieldSpec, KindSpec, ValueType } from './schema-types';

/** `risk ID "Title"`, `control ID ["Title"]`, `organization "Name"`, `scope`. */
export function headForm(spec: KindSpec): string {
  switch (spec.head) {
    case 'id-title':
      return `${spec.kind} ID "Title"`;
    case 'id-optional-title':
      return `${spec.kind} ID ["Title"]`;
    case 'title':
      return `${spec.kind} "Name"`;
    case 'bare':
      return spec.kind;
  }
}

/** The value types of a field, for people: `the id of a role`, `text in quotes, or a number`. */
export function typesDescription(field: FieldSpec): string {
  const types = field.types.map(describeType).join(', or ');
  return field.list ? `${types} (a list)` : types;
}

/** The risk fields whose values are levels of a scale of `risk-criteria`. */
export const LEVEL_SCALES: ReadonlyMap<string, 'likelihood' | 'impact'> = new Map([
  ['likelihood', 'likelihood'],
  ['impact', 'impact'],
  ['residual-likelihood', 'likelihood'],
  ['residual-impact', 'impact'],
]);

/** `Clause 6.1.2 Information security risk assessment; 8.2 …`. */
export function clausesLine(clauses: readonly string[]): string {
  return `Clause ${clauses.map(clauseLabel).join('; ')}.`;
}

/** A clause reference with its title: `6.1.3 f Information security risk treatment`, `A.5.12 Classification of information`. */
export function clauseLabel(id: string): string {
  const annex = annexControl(id);
  if (annex) return `${id} ${annex.title}`;
  const base = /^\d+(\.\d+)*/.exec(id)?.[0];
  const info = base ? clauseInfo(base) : undefined;
  return info ? `${id} ${info.title}` : id;
}

/** One value type, for people: `text in quotes`, `the id of a role`. */
export function describeType(type: ValueType): string {
  switch (type.kind) {
    case 'text':
      return 'text in quotes';
    case 'date':
      return 'a date (YYYY-MM-DD)';
    case 'duration':
      return 'a duration (12 months)';
    case 'percent':
      return 'a percentage (95%)';
    case 'number':
      return type.integer ? 'a whole number' : 'a number';
    case 'enum':
      return type.values.map((v) => `'${v}'`).join(' or ');
    case 'reference':
      return `the id of ${withArticle(type.to.join(' or '))}`;
  }
}

/** Several value types, for people: `text in quotes, or a number`. */
export function describeTypes(types: readonly ValueType[]): string {
  return types.map(describeType).join(', or ');
}
