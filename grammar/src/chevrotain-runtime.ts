/**
 * Chevrotain, loaded on first use. The fast path (fast-parser.ts) parses
 * well-formed text on its own, so `isms check` of a clean workspace, and the
 * server until a file has a syntax error or is formatted, never need it; its
 * loading and our token and parser definitions took about 15 ms of every
 * start. Only type imports of 'chevrotain' appear elsewhere.
 */
import type * as Chevrotain from 'chevrotain';

let runtime: typeof Chevrotain | undefined;

export function chevrotain(): typeof Chevrotain {
  // A `require` in a function, not an import: the bundler then runs Chevrotain's modules on this first call only.
  return (runtime ??= require('chevrotain') as typeof Chevrotain);
}
