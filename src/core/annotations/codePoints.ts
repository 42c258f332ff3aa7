/**
 * Conversions between UTF-16 offsets (what JavaScript strings and VS Code use) and Unicode code point
 * offsets (what the sidecar stores, so that other tools in other languages read the same positions).
 *
 * Policy texts are almost entirely in the Basic Multilingual Plane, so the index only remembers where
 * the astral characters (surrogate pairs) are: building it is one pass over the text, and each lookup is
 * a binary search over that usually empty list.
 */
export interface CodePointIndex {
  /** Length of the text in UTF-16 code units. */
  readonly utf16Length: number;
  /** Length of the text in code points. */
  readonly codePointLength: number;
  /** UTF-16 offset of a code point offset (clamped to the text). */
  toUtf16(codePoint: number): number;
  /** Code point offset of a UTF-16 offset; an offset inside a surrogate pair counts as its start. */
  toCodePoint(utf16: number): number;
}

export function codePointIndex(text: string): CodePointIndex {
  // UTF-16 offsets of the high surrogate of every well-formed pair, in order.
  const astral: number[] = [];
  // A regular expression scans far faster than a loop, and nearly all texts have no pair at all.
  const first = text.search(/[\uD800-\uDBFF][\uDC00-\uDFFF]/);
  for (let i = first < 0 ? text.length : first; i < text.length - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        astral.push(i);
        i++;
      }
    }
  }
  const utf16Length = text.length;
  const codePointLength = utf16Length - astral.length;

  /** Number of pairs whose high surrogate is at a UTF-16 offset below `u`. */
  const pairsBefore = (u: number): number => {
    let lo = 0;
    let hi = astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (astral[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  return {
    utf16Length,
    codePointLength,
    toUtf16(codePoint: number): number {
      if (codePoint <= 0) return 0;
      if (codePoint >= codePointLength) return utf16Length;
      if (astral.length === 0) return codePoint;
      // The k-th pair (0-based) sits at code point astral[k] - k; count pairs strictly before codePoint.
      let lo = 0;
      let hi = astral.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (astral[mid] - mid < codePoint) lo = mid + 1;
        else hi = mid;
      }
      return codePoint + lo;
    },
    toCodePoint(utf16: number): number {
      if (utf16 <= 0) return 0;
      if (utf16 >= utf16Length) return codePointLength;
      if (astral.length === 0) return utf16;
      // An offset inside a pair (astral[k] === utf16 - 1) lands on the pair's own code point: rounding down.
      return utf16 - pairsBefore(utf16);
    },
  };
}

/** Length in code points of a string (lone surrogates count as one each). */
export function codePointLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}
