/**
 * Edits with ground truth: applies word-level and passage-level edits to a text and remembers them, so
 * that tests and the benchmark know where each original passage went (or that it is gone).
 */

export interface Edit {
  /** UTF-16 offset in the text as it was just before this edit. */
  readonly at: number;
  readonly deleted: number;
  readonly inserted: string;
  /** The text it deleted. */
  readonly old: string;
}

export class EditTracker {
  readonly edits: Edit[] = [];
  constructor(public text: string) {}

  /**
   * Replaces text[at, at + deleted); records only the part that really changes, as a diff would. An
   * edit touching the previous one is merged with it first: deleting a word and typing another in its
   * place is one replacement, so letters the two words share are kept, as a diff of the texts says.
   */
  replace(at: number, deleted: number, inserted: string): void {
    const prev = this.edits[this.edits.length - 1];
    if (prev && at <= prev.at + prev.inserted.length && at + deleted >= prev.at) {
      const lo = Math.min(at, prev.at);
      const hi = Math.max(at + deleted, prev.at + prev.inserted.length);
      const after = this.text.slice(lo, at) + inserted + this.text.slice(at + deleted, hi);
      // Undo the previous edit, then make the merged one on the text it was made on.
      this.edits.pop();
      this.text = this.text.slice(0, prev.at) + prev.old + this.text.slice(prev.at + prev.inserted.length);
      this.replace(lo, hi - lo - prev.inserted.length + prev.deleted, after);
      return;
    }
    const old = this.text.slice(at, at + deleted);
    let head = 0;
    while (head < old.length && head < inserted.length && old[head] === inserted[head]) head++;
    let tail = 0;
    while (
      tail < old.length - head &&
      tail < inserted.length - head &&
      old[old.length - 1 - tail] === inserted[inserted.length - 1 - tail]
    )
      tail++;
    const edit = {
      at: at + head,
      deleted: old.length - head - tail,
      inserted: inserted.slice(head, inserted.length - tail),
      old: old.slice(head, old.length - tail),
    };
    if (edit.deleted === 0 && edit.inserted === '') return;
    this.text = this.text.slice(0, edit.at) + edit.inserted + this.text.slice(edit.at + edit.deleted);
    this.edits.push(edit);
  }

  /**
   * Where original text[start, end) went: the span from its first to its last surviving or replacing
   * character (text inserted at either edge stays outside, text replacing an edge is inside), or
   * undefined when nothing of it is left.
   */
  mapRange(start: number, end: number): [number, number] | undefined {
    let s = start;
    let e = end;
    for (const { at, deleted, inserted } of this.edits) {
      if (s >= at + deleted) s += inserted.length - deleted;
      else if (s > at || (s === at && deleted > 0)) s = at;
      if (e >= at + deleted && !(e === at && deleted === 0)) e += inserted.length - deleted;
      else if (e > at) e = at + inserted.length;
      if (e <= s) return undefined;
    }
    return [s, e];
  }
}

/**
 * How many characters of original text[start, end) survive all edits (replacement text not counted):
 * tells a passage that is still there from one whose words were all replaced.
 */
export function survivingLength(t: EditTracker, start: number, end: number): number {
  let parts: [number, number][] = [[start, end]];
  for (const { at, deleted, inserted } of t.edits) {
    const shift = inserted.length - deleted;
    const next: [number, number][] = [];
    for (const [s, e] of parts) {
      if (s < at) next.push([s, Math.min(e, at)]);
      if (e > at + deleted) next.push([Math.max(s, at + deleted) + shift, e + shift]);
    }
    parts = next;
  }
  return parts.reduce((n, [s, e]) => n + e - s, 0);
}

/** The whitespace-delimited word at or after `offset`, as [start, end). */
export function wordAt(text: string, offset: number): [number, number] | undefined {
  let s = offset;
  while (s < text.length && /\s/.test(text[s])) s++;
  while (s > 0 && !/\s/.test(text[s - 1])) s--;
  if (s >= text.length) return undefined;
  let e = s;
  while (e < text.length && !/\s/.test(text[e])) e++;
  return [s, e];
}

export type WordEditKind = 'insert' | 'delete' | 'replace';

/** One word-level edit at about `offset`: insert a word before, delete, or replace the word there. */
export function wordEdit(t: EditTracker, kind: WordEditKind, offset: number, word: string): void {
  const w = wordAt(t.text, offset);
  if (!w) return;
  const [s, e] = w;
  if (kind === 'insert') t.replace(s, 0, `${word} `);
  else if (kind === 'delete') {
    // Delete the word with the space after it, so that the text keeps single spaces.
    const after = e < t.text.length && t.text[e] === ' ' ? 1 : 0;
    t.replace(s, e - s + after, '');
  } else t.replace(s, e - s, word);
}

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), for seeded benchmarks and fixtures. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Words of a text, for realistic insertions and replacements. */
export function vocabulary(text: string): string[] {
  return [...new Set(text.split(/\s+/).filter((w) => /^[\p{L}’'-]{2,}$/u.test(w)))].sort();
}

/** A passage from the word at `offset` spanning about `length` UTF-16 units, cut at word boundaries. */
export function passageAt(text: string, offset: number, length: number): [number, number] | undefined {
  const first = wordAt(text, offset);
  if (!first) return undefined;
  const last = wordAt(text, Math.max(first[0], first[0] + length - 1));
  const end = last && last[1] >= first[1] && last[0] < first[0] + length ? last[1] : first[1];
  return [first[0], end];
}
