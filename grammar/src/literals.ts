/**
 * Decoding of literal arguments (LANGUAGE.md §1): string escapes, text blocks
 * with their common indentation removed, calendar dates, durations.
 */
import type { Argument } from './syntax-tree';

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', n: '\n', t: '\t' };

/** The problems of a string literal's image: unterminated, or an unknown escape. */
export function stringLiteralProblem(image: string): string | undefined {
  if (image.length < 2 || !image.endsWith('"')) return 'unterminated string: close it with \'"\' on the same line';
  for (let i = 1; i < image.length - 1; i++) {
    if (image[i] === '\\') {
      const next = image[i + 1];
      if (!(next in ESCAPES)) return `unknown escape '\\${next}': use \\" \\\\ \\n or \\t`;
      i++;
    }
  }
  return undefined;
}

export function decodeString(image: string): string {
  const body = image.endsWith('"') && image.length >= 2 ? image.slice(1, -1) : image.slice(1);
  return body.replace(/\\(.)/g, (whole, c: string) => ESCAPES[c] ?? whole);
}

export function isTerminatedTextBlock(image: string): boolean {
  return image.length >= 6 && image.endsWith('"""');
}

/**
 * The value of a text block: the lines between the quotes, without a first or
 * last line that is blank, and without the indentation common to the lines.
 */
export function decodeTextBlock(image: string): string {
  const body = isTerminatedTextBlock(image) ? image.slice(3, -3) : image.slice(3);
  const lines = body.split(/\r\n|\r|\n/);
  if (lines.length > 1 && lines[0].trim() === '') lines.shift();
  if (lines.length > 1 && lines[lines.length - 1].trim() === '') lines.pop();
  let common = Infinity;
  for (const line of lines) {
    if (line.trim() === '') continue;
    const indent = /^[ \t]*/.exec(line)![0].length;
    common = Math.min(common, indent);
  }
  if (common === Infinity) common = 0;
  return lines.map((line) => (line.trim() === '' ? '' : line.slice(common).trimEnd())).join('\n');
}

/**
 * Whether `YYYY-MM-DD` names a real calendar date. Arithmetic on the digits,
 * no `Date` and no memo: as cheap as a map lookup.
 */
export function isCalendarDate(image: string): boolean {
  if (image.length !== 10 || image.charCodeAt(4) !== 45 || image.charCodeAt(7) !== 45) return false;
  const year = digits(image, 0, 4);
  const month = digits(image, 5, 7);
  const day = digits(image, 8, 10);
  if (year < 0 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/** The number the digits [from, to) spell, or -1 when a character is no digit. */
function digits(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    value = value * 10 + c;
  }
  return value;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return DAYS_IN_MONTH[month - 1];
  // As `Date.UTC` counted it before: the years 0–99 are read as 1900–1999.
  const y = year < 100 ? year + 1900 : year;
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
}

export type DurationUnit = 'day' | 'week' | 'month' | 'year';

export interface DurationValue {
  readonly amount: number;
  readonly unit: DurationUnit;
}

export function decodeDuration(image: string): DurationValue {
  const match = /^(\d+(?:\.\d+)?)\s+(day|week|month|year)s?$/.exec(image)!;
  return { amount: Number(match[1]), unit: match[2] as DurationUnit };
}

/** The value an argument denotes: text for strings, names and dates, numbers for numbers and percents. */
export function argumentText(argument: Argument): string {
  switch (argument.kind) {
    case 'string':
      return decodeString(argument.image);
    case 'textblock':
      return decodeTextBlock(argument.image);
    default:
      return argument.image;
  }
}
