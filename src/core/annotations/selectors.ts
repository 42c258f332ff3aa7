/**
 * The W3C Web Annotation selectors that locate a passage: a TextQuoteSelector (quote with some
 * context either side) and a TextPositionSelector (start/end in Unicode code points, because that is
 * what the W3C model and tools outside JavaScript count in).
 */
import { codePointIndex, type CodePointIndex } from './codePoints';

export interface TextTarget {
  /** The annotated text itself. */
  readonly quote: string;
  /** Up to CONTEXT_LENGTH code points before the quote ("" at the start of the text). */
  readonly prefix: string;
  /** Up to CONTEXT_LENGTH code points after the quote ("" at the end of the text). */
  readonly suffix: string;
  /** Code point offset of the quote in the text that the sidecar's textHash identifies. */
  readonly start: number;
  /** Code point offset just after the quote. */
  readonly end: number;
}

/**
 * Context kept either side of a quote. 32 code points is about five words: enough to tell apart the
 * repeated formulas of UN records ("I now give the floor to the representative of"), short enough
 * that an edit near the passage rarely touches it.
 */
export const CONTEXT_LENGTH = 32;

/**
 * Selectors for text[start, end) given in UTF-16 offsets (what editors use). Pass the text's
 * CodePointIndex when making many targets on one text.
 */
export function createTarget(
  text: string,
  start: number,
  end: number,
  index: CodePointIndex = codePointIndex(text),
): TextTarget {
  const cpStart = index.toCodePoint(Math.max(0, Math.min(start, end)));
  const cpEnd = index.toCodePoint(Math.min(text.length, Math.max(start, end)));
  // Rounding through code points keeps a range from splitting a surrogate pair.
  const s = index.toUtf16(cpStart);
  const e = index.toUtf16(cpEnd);
  return {
    quote: text.slice(s, e),
    prefix: text.slice(index.toUtf16(cpStart - CONTEXT_LENGTH), s),
    suffix: text.slice(e, index.toUtf16(cpEnd + CONTEXT_LENGTH)),
    start: cpStart,
    end: cpEnd,
  };
}
