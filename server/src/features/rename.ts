/**
 * Rename an id: its declaration(s) and every reference to it, in all files.
 * Only name arguments that the workspace index knows as the id or as a
 * reference to it are edited, so strings and comments that mention the id
 * stay as they are.
 *
 * Refused: Annex A ids (fixed by the standard, legacy and unknown ones of
 * that shape included), kind keywords, field names, values that are no ids,
 * and ids declared nowhere. The new name must be a name (LANGUAGE.md §1),
 * not of the Annex A shape, and not the id of another entity.
 */
import { looksLikeAnnexId } from '../catalogue/annex-a';
import { describeEntity } from '../analysis/model';
import type { Snapshot } from '../analysis/snapshot';
import { idTargetAt, referencesNamed } from './definition';
import type { TextEdit, WorkspaceEdit } from './feature-types';

/** The Name token of the grammar. */
const NAME = /^[A-Za-z_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?$/;

export const ANNEX_RENAME_ERROR = 'Annex A ids are fixed by ISO/IEC 27001';

export interface RenameError {
  readonly error: string;
}

export interface PrepareRenameResult {
  /** The range of the id under the cursor. */
  readonly start: number;
  readonly end: number;
  /** The current id. */
  readonly placeholder: string;
}

export function prepareRename(snapshot: Snapshot, file: string, offset: number): PrepareRenameResult | RenameError {
  const model = snapshot.model(file);
  if (!model) return { error: `${file} is not part of the workspace` };
  const target = idTargetAt(model, offset);
  switch (target.kind) {
    case 'keyword':
      return { error: `'${target.statement.name}' is a kind keyword; only ids can be renamed` };
    case 'field-name':
      return { error: `'${target.statement.name}' is a field name; only ids can be renamed` };
    case 'value':
      return { error: 'This value is not an id; only ids can be renamed' };
    case 'none':
      return { error: 'Place the cursor on an id to rename it' };
  }
  if (looksLikeAnnexId(target.id)) return { error: ANNEX_RENAME_ERROR };
  if (!target.declaration && snapshot.analysis().index.declarations(target.id).length === 0) {
    return { error: `'${target.id}' is declared nowhere in the workspace; declare it before renaming it` };
  }
  return { start: target.argument.start, end: target.argument.end, placeholder: target.id };
}

/** The edits that rename the id under the cursor to `newName`, per file sorted by offset. */
export function rename(snapshot: Snapshot, file: string, offset: number, newName: string): WorkspaceEdit | RenameError {
  const prepared = prepareRename(snapshot, file, offset);
  if ('error' in prepared) return prepared;
  const oldName = prepared.placeholder;
  if (!NAME.test(newName)) {
    return { error: `'${newName}' is not a valid id: use ASCII letters, digits, '_', '-' and '.', start with a letter or '_', and do not end in '-' or '.'` };
  }
  if (looksLikeAnnexId(newName)) return { error: `'${newName}' has the shape of an Annex A id, which only the controls of ISO/IEC 27001 may have` };
  if (newName === oldName) return { changes: {} };
  const index = snapshot.analysis().index;
  const taken = index.declarations(newName)[0];
  if (taken) return { error: `'${newName}' is already the id of ${describeEntity(taken)} (${taken.file})` };
  const changes: Record<string, TextEdit[]> = {};
  const edit = (inFile: string, start: number, end: number) => (changes[inFile] ??= []).push({ start, end, newText: newName });
  for (const entity of index.declarations(oldName)) if (entity.id) edit(entity.file, entity.id.start, entity.id.end);
  for (const reference of referencesNamed(index, oldName)) edit(reference.entity.file, reference.value.start, reference.value.end);
  for (const edits of Object.values(changes)) edits.sort((a, b) => a.start - b.start);
  return { changes };
}
