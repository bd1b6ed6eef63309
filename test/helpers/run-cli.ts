/** Runs the bundled command line (dist/cli.js) as a user would. */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export const CLI = path.join(process.cwd(), 'dist', 'cli.js');

export function runCli(args: readonly string[], options: { cwd?: string; input?: string } = {}): CliRun {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd ?? process.cwd(), encoding: 'utf8', input: options.input, timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Asserts the shape of a user error: exit 2 and exactly one line on stderr, no stack trace. */
export function isOneLineError(run: CliRun): boolean {
  const lines = run.stderr.trimEnd().split('\n');
  return run.status === 2 && lines.length === 1 && lines[0].startsWith('isms: ') && !/\n\s+at /.test(run.stderr);
}
