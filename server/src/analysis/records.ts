/**
 * Records over time (LANGUAGE.md §7.2): an `audit`, `review`, `training` or
 * `change` dated on or before the as-of date was held; one dated after it is
 * planned, and only held ones are evidence.
 */
import { isCalendarDate } from '../../../grammar/src';
import { firstField, type Entity } from './model';

/** The entity's `date`, when it is a calendar date. */
export function recordDate(entity: Entity): string | undefined {
  const value = firstField(entity, 'date')?.args[0];
  return value?.kind === 'date' && isCalendarDate(value.image) ? value.image : undefined;
}

/** Whether a dated record was held by the as-of date (undated records are neither held nor planned). */
export function isHeld(entity: Entity, asOf: string): boolean {
  const date = recordDate(entity);
  return date !== undefined && date <= asOf;
}

/** The date value of a field, when it is a calendar date. */
export function dateValue(entity: Entity, name: string): string | undefined {
  const value = firstField(entity, name)?.args[0];
  return value?.kind === 'date' && isCalendarDate(value.image) ? value.image : undefined;
}

/** `R-001`, or the kind when the entity has no id (for messages). */
export function nameOf(entity: Entity): string {
  return entity.id?.image ?? `the ${entity.kind}`;
}

/** `{ entity: id }` when the entity has an id (diagnostic data). */
export function entityData(entity: Entity): { entity?: string } {
  return entity.id ? { entity: entity.id.image } : {};
}
