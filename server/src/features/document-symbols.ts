/**
 * The outline of one file: each entity (`risk R-001`, its title as detail)
 * with its fields as children (the field name, its values shortened as
 * detail). Top-level statements that are no kind are left out (they are
 * reported as `unknown-statement`).
 */
import { argumentText, type Argument, type Statement } from '../../../grammar/src';
import { annexControl } from '../catalogue/annex-a';
import { describeEntity, entityTitle, type Entity } from '../analysis/model';
import type { Snapshot } from '../analysis/snapshot';
import type { EntityKind } from '../schema';

export interface DocumentSymbol {
  readonly name: string;
  readonly detail: string;
  readonly kind: EntityKind | 'field';
  /** The whole statement, block included. */
  readonly range: { readonly start: number; readonly end: number };
  /** The id (or the kind keyword, or the field name): where the editor puts the cursor. */
  readonly selectionRange: { readonly start: number; readonly end: number };
  readonly children: readonly DocumentSymbol[];
}

/** The longest detail of a field, in characters (`…` included). */
export const FIELD_DETAIL_LENGTH = 60;

export function documentSymbols(snapshot: Snapshot, file: string): DocumentSymbol[] {
  const model = snapshot.model(file);
  if (!model) return [];
  return model.entities.map((entity) => ({
    name: describeEntity(entity),
    detail: entityDetail(entity),
    kind: entity.kind,
    range: statementRange(entity.statement),
    selectionRange: entity.id ? { start: entity.id.start, end: entity.id.end } : { start: entity.statement.nameStart, end: entity.statement.nameEnd },
    children: entity.fields.map((field) => ({
      name: field.name,
      detail: valuesText(field.args),
      kind: 'field' as const,
      range: statementRange(field),
      selectionRange: { start: field.nameStart, end: field.nameEnd },
      children: [],
    })),
  }));
}

/** The title; for an SoA entry without one, the Annex A control's title. */
function entityDetail(entity: Entity): string {
  const title = entityTitle(entity);
  if (title !== undefined) return oneLine(title);
  if (entity.kind === 'control' && entity.id) return annexControl(entity.id.image)?.title ?? '';
  return '';
}

function statementRange(statement: Statement): { start: number; end: number } {
  return { start: statement.start, end: statement.end };
}

/** The values as text on one line, separated by `, `, shortened to {@link FIELD_DETAIL_LENGTH}. */
function valuesText(values: readonly Argument[]): string {
  const text = values.map((value) => oneLine(argumentText(value))).join(', ');
  return text.length <= FIELD_DETAIL_LENGTH ? text : `${text.slice(0, FIELD_DETAIL_LENGTH - 1).trimEnd()}…`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
