/**
 * Where whole-ISMS findings stand (LANGUAGE.md §4): the head of
 * `organization`; without one, line 1 of the first file in path order.
 */
import type { Location } from './diagnostic';
import type { WorkspaceIndex } from './workspace-index';

export function wholeIsmsLocation(index: WorkspaceIndex): Location | undefined {
  const organization = index.first('organization');
  if (organization) return { file: organization.file, start: organization.statement.start, end: organization.headEnd };
  const first = index.files[0];
  if (!first) return undefined;
  const lines = first.parsed.lines;
  const lineEnd = lines.lineCount > 1 ? lines.offset(0, Number.MAX_SAFE_INTEGER) : first.parsed.text.length;
  return { file: first.file, start: 0, end: lineEnd };
}
