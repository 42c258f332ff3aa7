/** Offsets of line starts, counting LF only: a CR or U+2028 inside a line does not start a new one. */
export class LineIndex {
  private readonly starts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    let i = text.indexOf('\n');
    while (i >= 0) {
      starts.push(i + 1);
      i = text.indexOf('\n', i + 1);
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** 0-based line containing `offset` (an offset on a line break belongs to the line it ends). */
  lineOf(offset: number): number {
    const s = this.starts;
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  start(line: number): number {
    return this.starts[line];
  }

  /** Offset of the line's LF, or the text length on the last line. */
  end(line: number): number {
    return line + 1 < this.starts.length ? this.starts[line + 1] - 1 : this.text.length;
  }

  line(line: number): string {
    return this.text.slice(this.start(line), this.end(line));
  }
}
