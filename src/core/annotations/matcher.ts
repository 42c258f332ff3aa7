/**
 * Everything anchoring needs to know about one annotation's selectors in one text: its patterns
 * (compiled lazily, since most annotations are settled by an exact comparison and never need them),
 * and how well a candidate place in the text agrees with quote and context.
 */
import { anchoredBest, bestEnd, compilePattern, editDistance, type CompiledPattern } from './fuzzy';

export interface Candidate {
  /** UTF-16 offsets of the quote's new place. */
  readonly start: number;
  readonly end: number;
  /** Agreement of prefix + quote + suffix with the text around the place: 1 - errors / length. */
  readonly score: number;
  /** Agreement of the quote alone. */
  readonly quoteScore: number;
  /**
   * Agreement of the weaker context side (prefix or suffix, 1 where a side is empty): how much of the
   * passage's surroundings is still around it.
   */
  readonly contextScore: number;
  /** The quote is there unchanged. */
  readonly exactQuote: boolean;
}

/**
 * A quote shorter than this has no approximate match: one changed letter of `hu` or `the` makes another word,
 * found anywhere, and only the exact quote is evidence of the passage.
 */
const MIN_FUZZY_QUOTE = 5;

export class Matcher {
  readonly selectorLength: number;
  private cache = new Map<string, CompiledPattern>();
  private quoteWords: CompiledPattern | undefined;

  constructor(
    readonly text: string,
    readonly quote: string,
    readonly prefix: string,
    readonly suffix: string,
  ) {
    this.selectorLength = prefix.length + quote.length + suffix.length;
  }

  private pattern(key: 'all' | 'allRev' | 'prefix' | 'prefixRev' | 'suffix' | 'suffixRev' | 'quote'): CompiledPattern {
    let p = this.cache.get(key);
    if (!p) {
      const reverse = key.endsWith('Rev');
      const source =
        key === 'all' || key === 'allRev'
          ? this.prefix + this.quote + this.suffix
          : key.startsWith('prefix')
            ? this.prefix
            : key.startsWith('suffix')
              ? this.suffix
              : this.quote;
      p = compilePattern(source, reverse);
      this.cache.set(key, p);
    }
    return p;
  }

  /** Quote, prefix and suffix all present, unchanged, at UTF-16 offset `at`. */
  matchesWithContext(at: number): boolean {
    const t = this.text;
    return (
      at >= 0 &&
      t.startsWith(this.quote, at) &&
      t.endsWith(this.prefix, at) &&
      t.startsWith(this.suffix, at + this.quote.length)
    );
  }

  /** Number of context characters that agree exactly, counted outward from the quote's edges. */
  contextAgreement(start: number, end: number): number {
    const t = this.text;
    const p = this.prefix;
    const s = this.suffix;
    let a = 0;
    while (a < p.length && start - 1 - a >= 0 && t.charCodeAt(start - 1 - a) === p.charCodeAt(p.length - 1 - a)) a++;
    let b = 0;
    while (b < s.length && end + b < t.length && t.charCodeAt(end + b) === s.charCodeAt(b)) b++;
    return a + b;
  }

  /**
   * Scores the quote placed at text[start, end): context errors are counted from the quote's edges
   * outward with a free far end, so that a word inserted into the context costs its length, not the
   * whole context.
   */
  score(start: number, end: number, exactQuote: boolean, exactContext = false): Candidate {
    const t = this.text;
    const slackP = (this.prefix.length >> 1) + 4;
    const slackS = (this.suffix.length >> 1) + 4;
    const pErr =
      this.prefix.length && !exactContext
        ? anchoredBest(this.pattern('prefixRev'), t, start, start - this.prefix.length - slackP).errors
        : 0;
    const sErr =
      this.suffix.length && !exactContext
        ? anchoredBest(this.pattern('suffix'), t, end, end + this.suffix.length + slackS).errors
        : 0;
    const qErr = exactQuote ? 0 : editDistance(this.pattern('quote'), t, start, end);
    const side = (errors: number, length: number) => (length ? 1 - errors / length : 1);
    return {
      start,
      end,
      contextScore: Math.min(side(pErr, this.prefix.length), side(sErr, this.suffix.length)),
      score: 1 - (pErr + qErr + sErr) / this.selectorLength,
      // Normalised by the longer of the two texts, so that one long word replacing a short one in a short
      // quote still counts as a partial match, while a quote that is simply gone scores 0.
      quoteScore:
        exactQuote || qErr === 0
          ? 1
          : this.quote.length < MIN_FUZZY_QUOTE
            ? 0
            : Math.min(1 - qErr / Math.max(this.quote.length, end - start), this.wordScore(start, end)),
      exactQuote: exactQuote || qErr === 0,
    };
  }

  /**
   * Agreement of the quote's letters and digits alone. Punctuation and spacing can make two different
   * passages look alike ("Indonesia. . . . . . . .  Mr. Syihab" and "Russian Federation. . . . .  Mr.
   * Repkin" are mostly dots); the words are what identify a passage.
   */
  private wordScore(start: number, end: number): number {
    const words = this.quoteWords ?? (this.quoteWords = compilePattern(alnum(this.quote)));
    if (words.length === 0) return 1;
    const found = alnum(this.text.slice(start, end));
    return 1 - editDistance(words, found, 0, found.length) / Math.max(words.length, found.length);
  }

  /**
   * Cheap candidates for the quote's start in [from, to) that need no approximate search: the quote
   * unchanged (its context edited), or prefix and suffix unchanged around an edited quote. The best of
   * them, if any.
   */
  bracketedIn(from: number, to: number, hint: number, maxErrors: number): Candidate | undefined {
    const t = this.text;
    const q = this.quote;
    let best: Candidate | undefined;
    const offer = (c: Candidate) => {
      if (!best || c.score > best.score || (c.score === best.score && Math.abs(c.start - hint) < Math.abs(best.start - hint))) best = c;
    };
    from = Math.max(0, from);
    to = Math.min(t.length, to);
    // Only the occurrence whose context agrees furthest is worth an exact score.
    let quoteAt = -1;
    let agreement = -1;
    for (const at of nearestOccurrences(t, q, from, to, hint, 8)) {
      const a = this.contextAgreement(at, at + q.length);
      if (a > agreement) [quoteAt, agreement] = [at, a];
    }
    if (quoteAt >= 0) offer(this.score(quoteAt, quoteAt + q.length, true));
    if (this.prefix.length && this.suffix.length && !(best && best.score === 1)) {
      const starts = nearestOccurrences(t, this.prefix, from - this.prefix.length, to, hint - this.prefix.length, 2);
      for (const p of starts) {
        const qs = p + this.prefix.length;
        const lo = qs + Math.max(1, q.length - maxErrors);
        const hi = Math.min(t.length, qs + q.length + maxErrors + this.suffix.length);
        const after = nearestOccurrences(t, this.suffix, lo, hi, qs + q.length, 1);
        // Both context sides are unchanged here, so only the quote needs measuring.
        if (after.length) offer(this.score(qs, after[0], false, true));
      }
    }
    return best;
  }

  /** Errors allowed in an approximate match of the whole selector for a minimum score. */
  maxErrors(minScore: number): number {
    return Math.floor((1 - minScore) * this.selectorLength);
  }

  /**
   * Best approximate match of prefix + quote + suffix in text[from, to), with the quote's boundaries
   * mapped inside it; undefined when nothing is within `maxErrors` or the quote's part collapsed.
   */
  fuzzyIn(from: number, to: number, maxErrors: number, preferredStart: number): Candidate | undefined {
    const t = this.text;
    const preferredEnd = preferredStart + this.quote.length + this.suffix.length;
    const hit = bestEnd(this.pattern('all'), t, from, to, maxErrors, preferredEnd);
    if (!hit) return undefined;
    const me = hit.at;
    // The quote ends where the suffix's best alignment back from the match end begins, and starts where
    // the prefix ends: found by a cheap one-block search where the match says it should be, or else by
    // aligning the prefix from the match start (a scan of the whole selector, backwards).
    let qs = me - this.suffix.length - this.quote.length;
    if (this.prefix.length) {
      const near = bestEnd(this.pattern('prefix'), t, qs - this.prefix.length - maxErrors, qs + maxErrors, this.prefix.length >> 2, qs);
      if (near) qs = near.at;
      else {
        const ms = anchoredBest(this.pattern('allRev'), t, me, me - this.selectorLength - maxErrors).at;
        qs = anchoredBest(this.pattern('prefix'), t, ms, Math.min(me, ms + this.prefix.length + maxErrors)).at;
      }
    } else {
      qs = anchoredBest(this.pattern('allRev'), t, me, me - this.selectorLength - maxErrors).at;
    }
    const qe = this.suffix.length
      ? anchoredBest(this.pattern('suffixRev'), t, me, Math.max(qs, me - this.suffix.length - maxErrors)).at
      : me;
    if (qe <= qs) return undefined;
    return this.score(qs, qe, t.startsWith(this.quote, qs) && qe - qs === this.quote.length);
  }
}

/** Up to `limit` occurrences of `needle` inside text[from, to), nearest to `hint` first. */
function nearestOccurrences(text: string, needle: string, from: number, to: number, hint: number, limit: number): number[] {
  from = Math.max(0, from);
  if (to - from < needle.length) return [];
  // Searching a slice keeps indexOf from running on through the rest of a long text.
  const window = text.slice(from, to);
  const found: number[] = [];
  for (let i = window.indexOf(needle); i >= 0; i = window.indexOf(needle, i + 1)) found.push(from + i);
  return found.sort((a, b) => Math.abs(a - hint) - Math.abs(b - hint)).slice(0, limit);
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** The letters and digits of a string; a loop with an ASCII fast path, as this runs per candidate. */
function alnum(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 128) {
      if ((c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122)) out += s[i];
    } else if (LETTER_OR_DIGIT.test(s[i])) out += s[i];
  }
  return out;
}
