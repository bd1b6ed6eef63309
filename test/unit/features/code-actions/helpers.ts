/** Shared helpers of the quick-fix tests: run the fixes of a fixture and apply one. */
import { strict as assert } from 'node:assert';

import { parse } from '../../../../grammar/src';
import type { DiagnosticCode } from '../../../../server/src/analysis/diagnostic-codes';
import { codeActions, type CodeAction } from '../../../../server/src/features/code-actions/code-actions';
import { applyEdits } from '../../../../server/src/features/feature-types';
import { createLanguageService, type LanguageService } from '../../../../server/src/language-service';
import { fixtureService, parseFixture } from '../../../helpers/fixture';

export const AS_OF = '2026-11-27';

/** A service over a `//- /path` fixture. */
export function service(fixture: string): LanguageService {
  return fixtureService(parseFixture(fixture), AS_OF);
}

/** A service over files given as texts (for exact line breaks). */
export function serviceOf(files: Record<string, string>): LanguageService {
  const result = createLanguageService({ asOf: AS_OF, documents: { exists: () => false } });
  for (const [file, text] of Object.entries(files)) result.setFile(file, text);
  return result;
}

/** Every action offered for the whole of every file, optionally of one code. */
export function allActions(svc: LanguageService, code?: DiagnosticCode): CodeAction[] {
  const actions = svc.fileNames().flatMap((file) => codeActions(svc, file, 0, svc.text(file)!.length));
  return code ? actions.filter((action) => action.diagnostic.code === code) : actions;
}

/** The one action with this title (fails listing the titles on offer otherwise). */
export function actionTitled(svc: LanguageService, title: string): CodeAction {
  const actions = allActions(svc);
  const found = actions.filter((action) => action.title === title);
  assert.equal(found.length, 1, `expected one action '${title}', got: ${actions.map((a) => a.title).join(' | ')}`);
  return found[0];
}

/** The texts of the files an action changes, after applying it. */
export function applied(svc: LanguageService, action: CodeAction): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [file, edits] of Object.entries(action.edit.changes)) result[file] = applyEdits(svc.text(file)!, edits);
  return result;
}

/** The text of the one file an action changes, after applying it. */
export function appliedText(svc: LanguageService, action: CodeAction): string {
  const files = Object.keys(action.edit.changes);
  assert.equal(files.length, 1, `expected an edit of one file, got ${files.join(', ')}`);
  return applied(svc, action)[files[0]];
}

/** A copy of the service with the action applied. */
export function afterAction(svc: LanguageService, action: CodeAction): LanguageService {
  const next = createLanguageService({ asOf: svc.asOf, documents: { exists: () => false } });
  for (const file of svc.fileNames()) next.setFile(file, svc.text(file)!);
  for (const [file, text] of Object.entries(applied(svc, action))) next.setFile(file, text);
  return next;
}

export function countOf(svc: LanguageService, code: DiagnosticCode, file?: string): number {
  return svc.diagnostics(file).filter((diagnostic) => diagnostic.code === code).length;
}

/** Checks that the action leaves no syntax error and removes one finding of its code. */
export function assertFixes(svc: LanguageService, action: CodeAction): void {
  const next = afterAction(svc, action);
  for (const [file, text] of Object.entries(applied(svc, action))) {
    assert.deepEqual(parse(text).errors, [], `syntax errors in ${file} after '${action.title}':\n${text}`);
  }
  const code = action.diagnostic.code;
  assert.ok(countOf(next, code) < countOf(svc, code), `'${action.title}' leaves every ${code}`);
}
