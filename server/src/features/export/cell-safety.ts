/**
 * Formula-injection ("CSV injection", OWASP) neutralisation for spreadsheet
 * exports. A spreadsheet program may evaluate a cell that starts with `=`,
 * `+`, `-` or `@` (and, after its leading tab or carriage return is dropped,
 * one that starts with those characters), e.g. `=HYPERLINK("http://evil", "x")`.
 * Every user-written text cell of the CSV export goes through
 * {@link neutralizeCell}, which prefixes such a value with a single quote so
 * that it is shown as text. (XLSX cells are typed strings, which no
 * spreadsheet evaluates: they need no prefix.) The full-width forms (`＝` `＋` `－` `＠`) are
 * treated alike, as some locales of Excel accept them as formula starts.
 */

/**
 * Characters that may start a formula in Excel, LibreOffice or Google Sheets,
 * also after leading blanks (spaces, no-break spaces), which spreadsheet
 * programs may trim when they import a CSV file.
 */
const FORMULA_START = /^[ \u00A0\u2000-\u200B\u202F\u3000]*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** Whether a spreadsheet might read the value as a formula. */
export function isFormulaLike(value: string): boolean {
  return FORMULA_START.test(value);
}

/** The value, prefixed with `'` when a spreadsheet might read it as a formula. */
export function neutralizeCell(value: string): string {
  return isFormulaLike(value) ? `'${value}` : value;
}
