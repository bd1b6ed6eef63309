/** `isms check [PATH…] [--format text|json|sarif] [--as-of YYYY-MM-DD] [--max-warnings N]`. */
import { diagnostics as findings, isCalendarDate, suppressedFindings } from '../language-service';
import { jsonReport, sarifReport, summarize, textReport } from './check-report';
import { loadWorkspace } from './load-workspace';
import { readMappingPacks, rejectMalformedPacks } from './mapping-packs';
import { positionDiagnostics, positionSuppressed } from './positioned';
import type { CommandResult } from './command-result';
import { UsageError } from './usage-error';

export interface CheckOptions {
  readonly paths: readonly string[];
  readonly format: string;
  readonly asOf?: string;
  readonly maxWarnings?: string;
  /** The folder of the workspace's mapping packs (`*.tsv`), for the frameworks it declares. */
  readonly mappings?: string;
}

export function checkCommand(options: CheckOptions, cwd: string): CommandResult {
  if (!['text', 'json', 'sarif'].includes(options.format)) throw new UsageError(`unknown --format '${options.format}': use text, json or sarif`);
  if (options.asOf !== undefined && !isCalendarDate(options.asOf)) throw new UsageError(`--as-of '${options.asOf}' is not a date (YYYY-MM-DD)`);
  let maxWarnings = Infinity;
  if (options.maxWarnings !== undefined) {
    if (!/^\d+$/.test(options.maxWarnings)) throw new UsageError(`--max-warnings '${options.maxWarnings}' is not a whole number`);
    maxWarnings = Number(options.maxWarnings);
  }
  const workspace = loadWorkspace(options.paths, cwd, { asOf: options.asOf, mappings: readMappingPacks(options.mappings, cwd) });
  const snapshot = workspace.service.snapshot();
  rejectMalformedPacks(snapshot.frameworks().errors);
  const diagnostics = positionDiagnostics(workspace, findings(snapshot), cwd);
  const suppressed = positionSuppressed(workspace, suppressedFindings(snapshot), cwd);
  const summary = summarize(workspace.files.length, diagnostics, suppressed.length);
  const output =
    options.format === 'json'
      ? jsonReport(diagnostics, workspace.files.length, suppressed)
      : options.format === 'sarif'
        ? sarifReport(diagnostics, suppressed)
        : textReport(diagnostics, summary);
  const failed = summary.errors > 0 || summary.warnings > maxWarnings;
  return { stdout: output, stderr: workspace.warnings.map((warning) => `isms: warning: ${warning}\n`).join(''), exitCode: failed ? 1 : 0 };
}
