/** `isms soa [PATH] [--format FORMAT] [-o FILE]`: the Statement of Applicability and risk register, in any export format. */
import * as path from 'node:path';
import { EXPORT_FORMAT_IDS, exportFormat, exportReport, isCalendarDate, isExportFormat } from '../language-service';
import type { CommandResult } from './command-result';
import { loadWorkspace } from './load-workspace';
import { UsageError } from './usage-error';
import { writeFileAtomic } from '../node-host/atomic-write';
import { describeError, realFolder } from '../node-host/workspace-files';

export interface SoaOptions {
  readonly path: string | undefined;
  readonly format: string;
  readonly output: string | undefined;
  readonly asOf?: string;
}

export async function soaCommand(options: SoaOptions, cwd: string): Promise<CommandResult> {
  const format = options.format;
  if (!isExportFormat(format)) throw new UsageError(`unknown --format '${format}': use ${EXPORT_FORMAT_IDS.join(', ')}`);
  if (options.asOf !== undefined && !isCalendarDate(options.asOf)) throw new UsageError(`--as-of '${options.asOf}' is not a date (YYYY-MM-DD)`);
  if (exportFormat(format).binary && !options.output && process.stdout.isTTY) throw new UsageError(`${format} is binary: give -o FILE (or redirect the output)`);
  const workspace = loadWorkspace(options.path ? [options.path] : [], cwd, { asOf: options.asOf });
  const content = await exportReport(workspace.service.snapshot(), format);
  const stderr = workspace.warnings.map((warning) => `isms: warning: ${warning}\n`).join('');
  if (options.output) {
    const target = path.resolve(cwd, options.output);
    try {
      // Atomic (never half-written); through a link only when it stays in the workspace folder.
      writeFileAtomic(target, content, { realRoot: realFolder(workspace.root) });
    } catch (error) {
      throw new UsageError(`cannot write '${options.output}': ${describeError(error)}`);
    }
    return { stdout: '', stderr, exitCode: 0 };
  }
  return { stdout: content, stderr, exitCode: 0 };
}
