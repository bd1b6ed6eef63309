/**
 * The framework set (the shipped frameworks and a host's mapping packs) as
 * derived data: built once per packs array the host hands in, and dropped
 * with it (analysis/derived-data.ts).
 */
import { frameworkSet, type FrameworkSet, type MappingPackText } from '../catalogue/framework-set';
import { derivation, derived } from './derived-data';

/** The packs of a host that has none: one array, so that its set is built once. */
const NO_PACKS: readonly MappingPackText[] = Object.freeze([]);

const setByPacks = derivation<readonly MappingPackText[], FrameworkSet>('framework-set', frameworkSet);

/** `frameworkSet(packs)`, re-used while the host hands in the same packs array. */
export function frameworkSetOf(packs: readonly MappingPackText[] = NO_PACKS): FrameworkSet {
  return derived(setByPacks, packs);
}
