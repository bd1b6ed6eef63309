/** The settings the server reads (section `isms`), with their defaults. */
import { ALL_CODES, type SeverityOverrides } from '../language-service';

export interface ServerSettings {
  /** `YYYY-MM-DD`, or empty for today. */
  readonly asOf: string;
  /** A severity per code, or `off`. */
  readonly severity: SeverityOverrides;
  /** The folder of the workspace's mapping packs (`*.tsv`), relative to the workspace folder; empty for none. */
  readonly mappings: string;
}

export const DEFAULT_SETTINGS: ServerSettings = { asOf: '', severity: {}, mappings: '' };

const SEVERITIES = new Set(['error', 'warning', 'info', 'off']);
const CODES = new Set<string>(ALL_CODES);

/** Reads settings as a client sends them, ignoring what is malformed. */
export function readSettings(raw: unknown): ServerSettings {
  const value = (raw ?? {}) as { asOf?: unknown; severity?: unknown; mappings?: unknown };
  const asOf = typeof value.asOf === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value.asOf) ? value.asOf : '';
  const severity: Record<string, string> = {};
  if (value.severity && typeof value.severity === 'object') {
    for (const [code, level] of Object.entries(value.severity as Record<string, unknown>)) {
      if (CODES.has(code) && typeof level === 'string' && SEVERITIES.has(level)) severity[code] = level;
    }
  }
  const mappings = typeof value.mappings === 'string' ? value.mappings.trim() : '';
  return { asOf, severity: severity as SeverityOverrides, mappings };
}
