/**
 * The export formats, declared once: what the command line's
 * `isms soa --format`, the `isms/export` request, the editor's export command
 * and the preview's buttons offer. Data only (no producer, no import): the
 * VS Code client and the preview's webview script read it too. Which function
 * produces each format is features/export/export-report.ts.
 */

export interface ExportFormatInfo {
  readonly id: string;
  /** The name people choose it by (a QuickPick item, a button). */
  readonly label: string;
  /** What it holds, in one line. */
  readonly detail: string;
  /** The file extension, without the dot. */
  readonly extension: string;
  readonly mediaType: string;
  /** The save dialog's filter name. */
  readonly filterName: string;
  /** The file name to suggest. */
  readonly fileName: string;
  /** Bytes (base64 over the protocol) rather than text. */
  readonly binary: boolean;
}

/** In the order they are offered. */
export const EXPORT_FORMATS = Object.freeze([
  {
    id: 'md',
    label: 'Markdown',
    detail: 'The SoA and the risk register as Markdown tables',
    extension: 'md',
    mediaType: 'text/markdown',
    filterName: 'Markdown',
    fileName: 'statement-of-applicability.md',
    binary: false,
  },
  {
    id: 'html',
    label: 'HTML (printable)',
    detail: 'A self-contained page to print or save as PDF',
    extension: 'html',
    mediaType: 'text/html',
    filterName: 'HTML',
    fileName: 'statement-of-applicability.html',
    binary: false,
  },
  {
    id: 'csv',
    label: 'CSV (SoA)',
    detail: 'The Statement of Applicability, one control a line',
    extension: 'csv',
    mediaType: 'text/csv',
    filterName: 'CSV',
    fileName: 'statement-of-applicability.csv',
    binary: false,
  },
  {
    id: 'risks-csv',
    label: 'CSV (risk register)',
    detail: 'The risk register, one risk a line',
    extension: 'csv',
    mediaType: 'text/csv',
    filterName: 'CSV',
    fileName: 'risk-register.csv',
    binary: false,
  },
  {
    id: 'xlsx',
    label: 'XLSX',
    detail: 'An Excel workbook: SoA and risk register sheets',
    extension: 'xlsx',
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    filterName: 'Excel workbook',
    fileName: 'statement-of-applicability.xlsx',
    binary: true,
  },
  {
    id: 'json',
    label: 'JSON',
    detail: 'The SoA and the risk register as data',
    extension: 'json',
    mediaType: 'application/json',
    filterName: 'JSON',
    fileName: 'statement-of-applicability.json',
    binary: false,
  },
] as const satisfies readonly ExportFormatInfo[]);

export type ExportFormat = (typeof EXPORT_FORMATS)[number]['id'];

/** The ids, in order. */
export const EXPORT_FORMAT_IDS: readonly ExportFormat[] = Object.freeze(EXPORT_FORMATS.map((format) => format.id));

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && (EXPORT_FORMAT_IDS as readonly string[]).includes(value);
}

export function exportFormat(id: ExportFormat): ExportFormatInfo {
  return EXPORT_FORMATS.find((format) => format.id === id)!;
}
