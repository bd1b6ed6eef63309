/** Diagnostics as the command line reports them: files relative to the current folder, 1-based lines and columns. */
import * as path from 'node:path';
import type { Diagnostic, SuppressedFinding } from '../language-service';
import type { LoadedWorkspace } from './load-workspace';

export interface PositionedDiagnostic {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly diagnostic: Diagnostic;
}

export function positionDiagnostics(workspace: LoadedWorkspace, diagnostics: readonly Diagnostic[], cwd: string): PositionedDiagnostic[] {
  const positioned = diagnostics.map((diagnostic) => {
    const lines = workspace.service.parsed(diagnostic.file)!.lines;
    const start = lines.position(diagnostic.start);
    const end = lines.position(diagnostic.end);
    return {
      file: displayPath(workspace.absolute(diagnostic.file), cwd),
      line: start.line + 1,
      column: start.column + 1,
      endLine: end.line + 1,
      endColumn: end.column + 1,
      diagnostic,
    };
  });
  // Sorted by the paths as shown, which may order differently from workspace paths.
  return positioned.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
}

/** A path relative to the current folder, with `/` separators. */
export function displayPath(absolute: string, cwd: string): string {
  return (path.relative(cwd, absolute) || path.basename(absolute)).split(path.sep).join('/');
}

/** A suppressed finding as the command line reports it, with the line of its `isms-ignore` comment. */
export interface PositionedSuppression extends PositionedDiagnostic {
  readonly reason: string;
  readonly suppressionLine: number;
  readonly suppressionColumn: number;
  readonly suppressionEndLine: number;
  readonly suppressionEndColumn: number;
}

export function positionSuppressed(workspace: LoadedWorkspace, suppressed: readonly SuppressedFinding[], cwd: string): PositionedSuppression[] {
  const positioned = positionDiagnostics(
    workspace,
    suppressed.map((s) => s.diagnostic),
    cwd,
  );
  const bySuppressed = new Map(suppressed.map((s) => [s.diagnostic, s]));
  return positioned.map((p) => {
    const { reason, suppression } = bySuppressed.get(p.diagnostic)!;
    const lines = workspace.service.parsed(suppression.file)!.lines;
    const start = lines.position(suppression.start);
    const end = lines.position(suppression.end);
    return {
      ...p,
      reason,
      suppressionLine: start.line + 1,
      suppressionColumn: start.column + 1,
      suppressionEndLine: end.line + 1,
      suppressionEndColumn: end.column + 1,
    };
  });
}
