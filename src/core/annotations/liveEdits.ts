/**
 * Keeping annotation ranges on their passages while a document is edited in the editor, the way
 * decorations follow edits: cheap, exact bookkeeping per content change, no searching. Ranges that an
 * edit swallows whole are reported as collapsed, so that the caller re-anchors them from their quote
 * (or orphans them) instead of guessing.
 */

/** A VS Code TextDocumentContentChangeEvent reduced to what matters here (UTF-16 offsets). */
export interface ContentChange {
  readonly rangeOffset: number;
  readonly rangeLength: number;
  readonly text: string;
}

export interface OffsetRange {
  readonly start: number;
  readonly end: number;
}

export interface MappedRange extends OffsetRange {
  /** Some change overlapped the range, so its text (and quote) may differ now. */
  readonly touched: boolean;
  /** Nothing of the original passage is left: the range is empty or only replacement text. */
  readonly collapsed: boolean;
}

/**
 * Maps ranges through changes applied one after another, each in the coordinates left by the previous
 * one. VS Code reports the changes of one event in descending offset order, so applying them in order
 * is right whether a consumer reads them as sequential or as simultaneous.
 *
 * Rules: text typed at either edge stays outside (annotations do not grow while someone types next to
 * them); text typed inside grows the range; a change over one edge cuts the range back to the untouched
 * part; a change over the whole range collapses it onto the replacement text.
 */
export function mapThroughEdits(ranges: readonly OffsetRange[], changes: readonly ContentChange[]): MappedRange[] {
  return ranges.map((r) => {
    let { start, end } = r;
    let touched = false;
    let collapsed = end <= start;
    for (const { rangeOffset: a, rangeLength, text } of changes) {
      const b = a + rangeLength;
      const delta = text.length - rangeLength;
      if (b <= start) {
        start += delta;
        end += delta;
      } else if (a >= end) {
        // Entirely after the range (or typed right at its end): nothing moves.
      } else {
        touched = true;
        if (a <= start && b >= end) {
          start = a;
          end = a + text.length;
          collapsed = true;
        } else if (a <= start) {
          start = a + text.length;
          end += delta;
        } else if (b >= end) {
          end = a;
        } else {
          end += delta;
        }
        if (end < start) end = start;
        if (end === start) collapsed = true;
      }
    }
    return { start, end, touched, collapsed };
  });
}
