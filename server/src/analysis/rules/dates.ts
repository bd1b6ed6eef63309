/** Calendar arithmetic on `YYYY-MM-DD` dates, in UTC (no time zones: ISMS dates are days). */
import type { DurationValue } from '../../../../grammar/src';

function toUtc(date: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}

function fromUtc(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The date a duration after another. Months and years keep the day of the month where it exists. */
export function addDuration(date: string, duration: DurationValue): string {
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
