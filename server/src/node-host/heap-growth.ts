/**
 * How far the server's heap may grow past what it holds live before a full
 * garbage collection. V8's default lets a heap of 80 MB live data grow to
 * three or four times that while an editor asks for the outline, folding and
 * semantic tokens of a 15,000-line file after each keystroke (each answer is
 * megabytes of short-lived objects and JSON): 370 MB resident after 40 edits
 * (bench/lsp.mjs measures the peak). Growing by 30% at a time keeps it under
 * 200 MB for the cost of more frequent, mostly concurrent, marking.
 * The flag is read at each resize of the heap, so setting it at start-up works.
 */
import * as v8 from 'node:v8';

export const HEAP_GROWING_PERCENT = 30;

let limited = false;

export function limitHeapGrowth(): void {
  if (limited) return;
  limited = true;
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
