/**
 * Icons of the tree views as plain data: a codicon id and a theme colour id.
 * `views.ts` turns them into `vscode.ThemeIcon`s; the pure modules that pick
 * them never import `vscode`, so they are unit-tested in plain Node.
 */
export interface IconSpec {
  /** A codicon id, e.g. `pass`. */
  readonly id: string;
  /** A theme colour id, e.g. `testing.iconPassed`. */
  readonly color?: string;
}

export const COLOR = {
  passed: 'testing.iconPassed',
  error: 'problemsErrorIcon.foreground',
  warning: 'problemsWarningIcon.foreground',
  info: 'problemsInfoIcon.foreground',
  planned: 'charts.blue',
  partial: 'charts.yellow',
  muted: 'disabledForeground',
} as const;

export const PASS: IconSpec = { id: 'pass', color: COLOR.passed };
export const ERROR: IconSpec = { id: 'error', color: COLOR.error };
export const WARNING: IconSpec = { id: 'warning', color: COLOR.warning };
export const INFO: IconSpec = { id: 'info', color: COLOR.info };
/** A clause nothing can check (LANGUAGE.md §7.5): never green. */
export const UNVERIFIED: IconSpec = { id: 'question', color: COLOR.muted };

/** `1 finding`, `3 findings`, `no findings`. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count === 0 ? 'no' : count} ${count === 1 ? singular : pluralForm}`;
}
