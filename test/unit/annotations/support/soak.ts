/**
 * Random edit sequences with ground truth, shared by the soak (`npm run soak`: thousands of seeds) and
 * the unit tests that replay the seeds the soak found problems with.
 *
 * A sequence annotates a real document, then edits it the way people and git do: words inserted,
 * deleted and replaced, a word changed inside a passage, a passage deleted with its surroundings, a
 * line deleted (Ctrl+Shift+K), lines re-wrapped, a paragraph moved or copied elsewhere, boilerplate
 * repeated, and Undo. Each passage is tracked as the set of its characters that are still in the text
 * (moved characters included), so that the judge knows where it is, or that it is gone.
 *
 * Two ways of re-finding run on the same sequence:
 * - after the fact, as after a git checkout: `anchorAll` on the final text;
 * - live, as in the editor: each edit fed to a LiveSession as a change event, orphans looked for again
 *   when typing pauses, and Undo expected to bring back what it restores.
 * The invariants: never lost (every annotation is still there, placed or orphaned) and never wrong (a
 * placed annotation overlaps what is left of its passage).
 */
import { anchorAll, codePointIndex, createTarget, emptySidecar, type TextTarget } from '../../../../src/core/annotations';
import { LiveSession } from '../../../../src/core/annotations/liveSession';
import { mulberry32, passageAt, vocabulary, wordAt } from './editing';

type Part = [number, number];

export interface SoakDoc {
  readonly name: string;
  readonly text: string;
  readonly vocab: readonly string[];
}

export function soakDoc(name: string, text: string): SoakDoc {
  return { name, text, vocab: vocabulary(text) };
}

interface Tracked {
  readonly id: string;
  readonly length: number;
  target: TextTarget;
  parts: Part[];
}

export interface SoakOutcome {
  readonly seed: number;
  readonly document: string;
  readonly annotations: number;
  readonly ops: readonly string[];
  /** Placed on text that is not part of the passage: the one thing that must never happen. */
  readonly wrong: string[];
  /** Missing from the results or the session: must never happen either. */
  readonly lost: string[];
  /** Undo brought the text back, but not the annotation to its place (live mode). */
  readonly notRestored: string[];
  /** After-the-fact tallies (anchorAll on the final text). */
  readonly correct: number;
  readonly orphanGone: number;
  /** Orphaned although at least half of the passage is still there. */
  readonly orphanIntact: number;
  readonly live: { correct: number; orphanGone: number; orphanIntact: number };
}

interface Change {
  readonly rangeOffset: number;
  readonly rangeLength: number;
  readonly text: string;
  /** The whole text once this change is made. */
  readonly after: string;
}

class Sequence {
  text: string;
  readonly notes: Tracked[] = [];
  readonly ops: string[] = [];
  /** Each op's changes (as the editor reports them) and the state it undoes to. */
  readonly history: { changes: Change[]; text: string; parts: Part[][]; orphaned: [string, Part][] }[] = [];

  constructor(
    readonly doc: SoakDoc,
    readonly rand: () => number,
  ) {
    this.text = doc.text;
  }

  int(n: number): number {
    return Math.floor(this.rand() * n);
  }

  word(): string {
    return this.doc.vocab[this.int(this.doc.vocab.length)];
  }

  /** Replaces text[at, at + deleted) and carries every passage's parts through it. */
  replace(at: number, deleted: number, inserted: string): Change | undefined {
    const old = this.text.slice(at, at + deleted);
    // Only what really changes, as a diff (and the editor's minimal edit) would say.
    let head = 0;
    while (head < old.length && head < inserted.length && old[head] === inserted[head]) head++;
    let tail = 0;
    while (tail < old.length - head && tail < inserted.length - head && old[old.length - 1 - tail] === inserted[inserted.length - 1 - tail]) tail++;
    at += head;
    deleted = old.length - head - tail;
    inserted = inserted.slice(head, inserted.length - tail);
    if (deleted === 0 && inserted === '') return undefined;
    const shift = inserted.length - deleted;
    for (const n of this.notes) {
      const next: Part[] = [];
      for (const [s, e] of n.parts) {
        if (s < at) next.push([s, Math.min(e, at)]);
        if (e > at + deleted) next.push([Math.max(s, at + deleted) + shift, e + shift]);
      }
      n.parts = next;
    }
    this.text = this.text.slice(0, at) + inserted + this.text.slice(at + deleted);
    return { rangeOffset: at, rangeLength: deleted, text: inserted, after: this.text };
  }

  /** Cuts text[from, from + length) and pastes it at `to` (an offset of the text without it). */
  move(from: number, length: number, to: number): Change[] {
    const block = this.text.slice(from, from + length);
    const moved: Part[][] = this.notes.map((n) => n.parts.flatMap(([s, e]): Part[] => {
      const a = Math.max(s, from);
      const b = Math.min(e, from + length);
      return a < b ? [[to + a - from, to + b - from]] : [];
    }));
    const cut = this.replaceRaw(from, length, '');
    const paste = this.replaceRaw(to, 0, block);
    this.notes.forEach((n, i) => {
      n.parts = [...n.parts, ...moved[i]].sort((x, y) => x[0] - y[0]);
    });
    return [cut, paste];
  }

  /** A replacement without the diff trimming, for moves (whose parts are carried by `move`). */
  private replaceRaw(at: number, deleted: number, inserted: string): Change {
    const shift = inserted.length - deleted;
    for (const n of this.notes) {
      const next: Part[] = [];
      for (const [s, e] of n.parts) {
        if (e <= at) next.push([s, e]);
        else if (s >= at + deleted) next.push([s + shift, e + shift]);
        else {
          if (s < at) next.push([s, at]);
          if (e > at + deleted) next.push([at + deleted + shift, e + shift]);
        }
      }
      n.parts = next;
    }
    this.text = this.text.slice(0, at) + inserted + this.text.slice(at + deleted);
    return { rangeOffset: at, rangeLength: deleted, text: inserted, after: this.text };
  }

  /**
   * Share of the passage still there in one piece: its characters that survive close together (gaps
   * under half its length, where words were replaced). A passage split in two by a moved line is not.
   */
  surviving(n: Tracked): number {
    let best = 0;
    let run = 0;
    let last: number | undefined;
    for (const [s, e] of n.parts) {
      if (last !== undefined && s - last > n.length / 2) run = 0;
      run += e - s;
      last = e;
      best = Math.max(best, run);
    }
    return best / n.length;
  }

  /**
   * Whether text[start, end) overlaps what is left of the passage, or is a copy of it that no one could
   * tell from it: the annotation's whole selector, quote and context, unchanged there (a paragraph
   * pasted twice, one copy then edited: the other is what the annotation was made on, letter for letter).
   */
  onPassage(n: Tracked, start: number, end: number): boolean {
    if (n.parts.some(([s, e]) => start < e && end > s)) return true;
    // Line breaks and spacing do not count: a headline printed twice, wrapped differently, is one text.
    const flat = (x: string) => x.replace(/\s+/g, ' ');
    const { prefix, quote, suffix } = n.target;
    const before = flat(this.text.slice(Math.max(0, start - 2 * prefix.length), start));
    const after = flat(this.text.slice(end, end + 2 * suffix.length));
    return flat(this.text.slice(start, end)) === flat(quote) && before.endsWith(flat(prefix)) && after.startsWith(flat(suffix));
  }

  lineAround(offset: number): [number, number] {
    const s = this.text.lastIndexOf('\n', offset - 1) + 1;
    const e = this.text.indexOf('\n', offset);
    return [s, e < 0 ? this.text.length : e + 1];
  }

  /** The span of a random passage as it is now, if any of it is left. */
  somePassage(): [number, number] | undefined {
    const n = this.notes[this.int(this.notes.length)];
    if (!n.parts.length) return undefined;
    return [n.parts[0][0], n.parts[n.parts.length - 1][1]];
  }
}

const OPS = [
  'word-insert',
  'word-delete',
  'word-replace',
  'word-in-passage',
  'delete-passage-with-context',
  'delete-line',
  'rewrap',
  'move-paragraph',
  'copy-paragraph',
  'repeat-boilerplate',
  'edit-line',
  'undo',
] as const;
type Op = (typeof OPS)[number];

function annotate(seq: Sequence, count: number): void {
  const text = seq.text;
  const cps = codePointIndex(text);
  for (let tries = 0; seq.notes.length < count && tries < count * 20; tries++) {
    const span = passageAt(text, seq.int(text.length), 3 + seq.int(seq.int(300) + 1));
    if (!span) continue;
    const target = createTarget(text, span[0], span[1], cps);
    const selector = target.prefix + target.quote + target.suffix;
    // A selector that occurs twice cannot be told apart by anyone; a quote without letters or digits
    // (dots of a leader) has no identity to keep.
    if (text.indexOf(selector) !== text.lastIndexOf(selector) || !/[\p{L}\p{N}]/u.test(target.quote)) continue;
    if (seq.notes.some((n) => n.parts[0][0] === span[0] && n.parts[0][1] === span[1])) continue;
    seq.notes.push({ id: `s${seq.notes.length}`, length: span[1] - span[0], target, parts: [[span[0], span[1]]] });
  }
}

/** One edit of the given kind; returns its change events, or undefined when it did nothing. */
function edit(seq: Sequence, op: Op): Change[] | undefined {
  const t = seq.text;
  const one = (c: Change | undefined) => (c ? [c] : undefined);
  switch (op) {
    case 'word-insert':
    case 'word-delete':
    case 'word-replace':
    case 'word-in-passage': {
      let at = seq.int(t.length);
      if (op === 'word-in-passage') {
        const p = seq.somePassage();
        if (!p) return undefined;
        at = p[0] + seq.int(Math.max(1, p[1] - p[0]));
      }
      const w = wordAt(t, at);
      if (!w) return undefined;
      if (op === 'word-insert') return one(seq.replace(w[0], 0, `${seq.word()} `));
      if (op === 'word-delete') return one(seq.replace(w[0], w[1] - w[0] + (t[w[1]] === ' ' ? 1 : 0), ''));
      return one(seq.replace(w[0], w[1] - w[0], seq.word()));
    }
    case 'delete-passage-with-context': {
      const p = seq.somePassage();
      if (!p) return undefined;
      const margin = 20 + seq.int(80);
      const s = Math.max(0, p[0] - margin);
      return one(seq.replace(s, Math.min(t.length, p[1] + margin) - s, ''));
    }
    case 'delete-line': {
      const p = seq.somePassage();
      const [s, e] = seq.lineAround(p ? p[0] : seq.int(t.length));
      return one(seq.replace(s, e - s, ''));
    }
    case 'rewrap': {
      // A space turned into a line break or back, as a re-wrapped paragraph differs in a diff.
      const from = seq.int(t.length);
      const i = t.indexOf(' ', from);
      const j = t.indexOf('\n', from);
      if (i >= 0 && (j < 0 || seq.rand() < 0.7)) return one(seq.replace(i, 1, '\n'));
      if (j >= 0 && t[j + 1] !== '\n' && t[j - 1] !== '\n') return one(seq.replace(j, 1, ' '));
      return undefined;
    }
    case 'move-paragraph':
    case 'copy-paragraph': {
      const [s, e] = seq.lineAround(seq.int(t.length));
      if (e - s < 2 || e - s > 4000) return undefined;
      if (op === 'copy-paragraph') {
        const [to] = seq.lineAround(seq.int(t.length));
        return one(seq.replace(to, 0, t.slice(s, e)));
      }
      const rest = t.length - (e - s);
      const without = t.slice(0, s) + t.slice(e);
      const to = rest === 0 ? 0 : without.lastIndexOf('\n', seq.int(rest)) + 1;
      return seq.move(s, e - s, to);
    }
    case 'repeat-boilerplate': {
      // A short formula of the document (a quote of a passage, or a line of it) printed again elsewhere.
      const p = seq.somePassage();
      const source = p && seq.rand() < 0.6 ? t.slice(p[0], p[1]) : t.slice(...seq.lineAround(seq.int(t.length))).trim();
      if (!source) return undefined;
      const [to] = seq.lineAround(seq.int(t.length));
      return one(seq.replace(to, 0, `${source}\n`));
    }
    case 'edit-line': {
      // A line changed in several places, as one hunk of a git merge replaces it: word by word, from
      // the last to the first (what a diff of the two lines would say changed).
      const [s, e] = seq.lineAround(seq.int(t.length));
      const starts: number[] = [];
      for (let k = 0; k < 1 + seq.int(3); k++) starts.push(s + seq.int(Math.max(1, e - s)));
      const changes: Change[] = [];
      for (const at of [...new Set(starts)].sort((a, b) => b - a)) {
        const w = wordAt(seq.text, at);
        if (!w || w[0] >= e) continue;
        const c = seq.replace(w[0], w[1] - w[0], seq.word());
        if (c) changes.push(c);
      }
      return changes.length ? changes : undefined;
    }
    case 'undo':
      return undefined;
  }
}

function pickOp(seq: Sequence): Op {
  const only = typeof process !== 'undefined' ? process.env.SOAK_OPS?.split(',') : undefined;
  if (only?.length) return only[seq.int(only.length)] as Op;
  // Word edits are what people mostly do; the rest come up often enough to be exercised in every run.
  const r = seq.rand();
  if (r < 0.45) return (['word-insert', 'word-delete', 'word-replace'] as const)[seq.int(3)];
  return OPS[3 + seq.int(OPS.length - 3)];
}

export function runSoakSequence(docs: readonly SoakDoc[], seed: number, trace?: (text: string, notes: readonly { id: string; target: TextTarget; parts: [number, number][] }[]) => void): SoakOutcome {
  const rand = mulberry32(seed);
  const doc = docs[Math.floor(rand() * docs.length)];
  const seq = new Sequence(doc, rand);
  annotate(seq, 4 + seq.int(12));
  const original = seq.text;
  const session = new LiveSession(emptySidecar(doc.name, ''), original);
  const idOf = new Map<string, string>();
  for (const n of seq.notes) {
    const [[s, e]] = n.parts;
    const a = session.add(original, s, e, { themes: ['t'], created: '2026-01-01T00:00:00Z' }, mulberry32(seed ^ idOf.size));
    idOf.set(a.id, n.id);
  }
  const byNote = (sessionId: string) => seq.notes.find((n) => n.id === idOf.get(sessionId))!;
  const wrong: string[] = [];
  const lost: string[] = [];
  const notRestored: string[] = [];
  const describe = (n: Tracked, start: number, end: number, how: string) =>
    `${how}: ${n.id} ${JSON.stringify(n.target.quote.slice(0, 60))} placed on ${JSON.stringify(seq.text.slice(start, end).slice(0, 60))} after ${seq.ops.join(', ')}`;
  const checkLive = (how: string) => {
    if (session.annotations.length !== seq.notes.length) lost.push(`${how}: ${session.annotations.length} of ${seq.notes.length} annotations left after ${seq.ops.join(', ')}`);
    for (const a of session.placed) {
      const n = byNote(a.annotation.id);
      if (!seq.onPassage(n, a.start, a.end)) wrong.push(describe(n, a.start, a.end, how));
    }
  };

  // What the extension does when typing pauses: selectors brought up to date, orphans looked for.
  const pause = () => {
    session.refreshTargets(seq.text);
    session.reanchorOrphans(seq.text);
  };
  const steps = 1 + seq.int(12);
  for (let k = 0; k < steps; k++) {
    const op = pickOp(seq);
    if (op === 'undo') {
      const last = seq.history.pop();
      if (!last) continue;
      // Undo puts the text, and so the passages' characters, back as they were before the last edit:
      // each change undone in turn, last first, as VS Code undoes a cut and a paste.
      for (let i = last.changes.length - 1; i >= 0; i--) {
        const c = last.changes[i];
        const before = i > 0 ? last.changes[i - 1].after : last.text;
        session.applyEdits([{ rangeOffset: c.rangeOffset, rangeLength: c.text.length, text: before.slice(c.rangeOffset, c.rangeOffset + c.rangeLength) }], () => before);
      }
      seq.text = last.text;
      seq.notes.forEach((n, i) => { n.parts = last.parts[i]; });
      seq.ops.push('undo');
      pause();
      checkLive('live');
      // What the undone edit orphaned is back where it was.
      for (const [id, [s, e]] of last.orphaned) {
        const a = session.find(id);
        if (a?.start !== s || a.end !== e) {
          const n = byNote(id);
          notRestored.push(`undo: ${n.id} ${JSON.stringify(n.target.quote.slice(0, 60))} is ${a?.start === undefined ? 'an orphan' : `on ${JSON.stringify(seq.text.slice(a.start, a.end).slice(0, 60))}`} after ${seq.ops.join(', ')}`);
        }
      }
      continue;
    }
    const before = { text: seq.text, parts: seq.notes.map((n) => n.parts.map((p) => [...p] as Part)) };
    const placedBefore = new Map(session.placed.map((a) => [a.annotation.id, [a.start, a.end] as Part]));
    const changes = edit(seq, op);
    if (!changes) continue;
    seq.ops.push(op);
    // A move is a cut and a paste: two events, the orphan search running in between only if typing paused.
    for (const c of changes) session.applyEdits([c], () => c.after);
    if (seq.rand() < 0.5) pause();
    checkLive('live');
    const orphaned = [...placedBefore].filter(([id]) => session.find(id)?.start === undefined);
    seq.history.push({ changes, ...before, orphaned });
  }
  // Typing stopped: the pause's orphan search always runs before the document is saved.
  pause();
  checkLive('live');

  trace?.(seq.text, seq.notes);
  // After the fact: the original selectors against the final text, as after a git checkout.
  const results = anchorAll(seq.text, seq.notes);
  const tally = { correct: 0, orphanGone: 0, orphanIntact: 0 };
  if (results.length !== seq.notes.length) lost.push(`anchorAll returned ${results.length} of ${seq.notes.length}`);
  results.forEach((r, i) => {
    const n = seq.notes[i];
    if (r.id !== n.id) lost.push(`anchorAll result ${i} is ${r.id}, not ${n.id}`);
    if (r.start === undefined || r.end === undefined) tally[seq.surviving(n) >= 0.5 ? 'orphanIntact' : 'orphanGone']++;
    else if (seq.onPassage(n, r.start, r.end)) tally.correct++;
    else wrong.push(describe(n, r.start, r.end, 'after the fact'));
  });
  const live = { correct: 0, orphanGone: 0, orphanIntact: 0 };
  for (const a of session.annotations) {
    const n = byNote(a.annotation.id);
    if (a.start === undefined) live[seq.surviving(n) >= 0.5 ? 'orphanIntact' : 'orphanGone']++;
    else live.correct++;
  }
  return { seed, document: doc.name, annotations: seq.notes.length, ops: seq.ops, wrong, lost, notRestored, ...tally, live };
}
