/** Offsets of the language service ↔ LSP positions and ranges, and diagnostics to LSP diagnostics. */
import {
  DiagnosticSeverity,
  DiagnosticTag,
  type Diagnostic as LspDiagnostic,
  type Position,
  type Range,
} from 'vscode-languageserver';
import type { Diagnostic, LineIndex } from '../language-service';

export function toPosition(lines: LineIndex, offset: number): Position {
  const { line, column } = lines.position(offset);
  return { line, character: column };
}

export function toRange(lines: LineIndex, start: number, end: number): Range {
  return { start: toPosition(lines, start), end: toPosition(lines, end) };
}

export function toOffset(lines: LineIndex, position: Position): number {
  return lines.offset(position.line, position.character);
}

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;

/** Where each code is explained (docs/diagnostics.md, one section per code). */
export const DIAGNOSTICS_DOC = 'https://github.com/isms-studio/isms-studio/blob/main/docs/diagnostics.md';

export interface DiagnosticTarget {
  readonly lines: LineIndex;
  readonly uri: string;
}

/**
 * An LSP diagnostic: the clause goes in the message (clients show it), the
 * code links to its documentation, and `data` keeps the code's facts for
 * quick fixes.
 */
export function toLspDiagnostic(diagnostic: Diagnostic, target: DiagnosticTarget, related: (file: string) => DiagnosticTarget | undefined): LspDiagnostic {
  const clause = diagnostic.clause ? ` (ISO/IEC 27001:2022 ${diagnostic.clause})` : '';
  const relatedInformation = (diagnostic.related ?? []).flatMap((r) => {
    const other = related(r.file);
    return other ? [{ location: { uri: other.uri, range: toRange(other.lines, r.start, r.end) }, message: r.message }] : [];
  });
  return {
    range: toRange(target.lines, diagnostic.start, diagnostic.end),
    severity: SEVERITY[diagnostic.severity],
    code: diagnostic.code,
    codeDescription: { href: `${DIAGNOSTICS_DOC}#${diagnostic.code}` },
    source: 'isms',
    message: `${diagnostic.message}${clause}`,
    ...(relatedInformation.length > 0 ? { relatedInformation } : {}),
    ...(diagnostic.code === 'legacy-annex-control' ? { tags: [DiagnosticTag.Deprecated] } : {}),
    data: { code: diagnostic.code, start: diagnostic.start, end: diagnostic.end, ...(diagnostic.data ?? {}) },
  };
}
