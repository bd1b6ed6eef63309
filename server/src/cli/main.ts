/**
 * The `isms` command line (LANGUAGE.md §5). Every failure the user can cause
 * ends in one line on stderr and exit code 2, never a stack trace. Bundled
 * as dist/cli-main.js and started by launch.ts (dist/cli.js), which sets the
 * short-run JIT and heap policies and runs it with its code cache.
 */
import { parseArgs } from 'node:util';
import { checkCommand } from './check-command';
import { terminalSafe } from './check-report';
import type { CommandResult } from './command-result';
import { coverageCommand } from './coverage-command';
import { fmtCommand } from './fmt-command';
import { soaCommand } from './soa-command';
import { statusCommand } from './status-command';
import { EXPORT_FORMAT_IDS } from '../language-service';
import { TOOL_VERSION } from './tool-info';
import { describeError, InputError } from '../node-host/workspace-files';
import { UsageError } from './usage-error';

const USAGE = `usage:
  isms check [PATH…] [--format text|json|sarif] [--as-of YYYY-MM-DD] [--max-warnings N] [--mappings DIR]
  isms soa   [PATH]  [--format ${EXPORT_FORMAT_IDS.join('|')}] [-o FILE] [--as-of YYYY-MM-DD]
  isms fmt   [--check] [PATH…]
  isms coverage [PATH] --framework ID [--format text|json|md|html|csv|xlsx] [-o FILE] [--as-of YYYY-MM-DD] [--mappings DIR]
  isms status [PATH] [--format text|json|md] [--as-of YYYY-MM-DD]

A PATH is a file or a folder (all *.isms files below it); the default is the current folder.
coverage shows which requirements of another framework (nist-csf-2.0, nis2, or a mapping pack of --mappings DIR)
the ISMS helps meet; a mapping means "helps meet", not "complies". It exits 0 (a report), 2 on bad usage.
check exits 0 without errors (and with warnings within --max-warnings), 1 otherwise, 2 on bad usage or unreadable input.
status reports the readiness of each clause 4.1–10.2 (fail, warn, pass, unverified) and exits 0 whatever the states.
`;

async function run(argv: string[], cwd: string): Promise<CommandResult> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') return { stdout: USAGE, exitCode: 0 };
  if (command === '--version' || command === '-v') return { stdout: `${TOOL_VERSION}\n`, exitCode: 0 };
  switch (command) {
    case 'check': {
      const { values, positionals } = parse(rest, {
        format: { type: 'string', default: 'text' },
        'as-of': { type: 'string' },
        'max-warnings': { type: 'string' },
        mappings: { type: 'string' },
      });
      return checkCommand(
        { paths: positionals, format: values.format as string, asOf: values['as-of'] as string | undefined, maxWarnings: values['max-warnings'] as string | undefined, mappings: values.mappings as string | undefined },
        cwd,
      );
    }
    case 'soa': {
      const { values, positionals } = parse(rest, {
        format: { type: 'string', default: 'md' },
        output: { type: 'string', short: 'o' },
        'as-of': { type: 'string' },
      });
      if (positionals.length > 1) throw new UsageError('isms soa takes one PATH');
      return soaCommand({ path: positionals[0], format: values.format as string, output: values.output as string | undefined, asOf: values['as-of'] as string | undefined }, cwd);
    }
    case 'coverage': {
      const { values, positionals } = parse(rest, {
        framework: { type: 'string' },
        format: { type: 'string', default: 'text' },
        output: { type: 'string', short: 'o' },
        'as-of': { type: 'string' },
        mappings: { type: 'string' },
      });
      if (positionals.length > 1) throw new UsageError('isms coverage takes one PATH');
      return coverageCommand(
        {
          path: positionals[0],
          framework: values.framework as string | undefined,
          format: values.format as string,
          output: values.output as string | undefined,
          asOf: values['as-of'] as string | undefined,
          mappings: values.mappings as string | undefined,
        },
        cwd,
      );
    }
    case 'fmt': {
      const { values, positionals } = parse(rest, { check: { type: 'boolean', default: false } });
      const result = fmtCommand({ paths: positionals, check: values.check as boolean }, cwd);
      return { ...result, stdout: linesSafe(result.stdout as string) };
    }
    case 'status': {
      const { values, positionals } = parse(rest, {
        format: { type: 'string', default: 'text' },
        'as-of': { type: 'string' },
      });
      if (positionals.length > 1) throw new UsageError('isms status takes one PATH');
      return statusCommand({ path: positionals[0], format: values.format as string, asOf: values['as-of'] as string | undefined }, cwd);
    }
    default:
      throw new UsageError(`unknown command '${command}': use check, soa, coverage, fmt or status (isms --help)`);
  }
}

type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string; default?: string | boolean }>;

function parse(args: string[], options: OptionSpec) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    // parseArgs explains the problem in its message; keep its first line.
    throw new UsageError((error as Error).message.split('\n')[0]);
  }
}

/**
 * The output cannot be written. EPIPE (the reader went away: `isms check | head -1`)
 * ends the process quietly; anything else (ENOSPC: `> /dev/full`) in one line, exit 2.
 */
function outputFailed(error: NodeJS.ErrnoException): void {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  try {
    process.stderr.write(`isms: cannot write the output: ${describeError(error)}\n`);
  } catch {
    // stderr is gone too.
  }
  process.exit(2);
}

function write(stream: NodeJS.WriteStream, data: string | Uint8Array): Promise<void> {
  return new Promise((resolve) =>
    data.length === 0
      ? resolve()
      : stream.write(data, (error) => {
          if (error) outputFailed(error);
          else resolve();
        }),
  );
}

function linesSafe(text: string): string {
  return text.split('\n').map(terminalSafe).join('\n');
}

async function main(): Promise<void> {
  process.stdout.on('error', outputFailed);
  process.stderr.on('error', (error: NodeJS.ErrnoException) => process.exit(error.code === 'EPIPE' ? (process.exitCode ?? 0) : 2));
  let result: CommandResult;
  try {
    result = await run(process.argv.slice(2), process.cwd());
  } catch (error) {
    const expected = error instanceof UsageError || error instanceof InputError;
    const message = expected ? (error as Error).message : `internal error: ${(error as Error)?.message ?? String(error)}`;
    if (!expected && process.env.ISMS_DEBUG) console.error(error);
    await write(process.stderr, `isms: ${terminalSafe(message)}\n`);
    process.exitCode = 2;
    return;
  }
  // Messages name files and quote the input: no control character reaches the terminal.
  if (result.stderr) await write(process.stderr, linesSafe(result.stderr));
  await write(process.stdout, result.stdout);
  process.exitCode = result.exitCode;
}

void main();
