/**
 * What the webview keeps with `vscode.setState` so that a reload (or a
 * restart, through the host's panel serializer) shows the same folder, the
 * same selection and the last data at once. Pure: no DOM, no `vscode`.
 */
import { parseHostMessage, type UpdateMessage } from '../messages';
import type { MatrixKind } from './heat-map';
import { isRowFilter, type RowFilter } from './soa-rows';

export interface CellSelection {
  readonly likelihood: number;
  readonly impact: number;
}

export interface PreviewState {
  readonly stateVersion: 1;
  /** The folder the panel shows: the serializer re-opens it. */
  readonly folderUri: string | undefined;
  /** The last update rendered. */
  readonly data: UpdateMessage | undefined;
  /** The selected cell of each heat map. */
  readonly selection: Readonly<Partial<Record<MatrixKind, CellSelection>>>;
  readonly query: string;
  readonly filter: RowFilter;
  /** Where the page was scrolled to: kept across refreshes and reloads (as the Markdown preview keeps it). */
  readonly scrollY?: number;
}

export const EMPTY_STATE: PreviewState = Object.freeze({ stateVersion: 1, folderUri: undefined, data: undefined, selection: {}, query: '', filter: 'all' });

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function selection(value: unknown): CellSelection | undefined {
  if (!isRecord(value)) return undefined;
  const { likelihood, impact } = value;
  return Number.isSafeInteger(likelihood) && Number.isSafeInteger(impact) && (likelihood as number) > 0 && (impact as number) > 0
    ? { likelihood: likelihood as number, impact: impact as number }
    : undefined;
}

/** The state read back from `getState()` (or handed to the serializer), checked; anything odd falls back to empty. */
export function readState(value: unknown): PreviewState {
  if (!isRecord(value) || value.stateVersion !== 1) return EMPTY_STATE;
  const data = parseHostMessage(value.data);
  const picked: Partial<Record<MatrixKind, CellSelection>> = {};
  if (isRecord(value.selection)) {
    for (const kind of ['inherent', 'residual'] as const) {
      const cell = selection(value.selection[kind]);
      if (cell) picked[kind] = cell;
    }
  }
  return {
    stateVersion: 1,
    folderUri: typeof value.folderUri === 'string' ? value.folderUri : undefined,
    data: data?.type === 'update' ? data : undefined,
    selection: picked,
    query: typeof value.query === 'string' ? value.query.slice(0, 500) : '',
    filter: isRowFilter(value.filter) ? value.filter : 'all',
    ...(typeof value.scrollY === 'number' && Number.isFinite(value.scrollY) && value.scrollY > 0 ? { scrollY: Math.round(value.scrollY) } : {}),
  };
}

/** The folder of a saved state, for the host's serializer. */
export function folderUriOfState(value: unknown): string | undefined {
  return readState(value).folderUri;
}
