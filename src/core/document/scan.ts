// Fast scanning. Patterns with Unicode classes and look-behinds are slow when tried at every offset of a 20 MB text,
// so a cheap literal anchor (`/`, `in favour`, `, Administrator`) finds the few places where they can match, and
// the full pattern runs on a bounded window around each anchor: still one linear pass.

export interface Found {
  /** Offset in the whole text. */
  index: number;
  match: RegExpExecArray;
}

/**
 * Matches of `pattern` (global) that start within `before` characters of an `anchor` (global) hit and end within
 * `after` characters of it, in text order and without overlaps.
 */
export function anchoredMatches(text: string, anchor: RegExp, pattern: RegExp, before: number, after: number): Found[] {
  const out: Found[] = [];
  let lastEnd = 0;
  anchor.lastIndex = 0;
  for (let a = anchor.exec(text); a; a = anchor.exec(text)) {
    if (!a[0].length) anchor.lastIndex++;
    const from = Math.max(0, a.index - before);
    const to = Math.min(text.length, a.index + a[0].length + after);
    const win = text.slice(from, to);
    // exec on the one regex object: String#matchAll would clone (and may recompile) it for every window.
    pattern.lastIndex = 0;
    for (let m = pattern.exec(win); m; m = pattern.exec(win)) {
      if (!m[0].length) pattern.lastIndex++;
      const start = from + m.index;
      const end = start + m[0].length;
      if (start > a.index + a[0].length) break;
      // A match at the window's edge may have been cut short, or miss the context its look-behind needs.
      if (start < lastEnd || (m.index === 0 && from > 0) || (end === to && to < text.length)) continue;
      out.push({ index: start, match: m });
      lastEnd = end;
    }
  }
  return out;
}
