/**
 * Runs a CommonJS bundle with a V8 code cache beside it, as Node 22's
 * `module.enableCompileCache()` does (Node 20 has no such switch). `isms
 * check` is a process of a few hundred milliseconds, and V8 spends a tenth of
 * them compiling the bundle and, lazily, each function the first time it
 * runs. A cache taken at the end of a run holds the bytecode of every
 * function that run compiled, so the next run skips both.
 *
 * The cache is made by the build (scripts/build.mjs runs the command line
 * on the examples with {@link WRITE_ENV} set) and sits beside the bundle as
 * `<bundle>.v8cache`: 32 bytes of the bundle's SHA-256, then V8's data. V8
 * checks its own version and flags and refuses a cache made by another Node
 * or with other flags; it does not check the source's content, so the hash
 * does (a cache of an older bundle of the same length would run old code).
 * Whatever goes wrong, the bundle runs compiled from its source.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';
import * as vm from 'node:vm';

/** Set by the build: write the cache when the process exits. */
export const WRITE_ENV = 'ISMS_CODE_CACHE_WRITE';
/** Set by tests: say on stderr whether the cache was used (`code cache: accepted|absent|stale|rejected`). */
export const REPORT_ENV = 'ISMS_CODE_CACHE_REPORT';

const HASH_BYTES = 32;

export type CacheOutcome = 'accepted' | 'absent' | 'stale' | 'rejected';

export function cachePathOf(bundlePath: string): string {
  return `${bundlePath}.v8cache`;
}

/** Runs the bundle as `require(bundlePath)` would, with the cache when it is valid. */
export function runWithCodeCache(bundlePath: string): void {
  const source = fs.readFileSync(bundlePath, 'utf8');
  const hash = createHash('sha256').update(source).digest();
  const cached = readCache(cachePathOf(bundlePath));
  const fresh = cached !== undefined && cached.subarray(0, HASH_BYTES).equals(hash);
  const script = new vm.Script(Module.wrap(source), {
    filename: bundlePath,
    cachedData: fresh ? cached.subarray(HASH_BYTES) : undefined,
  });
  const outcome: CacheOutcome = cached === undefined ? 'absent' : !fresh ? 'stale' : script.cachedDataRejected ? 'rejected' : 'accepted';
  if (process.env[REPORT_ENV]) process.stderr.write(`code cache: ${outcome}\n`);
  if (process.env[WRITE_ENV]) {
    process.on('exit', () => fs.writeFileSync(cachePathOf(bundlePath), Buffer.concat([hash, script.createCachedData()])));
  }
  const wrapper = script.runInThisContext() as (exports: object, require: NodeJS.Require, module: object, filename: string, dirname: string) => void;
  const module = { exports: {}, filename: bundlePath };
  wrapper.call(module.exports, module.exports, createRequire(bundlePath), module, bundlePath, dirname(bundlePath));
}

function readCache(path: string): Buffer | undefined {
  try {
    const data = fs.readFileSync(path);
    return data.length > HASH_BYTES ? data : undefined;
  } catch {
    return undefined;
  }
}
