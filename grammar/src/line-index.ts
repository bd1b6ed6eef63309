/**
 * Maps offsets to 0-based line/column pairs and back. Line ends are CRLF, LF
 * or a lone CR, exactly as VS Code and the LSP count them, so positions agree
 * with the editor's.
 */
export interface LineColumn {
  /** 0-based line. */
  readonly line: number;
  /** 0-based column, in UTF-16 code units (as LSP positions). */
  readonly column: number;
}

export class LineIndex {
  private starts: readonly number[] | undefined;

  /** Lines are found on first use: `isms check` of files without findings never needs them. */
  constructor(private readonly text: string) {}

  /** Offset at which each line starts; `lineStarts[0]` is 0. */
  get lineStarts(): readonly number[] {
    this.starts ??= findLineStarts(this.text);
    return this.starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The line and column of an offset (clamped to the text). */
  position(offset: number): LineColumn {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const starts = this.lineStarts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, column: clamped - starts[low] };
  }

  /** The offset of a line and column (clamped to the line and the text). */
  offset(line: number, column: number): number {
    if (line < 0) return 0;
    if (line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[line];
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    let end = next;
    // The line's own end excludes its line break.
    if (end > start && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return start + Math.max(0, Math.min(column, end - start));
  }
}

function findLineStarts(text: string): number[] {
  const starts = [0];
  if (text.indexOf('\r') < 0) {
    // The common case, LF only: indexOf is several times faster than a character loop.
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  } else {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (c === 10) {
        starts.push(i + 1);
      }
    }
  }
  return starts;
}
