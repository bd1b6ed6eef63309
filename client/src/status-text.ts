/**
 * What the ISMS language status item says (pure, no `vscode`): the ISMS
 * folder of the active editor, its SoA coverage and its counts. The folder is
 * the one of the active `.isms` editor, else of the preview, else the last
 * `.isms` editor's: never every folder added together (a workspace of two
 * ISMSs has two coverages).
 */
import type { AnalysisChangedParams } from './server-requests';

export interface StatusText {
  /** `$(shield) clinic: SoA 93/93`. */
  readonly text: string;
  /** `4 errors, 3 warnings`. */
  readonly detail: string;
  readonly severity: 'information' | 'warning' | 'error';
  /** The folder shown, for the click (the Problems panel of that folder). */
  readonly folderUri: string | undefined;
}

/** The last path segment of a folder URI, decoded: `file:///w/My%20ISMS` → `My ISMS`. */
export function folderName(folderUri: string): string {
  const trimmed = folderUri.replace(/\/+$/, '');
  const last = trimmed.slice(trimmed.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * The status of one folder: `undefined` when no analysis of it arrived yet
 * (the caller shows a busy state); "no .isms file" when it has none, never
 * `SoA 0/93`.
 */
export function statusText(folderUri: string | undefined, latest: ReadonlyMap<string, AnalysisChangedParams>): StatusText | undefined {
  if (folderUri === undefined) return undefined;
  const analysis = latest.get(folderUri);
  if (!analysis) return undefined;
  const name = folderName(folderUri);
  if (analysis.files === 0) {
    return { text: `$(shield) ${name}: no .isms file`, detail: 'No ISMS in this folder', severity: 'information', folderUri };
  }
  // Errors that isms.severity or an isms-ignore comment hides from the Problems panel are still errors to an auditor: never a green status.
  const hidden = analysis.hiddenErrors ?? 0;
  const detail = `${plural(analysis.errors, 'error')}, ${plural(analysis.warnings, 'warning')}${hidden > 0 ? `; ${plural(hidden, 'error')} hidden from the Problems panel (isms.severity, isms-ignore)` : ''}`;
  return {
    text: `$(shield) ${name}: SoA ${analysis.soaDeclared}/93`,
    detail,
    severity: analysis.errors > 0 || hidden > 0 ? 'error' : analysis.warnings > 0 ? 'warning' : 'information',
    folderUri,
  };
}

/** The folder to show: the active editor's, else the preview's (when it is active), else the last `.isms` editor's. */
export function shownFolder(choices: { readonly editor?: string; readonly preview?: string; readonly last?: string }): string | undefined {
  return choices.editor ?? choices.preview ?? choices.last;
}
