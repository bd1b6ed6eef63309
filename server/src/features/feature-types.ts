/**
 * Plain data that features return, in offsets of workspace files (the
 * protocol layer turns them into LSP ranges). Files are workspace-relative
 * POSIX paths, as everywhere in the language service.
 */

/** A span of one file. */
export interface FileRange {
  readonly file: string;
  readonly start: number;
  readonly end: number;
}

/** Replace [start, end) with `newText`; offsets into the file's current text. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

/** Edits to several files; edits of one file must not overlap. */
export interface WorkspaceEdit {
  readonly changes: Readonly<Record<string, readonly TextEdit[]>>;
}

/** Applies non-overlapping edits to a text (for tests and previews). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  for (const edit of sorted) result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  return result;
}
