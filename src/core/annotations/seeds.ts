/**
 * Where in a whole text might each of several selectors match approximately? Verifying a 300 KB text
 * with the bit-vector matcher costs milliseconds per annotation, so the whole-text search first looks
 * for short exact "seeds" cut from each selector, all annotations at once in one rolling-hash pass, and
 * proposes the diagonals (likely match starts) that several seeds agree on. Word-level edits leave most
 * seeds of a passage intact; a passage that shares no seed with the text is not worth verifying.
 */

export const SEED_LENGTH = 12;
const MAX_SEEDS = 16;
/** A seed found more often than this is boilerplate ("the United Nations") and proves nothing. */
const MAX_HITS_PER_SEED = 16;
/** Occurrences of a quote's head reported at most (and one more, to tell that there are more). */
export const MAX_HEADS = 64;

export interface SeedQuery {
  /** prefix + quote + suffix */
  readonly pattern: string;
  readonly maxErrors: number;
  /** Offset of the quote in the pattern: its first SEED_LENGTH units are looked up as well. */
  readonly head?: number;
}

export interface SeedResult {
  readonly regions: SeedRegion[];
  /**
   * Where the quote's first SEED_LENGTH units occur (candidate quote starts), at most MAX_HEADS + 1
   * of them; undefined when the quote is shorter than a seed.
   */
  readonly heads: number[] | undefined;
}

export interface SeedRegion {
  /** Likely UTF-16 offset where the pattern's match starts. */
  readonly start: number;
  /** Number of distinct seeds that agree on it. */
  readonly support: number;
}

interface Seed {
  readonly query: number;
  readonly offset: number;
  readonly text: string;
  /** Looked up for the quote's exact occurrences, not for regions. */
  readonly head?: boolean;
}

const BASE = 0x9e3779b1 | 0;

function hashOf(s: string, from: number): number {
  let h = 0;
  for (let i = 0; i < SEED_LENGTH; i++) h = (Math.imul(h, BASE) + s.charCodeAt(from + i)) | 0;
  return h;
}

/**
 * Offsets whose seed-length window hashes into a marked bucket of `filter`. Kept apart from the
 * bookkeeping so that this one hot loop stays small enough for the JIT to optimise well.
 */
function filteredPositions(text: string, filter: Uint8Array): number[] {
  const out: number[] = [];
  if (text.length < SEED_LENGTH) return out;
  let pow = 1;
  for (let i = 1; i < SEED_LENGTH; i++) pow = Math.imul(pow, BASE);
  let h = hashOf(text, 0);
  const last = text.length - SEED_LENGTH;
  for (let pos = 0; pos < last; pos++) {
    if (filter[h >>> 16] === 1) out.push(pos);
    const out0 = (h - Math.imul(text.charCodeAt(pos), pow)) | 0;
    h = (Math.imul(out0, BASE) + text.charCodeAt(pos + SEED_LENGTH)) | 0;
  }
  if (filter[h >>> 16] === 1) out.push(last);
  return out;
}

/**
 * Candidate regions per query, best supported first, at most `limit` each, and where each quote's
 * head occurs: one pass over the text for all queries.
 */
export function seedRegions(text: string, queries: readonly SeedQuery[], limit = 4): SeedResult[] {
  const byHash = new Map<number, Seed[]>();
  const filter = new Uint8Array(1 << 16);
  const seedCounts = queries.map((q, query) => {
    const room = q.pattern.length - SEED_LENGTH;
    if (q.head !== undefined && q.head + SEED_LENGTH <= q.pattern.length) {
      const h = hashOf(q.pattern, q.head);
      filter[h >>> 16] = 1;
      const seed = { query, offset: q.head, text: q.pattern.slice(q.head, q.head + SEED_LENGTH), head: true };
      byHash.set(h, [...(byHash.get(h) ?? []), seed]);
    }
    if (room < 0) return 0;
    const count = Math.min(MAX_SEEDS, Math.floor(q.pattern.length / SEED_LENGTH));
    for (let i = 0; i < count; i++) {
      const offset = count === 1 ? 0 : Math.round((i * room) / (count - 1));
      const h = hashOf(q.pattern, offset);
      filter[h >>> 16] = 1;
      const list = byHash.get(h);
      const seed = { query, offset, text: q.pattern.slice(offset, offset + SEED_LENGTH) };
      if (list) list.push(seed);
      else byHash.set(h, [seed]);
    }
    return count;
  });
  const hits: { seed: Seed; start: number }[][] = queries.map(() => []);
  const heads: (number[] | undefined)[] = queries.map((q) =>
    q.head !== undefined && q.head + SEED_LENGTH <= q.pattern.length ? [] : undefined,
  );
  const seedHits = new Map<Seed, number>();
  for (const pos of filteredPositions(text, filter)) {
    const seeds = byHash.get(hashOf(text, pos));
    if (!seeds) continue;
    for (const seed of seeds) {
      if (!text.startsWith(seed.text, pos)) continue;
      if (seed.head) {
        const list = heads[seed.query]!;
        if (list.length <= MAX_HEADS) list.push(pos);
        continue;
      }
      const n = (seedHits.get(seed) ?? 0) + 1;
      seedHits.set(seed, n);
      if (n <= MAX_HITS_PER_SEED) hits[seed.query].push({ seed, start: pos - seed.offset });
    }
  }
  return queries.map((q, query) => {
    // Hits of boilerplate seeds are dropped altogether rather than kept in part.
    const list = hits[query].filter((h) => seedHits.get(h.seed)! <= MAX_HITS_PER_SEED).sort((a, b) => a.start - b.start);
    const minSupport = seedCounts[query] >= 4 ? 2 : 1;
    const regions: SeedRegion[] = [];
    // Seeds of one match agree on its start up to the errors between them.
    const spread = Math.max(8, q.maxErrors);
    for (let i = 0; i < list.length; ) {
      let j = i;
      const seeds = new Set<Seed>();
      let sum = 0;
      while (j < list.length && list[j].start - list[i].start <= spread) {
        seeds.add(list[j].seed);
        sum += list[j].start;
        j++;
      }
      if (seeds.size >= minSupport) regions.push({ start: Math.round(sum / (j - i)), support: seeds.size });
      i = j;
    }
    return { regions: regions.sort((a, b) => b.support - a.support).slice(0, limit), heads: heads[query] };
  });
}
