/**
 * The derived-data store: every memo of the analysis, the features and the
 * hosts lives here, with its invalidation next to it. Elsewhere, modules only
 * declare what they derive ({@link derivation}, {@link stringMemo}) and ask
 * for it ({@link derived}, {@link memoized}); none keeps a cache of its own.
 *
 * Invalidation. Data is derived from values that never change once handed
 * out: a file model (one per version of a file), a workspace index (one per
 * analysis), a date and a duration. A new version of a file is a new model
 * and a new analysis a new index, so a memo is never stale: it is dropped
 * with its key, which the store holds weakly. String-keyed memos (due dates)
 * are bounded: past their limit they start afresh.
 */

/** Something derived from an immutable value `K` (a file model, a workspace index), computed once per value. */
export interface Derivation<K extends object, V> {
  /** For people reading a heap snapshot or a profile. */
  readonly name: string;
  readonly compute: (key: K) => V;
  /** The slot of the store that holds its values. */
  readonly slot: number;
}

/** One weak map per derivation: the value of a key lives as long as the key. */
const byDerivation: WeakMap<object, unknown>[] = [];

/** Declares a derivation (at module level: it holds no data, the store does). */
export function derivation<K extends object, V>(name: string, compute: (key: K) => V): Derivation<K, V> {
  byDerivation.push(new WeakMap());
  return { name, compute, slot: byDerivation.length - 1 };
}

/** The value derived from `key`, computed on first use (by `compute` when given, for what needs more than the key). */
export function derived<K extends object, V>(of: Derivation<K, V>, key: K, compute: (key: K) => V = of.compute): V {
  const store = byDerivation[of.slot];
  let value = store.get(key) as V | undefined;
  if (value === undefined && !store.has(key)) {
    value = compute(key);
    store.set(key, value);
  }
  return value as V;
}

/** A memo keyed by strings (e.g. a date and a duration), bounded to `limit` entries. */
export interface StringMemo<V> {
  readonly name: string;
  readonly limit: number;
  readonly slot: number;
}

const byString: Map<string, unknown>[] = [];

export function stringMemo<V>(name: string, limit: number): StringMemo<V> {
  byString.push(new Map());
  return { name, limit, slot: byString.length - 1 };
}

export function memoized<V>(memo: StringMemo<V>, key: string, compute: () => V): V {
  const store = byString[memo.slot];
  let value = store.get(key) as V | undefined;
  if (value === undefined) {
    value = compute();
    if (store.size > memo.limit) store.clear();
    store.set(key, value);
  }
  return value;
}
