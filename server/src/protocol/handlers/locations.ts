/** Feature results in workspace files → LSP locations. */
import type { Location } from 'vscode-languageserver';
import type { FileRange, Snapshot } from '../../language-service';
import { toRange } from '../convert';
import type { IsmsFolder } from '../isms-folder';

export function toLocation(folder: IsmsFolder, snapshot: Snapshot, range: FileRange): Location | undefined {
  const parsed = snapshot.parsed(range.file);
  if (!parsed) return undefined;
  return { uri: folder.uriOf(range.file), range: toRange(parsed.lines, range.start, range.end) };
}

export function toLocations(folder: IsmsFolder, snapshot: Snapshot, ranges: readonly FileRange[]): Location[] {
  return ranges.flatMap((range) => toLocation(folder, snapshot, range) ?? []);
}
