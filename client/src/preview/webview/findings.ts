/**
 * The SoA preview's findings line as plain data: how many findings the
 * Statement of Applicability has (by severity) and one link per finding that
 * reveals it. Pure: no DOM, no `vscode`; reads what the host sent defensively.
 */
import type { FindingResult, PlainLocation } from '../messages';

export interface FindingLink {
  readonly severity: 'error' | 'warning' | 'info';
  readonly code: string;
  readonly message: string;
  /** `soa.isms:18`: where it is (1-based line), or empty. */
  readonly where: string;
  readonly location: PlainLocation | undefined;
  /** An error an `isms-ignore` comment suppresses: its reason (it still counts, as an auditor would count it). */
  readonly suppressed?: string;
}

export interface FindingsView {
  /** `6 findings in the Statement of Applicability: 5 errors, 1 warning`, or `No findings in the Statement of Applicability.` */
  readonly text: string;
  readonly links: readonly FindingLink[];
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function fileName(uri: string): string {
  const last = uri.split('/').pop() ?? uri;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** `undefined`: the host sent no findings (an older host, or the server had no answer): the line is hidden. */
export function findingsView(findings: readonly FindingResult[] | null | undefined): FindingsView | undefined {
  if (!Array.isArray(findings)) return undefined;
  const links = findings.map((finding): FindingLink => {
    const severity = finding.severity === 'error' || finding.severity === 'warning' ? finding.severity : 'info';
    const location = finding.location;
    return {
      severity,
      code: String(finding.code),
      message: String(finding.message),
      where: location ? `${fileName(location.uri)}:${location.range.start.line + 1}` : '',
      location,
      ...(typeof finding.suppressed === 'string' ? { suppressed: finding.suppressed } : {}),
    };
  });
  if (links.length === 0) return { text: 'No findings in the Statement of Applicability.', links };
  const counts = (['error', 'warning', 'info'] as const)
    .map((severity) => [severity, links.filter((l) => l.severity === severity).length] as const)
    .filter(([, count]) => count > 0)
    .map(([severity, count]) => plural(count, severity === 'info' ? 'information' : severity).replace(/informations$/, 'information'));
  return { text: `${plural(links.length, 'finding')} in the Statement of Applicability: ${counts.join(', ')}`, links };
}
