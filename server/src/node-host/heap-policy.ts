/**
 * Heap policy for the two kinds of process. V8 reads the flags set here
 * whenever it resizes the heap, so setting them at run time works.
 */
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

/**
 * The server: how far the heap may grow past what it holds live before a
 * full collection. V8's default let a heap of 80 MB live data grow to three
 * or four times that while an editor asked for the outline, folding and
 * semantic tokens of a 15,000-line file after each keystroke (each answer is
 * megabytes of short-lived objects and JSON). Set once the first analysis is
 * done: while the workspace is read the heap must grow fast (limited from the
 * start, the first diagnostics came 200 ms later).
 */
export const HEAP_GROWING_PERCENT = 30;

/**
 * How far the server's resident size may rise above what the last full
 * collection left before the server collects (between two messages, never
 * in the middle of one). The answers above are garbage as soon as they are
 * sent, but large strings and buffers are reclaimed only by a full
 * collection, which V8 may put off for a long while: 307 MB after 30 such
 * keystrokes in bench/lsp.mjs with the growth limit alone.
 */
export const RESIDENT_SLACK_BYTES = 64 * 1024 * 1024;

let limited = false;
let collect: (() => void) | undefined;
let floor = 0;

export function limitHeapGrowth(): void {
  if (limited) return;
  limited = true;
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  v8.setFlagsFromString(`--semi-space-growth-factor=${DEFAULT_SEMI_SPACE_GROWTH_FACTOR}`);
  // `gc` as tsserver uses it: exposed by the flag, taken from a fresh context.
  v8.setFlagsFromString('--expose-gc');
  collect = vm.runInNewContext('gc') as () => void;
  floor = process.memoryUsage.rss();
}

/** Collects garbage when the resident size rose {@link RESIDENT_SLACK_BYTES} above the last floor (the server, after a message). */
export function collectIfGrown(): void {
  if (!collect) return;
  const resident = process.memoryUsage.rss();
  if (resident - floor < RESIDENT_SLACK_BYTES) {
    floor = Math.min(floor, resident);
    return;
  }
  collect();
  floor = process.memoryUsage.rss();
}

/**
 * Loading a workspace (the command line's whole run, the server's start
 * until its first analysis) builds one large tree that stays live, so each
 * scavenge of V8's small young generation copies it; growing the young
 * generation 16-fold at a time (not 2-fold) takes 7 scavenges instead of 14
 * and spares a full collection: `isms check` of the 125,000-line benchmark
 * workspace runs about 110 ms faster (bench/check.mjs). The server goes back
 * to V8's default in {@link limitHeapGrowth}.
 */
export function growYoungGenerationFast(): void {
  v8.setFlagsFromString('--semi-space-growth-factor=16');
}

const DEFAULT_SEMI_SPACE_GROWTH_FACTOR = 2;
