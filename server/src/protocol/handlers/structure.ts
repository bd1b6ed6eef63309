/** Folding ranges and selection ranges → features/folding.ts, selection-ranges.ts. */
import { FoldingRangeKind, type SelectionRange as LspSelectionRange } from 'vscode-languageserver';
import { foldingRanges, selectionRanges, type LineIndex, type SelectionRange } from '../../language-service';
import { toOffset, toRange } from '../convert';
import { guarded, type ServerContext } from '../server-context';

function toLspSelection(range: SelectionRange, lines: LineIndex): LspSelectionRange {
  return { range: toRange(lines, range.start, range.end), ...(range.parent ? { parent: toLspSelection(range.parent, lines) } : {}) };
}

export function registerStructure(context: ServerContext): void {
  context.connection.onFoldingRanges(
    guarded(context, 'folding ranges', [], (params) => {
      const document = context.resolve(params.textDocument.uri);
      if (!document) return [];
      return foldingRanges(document.snapshot, document.file).map((fold) => ({
        startLine: fold.startLine,
        endLine: fold.endLine,
        ...(fold.kind === 'comment' ? { kind: FoldingRangeKind.Comment } : fold.kind === 'region' ? { kind: FoldingRangeKind.Region } : {}),
      }));
    }),
  );
  context.connection.onSelectionRanges(
    guarded(context, 'selection ranges', [], (params) => {
      const document = context.resolve(params.textDocument.uri);
      if (!document) return [];
      const offsets = params.positions.map((position) => toOffset(document.lines, position));
      return selectionRanges(document.snapshot, document.file, offsets).map((range) => toLspSelection(range, document.lines));
    }),
  );
}
