/** Feature results in workspace files → LSP locations. */
import type { Location } from 'vscode-languageserver';
import type { FileRange } from '../../features/feature-types';
import { toRange } from '../convert';
import type { IsmsFolder } from '../isms-folder';

export function toLocation(folder: IsmsFolder, range: FileRange): Location | undefined {
  const parsed = folder.service.parsed(range.file);
  if (!parsed) return undefined;
  return { uri: folder.uriOf(range.file), range: toRange(parsed.lines, range.start, range.end) };
}

export function toLocations(folder: IsmsFolder, ranges: readonly FileRange[]): Location[] {
  return ranges.flatMap((range) => toLocation(folder, range) ?? []);
}
