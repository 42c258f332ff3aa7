/**
 * Approximate matching with Myers' bit-vector algorithm (J. ACM 46(3), 1999), in 32-row blocks so that
 * patterns of any length work. Everything counts UTF-16 code units: edit distances are only compared
 * with each other and with lengths measured the same way, so code points would buy nothing here.
 *
 * Two modes over the same kernel:
 * - semi-global: the pattern may start anywhere in the text (row 0 is all zeros) - "where does it occur";
 * - anchored: the match must start at the scan origin (row 0 counts consumed text) - "how well does the
 *   text right after (or before) this point agree with the pattern".
 * Scans run forward or backward; a backward scan reads the pattern reversed as well.
 */

export interface CompiledPattern {
  readonly length: number;
  readonly blocks: number;
  /** Bit of the pattern's last row inside the last block. */
  readonly lastBit: number;
  /** Match masks of code units below 128, `blocks` words per unit. */
  readonly ascii: Uint32Array;
  /** Match masks of other code units. */
  readonly other: Map<number, Uint32Array>;
}

export function compilePattern(pattern: string, reverse = false): CompiledPattern {
  const m = pattern.length;
  const blocks = Math.max(1, Math.ceil(m / 32));
  const ascii = new Uint32Array(128 * blocks);
  const other = new Map<number, Uint32Array>();
  for (let i = 0; i < m; i++) {
    const c = pattern.charCodeAt(reverse ? m - 1 - i : i);
    const b = i >> 5;
    const bit = 1 << (i & 31);
    if (c < 128) ascii[c * blocks + b] |= bit;
    else {
      let masks = other.get(c);
      if (!masks) other.set(c, (masks = new Uint32Array(blocks)));
      masks[b] |= bit;
    }
  }
  return { length: m, blocks, lastBit: m === 0 ? 0 : 1 << ((m - 1) & 31), ascii, other };
}

/**
 * Runs the pattern over text[from, to), forward from `from` or backward from `to`. After each code unit
 * it calls `visit(boundary, score)`: `boundary` is the offset reached (exclusive end when forward,
 * start when backward) and `score` the edit distance of the whole pattern against the best text span
 * ending at that boundary (semi-global) or against all text consumed so far (anchored).
 * A visit returning true stops the scan.
 */
export function scan(
  p: CompiledPattern,
  text: string,
  from: number,
  to: number,
  reverse: boolean,
  anchored: boolean,
  visit: (boundary: number, score: number) => boolean | void,
): void {
  const n = to - from;
  if (p.length === 0) {
    // No rows: the distance is the text consumed (anchored) or nothing at all (semi-global).
    for (let step = 0; step < n; step++) {
      if (visit(reverse ? to - 1 - step : from + step + 1, anchored ? step + 1 : 0)) return;
    }
    return;
  }
  const blocks = p.blocks;
  const pv = new Int32Array(blocks).fill(-1);
  const mv = new Int32Array(blocks);
  const { ascii, other, lastBit } = p;
  const top = anchored ? 1 : 0;
  let score = p.length;
  for (let step = 0; step < n; step++) {
    const pos = reverse ? to - 1 - step : from + step;
    const c = text.charCodeAt(pos);
    const masks = c < 128 ? undefined : other.get(c);
    let hin = top;
    for (let b = 0; b < blocks; b++) {
      const eq = c < 128 ? ascii[c * blocks + b] | 0 : masks ? masks[b] | 0 : 0;
      hin = advance(pv, mv, b, eq, hin, b === blocks - 1 ? lastBit : HIGH);
    }
    score += hin;
    if (visit(reverse ? pos : pos + 1, score)) return;
  }
}

export interface Hit {
  /** End (forward) or start (backward) offset of the best alignment. */
  readonly at: number;
  readonly errors: number;
}

/**
 * Best anchored alignment of the pattern against text read from `origin` toward `limit` (a backward
 * read when limit < origin): the boundary where the pattern ends with the fewest errors. Ties go to the
 * boundary whose span length is closest to the pattern's, so unchanged text keeps its exact extent.
 */
export function anchoredBest(p: CompiledPattern, text: string, origin: number, limit: number): Hit {
  if (p.length === 0) return { at: origin, errors: 0 };
  if (p.blocks === 1) return anchoredBestShort(p, text, origin, limit);
  const reverse = limit < origin;
  let best = p.length;
  let bestAt = origin;
  let bestGap = p.length;
  const consider = (boundary: number, score: number) => {
    const gap = Math.abs(Math.abs(boundary - origin) - p.length);
    if (score < best || (score === best && gap < bestGap)) {
      best = score;
      bestAt = boundary;
      bestGap = gap;
    }
  };
  if (reverse) scan(p, text, Math.max(0, limit), origin, true, true, consider);
  else scan(p, text, origin, Math.min(text.length, limit), false, true, consider);
  return { at: bestAt, errors: best };
}

/**
 * anchoredBest for patterns of at most 32 units (every prefix and suffix): one block, no callbacks.
 * Context scoring calls this a few times per annotation, so it is worth the duplication.
 */
function anchoredBestShort(p: CompiledPattern, text: string, origin: number, limit: number): Hit {
  const { ascii, other, lastBit } = p;
  const m = p.length;
  const step = limit < origin ? -1 : 1;
  const stop = step < 0 ? Math.max(0, limit) : Math.min(text.length, limit);
  let pv = -1;
  let mv = 0;
  let score = m;
  let best = m;
  let bestAt = origin;
  let bestGap = m;
  for (let pos = origin, n = 1; pos !== stop; pos += step, n++) {
    const c = text.charCodeAt(step < 0 ? pos - 1 : pos);
    const eq = c < 128 ? ascii[c] | 0 : (other.get(c)?.[0] ?? 0) | 0;
    const xv = eq | mv;
    const xh = (((eq & pv) + pv) ^ pv) | eq;
    let ph = mv | ~(xh | pv);
    let mh = pv & xh;
    if (ph & lastBit) score++;
    else if (mh & lastBit) score--;
    // Anchored: row 0 grows by one per unit consumed, a horizontal delta of +1 into the first row.
    ph = (ph << 1) | 1;
    mh <<= 1;
    pv = mh | ~(xv | ph);
    mv = ph & xv;
    const gap = Math.abs(n - m);
    if (score < best || (score === best && gap < bestGap)) {
      best = score;
      bestAt = pos + step;
      bestGap = gap;
    }
  }
  return { at: bestAt, errors: best };
}

/** Edit (Levenshtein) distance between `pattern` and text[from, to). */
export function editDistance(p: CompiledPattern, text: string, from: number, to: number): number {
  if (to <= from) return p.length;
  let d = p.length;
  scan(p, text, from, to, false, true, (_, score) => {
    d = score;
  });
  return d;
}

/**
 * The end offset in text[from, to) where the pattern matches with the fewest errors, if that is at most
 * `maxErrors`; ties go to the end nearest `preferredEnd`.
 *
 * Uses Ukkonen's cut-off: only the blocks of rows that can still hold a value <= maxErrors are
 * computed, so a long pattern costs about maxErrors / 32 blocks per text unit instead of all of them.
 */
export function bestEnd(
  p: CompiledPattern,
  text: string,
  from: number,
  to: number,
  maxErrors: number,
  preferredEnd: number,
): Hit | undefined {
  from = Math.max(0, from);
  to = Math.min(text.length, to);
  let best = maxErrors + 1;
  let bestAt = -1;
  const offer = (end: number, score: number) => {
    if (score < best || (score === best && bestAt >= 0 && Math.abs(end - preferredEnd) < Math.abs(bestAt - preferredEnd))) {
      best = score;
      bestAt = end;
    }
  };
  if (p.length === 0 || p.blocks === 1) {
    scan(p, text, from, to, false, false, (end, score) => {
      if (score <= maxErrors) offer(end, score);
    });
  } else {
    bandedScan(p, text, from, to, maxErrors, offer);
  }
  return bestAt < 0 ? undefined : { at: bestAt, errors: best };
}

const HIGH = 0x80000000 | 0;

function bandedScan(
  p: CompiledPattern,
  text: string,
  from: number,
  to: number,
  maxErrors: number,
  offer: (end: number, score: number) => void,
): void {
  const { blocks, ascii, other, lastBit } = p;
  const last = blocks - 1;
  const lastHeight = p.length - 32 * last;
  const pv = new Int32Array(blocks).fill(-1);
  const mv = new Int32Array(blocks);
  /** Value of the bottom row of each active block in the current column. */
  const score = new Int32Array(blocks);
  let y = Math.min(last, Math.max(1, Math.ceil(maxErrors / 32)) - 1);
  for (let b = 0; b <= y; b++) score[b] = b === last ? p.length : 32 * (b + 1);
  for (let pos = from; pos < to; pos++) {
    const c = text.charCodeAt(pos);
    // Masks of this code unit, one word per block; an absent unit matches no row.
    let masks: Uint32Array | undefined;
    let base = 0;
    if (c < 128) {
      masks = ascii;
      base = c * blocks;
    } else masks = other.get(c);
    let hin = 0;
    for (let b = 0; b <= y; b++) {
      hin = advance(pv, mv, b, masks ? masks[base + b] | 0 : 0, hin, b === last ? lastBit : HIGH);
      score[b] += hin;
    }
    // Widen the band when the row below it can come within maxErrors in this column.
    if (y < last && score[y] - hin <= maxErrors && ((masks ? masks[base + y + 1] : 0) & 1 || hin < 0)) {
      y++;
      pv[y] = -1;
      mv[y] = 0;
      const height = y === last ? lastHeight : 32;
      const eq = masks ? masks[base + y] | 0 : 0;
      score[y] = score[y - 1] - hin + height + advance(pv, mv, y, eq, hin, y === last ? lastBit : HIGH);
    } else {
      while (y > 0 && score[y] >= maxErrors + 32) y--;
    }
    if (y === last && score[y] <= maxErrors) offer(pos + 1, score[y]);
  }
}

/** One block of one column of Myers' algorithm; returns the horizontal delta out of its last row. */
function advance(pv: Int32Array, mv: Int32Array, b: number, eq: number, hin: number, high: number): number {
  const p0 = pv[b];
  const m0 = mv[b];
  const xv = eq | m0;
  if (hin < 0) eq |= 1;
  const xh = (((eq & p0) + p0) ^ p0) | eq;
  let ph = m0 | ~(xh | p0);
  let mh = p0 & xh;
  const hout = ph & high ? 1 : mh & high ? -1 : 0;
  ph <<= 1;
  mh <<= 1;
  if (hin < 0) mh |= 1;
  else if (hin > 0) ph |= 1;
  pv[b] = mh | ~(xv | ph);
  mv[b] = ph & xv;
  return hout;
}
