/**
 * `isms fmt [--check] [PATH…]`: rewrites files in the canonical layout, or
 * (--check) lists those that would change. Files are read first and all
 * formatted before any is written; a file that is not UTF-8 or has syntax
 * errors stops the run before any write. Each write is atomic (temporary file,
 * fsync, rename) and replaces the file only if it still holds what was read;
 * when a write fails, the files already formatted are listed and the one that
 * failed is named (exit 2).
 */
import { formatDocument as formatText } from '../language-service';
import type { CommandResult } from './command-result';
import { displayPath } from './positioned';
import { UsageError } from './usage-error';
import { writeFileAtomic } from '../node-host/atomic-write';
import { describeError, findWorkspaceFiles, readWorkspaceFile, realFolder } from '../node-host/workspace-files';

export interface FmtOptions {
  readonly paths: readonly string[];
  readonly check: boolean;
}

export function fmtCommand(options: FmtOptions, cwd: string): CommandResult {
  const { root, files, warnings } = findWorkspaceFiles(options.paths, cwd);
  if (files.length === 0) throw new UsageError(`no .isms files in ${options.paths.length > 0 ? options.paths.join(', ') : 'the current folder'}`);
  const realRoot = realFolder(root);
  // Read and format everything first: a file that cannot be formatted stops the run before any file is written.
  const results = files.map((file) => {
    let read;
    try {
      read = readWorkspaceFile(file, realRoot);
    } catch (error) {
      throw new UsageError(`cannot read '${displayPath(file, cwd)}': ${describeError(error)}`);
    }
    if (!read.valid) throw new UsageError(`cannot format '${displayPath(file, cwd)}': it is not valid UTF-8 (convert it to UTF-8 first; nothing was written)`);
    const formatted = formatText(read.text);
    if (!formatted) throw new UsageError(`cannot format '${displayPath(file, cwd)}': it has syntax errors (see isms check)`);
    return { file, formatted, bytes: read.bytes };
  });
  const changed = results.filter((result) => result.formatted.changed);
  const lines: string[] = [];
  const stderr = warnings.map((warning) => `isms: warning: ${warning}\n`);
  const output = () => (lines.length > 0 ? lines.join('\n') + '\n' : '');
  if (options.check) {
    for (const { file } of changed) lines.push(`${displayPath(file, cwd)}: would be reformatted`);
  } else {
    for (const { file, formatted, bytes } of changed) {
      try {
        writeFileAtomic(file, formatted.text, { realRoot, expected: bytes });
      } catch (error) {
        const left = changed.length - lines.length - 1;
        const rest = left > 0 ? ` (${left} more file${left === 1 ? '' : 's'} not written)` : '';
        stderr.push(`isms: cannot write '${displayPath(file, cwd)}': ${describeError(error)}${rest}\n`);
        return { stdout: output(), stderr: stderr.join(''), exitCode: 2 };
      }
      lines.push(`${displayPath(file, cwd)}: formatted`);
    }
  }
  return { stdout: output(), stderr: stderr.join(''), exitCode: options.check && changed.length > 0 ? 1 : 0 };
}
