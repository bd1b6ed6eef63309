/**
 * The messages between the extension host and the SoA preview webview, as
 * discriminated unions on `type`. Shared by both sides, so this file imports
 * types only (never `vscode`, never the DOM).
 *
 * Correlation: every `update` carries a `version` that grows with each post;
 * the webview answers `rendered` with that version once the DOM shows it. An
 * `export` carries a `requestId` that the host echoes in `exportResult`.
 *
 * Data travels only through `postMessage`, never inside the HTML: the
 * webview treats every string in it as text.
 */
import { isExportFormat, type ExportFormat, type FrameworksResult, type PlainLocation, type RiskRegisterResult, type SoaTableResult } from '../../../server/src/protocol/custom-requests';

export type { FrameworksResult, PlainLocation, RiskRegisterResult, SoaTableResult };

/** The export formats of `isms/export`: the one list (util/export-formats.ts, through the protocol types). */
export { EXPORT_FORMATS, isExportFormat, type ExportFormat } from '../../../server/src/protocol/custom-requests';

/** The panel's view type: the serializer restores panels of this type after a reload. */
export const SOA_PREVIEW_VIEW_TYPE = 'isms.soaPreview';

// ── host → webview ──────────────────────────────────────────────────────────

/** Fresh data for the folder the panel shows. `null`: the server had no answer. */
export interface UpdateMessage {
  readonly type: 'update';
  readonly version: number;
  readonly folderUri: string;
  readonly folderName: string;
  readonly soa: SoaTableResult | null;
  readonly risks: RiskRegisterResult | null;
  /** The coverage of the frameworks the organization declares (absent from older hosts). */
  readonly frameworks?: FrameworksResult | null;
}

/** The data could not be fetched (server stopped, request failed). */
export interface ErrorMessage {
  readonly type: 'error';
  readonly version: number;
  readonly message: string;
}

/** The outcome of an `export` the webview asked for. */
export interface ExportResultMessage {
  readonly type: 'exportResult';
  readonly requestId: number;
  readonly outcome: 'written' | 'cancelled' | 'failed';
  /** A short text for the status line, e.g. the file name written. */
  readonly message: string;
}

export type HostMessage = UpdateMessage | ErrorMessage | ExportResultMessage;

// ── webview → host ──────────────────────────────────────────────────────────

/** The script is loaded and listens: the host (re)sends the latest data. */
export interface ReadyMessage {
  readonly type: 'ready';
  /** The last version the webview rendered before a reload (from its state), or 0. */
  readonly restoredVersion: number;
}

/** The DOM now shows `version`. */
export interface RenderedMessage {
  readonly type: 'rendered';
  readonly version: number;
}

/** Open the editor at a location the host sent (a risk or an SoA entry). */
export interface RevealMessage {
  readonly type: 'reveal';
  readonly location: PlainLocation;
}

/** Export the folder in a format (the host asks where to save). */
export interface ExportMessage {
  readonly type: 'export';
  readonly format: ExportFormat;
  readonly requestId: number;
}

/** Fetch the data again. */
export interface RefreshMessage {
  readonly type: 'refresh';
}

export type WebviewMessage = ReadyMessage | RenderedMessage | RevealMessage | ExportMessage | RefreshMessage;

// ── validation (both sides treat what arrives as untrusted) ────────────────

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isPosition(value: unknown): boolean {
  return isRecord(value) && isCount(value.line) && isCount(value.character);
}

export function isPlainLocation(value: unknown): value is PlainLocation {
  return isRecord(value) && typeof value.uri === 'string' && isRecord(value.range) && isPosition(value.range.start) && isPosition(value.range.end);
}

/** A message from the webview, checked field by field; anything else is `undefined`. */
export function parseWebviewMessage(value: unknown): WebviewMessage | undefined {
  if (!isRecord(value)) return undefined;
  switch (value.type) {
    case 'ready':
      return { type: 'ready', restoredVersion: isCount(value.restoredVersion) ? value.restoredVersion : 0 };
    case 'rendered':
      return isCount(value.version) ? { type: 'rendered', version: value.version } : undefined;
    case 'reveal':
      return isPlainLocation(value.location) ? { type: 'reveal', location: value.location } : undefined;
    case 'export':
      return isExportFormat(value.format) && isCount(value.requestId) ? { type: 'export', format: value.format, requestId: value.requestId } : undefined;
    case 'refresh':
      return { type: 'refresh' };
    default:
      return undefined;
  }
}

/**
 * A message from the host. The shapes of `soa` and `risks` are the server's;
 * only the envelope is checked here, and the renderer reads fields defensively.
 */
export function parseHostMessage(value: unknown): HostMessage | undefined {
  if (!isRecord(value)) return undefined;
  switch (value.type) {
    case 'update':
      if (!isCount(value.version) || typeof value.folderUri !== 'string' || typeof value.folderName !== 'string') return undefined;
      if (!(value.soa === null || (isRecord(value.soa) && Array.isArray(value.soa.rows) && Array.isArray(value.soa.themes)))) return undefined;
      if (!(value.risks === null || (isRecord(value.risks) && Array.isArray(value.risks.risks)))) return undefined;
      return value as unknown as UpdateMessage;
    case 'error':
      return isCount(value.version) && typeof value.message === 'string' ? { type: 'error', version: value.version, message: value.message } : undefined;
    case 'exportResult':
      return isCount(value.requestId) &&
        (value.outcome === 'written' || value.outcome === 'cancelled' || value.outcome === 'failed') &&
        typeof value.message === 'string'
        ? { type: 'exportResult', requestId: value.requestId, outcome: value.outcome, message: value.message }
        : undefined;
    default:
      return undefined;
  }
}

/** The key the host uses to check that a `reveal` names a location it sent. */
export function locationKey(location: PlainLocation): string {
  const { start, end } = location.range;
  return `${location.uri}#${start.line}:${start.character}-${end.line}:${end.character}`;
}
