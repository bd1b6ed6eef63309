/**
 * Quick fixes: code actions for the diagnostics of a file, as plain data in
 * offsets (the protocol layer turns them into LSP code actions). Each fix
 * lives in its own file and is keyed on diagnostic codes and their `data`,
 * never on message text.
 *
 * Every fix keeps the document well formed (no new syntax error), drops no
 * text or comment beyond what it replaces, and lowers the number of
 * diagnostics of the code it fixes.
 */
import { parse } from '../../../../grammar/src';
import type { DiagnosticCode } from '../../analysis/diagnostic-codes';
import type { WorkspaceIndex } from '../../analysis/workspace-index';
import type { Snapshot } from '../../analysis/snapshot';
import { applyEdits } from '../feature-types';
import { addAcceptedBy } from './add-accepted-by';
import { addMissingControls } from './add-missing-controls';
import { addStatus } from './add-status';
import { chooseTreatment } from './choose-treatment';
import { createMissingEntity } from './create-missing-entity';
import { declareInformationSecurityPolicy } from './declare-information-security-policy';
import { didYouMean } from './did-you-mean';
import { insertMissingField } from './insert-missing-field';
import { insertWholeIsmsSkeleton } from './insert-whole-isms-skeleton';
import { nearestAnnexControl } from './nearest-annex-control';
import type { CodeAction, QuickFix } from './quick-fix';
import { removeDuplicateField } from './remove-duplicate-field';
import { replaceLegacyControl } from './replace-legacy-control';
// Language v2 (LANGUAGE.md §7.4)
import { addRecordField } from './add-record-field';
import { addReviewInputs } from './add-review-inputs';
import { addTopManagement } from './add-top-management';
import { setObjectiveStatus } from './set-objective-status';

export type { CodeAction } from './quick-fix';

/** Every quick fix, in the order their actions are offered for one diagnostic. */
export const QUICK_FIXES: readonly QuickFix[] = [
  didYouMean,
  createMissingEntity,
  replaceLegacyControl,
  nearestAnnexControl,
  insertMissingField,
  addStatus,
  addAcceptedBy,
  chooseTreatment,
  addMissingControls,
  insertWholeIsmsSkeleton,
  declareInformationSecurityPolicy,
  removeDuplicateField,
  // v2
  addRecordField,
  addTopManagement,
  addReviewInputs,
  setObjectiveStatus,
];

const FIXES_BY_CODE: ReadonlyMap<DiagnosticCode, readonly QuickFix[]> = (() => {
  const map = new Map<DiagnosticCode, QuickFix[]>();
  for (const fix of QUICK_FIXES) {
    for (const code of fix.codes) {
      const list = map.get(code);
      if (list) list.push(fix);
      else map.set(code, [fix]);
    }
  }
  return map;
})();

/** The codes some quick fix answers. */
export function fixableCodes(): DiagnosticCode[] {
  return [...FIXES_BY_CODE.keys()];
}

/** Quick fixes for the diagnostics of `file` that intersect [start, end]. */
export function codeActions(snapshot: Snapshot, file: string, start: number, end: number): CodeAction[] {
  const analysis = snapshot.analysis();
  // The model the diagnostics were computed on, so that their offsets hold.
  const model = analysis.index.files.find((candidate) => candidate.file === file);
  if (!model) return [];
  const parsed = model.parsed;
  const text = parsed.text;
  const actions: CodeAction[] = [];
  for (const diagnostic of analysis.diagnostics) {
    if (diagnostic.file !== file || diagnostic.start > end || diagnostic.end < start) continue;
    const fixes = FIXES_BY_CODE.get(diagnostic.code);
    if (!fixes) continue;
    const context = { snapshot, index: analysis.index, diagnostic, file, text, parsed, model };
    for (const fix of fixes) for (const action of fix.fixes(context)) if (keepsWellFormed(analysis.index, action)) actions.push(action);
  }
  return actions;
}

/**
 * The safety net for files that already have syntax errors (where an
 * unterminated comment or literal may swallow what a fix inserts): the
 * edited text is parsed again, and the action dropped if it has a syntax
 * error the file did not have or lost a comment. In a well-formed file the
 * fixes are well formed by construction, so it is not parsed again.
 */
function keepsWellFormed(index: WorkspaceIndex, action: CodeAction): boolean {
  for (const [file, edits] of Object.entries(action.edit.changes)) {
    const before = index.files.find((model) => model.file === file)?.parsed;
    if (!before) return false;
    if (before.errors.length === 0) continue;
    const after = parse(applyEdits(before.text, edits));
    if (!isSubMultiset(after.errors.map((error) => error.message), before.errors.map((error) => error.message))) return false;
    if (!isSubMultiset(before.comments.map((comment) => comment.text), after.comments.map((comment) => comment.text))) return false;
  }
  return true;
}

/** Whether every item of `items` occurs in `within` at least as often. */
function isSubMultiset(items: readonly string[], within: readonly string[]): boolean {
  const counts = new Map<string, number>();
  for (const item of within) counts.set(item, (counts.get(item) ?? 0) + 1);
  for (const item of items) {
    const left = counts.get(item) ?? 0;
    if (left === 0) return false;
    counts.set(item, left - 1);
  }
  return true;
}
