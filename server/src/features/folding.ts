/**
 * Folding ranges (0-based lines): blocks (the `}` line stays visible),
 * text blocks that span lines (the closing `"""` line stays visible when it
 * holds nothing else), block comments over several lines, runs of two or
 * more lines holding only a line comment, and regions between
 * `// #region` and `// #endregion` comments (which never fold as comments).
 * Sorted by start line, outer ranges first.
 */
import type { ParsedFile, Statement } from '../../../grammar/src';
import type { Snapshot } from '../analysis/snapshot';

export interface FoldingRange {
  readonly startLine: number;
  readonly endLine: number;
  readonly kind?: 'comment' | 'region';
}

const REGION_START = /^\/\/\s*#region\b/;
const REGION_END = /^\/\/\s*#endregion\b/;

export function foldingRanges(snapshot: Snapshot, file: string): FoldingRange[] {
  const parsed = snapshot.parsed(file);
  if (!parsed) return [];
  const ranges: FoldingRange[] = [];
  const lineOf = (offset: number) => parsed.lines.position(offset).line;
  /** The last line to fold when a range ends with a closer at `closerStart`: the line before, if the closer opens its line. */
  const lastLine = (closerStart: number) => {
    const { line, column } = parsed.lines.position(closerStart);
    const lineStart = closerStart - column;
    return parsed.text.slice(lineStart, closerStart).trim() === '' ? line - 1 : line;
  };
  const add = (startLine: number, endLine: number, kind?: FoldingRange['kind']) => {
    if (endLine > startLine) ranges.push(kind ? { startLine, endLine, kind } : { startLine, endLine });
  };

  const visit = (statements: readonly Statement[]) => {
    for (const statement of statements) {
      for (const argument of statement.args) {
        if (argument.kind !== 'textblock') continue;
        const startLine = lineOf(argument.start);
        const terminated = argument.image.length >= 6 && argument.image.endsWith('"""');
        add(startLine, terminated ? lastLine(argument.end - 3) : lineOf(argument.end));
      }
      const block = statement.block;
      if (!block) continue;
      add(lineOf(block.open), block.closed ? lastLine(block.end - 1) : lineOf(block.end));
      visit(block.statements);
    }
  };
  visit(parsed.statements);
  comments(parsed, lineOf, add);
  return ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}

function comments(
  parsed: ParsedFile,
  lineOf: (offset: number) => number,
  add: (startLine: number, endLine: number, kind?: FoldingRange['kind']) => void,
): void {
  const regions: number[] = [];
  let runStart = -1;
  let runEnd = -1;
  const flush = () => {
    if (runStart >= 0) add(runStart, runEnd, 'comment');
    runStart = runEnd = -1;
  };
  for (const comment of parsed.comments) {
    if (comment.kind === 'block') {
      flush();
      add(lineOf(comment.start), lineOf(comment.end - 1), 'comment');
      continue;
    }
    const { line, column } = parsed.lines.position(comment.start);
    const alone = parsed.text.slice(comment.start - column, comment.start).trim() === '';
    if (alone && REGION_START.test(comment.text)) {
      flush();
      regions.push(line);
      continue;
    }
    if (alone && REGION_END.test(comment.text)) {
      flush();
      const start = regions.pop();
      if (start !== undefined) add(start, line, 'region');
      continue;
    }
    if (!alone) {
      flush();
      continue;
    }
    if (runStart >= 0 && line === runEnd + 1) {
      runEnd = line;
    } else {
      flush();
      runStart = runEnd = line;
    }
  }
  flush();
}
