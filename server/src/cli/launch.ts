/**
 * The `isms` command line's entry (dist/cli.js): sets the short-run JIT and
 * heap policies, then runs the command line's bundle (dist/cli-main.js)
 * with its V8 code cache. The policies come first because V8 accepts a
 * cache only under the flags it was made with.
 */
import * as path from 'node:path';
import { runWithCodeCache } from '../node-host/code-cache';
import { growYoungGenerationFast } from '../node-host/heap-policy';
import { compileForShortRun } from '../node-host/jit-policy';

/** The command line's bundle, beside this launcher in dist/. */
export const CLI_BUNDLE = 'cli-main.js';

growYoungGenerationFast();
compileForShortRun();
try {
  runWithCodeCache(path.join(__dirname, CLI_BUNDLE));
} catch (error) {
  // Only a broken installation gets here (the bundle's own errors are caught inside it).
  process.stderr.write(`isms: cannot start the command line: ${(error as Error)?.message ?? String(error)}\n`);
  process.exitCode = 2;
}
