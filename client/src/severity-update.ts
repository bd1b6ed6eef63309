/** The `isms.severity` setting after a choice (pure, no `vscode`). */

export type SeverityChoice = 'error' | 'warning' | 'info' | 'off' | 'default';

export const SEVERITY_CHOICES: readonly SeverityChoice[] = Object.freeze(['error', 'warning', 'info', 'off', 'default']);

/** The setting with `code` set to `choice`; `default` removes the code (its built-in severity applies). Keys stay sorted. */
export function severityUpdate(current: Readonly<Record<string, string>>, code: string, choice: SeverityChoice): Record<string, string> {
  const next: Record<string, string> = {};
  for (const key of Object.keys(current).sort()) if (key !== code) next[key] = current[key]!;
  if (choice !== 'default') next[code] = choice;
  return Object.fromEntries(Object.entries(next).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
