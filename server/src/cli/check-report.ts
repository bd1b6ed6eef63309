/** The three output formats of `isms check`: text, JSON (LANGUAGE.md §5) and SARIF 2.1.0. */
import { DIAGNOSTIC_CODES, type DiagnosticCode } from '../language-service';
import type { PositionedDiagnostic, PositionedSuppression } from './positioned';
import { TOOL_VERSION, DOCS_URL } from './tool-info';

export interface CheckSummary {
  readonly files: number;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  /** Findings taken out by `// isms-ignore` comments (LANGUAGE.md §7.7). */
  readonly suppressed: number;
}

export function summarize(files: number, diagnostics: readonly PositionedDiagnostic[], suppressed = 0): CheckSummary {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const { diagnostic } of diagnostics) {
    const hidden = diagnostic.data?.hidden;
    if (hidden) {
      // A too-many-findings stands for the findings not shown: they count.
      errors += hidden.error;
      warnings += hidden.warning;
      infos += hidden.info;
    } else if (diagnostic.severity === 'error') errors++;
    else if (diagnostic.severity === 'warning') warnings++;
    else infos++;
  }
  return { files, errors, warnings, infos, suppressed };
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * Text for a terminal: control characters (C0, DEL, C1: escape sequences that
 * erase lines or set the window title, line breaks from text blocks) and
 * bidirectional controls are shown escaped (`\x1B`, `\n`, `\u202E`), so that
 * a file cannot forge or hide lines of the report.
 */
export function terminalSafe(text: string): string {
  return text.replace(/[\x00-\x1F\x7F-\x9F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
  });
}

export function textReport(diagnostics: readonly PositionedDiagnostic[], summary: CheckSummary): string {
  const lines = diagnostics.map(({ file, line, column, diagnostic }) => {
    const clause = diagnostic.clause ? ` [${diagnostic.clause}]` : '';
    return terminalSafe(`${file}:${line}:${column}: ${diagnostic.severity} ${diagnostic.code}${clause}: ${diagnostic.message}`);
  });
  const problems = summary.errors + summary.warnings + summary.infos;
  const counts =
    problems === 0
      ? 'no problems'
      : [plural(summary.errors, 'error'), plural(summary.warnings, 'warning'), ...(summary.infos > 0 ? [plural(summary.infos, 'note')] : [])].join(', ');
  const suppressed = summary.suppressed > 0 ? `; ${plural(summary.suppressed, 'finding')} suppressed` : '';
  lines.push(`${plural(summary.files, 'file')} checked: ${counts}${suppressed}`);
  return lines.join('\n') + '\n';
}

export function jsonReport(diagnostics: readonly PositionedDiagnostic[], files: number, suppressed: readonly PositionedSuppression[] = []): string {
  return (
    JSON.stringify({
      version: 1,
      files,
      diagnostics: diagnostics.map(({ file, line, column, endLine, endColumn, diagnostic }) => ({
        file,
        line,
        column,
        endLine,
        endColumn,
        severity: diagnostic.severity,
        code: diagnostic.code,
        clause: diagnostic.clause,
        message: diagnostic.message,
      })),
      suppressed: suppressed.map(({ file, line, column, diagnostic, reason, suppressionLine }) => ({
        file,
        line,
        column,
        severity: diagnostic.severity,
        code: diagnostic.code,
        clause: diagnostic.clause,
        message: diagnostic.message,
        reason,
        suppressionLine,
      })),
    }) + '\n'
  );
}

const SARIF_LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

function sarifResult({ file, line, column, endLine, endColumn, diagnostic }: PositionedDiagnostic, ruleIndex: ReadonlyMap<DiagnosticCode, number>) {
  return {
    ruleId: diagnostic.code,
    ruleIndex: ruleIndex.get(diagnostic.code),
    level: SARIF_LEVEL[diagnostic.severity],
    message: { text: diagnostic.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodeURI(file) },
          region: { startLine: line, startColumn: column, endLine, endColumn },
        },
      },
    ],
    properties: { clause: diagnostic.clause },
  };
}

export function sarifReport(diagnostics: readonly PositionedDiagnostic[], suppressed: readonly PositionedSuppression[] = []): string {
  const codes = Object.keys(DIAGNOSTIC_CODES) as DiagnosticCode[];
  const ruleIndex = new Map(codes.map((code, index) => [code, index]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'isms',
            fullName: 'ISMS Studio checker for ISO/IEC 27001:2022',
            version: TOOL_VERSION,
            informationUri: DOCS_URL,
            rules: codes.map((code) => {
              const info = DIAGNOSTIC_CODES[code];
              return {
                id: code,
                name: code,
                shortDescription: { text: info.summary },
                helpUri: `${DOCS_URL}/blob/main/docs/diagnostics.md#${code}`,
                defaultConfiguration: { level: SARIF_LEVEL[info.severity] },
                properties: { clause: info.clause === 'context' ? null : info.clause, wholeIsms: info.wholeIsms },
              };
            }),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: [
          ...diagnostics.map((d) => sarifResult(d, ruleIndex)),
          // Suppressed findings stay in the log, marked as suppressed in source with their reason (SARIF 2.1.0 §3.35).
          ...suppressed.map((s) => ({
            ...sarifResult(s, ruleIndex),
            suppressions: [
              {
                kind: 'inSource',
                status: 'accepted',
                justification: s.reason,
                location: {
                  physicalLocation: {
                    artifactLocation: { uri: encodeURI(s.file) },
                    region: { startLine: s.suppressionLine, startColumn: s.suppressionColumn, endLine: s.suppressionEndLine, endColumn: s.suppressionEndColumn },
                  },
                },
              },
            ],
          })),
        ],
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
