/**
 * V8 block coverage of the product code (grammar/src and server/src as
 * compiled to out/), through the inspector of the current thread: the
 * number of distinct code blocks and functions the fuzzer has reached, and
 * after each case whether it reached new ones (to keep it as a seed).
 */
import { Session } from 'node:inspector';

interface Range {
  readonly startOffset: number;
  readonly endOffset: number;
  readonly count: number;
}
interface ScriptCoverage {
  readonly url: string;
  readonly functions: readonly { readonly functionName: string; readonly ranges: readonly Range[] }[];
}

export interface CoverageKeys {
  readonly blocks: readonly string[];
  readonly functions: readonly string[];
  readonly files: readonly string[];
}

/** Product code only: not the tests, not node_modules. */
const PRODUCT = /[\\/]out[\\/](grammar|server)[\\/]src[\\/].*\.js$/;

export class Coverage {
  private readonly session = new Session();
  private readonly blocks = new Set<string>();
  private readonly functions = new Set<string>();
  private readonly files = new Set<string>();

  start(): void {
    this.session.connect();
    this.post('Profiler.enable');
    this.post('Profiler.startPreciseCoverage', { callCount: true, detailed: true });
  }

  stop(): void {
    this.post('Profiler.stopPreciseCoverage');
    this.session.disconnect();
  }

  /** Takes the coverage since the last call (V8 resets the counters) and returns how many blocks are new. */
  collect(): number {
    const { result } = this.post('Profiler.takePreciseCoverage') as { result: ScriptCoverage[] };
    let added = 0;
    for (const script of result) {
      if (!PRODUCT.test(script.url)) continue;
      const file = script.url.replace(/^.*[\\/]out[\\/]/, '');
      for (const fn of script.functions) {
        const [whole, ...inner] = fn.ranges;
        if (!whole || whole.count === 0) continue;
        this.files.add(file);
        this.functions.add(`${file}:${whole.startOffset}`);
        // A block counts when it ran: the function's range, or an inner range with a count.
        for (const range of [whole, ...inner]) {
          if (range.count === 0) continue;
          const key = `${file}:${range.startOffset}:${range.endOffset}`;
          if (!this.blocks.has(key)) {
            this.blocks.add(key);
            added++;
          }
        }
      }
    }
    return added;
  }

  /** What was reached so far: block, function and file keys (the runner unions them over workers). */
  reached(): CoverageKeys {
    return { blocks: [...this.blocks], functions: [...this.functions], files: [...this.files] };
  }

  private post(method: string, params?: object): unknown {
    let answer: unknown;
    let failure: Error | null = null;
    // A session on the current thread answers synchronously.
    this.session.post(method, params ?? {}, (error, result) => {
      failure = error;
      answer = result;
    });
    if (failure) throw failure;
    return answer;
  }
}
