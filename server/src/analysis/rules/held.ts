/**
 * Held and planned (LANGUAGE.md §7.2): an `audit`, `review`, `training` or
 * `change` dated on or before the as-of date was held; one dated after it
 * is planned. Only held ones are evidence.
 */
import { isCalendarDate } from '../../../../grammar/src';
import { firstField, type Entity } from '../model';

/** The calendar date of a record's `date` field, when it has one. */
export function recordDate(entity: Entity): string | undefined {
  const value = firstField(entity, 'date')?.args[0];
  return value?.kind === 'date' && isCalendarDate(value.image) ? value.image : undefined;
}

export interface DatedRecord {
  readonly entity: Entity;
  readonly date: string;
}

export interface HeldAndPlanned {
  /** The latest record held on or before the as-of date. */
  readonly latestHeld: DatedRecord | undefined;
  /** The next record planned after the as-of date. */
  readonly nextPlanned: DatedRecord | undefined;
}

/** The latest held and the next planned of some records (`filter` picks which count, e.g. awareness trainings). */
export function heldAndPlanned(records: readonly Entity[], asOf: string, filter?: (entity: Entity) => boolean): HeldAndPlanned {
  let latestHeld: DatedRecord | undefined;
  let nextPlanned: DatedRecord | undefined;
  for (const entity of records) {
    if (filter && !filter(entity)) continue;
    const date = recordDate(entity);
    if (date === undefined) continue;
    if (date <= asOf) {
      if (!latestHeld || date > latestHeld.date) latestHeld = { entity, date };
    } else if (!nextPlanned || date < nextPlanned.date) {
      nextPlanned = { entity, date };
    }
  }
  return { latestHeld, nextPlanned };
}

/** How a planned record is named in a message: `IA-2027 (planned for 2027-06-10)`. */
export function plannedText(record: DatedRecord): string {
  return `${record.entity.id?.image ?? record.entity.kind} is only planned, for ${record.date}`;
}
