/** `isms soa [PATH] [--format md|html|csv|xlsx|json] [-o FILE]`: the Statement of Applicability and risk register. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isCalendarDate } from '../../../grammar/src';
import { exportReport, EXPORT_FORMATS, type ExportFormat } from '../features/export/export-report';
import { riskRegister } from '../features/risk-register';
import { soaTable } from '../features/soa-table';
import type { CommandResult } from './command-result';
import { loadWorkspace } from './load-workspace';
import { UsageError } from './usage-error';
import { describeError } from '../node-host/workspace-files';

export interface SoaOptions {
  readonly path: string | undefined;
  readonly format: string;
  readonly output: string | undefined;
  readonly asOf?: string;
}

export async function soaCommand(options: SoaOptions, cwd: string): Promise<CommandResult> {
  if (!(EXPORT_FORMATS as readonly string[]).includes(options.format)) throw new UsageError(`unknown --format '${options.format}': use ${EXPORT_FORMATS.join(', ')}`);
  const format = options.format as ExportFormat;
  if (options.asOf !== undefined && !isCalendarDate(options.asOf)) throw new UsageError(`--as-of '${options.asOf}' is not a date (YYYY-MM-DD)`);
  if (format === 'xlsx' && !options.output && process.stdout.isTTY) throw new UsageError('xlsx is binary: give -o FILE (or redirect the output)');
  const workspace = loadWorkspace(options.path ? [options.path] : [], cwd, { asOf: options.asOf });
  const { index, diagnostics } = workspace.service.analysis();
  // While the workspace has errors, every export carries the draft banner (LANGUAGE.md §7.6).
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
  const content = await exportReport(format, { soa: soaTable(index, workspace.service.asOf, errors), risks: riskRegister(index) });
  const stderr = workspace.warnings.map((warning) => `isms: warning: ${warning}\n`).join('');
  if (options.output) {
    const target = path.resolve(cwd, options.output);
    try {
      fs.writeFileSync(target, content);
    } catch (error) {
      throw new UsageError(`cannot write '${options.output}': ${describeError(error)}`);
    }
    return { stdout: '', stderr, exitCode: 0 };
  }
  return { stdout: content, stderr, exitCode: 0 };
}
