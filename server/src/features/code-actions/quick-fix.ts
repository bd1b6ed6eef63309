/**
 * The shape of one quick fix: the diagnostic codes it answers and the
 * actions it offers for one diagnostic. Quick fixes are keyed on a
 * diagnostic's code and data, never on its message.
 */
import type { ParsedFile } from '../../../../grammar/src';
import type { DiagnosticCode } from '../../analysis/diagnostic-codes';
import type { Diagnostic } from '../../analysis/diagnostic';
import type { FileModel } from '../../analysis/model';
import type { WorkspaceIndex } from '../../analysis/workspace-index';
import type { Snapshot } from '../../analysis/snapshot';
import type { TextEdit, WorkspaceEdit } from '../feature-types';

/** One quick fix offered for a diagnostic: edits in offsets (the protocol layer makes LSP code actions of them). */
export interface CodeAction {
  readonly title: string;
  readonly kind: 'quickfix';
  /** The diagnostic the action fixes. */
  readonly diagnostic: Diagnostic;
  readonly edit: WorkspaceEdit;
  readonly isPreferred?: boolean;
}

/** What a quick fix sees: the diagnostic, its file and the workspace. */
export interface QuickFixContext {
  readonly snapshot: Snapshot;
  readonly index: WorkspaceIndex;
  readonly diagnostic: Diagnostic;
  /** The diagnostic's file, its current text, syntax tree and model. */
  readonly file: string;
  readonly text: string;
  readonly parsed: ParsedFile;
  readonly model: FileModel;
}

export interface QuickFix {
  readonly codes: readonly DiagnosticCode[];
  fixes(context: QuickFixContext): CodeAction[];
}

export interface ActionOptions {
  /** The file the edits apply to (the diagnostic's file by default). */
  readonly file?: string;
  readonly isPreferred?: boolean;
}

/** A quick fix that edits one file. */
export function quickFixAction(context: QuickFixContext, title: string, edits: readonly TextEdit[], options: ActionOptions = {}): CodeAction {
  const file = options.file ?? context.file;
  return {
    title,
    kind: 'quickfix',
    diagnostic: context.diagnostic,
    edit: { changes: { [file]: edits } },
    ...(options.isPreferred ? { isPreferred: true } : {}),
  };
}

/** The diagnostic's range as written, when it is exactly `expected` (guards against stale data). */
export function rangeIs(context: QuickFixContext, expected: string | undefined): boolean {
  const { diagnostic, text } = context;
  return expected !== undefined && text.slice(diagnostic.start, diagnostic.end) === expected;
}
