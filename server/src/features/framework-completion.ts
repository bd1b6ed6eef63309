/** Completion of the ids in `frameworks`: the shipped frameworks and the workspace's mapping packs, with their names. */
import { HELPS_MEET } from '../catalogue/framework-set';
import type { Snapshot } from '../analysis/snapshot';
import type { CompletionItem } from './completion';

export function frameworkItems(snapshot: Snapshot, replace: CompletionItem['replace']): CompletionItem[] {
  return snapshot.frameworks().all.map((framework, i) => ({
    label: framework.id,
    kind: 'enum',
    detail: framework.name,
    documentation: `${framework.requirements.length} requirements. ${HELPS_MEET}\n\nSource: ${framework.credit}`,
    insertText: framework.id,
    snippet: false,
    sortText: String(i).padStart(4, '0'),
    replace,
  }));
}
