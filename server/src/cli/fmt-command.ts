/** `isms fmt [--check] [PATH…]`: rewrites files in the canonical layout, or (--check) lists those that would change. */
import * as fs from 'node:fs';
import { formatDocument as formatText } from '../language-service';
import type { CommandResult } from './command-result';
import { displayPath } from './positioned';
import { UsageError } from './usage-error';
import { describeError, findWorkspaceFiles } from '../node-host/workspace-files';

export interface FmtOptions {
  readonly paths: readonly string[];
  readonly check: boolean;
}

export function fmtCommand(options: FmtOptions, cwd: string): CommandResult {
  const { files, warnings } = findWorkspaceFiles(options.paths, cwd);
  if (files.length === 0) throw new UsageError(`no .isms files in ${options.paths.length > 0 ? options.paths.join(', ') : 'the current folder'}`);
  // Read and format everything first: a file that cannot be formatted stops the run before any file is written.
  const results = files.map((file) => {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      throw new UsageError(`cannot read '${displayPath(file, cwd)}': ${describeError(error)}`);
    }
    const formatted = formatText(text);
    if (!formatted) throw new UsageError(`cannot format '${displayPath(file, cwd)}': it has syntax errors (see isms check)`);
    return { file, formatted };
  });
  const changed = results.filter((result) => result.formatted.changed);
  const lines: string[] = [];
  if (options.check) {
    for (const { file } of changed) lines.push(`${displayPath(file, cwd)}: would be reformatted`);
  } else {
    for (const { file, formatted } of changed) {
      try {
        fs.writeFileSync(file, formatted.text);
      } catch (error) {
        throw new UsageError(`cannot write '${displayPath(file, cwd)}': ${describeError(error)}`);
      }
      lines.push(`${displayPath(file, cwd)}: formatted`);
    }
  }
  const stderr = warnings.map((warning) => `isms: warning: ${warning}\n`).join('');
  const stdout = lines.length > 0 ? lines.join('\n') + '\n' : '';
  return { stdout, stderr, exitCode: options.check && changed.length > 0 ? 1 : 0 };
}
