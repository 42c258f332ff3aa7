/**
 * Re-finding annotations in a text that may have changed since their selectors were made.
 *
 * Three passes, cheapest first, each only for what the previous one left open:
 * 1. Quote and full context unchanged: at the stored position (exact), at the position shifted like the
 *    previous settled annotation (moved), or elsewhere within a few KB of it (moved). With word-level
 *    edits this settles most annotations with string comparisons alone.
 * 2. Approximate match of prefix + quote + suffix near where the settled neighbours on both sides say the
 *    passage should be. Matching the context together with the quote is what keeps an edited passage on
 *    its place rather than jumping to an unedited copy of its old text elsewhere: the copy's context
 *    disagrees, and context errors count like quote errors.
 * 3. For everything not settled by pass 1: exact quote occurrences anywhere, and approximate matches
 *    wherever seeds of the selector occur. A far candidate must beat a near one clearly, because where
 *    the neighbours went is evidence too; and whatever is chosen must be clearly the passage: when a
 *    candidate elsewhere comes close (a near-copy, repeated boilerplate such as "The meeting rose at", a
 *    headline printed twice), the annotation becomes an orphan and the candidates are offered instead.
 * Anything without a candidate above the minimum score becomes an orphan: a passage deleted together
 * with its context never attaches to unrelated text.
 */
import { codePointIndex } from './codePoints';
import { Matcher, type Candidate } from './matcher';
import { MAX_HEADS, seedRegions } from './seeds';
import type { TextTarget } from './selectors';

export type AnchorStatus = 'exact' | 'moved' | 'fuzzy' | 'orphan';

export interface AnchorResult {
  readonly id: string;
  readonly status: AnchorStatus;
  /** UTF-16 offsets into the new text; absent for orphans. */
  readonly start?: number;
  readonly end?: number;
  /** 1 for an unchanged quote and context; lower the more the match differs. Absent for orphans. */
  readonly score?: number;
  /**
   * For an orphan: the places that came closest, best first (UTF-16 offsets into the new text), for a
   * person to choose from when re-attaching. Absent when nothing came near.
   */
  readonly candidates?: readonly AnchorCandidate[];
}

export interface AnchorCandidate {
  readonly start: number;
  readonly end: number;
  readonly score: number;
}

export interface Anchorable {
  readonly id: string;
  readonly target: TextTarget;
}

export interface AnchorOptions {
  /** Minimum agreement of prefix + quote + suffix (1 - errors / length). Default 0.75. */
  readonly minScore?: number;
  /** Minimum agreement of the quote alone, so that a deleted quote does not live on in its context. */
  readonly minQuoteScore?: number;
}

const DEFAULT_MIN_SCORE = 0.75;
const DEFAULT_MIN_QUOTE_SCORE = 0.5;
/** A local match this good is not worth a whole-text search. */
const STRONG = 0.8;
/** How much better a far candidate must score to beat an acceptable local one. */
const LOCALITY_MARGIN = 0.1;
/**
 * A candidate outside the stretch between its settled neighbours (the passage would have moved) needs
 * this much agreement, and any candidate must be clearly better than all others: repeated text such as
 * running page headers, "aligns itself with the statement" formulas or an agenda title printed twice
 * with different line breaks otherwise pulls a deleted passage onto a look-alike.
 */
const FAR_MIN_SCORE = 0.98;
/**
 * Length of an unchanged stretch (quote plus the context agreeing at its edges) that identifies a
 * passage by itself when it occurs once: twice the context length, longer than the boilerplate
 * formulas of UN records.
 */
const LONG_RUN = 64;
/**
 * A quote this long moves by itself (its context past the edges changed); a shorter one is most often
 * a headline or formula printed twice, whose other copy survived the passage's deletion.
 */
const LONG_QUOTE = 48;
const AMBIGUITY_MARGIN = 0.05;
/**
 * How close a rival elsewhere may come to the chosen candidate before the choice is not clear: a copy
 * of the passage whose context was edited scores about as well as the passage whose quote was, and
 * only a person can tell them apart. An exact quote against an edited rival needs less.
 */
const RIVAL_MARGIN = 0.15;
const RIVAL_MARGIN_EXACT = 0.05;
/** A quote shorter than this is a word or two, found in many places. */
const SHORT_QUOTE = 16;
/** Agreement each context side needs around a short quote that was not found unchanged. */
const SHORT_CONTEXT = 0.6;
/** Agreement each context side needs around a quote that occurs too often to compare its copies. */
const FREQUENT_CONTEXT = 0.8;
/** Context this complete on both sides is the passage's own surroundings. */
const WHOLE_CONTEXT = 0.9;
/** Candidates offered for an orphan. */
const MAX_CANDIDATES = 3;
/** Candidates below this are not worth offering. */
const MIN_CANDIDATE_SCORE = 0.6;
/**
 * Agreement each context side needs around an edited quote. Where one side is gone, the rest of the
 * selector matching is no evidence that the passage is still there: documents repeat their text (a
 * headline printed twice, formulas), and a passage deleted with its surroundings otherwise re-attaches to
 * the copy that shares its other side and most of its words.
 */
const MIN_CONTEXT_SCORE = 0.5;
/** The seed pass reports at most MAX_HEADS quote heads (and one more to tell there are more). */
const MAX_OCCURRENCES = MAX_HEADS;
/** Reach of pass 1's search for the unchanged selector around the expected position. */
const NEAR_WINDOW = 1024;
/** Extra reach of pass 2's approximate search beyond the selector's own extent. */
const LOCAL_SLACK = 64;
/** Widest stretch between the neighbours' predictions that pass 2 searches as one window. */
const MAX_LOCAL_SPAN = 16384;

interface Job {
  readonly index: number;
  readonly id: string;
  readonly matcher: Matcher;
  /** Stored start, read as a UTF-16 offset of the new text. */
  readonly oldStart: number;
  /** New start minus old start, once settled. */
  delta?: number;
  result?: AnchorResult;
  local?: Candidate;
  /** Placed by pass 2 only to guide its neighbours; pass 3 confirms it or makes it an orphan. */
  tentative?: boolean;
  /** Near misses, offered when the annotation ends up an orphan. */
  near: Candidate[];
  hint: number;
  /**
   * Bounds on the new start from the settled neighbours in text order (the previous one's new start,
   * the next one's): where the passage is if the document kept its order.
   */
  lo: number;
  hi: number;
}

export function anchorAll(text: string, annotations: readonly Anchorable[], opts: AnchorOptions = {}): AnchorResult[] {
  const minScore = opts.minScore ?? DEFAULT_MIN_SCORE;
  const minQuote = opts.minQuoteScore ?? DEFAULT_MIN_QUOTE_SCORE;
  const cps = codePointIndex(text);
  const jobs: Job[] = annotations.map((a, index) => {
    const oldStart = cps.toUtf16(a.target.start);
    return {
      index,
      id: a.id,
      matcher: new Matcher(text, a.target.quote, a.target.prefix, a.target.suffix),
      oldStart,
      hint: oldStart,
      lo: 0,
      hi: text.length,
      near: [],
    };
  });
  const order = [...jobs].sort((a, b) => a.oldStart - b.oldStart || a.index - b.index);

  // Pass 1: unchanged selectors.
  let delta = 0;
  for (const job of order) {
    if (job.matcher.quote.length === 0) {
      job.result = { id: job.id, status: 'orphan' };
      continue;
    }
    const at = findUnchanged(job, job.oldStart + delta);
    if (at === undefined) continue;
    settle(job, at, job.matcher.quote.length, at === job.oldStart ? 'exact' : 'moved', 1);
    delta = job.delta!;
  }

  // Pass 2: approximate, near where the neighbours went.
  // In text order, so that a passage settled here tells the next one how far the text has shifted
  // (when every annotation was edited, pass 1 settles none of them).
  const next = nextSettled(order);
  const global: Job[] = [];
  let before: number | undefined;
  let prevStart = 0;
  for (const job of order) {
    if (job.delta !== undefined) {
      before = job.delta;
      prevStart = job.result!.start!;
    }
    if (job.result) continue;
    const after = next.get(job)?.delta;
    job.lo = prevStart;
    job.hi = next.get(job)?.start ?? text.length;
    const m = job.matcher;
    job.hint = job.oldStart + (before ?? after ?? 0);
    // Between two settled neighbours the passage shifted by somewhere between their two shifts.
    const lo = job.oldStart + Math.min(before ?? after ?? 0, after ?? before ?? 0);
    const hi = job.oldStart + Math.max(before ?? after ?? 0, after ?? before ?? 0);
    const maxErrors = m.maxErrors(minScore);
    const reach = LOCAL_SLACK + maxErrors;
    const near = m.bracketedIn(lo - reach, hi + reach, job.hint, maxErrors);
    if (near && acceptable(near) && near.score >= STRONG) {
      job.local = near;
      place(job, near);
      job.tentative = true;
      global.push(job);
      before = job.delta;
      prevStart = near.start;
      continue;
    }
    const tail = m.quote.length + m.suffix.length + reach;
    const windows =
      hi - lo <= MAX_LOCAL_SPAN
        ? [[lo - m.prefix.length - reach, hi + tail]]
        : mergeWindows([lo, hi].map((h) => [h - m.prefix.length - reach, h + tail]));
    for (const [from, to] of windows) {
      const c = m.fuzzyIn(from, to, maxErrors, job.hint);
      if (c && !acceptable(c) && c.score >= MIN_CANDIDATE_SCORE) job.near.push(c);
      if (c && acceptable(c) && (!job.local || better(c, job.local, job.hint))) job.local = c;
    }
    if (job.local && job.local.score >= STRONG) {
      place(job, job.local);
      job.tentative = true;
      before = job.delta;
      prevStart = job.local.start;
    }
    global.push(job);
  }

  // Pass 3: anywhere in the text.
  if (global.length) {
    const seeds = seedRegions(
      text,
      global.map((j) => ({
        pattern: j.matcher.prefix + j.matcher.quote + j.matcher.suffix,
        maxErrors: j.matcher.maxErrors(minScore),
        head: j.matcher.prefix.length,
      })),
    );
    global.forEach((job, i) => {
      const m = job.matcher;
      const maxErrors = m.maxErrors(minScore);
      // Every acceptable candidate counts against the others' claim to be unambiguous; to be chosen, one
      // between the neighbours needs the usual strength, one beyond them (a move) much more.
      const found: Candidate[] = [];
      const eligible = new Set<Candidate>();
      const consider = (c: Candidate | undefined) => {
        if (c && !acceptable(c) && c.score >= MIN_CANDIDATE_SCORE) job.near.push(c);
        if (!c || !acceptable(c)) return;
        found.push(c);
        if (c.score >= (inOrder(job, c.start) ? STRONG : FAR_MIN_SCORE)) eligible.add(c);
      };
      const { found: exact, overflow } = exactOccurrences(job, seeds[i].heads);
      for (const o of exact.slice(0, 4)) consider(m.score(o.at, o.at + m.quote.length, true));
      for (const r of seeds[i].regions) {
        // The region of the local candidate is that candidate: verifying it again is the costly part.
        const local = job.local;
        if (local && r.start + m.prefix.length + maxErrors + 8 >= local.start && r.start - maxErrors - 8 <= local.start) continue;
        consider(m.fuzzyIn(r.start - maxErrors - 8, r.start + m.selectorLength + maxErrors + 8, maxErrors, r.start));
      }
      // The whole selector unchanged somewhere pass 1 did not look (a long paragraph pasted before it):
      // the passage itself, as in pass 1; copies of it all alike, the one where the neighbours say.
      const whole = exact.filter((o) => o.agreement === m.prefix.length + m.suffix.length);
      if (whole.length) {
        const at = (whole.find((o) => inOrder(job, o.at)) ?? whole[0]).at;
        job.tentative = false;
        settle(job, at, m.quote.length, at === job.oldStart ? 'exact' : 'moved', 1);
        return;
      }
      let far = unambiguousBest(found, eligible, job);
      if (!far) {
        // A long stretch of the selector found unchanged, and only once, is the passage itself, moved
        // to new surroundings (a paragraph cut and pasted: the context past its edges differs), unless
        // some of the quote is still where the passage was: then it was edited or deleted there, and
        // the stretch elsewhere is a copy (a headline printed twice).
        // Out of order (beyond where the neighbours went), only a long quote is evidence enough: titles and
        // formulas repeat (a speaker's office in every turn of a debate).
        const runs = exact.filter((o) => o.agreement + m.quote.length >= LONG_RUN && m.quote.length >= (inOrder(job, o.at) ? LONG_QUOTE : 2 * LONG_RUN));
        if (runs.length === 1 && !remnantInPlace(job, { at: runs[0].at, end: runs[0].at + m.quote.length })) {
          far = m.score(runs[0].at, runs[0].at + m.quote.length, true);
        }
      }
      const local = job.local;
      const chosen = local && (!far || far.score < local.score + LOCALITY_MARGIN) ? local : far;
      const rivals = local ? [local, ...found] : found;
      // A weak candidate is no match while part of the quote is still where the passage should be.
      // A quote found too often to list ("Mr.", "the Council") has rivals everywhere: only context that
      // agrees on both sides tells its passage.
      // A short quote ("INTO", "Mr.") is found in many places: its context is what identifies it.
      const weak = chosen && (
        (chosen.score < STRONG && remnantInPlace(job, { at: chosen.start, end: chosen.end }))
        || (overflow && chosen.contextScore < FREQUENT_CONTEXT)
        || (m.quote.length < SHORT_QUOTE && chosen.contextScore < SHORT_CONTEXT));
      if (chosen && !weak && clearlyBest(chosen, rivals, job)) {
        job.tentative = false;
        place(job, chosen);
      } else job.result = { id: job.id, status: 'orphan', ...offered([...rivals, ...job.near]) };
    });
  }

  return jobs.map((j) => j.result ?? { id: j.id, status: 'orphan' });

  function acceptable(c: Candidate): boolean {
    return c.score >= minScore && c.quoteScore >= minQuote && (c.exactQuote || c.contextScore >= MIN_CONTEXT_SCORE);
  }

  function place(job: Job, c: Candidate): void {
    const status = c.exactQuote ? (c.start === job.oldStart ? 'exact' : 'moved') : 'fuzzy';
    settle(job, c.start, c.end - c.start, status, c.score);
  }
}

/**
 * A candidate between the settled neighbours: where the passage is if the document kept its order.
 */
function inOrder(job: Job, start: number): boolean {
  return start >= job.lo - LOCAL_SLACK && start <= job.hi + LOCAL_SLACK;
}

/** No candidate elsewhere comes close to `chosen`. */
function clearlyBest(chosen: Candidate, rivals: readonly Candidate[], job: Job): boolean {
  const here = inOrder(job, chosen.start);
  for (const r of rivals) {
    if (r.end > chosen.start && r.start < chosen.end) continue;
    // Beyond the neighbours, only a better rival counts against one where they say (a copy pasted
    // elsewhere of a paragraph whose original was then edited).
    if (here && !inOrder(job, r.start)) {
      if (r.score > chosen.score) return false;
      continue;
    }
    // A copy whose surroundings are gone is no rival to a candidate whose surroundings are all there
    // (a headline's other print, after the headline itself was edited).
    if (chosen.contextScore >= WHOLE_CONTEXT && r.contextScore < MIN_CONTEXT_SCORE) continue;
    const margin = chosen.exactQuote && !r.exactQuote ? RIVAL_MARGIN_EXACT : RIVAL_MARGIN;
    if (r.score > chosen.score - margin) return false;
  }
  return true;
}

/** The best few distinct places among `found`, for an orphan's `candidates`. */
function offered(found: readonly Candidate[]): { candidates?: AnchorCandidate[] } {
  const out: AnchorCandidate[] = [];
  for (const c of [...found].sort((a, b) => b.score - a.score)) {
    if (c.score < MIN_CANDIDATE_SCORE || out.length >= MAX_CANDIDATES) break;
    if (out.some((o) => c.end > o.start && c.start < o.end)) continue;
    out.push({ start: c.start, end: c.end, score: Math.round(c.score * 1000) / 1000 });
  }
  return out.length ? { candidates: out } : {};
}

/**
 * Whether the quote's first or last few characters are still where the passage was expected (around
 * its expected start, between the settled neighbours), other than at `candidate`: evidence that the
 * passage was edited or deleted in place rather than moved away.
 */
function remnantInPlace(job: Job, candidate: { at: number; end: number }): boolean {
  const q = job.matcher.quote;
  if (q.length < 2 * REMNANT) return false;
  // Between the neighbours when that stretch is short; else around the expected start.
  let from = Math.max(0, job.lo - LOCAL_SLACK);
  let to = Math.min(job.matcher.text.length, job.hi + LOCAL_SLACK);
  if (to - from > REMNANT_SPAN) {
    const reach = q.length + LOCAL_SLACK;
    from = Math.max(from, job.hint - reach);
    to = Math.min(to, job.hint + q.length + reach);
  }
  const t = job.matcher.text;
  for (const edge of edgeWords(q)) {
    for (let i = t.indexOf(edge, from); i >= 0 && i < to; i = t.indexOf(edge, i + 1)) {
      if (i + edge.length <= candidate.at || i >= candidate.end) return true;
    }
  }
  return false;
}

/** Widest stretch between neighbours searched whole for a remnant. */
const REMNANT_SPAN = 4096;
/** Characters of a quote's edge that count as a remnant of it, at least. */
const REMNANT = 8;

/**
 * The quote's first and last words, as many as make REMNANT characters: whole words, so that a common
 * ending (" session") does not pass for a remnant of "thematic session".
 */
function edgeWords(q: string): string[] {
  const isWord = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  let head = REMNANT;
  while (head < q.length && isWord(q[head])) head++;
  let tail = q.length - REMNANT;
  while (tail > 0 && isWord(q[tail - 1])) tail--;
  return head < q.length && tail > 0 ? [q.slice(0, head), q.slice(tail)] : [];
}

function settle(job: Job, start: number, length: number, status: AnchorStatus, score: number): void {
  job.delta = start - job.oldStart;
  job.result = { id: job.id, status, start, end: start + length, score };
}

/** Higher score wins; on a tie, the candidate nearer the expected position. */
function better(a: Candidate, b: Candidate, hint: number): boolean {
  if (a.score !== b.score) return a.score > b.score;
  return Math.abs(a.start - hint) < Math.abs(b.start - hint);
}

/**
 * The best eligible candidate, unless another one elsewhere is nearly as good (one beyond the
 * neighbours only counts against one where they say when it is better).
 */
function unambiguousBest(found: Candidate[], eligible: ReadonlySet<Candidate>, job: Job): Candidate | undefined {
  let best: Candidate | undefined;
  for (const c of eligible) if (!best || better(c, best, job.hint)) best = c;
  if (!best) return undefined;
  const here = inOrder(job, best.start);
  for (const c of found) {
    const elsewhere = c.end <= best.start || c.start >= best.end;
    if (!elsewhere) continue;
    if (here && !inOrder(job, c.start) ? c.score > best.score : c.score > best.score - AMBIGUITY_MARGIN) return undefined;
  }
  return best;
}

/** Pass 1's search: the unchanged selector at the expected place, the stored place, or nearby. */
function findUnchanged(job: Job, expected: number): number | undefined {
  const m = job.matcher;
  if (m.matchesWithContext(expected)) return expected;
  if (m.matchesWithContext(job.oldStart)) return job.oldStart;
  const from = Math.max(0, expected - NEAR_WINDOW);
  const to = Math.min(m.text.length, expected + m.quote.length + NEAR_WINDOW);
  // Searching a slice keeps indexOf from running on through the rest of a long text.
  const window = m.text.slice(from, to);
  let best: number | undefined;
  for (let i = window.indexOf(m.quote); i >= 0; i = window.indexOf(m.quote, i + 1)) {
    const at = from + i;
    if (m.matchesWithContext(at) && (best === undefined || Math.abs(at - expected) < Math.abs(best - expected))) best = at;
    if (at > expected && best !== undefined) break;
  }
  return best;
}

/**
 * Where the quote occurs unchanged, best agreeing context first (then nearest). A quote found more
 * than MAX_OCCURRENCES times ("the Council") says nothing by itself: its candidates come from the
 * seeds of its context instead, and scanning thousands of copies would cost milliseconds each.
 */
function exactOccurrences(job: Job, heads: readonly number[] | undefined): { found: { at: number; agreement: number }[]; overflow: boolean } {
  const m = job.matcher;
  const found: { at: number; agreement: number }[] = [];
  const add = (at: number) => {
    found.push({ at, agreement: m.contextAgreement(at, at + m.quote.length) });
    return found.length <= MAX_OCCURRENCES;
  };
  if (heads) {
    // The seed pass already found where the quote's head occurs; only those places can hold it.
    for (const at of heads) if (m.text.startsWith(m.quote, at) && !add(at)) return { found: [], overflow: true };
  } else {
    for (let at = m.text.indexOf(m.quote); at >= 0; at = m.text.indexOf(m.quote, at + 1)) if (!add(at)) return { found: [], overflow: true };
  }
  found.sort((a, b) => b.agreement - a.agreement || Math.abs(a.at - job.hint) - Math.abs(b.at - job.hint));
  return { found, overflow: false };
}

/** For each job unsettled after pass 1, the shift and new start of the nearest settled job after it. */
function nextSettled(order: readonly Job[]): Map<Job, { delta: number; start: number } | undefined> {
  const out = new Map<Job, { delta: number; start: number } | undefined>();
  let last: { delta: number; start: number } | undefined;
  for (let i = order.length - 1; i >= 0; i--) {
    const j = order[i];
    if (j.delta !== undefined) last = { delta: j.delta, start: j.result!.start! };
    else out.set(j, last);
  }
  return out;
}

function mergeWindows(windows: number[][]): [number, number][] {
  const sorted = windows.map(([a, b]) => [Math.max(0, a), b] as [number, number]).sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const w of sorted) {
    const last = out[out.length - 1];
    if (last && w[0] <= last[1]) last[1] = Math.max(last[1], w[1]);
    else out.push(w);
  }
  return out;
}
