/**
 * Calendar arithmetic on `YYYY-MM-DD` dates, in UTC (no time zones: ISMS
 * dates are days): the as-of date, durations, months and years. The one date
 * module of the project: rules, features and the skeleton use it. Pure and
 * without state (the memo of due dates lives in analysis/derived-data.ts).
 */

/** A duration as the language writes it (`12 months`); the shape of grammar's `DurationValue`. */
export interface Duration {
  readonly amount: number;
  readonly unit: 'day' | 'week' | 'month' | 'year';
}

/** The latest date the language can write: a due date beyond it is never reached. */
const LAST_DATE = '9999-12-31';

function toUtc(date: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  const result = new Date(0);
  result.setUTCFullYear(year, month - 1, day); // not Date.UTC, which reads the years 0–99 as 1900–1999
  return result;
}

function fromUtc(date: Date): string {
  // A duration of thousands of years runs past 9999 (or past what Date can hold at all).
  if (Number.isNaN(date.getTime()) || date.getUTCFullYear() > 9999) return LAST_DATE;
  return date.toISOString().slice(0, 10);
}

/** The date a duration after another. Months and years keep the day of the month where it exists. */
export function addDuration(date: string, duration: Duration): string {
  const result = toUtc(date);
  switch (duration.unit) {
    case 'day':
      result.setUTCDate(result.getUTCDate() + Math.round(duration.amount));
      break;
    case 'week':
      result.setUTCDate(result.getUTCDate() + Math.round(duration.amount * 7));
      break;
    case 'month':
    case 'year': {
      const months = duration.unit === 'year' ? duration.amount * 12 : duration.amount;
      const wholeMonths = Math.trunc(months);
      const day = result.getUTCDate();
      result.setUTCDate(1);
      result.setUTCMonth(result.getUTCMonth() + wholeMonths);
      const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
      result.setUTCDate(Math.min(day, lastDay));
      result.setUTCDate(result.getUTCDate() + Math.round((months - wholeMonths) * 30));
      break;
    }
  }
  return fromUtc(result);
}

/** `date` plus `months` calendar months, the day clamped to the month's end (as the checker counts intervals). */
export function addMonths(date: string, months: number): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`not a date: ${date}`);
  return addDuration(date, { amount: months, unit: 'month' });
}

/** The same day a year later (29 February becomes 28 February). */
export function plusOneYear(date: string): string {
  return addDuration(date, { amount: 1, unit: 'year' });
}

/** Today's date in UTC, as `YYYY-MM-DD` (the checker's default as-of date). */
export function today(now: Date = new Date()): string {
  return fromUtc(now);
}

/** The same as {@link today}: the name the skeleton uses. */
export const todayUtc = today;
