/** Calendar arithmetic on `YYYY-MM-DD` dates, in UTC (no time zones: ISMS dates are days). */
import type { DurationValue } from '../../../../grammar/src';

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

const sums = new Map<string, string>();

/**
 * The date a duration after another. Months and years keep the day of the
 * month where it exists. Memoized: thousands of risks in many files share a
 * few hundred assessment dates and one interval.
 */
export function addDuration(date: string, duration: DurationValue): string {
  const key = `${date} ${duration.amount} ${duration.unit}`;
  let sum = sums.get(key);
  if (sum === undefined) {
    sum = computeSum(date, duration);
    if (sums.size > 100_000) sums.clear();
    sums.set(key, sum);
  }
  return sum;
}

function computeSum(date: string, duration: DurationValue): string {
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

/** Today's date in UTC, as `YYYY-MM-DD`. */
export function today(): string {
  return fromUtc(new Date());
}
