/**
 * Deterministic mutations of `.isms` texts for the pipeline fuzzer.
 *
 * Everything here is driven by {@link Rng}, a seeded PRNG (sfc32), so that a
 * case is reproduced from its seed alone. A mutation is a plain function
 * `(text, rng, donors) → text`; {@link mutate} composes several. The
 * mutations mix structure-aware edits (line-aligned spans, merge-conflict
 * markers, renamed ids, deep braces) with raw damage (random code units,
 * lone surrogates, control characters, NULs, BOMs, U+2028/U+2029, CR-only
 * line breaks, very long lines).
 *
 * {@link mutationPlan} is the fast-check view of the same mutations: a plan is
 * a list of (mutation, seed) steps, which fast-check shrinks to fewer steps
 * and smaller seeds.
 */
import fc from 'fast-check';

import { KINDS } from '../../server/src/schema';

// ---------------------------------------------------------------------------
// The PRNG

/** A 32-bit hash of numbers and strings (murmur3 finaliser per part): case seeds from a run seed and an index. */
export function hashSeed(...parts: readonly (number | string)[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    const text = String(part);
    for (let i = 0; i < text.length; i++) {
      h = Math.imul(h ^ text.charCodeAt(i), 0x85ebca6b);
      h ^= h >>> 13;
    }
    h = Math.imul(h ^ 0x2f, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/** sfc32: small, fast and good enough; seeded from one 32-bit number. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = seed >>> 0;
    for (let i = 0; i < 12; i++) this.next();
  }

  /** A uniform unsigned 32-bit integer. */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** [0, 1). */
  float(): number {
    return this.next() / 4294967296;
  }

  /** An integer in [0, n) (0 when n ≤ 0). */
  int(n: number): number {
    return n <= 0 ? 0 : Math.floor(this.float() * n);
  }

  /** An integer in [min, max]. */
  range(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  /** Small values much more often than large ones: [0, max]. */
  skewed(max: number): number {
    return Math.min(max, Math.floor(Math.pow(this.float(), 3) * (max + 1)));
  }

  /** A fresh generator derived from this one (so that one step's draws do not shift the next's). */
  fork(): Rng {
    return new Rng(this.next());
  }
}

// ---------------------------------------------------------------------------
// Helpers

/** Offsets where lines start (after LF, CRLF or a lone CR), 0 first; the text's length last. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  if (starts[starts.length - 1] !== text.length) starts.push(text.length);
  return starts;
}

/** A random span of whole lines: [start, end). */
function lineSpan(text: string, rng: Rng, maxLines = 12): [number, number] {
  const starts = lineStarts(text);
  const first = rng.int(starts.length - 1);
  const last = Math.min(starts.length - 1, first + 1 + rng.skewed(maxLines));
  return [starts[first], starts[last]];
}

/** A random arbitrary span: [start, end). */
function anySpan(text: string, rng: Rng, maxLength = 200): [number, number] {
  const start = rng.int(text.length + 1);
  return [start, Math.min(text.length, start + rng.skewed(maxLength))];
}

function lineStartOffset(text: string, rng: Rng): number {
  return rng.pick(lineStarts(text));
}

function insertAt(text: string, offset: number, insert: string): string {
  return text.slice(0, offset) + insert + text.slice(offset);
}

function replaceSpan(text: string, [start, end]: readonly [number, number], insert: string): string {
  return text.slice(0, start) + insert + text.slice(end);
}

/** Some text to copy in: from this text or another example. */
function donorOf(text: string, rng: Rng, donors: readonly string[]): string {
  return donors.length > 0 && rng.chance(0.4) ? rng.pick(donors) : text;
}

/** Names that mean something somewhere: kinds, fields, enum values, ids of the examples. */
const SCHEMA_NAMES: readonly string[] = [...new Set(KINDS.flatMap((kind) => [kind.kind, ...kind.fields.map((field) => field.name)]))];

const VALUE_NAMES = [
  'yes', 'no', 'mitigate', 'accept', 'avoid', 'transfer', 'implemented', 'partial', 'planned', 'not-implemented', 'open', 'closed',
  'relevant', 'not-relevant', 'internal', 'external', 'requirements', 'continual-improvement', 'public', 'confidential', 'restricted',
  'A.5.1', 'A.5.37', 'A.8.34', 'A.8.35', 'A.12.3.1', 'A.9.9', 'A.5', 'A.', 'cto', 'ceo', 'R-001', 'R-999', 'dpo', 'owner',
];

const EXTREME_DURATIONS = ['0 days', '1 day', '12 months', '1.5 years', '0.001 weeks', '300000 years', '9999999 months', '99999999999999999999 days', '1e400 days'];
const EXTREME_DATES = ['2026-11-27', '2026-11-28', '0001-01-01', '0000-01-01', '9999-12-31', '1900-02-29', '2000-02-29', '2026-02-29', '2026-04-31'];
const EXTREME_NUMBERS = ['0', '1', '5', '6', '25', '26', '999999', '1e308', '99999999999999999999', '0.5', '4.49', '0%', '100%', '1000%', '0.1%'];

/** Values of every type, ordinary and extreme: durations that overflow a date, numbers beyond any scale, impossible dates. */
const EXTREME_VALUES = [
  ...EXTREME_DURATIONS,
  ...EXTREME_DATES,
  ...EXTREME_NUMBERS,
  '""', '"x"', '"policies/missing.pdf"', '"../outside.pdf"', '"""\n  text\n"""', 'yes', 'no', 'cto', 'A.8.13', 'A.12.3.1', 'R-001',
  'yes, no', 'A.5.1, A.5.1, A.5.1', 'cto, ceo, cto', 'mitigate, accept',
];

/** Tokens, token fragments and hostile payloads (formula starts, HTML, path escapes). */
const SNIPPETS = [
  '"""', '"""\n', '\n"""', '/*', '*/', '//', '"', '\\', '\\"', '{', '}', '{}', ',', ',,', ', ', '\n', '\r\n', '\r', '\t', ' ',
  '2026-02-30', '2026-13-01', '0000-00-00', '9999-12-31', '2024-02-29', '2023-02-29', '12 months', '0 days', '1.5 weeks', '99999999999999999999 years',
  '5%', '100%', '1e5%', '0', '-1', '4.5', '1e309', '00007', '3.', '.3', '9007199254740993', 'NaN', 'Infinity',
  '"=HYPERLINK(""http://x"",""y"")"', '"=1+1"', '"+cmd"', '"-2"', '"@SUM(A1)"', '"\\t=1"', '"＝1"', '"<fuzzxss a=1>"', '"</td><fuzzxss>"', '"a|b"',
  '"../../etc/passwd"', '"/abs/path.pdf"', '"C:\\\\x"', '"policies/missing.pdf"', '"file:///x"', '"a\\u0000b"', '"\\q"',
  '"""\n  line\n    deeper\n"""', '""""""', '"\\n\\t\\\\"',
];

/** Characters and code units that damage text: controls, NUL, lone surrogates, BOM, separators, astral pairs. */
const HOSTILE_UNITS = [
  '\u0000', '\u0001', '\u0007', '\u0008', '\u000b', '\u000c', '\u000e', '\u001b', '\u001f', '\u007f', '\u0085', '\u00a0',
  '\ud800', '\udbff', '\udc00', '\udfff', '\ud83d', '\ude00', '\ud83d\ude00', '\ufeff', '\ufffd', '\ufffe', '\uffff',
  '\u2028', '\u2029', '\u200b', '\u200d', '\u202e', '\u3000', 'é', 'e\u0301', 'ß', 'İ', 'Σ', '中', '\u{1f600}', '\u{10ffff}',
];

function randomUnit(rng: Rng): string {
  const roll = rng.int(10);
  if (roll < 3) return rng.pick(HOSTILE_UNITS);
  if (roll < 6) return String.fromCharCode(0x20 + rng.int(0x5f)); // printable ASCII
  if (roll < 7) return String.fromCharCode(rng.int(0x20)); // C0 controls
  if (roll < 8) return String.fromCharCode(0xd800 + rng.int(0x800)); // a lone surrogate
  return String.fromCharCode(rng.int(0x10000)); // any code unit
}

// ---------------------------------------------------------------------------
// The mutations

export type Mutator = (text: string, rng: Rng, donors: readonly string[]) => string;

export const MUTATIONS = {
  /** A copy of some whole lines (of this text or another example) inserted at a line start. */
  'insert-lines': (text, rng, donors) => {
    const donor = donorOf(text, rng, donors);
    const [s, e] = lineSpan(donor, rng);
    return insertAt(text, lineStartOffset(text, rng), donor.slice(s, e));
  },
  /** An arbitrary span of some text inserted anywhere. */
  'insert-span': (text, rng, donors) => {
    const donor = donorOf(text, rng, donors);
    const [s, e] = anySpan(donor, rng);
    return insertAt(text, rng.int(text.length + 1), donor.slice(s, e));
  },
  'delete-lines': (text, rng) => replaceSpan(text, lineSpan(text, rng), ''),
  'delete-span': (text, rng) => replaceSpan(text, anySpan(text, rng), ''),
  'duplicate-lines': (text, rng) => {
    const [s, e] = lineSpan(text, rng);
    return insertAt(text, e, text.slice(s, e));
  },
  'duplicate-span': (text, rng) => {
    const [s, e] = anySpan(text, rng, 80);
    return insertAt(text, e, text.slice(s, e));
  },
  'swap-lines': (text, rng) => swap(text, lineSpan(text, rng), lineSpan(text, rng)),
  'swap-spans': (text, rng) => swap(text, anySpan(text, rng, 60), anySpan(text, rng, 60)),
  /** Random code units: printable, controls, lone surrogates, anything. */
  'random-units': (text, rng) => {
    let insert = '';
    for (let n = 1 + rng.skewed(24); n > 0; n--) insert += randomUnit(rng);
    return rng.chance(0.5) ? insertAt(text, rng.int(text.length + 1), insert) : replaceSpan(text, anySpan(text, rng, insert.length), insert);
  },
  /** Single code units flipped here and there. */
  'flip-units': (text, rng) => {
    let out = text;
    for (let n = 1 + rng.skewed(8); n > 0 && out.length > 0; n--) {
      const at = rng.int(out.length);
      out = out.slice(0, at) + randomUnit(rng) + out.slice(at + 1);
    }
    return out;
  },
  'insert-snippet': (text, rng) => insertAt(text, rng.int(text.length + 1), rng.pick(SNIPPETS)),
  /** A name of the schema or a value, alone on a line, as an argument, or replacing a name. */
  'insert-name': (text, rng) => {
    const name = rng.chance(0.5) ? rng.pick(SCHEMA_NAMES) : rng.pick(VALUE_NAMES);
    if (rng.chance(0.4)) return insertAt(text, lineStartOffset(text, rng), `${'  '.repeat(rng.int(3))}${name} ${rng.pick(VALUE_NAMES)}\n`);
    return insertAt(text, rng.int(text.length + 1), rng.chance(0.5) ? ` ${name}` : name);
  },
  /** One name of the text replaced by another of the text (duplicate ids, wrong kinds, unknown references). */
  'rename-name': (text, rng) => {
    const names = [...text.matchAll(/[A-Za-z_][A-Za-z0-9_.-]*/g)];
    if (names.length < 2) return text;
    const target = rng.pick(names);
    const replacement = rng.chance(0.7) ? rng.pick(names)[0] : rng.pick(VALUE_NAMES);
    const all = rng.chance(0.2);
    if (all) return text.split(target[0]).join(replacement);
    return replaceSpan(text, [target.index!, target.index! + target[0].length], replacement);
  },
  /** A number, date or percent replaced by an extreme one. */
  'mangle-number': (text, rng) => {
    const numbers = [...text.matchAll(/\d+(?:[.-]\d+)*%?/g)];
    if (numbers.length === 0) return text;
    const target = rng.pick(numbers);
    const replacement = rng.pick(['0', '1', '5', '6', '25', '-1', '4.5', '1e3', '99999999999999999999', '2026-02-29', '2026-00-10', '2100-02-29', '2000-02-29', '100%', '0%', '250%', '1.5']);
    return replaceSpan(text, [target.index!, target.index! + target[0].length], replacement);
  },
  /** The value of a field replaced by another value of any type, extremes included (the rules' arithmetic and checks). */
  'replace-value': (text, rng) => {
    const fields = [...text.matchAll(/^([ \t]+[A-Za-z_][\w.-]*[ \t]+)([^\r\n{}]*)$/gm)];
    if (fields.length === 0) return text;
    const field = rng.pick(fields);
    const start = field.index! + field[1].length;
    // Mostly a value of the same kind (an extreme one), else anything.
    const value = field[2].trim();
    const kind = /^\d+(\.\d+)?\s+(day|week|month|year)s?$/.test(value)
      ? EXTREME_DURATIONS
      : /^\d{4}-\d{2}-\d{2}$/.test(value)
        ? EXTREME_DATES
        : /^\d+(\.\d+)?%?$/.test(value)
          ? EXTREME_NUMBERS
          : undefined;
    const pool = kind && rng.chance(0.7) ? kind : EXTREME_VALUES;
    return replaceSpan(text, [start, start + field[2].length], rng.pick(pool));
  },
  /** `{` × N (or `}` × N, or N nested statements): deep or unbalanced nesting. */
  'deep-braces': (text, rng) => {
    const n = rng.pick([2, 5, 31, 32, 33, 64, 200, 1000, 5000]);
    const style = rng.int(4);
    const insert =
      style === 0 ? '{'.repeat(n) : style === 1 ? '}'.repeat(n) : style === 2 ? 'a {\n'.repeat(n) + (rng.chance(0.5) ? '}\n'.repeat(n) : '') : 'x { '.repeat(n) + '}'.repeat(rng.int(n + 1));
    return rng.chance(0.5) ? insertAt(text, rng.int(text.length + 1), insert) : insertAt(text, lineStartOffset(text, rng), insert + '\n');
  },
  /** A BOM: at the start, twice, or in the middle. */
  bom: (text, rng) => {
    const where = rng.int(3);
    if (where === 0) return '\ufeff' + text;
    if (where === 1) return '\ufeff\ufeff' + text;
    return insertAt(text, rng.int(text.length + 1), '\ufeff');
  },
  nul: (text, rng) => {
    let out = text;
    for (let n = 1 + rng.skewed(5); n > 0; n--) out = insertAt(out, rng.int(out.length + 1), rng.chance(0.8) ? '\u0000' : '\u0000'.repeat(rng.range(2, 64)));
    return out;
  },
  /** Some line breaks become U+2028 or U+2029 (or such a character is inserted). */
  'line-separators': (text, rng) => {
    const sep = rng.chance(0.5) ? '\u2028' : '\u2029';
    if (rng.chance(0.3)) return insertAt(text, rng.int(text.length + 1), sep);
    const p = rng.pick([0.1, 0.5, 1]);
    return text.replace(/\r?\n/g, (m) => (rng.chance(p) ? sep : m));
  },
  /** CR-only (or CRLF, or mixed) line breaks: all of them or some. */
  'line-breaks': (text, rng) => {
    const to = rng.pick(['\r', '\r\n', '\n', '\n\r', '\r\r\n']);
    const p = rng.pick([0.2, 1]);
    return text.replace(/\r\n|\r|\n/g, (m) => (rng.chance(p) ? to : m));
  },
  /** A very long line: a name, a string, an argument list, a comment, spaces, or a text block. */
  'long-line': (text, rng) => {
    const n = rng.pick([1000, 10_000, 50_000]);
    const style = rng.int(7);
    const line =
      style === 0 ? `${'a'.repeat(n)}`
        : style === 1 ? `note "${'x'.repeat(n)}"`
          : style === 2 ? `controls ${'A.8.1, '.repeat(n / 8)}A.8.2`
            : style === 3 ? `// ${'c'.repeat(n)}`
              : style === 4 ? `${' '.repeat(n)}x`
                : style === 5 ? `statement """${'t '.repeat(n / 2)}"""`
                  : `risk-criteria { likelihood-scale ${'"L", '.repeat(n / 6)}"L" }`;
    return insertAt(text, lineStartOffset(text, rng), line + '\n');
  },
  /** Lines wrapped in merge-conflict markers; "theirs" is a mutated copy. */
  'merge-conflict': (text, rng, donors): string => {
    const [s, e] = lineSpan(text, rng, 20);
    const ours = text.slice(s, e);
    const step = rng.pick(STRUCTURAL);
    const theirs: string = (MUTATIONS as Record<MutationName, Mutator>)[step](ours, rng.fork(), donors);
    const nl = (t: string) => (t === '' || /[\r\n]$/.test(t) ? t : t + '\n');
    const conflict: string = `<<<<<<< HEAD\n${nl(ours)}${rng.chance(0.3) ? `||||||| base\n${nl(ours)}` : ''}=======\n${nl(theirs)}>>>>>>> feature/${rng.int(100)}\n`;
    return replaceSpan(text, [s, e], rng.chance(0.15) ? conflict.replace(/\n>>>>>>> .*\n$/, '\n') : conflict);
  },
  /** The text cut off: an unterminated string, comment, text block or block. */
  truncate: (text, rng) => text.slice(0, rng.int(text.length + 1)),
  /** An unterminated construct opened somewhere. */
  unterminated: (text, rng) => insertAt(text, rng.int(text.length + 1), rng.pick(['"', '"""', '/*', '{', '"abc', '"""abc\n', '/* x\n'])),
  /** Indentation changed: tabs, none, odd widths. */
  indentation: (text, rng) => {
    const to = rng.pick(['', '\t', ' ', '   ', '\t \t', '        ']);
    const p = rng.pick([0.2, 1]);
    return text.replace(/^[ \t]+/gm, (m) => (rng.chance(p) ? to : m));
  },
  /**
   * Unicode blanks (which JavaScript's `\s` and the lexer may judge differently)
   * at the end of some lines or of the file: after code, after comments.
   */
  'trailing-blanks': (text, rng) => {
    const blank = () => rng.pick(['\u00a0', '\u1680', '\u2000', '\u2007', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff', '\u000b', '\u000c', ' ', '\t']);
    if (rng.chance(0.4)) return text.replace(/[\r\n]*$/, (end) => blank() + (rng.chance(0.5) ? blank() : '') + end);
    const p = rng.pick([0.05, 0.3, 1]);
    return text.replace(/(?=\r?\n|\r)/g, () => (rng.chance(p) ? blank() : ''));
  },
  /** Line continuations: a trailing `,` added or a line break after one removed. */
  continuation: (text, rng) => {
    const starts = lineStarts(text);
    const at = rng.pick(starts.slice(1));
    const before = text.slice(0, at).replace(/\r?\n$|\r$/, '');
    return rng.chance(0.5) ? before + ',' + text.slice(before.length) : before + ' ' + text.slice(at);
  },
} satisfies Record<string, Mutator>;

export type MutationName = keyof typeof MUTATIONS;
export const MUTATION_NAMES = Object.keys(MUTATIONS) as MutationName[];

/** The mutations that keep the text mostly readable (used inside merge conflicts). */
const STRUCTURAL: readonly MutationName[] = ['insert-lines', 'delete-lines', 'duplicate-lines', 'swap-lines', 'rename-name', 'mangle-number', 'insert-name', 'delete-span'];

/** How often each mutation is drawn (structure-aware ones more often than expensive ones). */
const WEIGHTS: Readonly<Record<MutationName, number>> = {
  'insert-lines': 8, 'insert-span': 6, 'delete-lines': 8, 'delete-span': 6, 'duplicate-lines': 6, 'duplicate-span': 3, 'swap-lines': 5, 'swap-spans': 3,
  'random-units': 6, 'flip-units': 4, 'insert-snippet': 10, 'insert-name': 8, 'rename-name': 10, 'mangle-number': 6, 'replace-value': 8, 'deep-braces': 2, bom: 2, nul: 2,
  'line-separators': 2, 'line-breaks': 3, 'trailing-blanks': 3, 'long-line': 1, 'merge-conflict': 3, truncate: 2, unterminated: 4, indentation: 2, continuation: 3,
};
const WEIGHTED: readonly MutationName[] = MUTATION_NAMES.flatMap((name) => Array<MutationName>(WEIGHTS[name]).fill(name));

function swap(text: string, a: [number, number], b: [number, number]): string {
  if (a[0] > b[0]) [a, b] = [b, a];
  if (a[1] > b[0]) return text; // overlapping: nothing to swap
  return text.slice(0, a[0]) + text.slice(b[0], b[1]) + text.slice(a[1], b[0]) + text.slice(a[0], a[1]) + text.slice(b[1]);
}

/** At most this many code units per mutated file (long lines and deep braces stay bounded). */
export const MAX_TEXT_LENGTH = 200_000;

/** One named mutation with its own generator. */
export function applyMutation(name: MutationName, text: string, rng: Rng, donors: readonly string[] = []): string {
  const out = MUTATIONS[name](text, rng, donors);
  return out.length > MAX_TEXT_LENGTH ? out.slice(0, MAX_TEXT_LENGTH) : out;
}

export interface Mutated {
  readonly text: string;
  /** The mutations applied, in order. */
  readonly applied: readonly MutationName[];
}

/** Mutations that mostly keep a text well-formed: the formatter, the fast path and the rules get clean inputs too. */
export const GENTLE: readonly MutationName[] = ['indentation', 'rename-name', 'mangle-number', 'line-breaks', 'bom', 'rename-name', 'replace-value', 'replace-value', 'insert-name'];

/** `count` mutations drawn by weight (or from `pool`) and applied in turn. */
export function mutate(text: string, rng: Rng, count: number, donors: readonly string[] = [], pool: readonly MutationName[] = WEIGHTED): Mutated {
  const applied: MutationName[] = [];
  for (let i = 0; i < count; i++) {
    const name = rng.pick(pool);
    text = applyMutation(name, text, rng.fork(), donors);
    applied.push(name);
  }
  return { text, applied };
}

// ---------------------------------------------------------------------------
// fast-check

/** One step of a plan: a mutation and the seed of its generator. */
export interface PlanStep {
  readonly mutation: MutationName;
  readonly seed: number;
}

/** A mutation plan as a fast-check arbitrary: shrinks towards fewer steps and smaller seeds. */
export function mutationPlan(maxSteps = 5): fc.Arbitrary<PlanStep[]> {
  return fc.array(fc.record({ mutation: fc.constantFrom(...MUTATION_NAMES), seed: fc.nat() }), { minLength: 1, maxLength: maxSteps });
}

export function applyPlan(text: string, plan: readonly PlanStep[], donors: readonly string[] = []): string {
  for (const step of plan) text = applyMutation(step.mutation, text, new Rng(step.seed), donors);
  return text;
}

/** Hostile text as a fast-check arbitrary: any code units, with the damaging ones over-represented. */
export const hostileText: fc.Arbitrary<string> = fc.string({
  unit: fc.oneof(fc.constantFrom(...HOSTILE_UNITS, ...SNIPPETS), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })),
  maxLength: 40,
});
