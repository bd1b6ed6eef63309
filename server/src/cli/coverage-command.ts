/**
 * `isms coverage [PATH] --framework ID [--format text|json|md|html|csv|xlsx]
 * [-o FILE] [--as-of YYYY-MM-DD] [--mappings DIR]`: which requirements of
 * another framework the ISMS helps meet. A report: exits 0 whatever the
 * coverage, 2 on bad usage, an unknown framework or a malformed pack.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { COVERAGE_FORMATS, coverageReport, frameworkCoverage, frameworkSet, isCalendarDate, nearestName, type CoverageFormat } from '../language-service';
import type { CommandResult } from './command-result';
import { loadWorkspace } from './load-workspace';
import { readMappingPacks, rejectMalformedPacks } from './mapping-packs';
import { UsageError } from './usage-error';
import { describeError } from '../node-host/workspace-files';

export interface CoverageOptions {
  readonly path: string | undefined;
  readonly framework: string | undefined;
  readonly format: string;
  readonly output: string | undefined;
  readonly asOf?: string;
  readonly mappings?: string;
}

export async function coverageCommand(options: CoverageOptions, cwd: string): Promise<CommandResult> {
  if (!(COVERAGE_FORMATS as readonly string[]).includes(options.format)) throw new UsageError(`unknown --format '${options.format}': use ${COVERAGE_FORMATS.join(', ')}`);
  const format = options.format as CoverageFormat;
  if (options.asOf !== undefined && !isCalendarDate(options.asOf)) throw new UsageError(`--as-of '${options.asOf}' is not a date (YYYY-MM-DD)`);
  if (format === 'xlsx' && !options.output && process.stdout.isTTY) throw new UsageError('xlsx is binary: give -o FILE (or redirect the output)');
  const mappings = readMappingPacks(options.mappings, cwd);
  const workspace = loadWorkspace(options.path ? [options.path] : [], cwd, { asOf: options.asOf, mappings });
  const snapshot = workspace.service.snapshot();
  const set = frameworkSet(snapshot);
  rejectMalformedPacks(set.errors);
  if (options.framework === undefined) throw new UsageError(`give --framework ID: ${set.ids().join(', ')}`);
  const coverage = frameworkCoverage(snapshot, options.framework);
  if (!coverage) {
    const suggestion = nearestName(options.framework, set.ids());
    throw new UsageError(`unknown framework '${options.framework}': ${suggestion ? `did you mean '${suggestion}'? ` : ''}(known: ${set.ids().join(', ')})`);
  }
  const content = await coverageReport(format, coverage);
  const stderr = workspace.warnings.map((warning) => `isms: warning: ${warning}\n`).join('');
  if (options.output) {
    try {
      fs.writeFileSync(path.resolve(cwd, options.output), content);
    } catch (error) {
      throw new UsageError(`cannot write '${options.output}': ${describeError(error)}`);
    }
    return { stdout: '', stderr, exitCode: 0 };
  }
  return { stdout: content, stderr, exitCode: 0 };
}
