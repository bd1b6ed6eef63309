/**
 * Heap sizing for the two kinds of process. V8 reads these flags whenever it
 * resizes the heap, so setting them at run time works.
 */
import * as v8 from 'node:v8';

/**
 * The server: how far the heap may grow past what it holds live before a
 * full collection. V8's default let a heap of 80 MB live data grow to three
 * or four times that while an editor asked for the outline, folding and
 * semantic tokens of a 15,000-line file after each keystroke (each answer is
 * megabytes of short-lived objects and JSON): 367 MB resident after 40 edits.
 * Growing by 30% at a time keeps it under 210 MB (bench/lsp.mjs, peak RSS)
 * for more frequent, mostly concurrent, marking. Set once the first analysis
 * is done: while the workspace is read the heap must grow fast (limited from
 * the start, the first diagnostics came 200 ms later).
 */
export const HEAP_GROWING_PERCENT = 30;

let limited = false;

export function limitHeapGrowth(): void {
  if (limited) return;
  limited = true;
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

/**
 * The command line: a batch that builds one large tree and exits. Nearly all
 * it allocates stays live, so each scavenge of V8's small young generation
 * copies it; growing the young generation 16-fold at a time (not 2-fold)
 * takes 7 scavenges instead of 14 and spares a full collection: `isms check`
 * of the 125,000-line benchmark workspace runs about 110 ms faster
 * (bench/check.mjs).
 */
export function growYoungGenerationFast(): void {
  v8.setFlagsFromString('--semi-space-growth-factor=16');
}
