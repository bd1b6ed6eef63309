/** Diagnostics as compact lines for exact comparisons: `file:line:col-line:col severity code: message`. */
import type { Diagnostic } from '../../server/src/analysis/diagnostic';
import type { LanguageService } from '../../server/src/language-service';

export function renderDiagnostic(service: LanguageService, diagnostic: Diagnostic): string {
  const lines = service.parsed(diagnostic.file)!.lines;
  const start = lines.position(diagnostic.start);
  const end = lines.position(diagnostic.end);
  return `${diagnostic.file}:${start.line + 1}:${start.column + 1}-${end.line + 1}:${end.column + 1} ${diagnostic.severity} ${diagnostic.code}: ${diagnostic.message}`;
}

export function renderDiagnostics(service: LanguageService, diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((diagnostic) => renderDiagnostic(service, diagnostic));
}
