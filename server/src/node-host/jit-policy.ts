/**
 * JIT policy for the command line. `isms check` is over in well under a
 * second, and most of its analysis runs before V8's optimising compiler
 * (TurboFan, on a background thread) delivers code for it: what matters is
 * how soon optimised code arrives, not how good it is. A smaller inlining
 * budget than V8's default (920 bytes of bytecode per function) makes each
 * compilation smaller and faster. On the benchmark workspace it took 12% off
 * the process's CPU time and about 6% off its wall time (interleaved runs of
 * bench/check.mjs's command). Flags read at each compilation take effect at
 * run time. The server, which lives for hours, keeps the default.
 */
import * as v8 from 'node:v8';

export const SHORT_RUN_INLINING_BUDGET = 100;

export function compileForShortRun(): void {
  v8.setFlagsFromString(`--max-inlined-bytecode-size-cumulative=${SHORT_RUN_INLINING_BUDGET}`);
}
