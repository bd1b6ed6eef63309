/**
 * The shipped frameworks (generated into frameworks.ts from data/mappings)
 * in the shape coverage and the editor use. Placeholder until the generated
 * catalogue lands.
 */
import type { FrameworkInfo } from './framework-set';

export function shippedFrameworks(): readonly FrameworkInfo[] {
  return [];
}
