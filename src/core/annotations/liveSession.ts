/**
 * The annotations of one open document: where each one is in the current text (UTF-16 offsets), kept up
 * to date through edits, and turned back into a sidecar on demand. The extension owns one per open
 * document; everything here is pure so that the edit/anchor/save cycle is tested without VS Code.
 */
import { anchorAll, type AnchorCandidate, type AnchorStatus } from './anchor';
import { codePointIndex } from './codePoints';
import { newAnnotationId } from './ids';
import { mapThroughEdits, type ContentChange } from './liveEdits';
import type { Annotation, Sidecar } from './model';
import { CONTEXT_LENGTH, createTarget } from './selectors';
import { textHash } from './sha256';
import { mergeSidecars } from '../merge/sidecars';

export interface LiveAnnotation {
  readonly annotation: Annotation;
  /** How it was found when the sidecar was read (or 'exact' once placed by the user). */
  readonly status: AnchorStatus;
  /** UTF-16 offsets into the current text; absent for orphans. */
  readonly start?: number;
  readonly end?: number;
  /** For an orphan: the closest places found the last time it was looked for, to re-attach it to. */
  readonly candidates?: readonly AnchorCandidate[];
}

export class LiveSession {
  private items: LiveAnnotation[] = [];
  /** Ids whose passage or its surroundings were edited since the last refreshTargets. */
  private readonly stale = new Set<string>();
  /** Ids orphaned by an edit in this session: a paste of their exact text brings them back. */
  private readonly cut = new Set<string>();

  constructor(
    private sidecar: Sidecar,
    text: string,
  ) {
    this.items = place(sidecar, text);
  }

  get document(): string {
    return this.sidecar.document;
  }

  get annotations(): readonly LiveAnnotation[] {
    return this.items;
  }

  get placed(): readonly (LiveAnnotation & { start: number; end: number })[] {
    return this.items.filter((a): a is LiveAnnotation & { start: number; end: number } => a.start !== undefined && a.end !== undefined);
  }

  get orphans(): readonly LiveAnnotation[] {
    return this.items.filter((a) => a.start === undefined);
  }

  find(id: string): LiveAnnotation | undefined {
    return this.items.find((a) => a.annotation.id === id);
  }

  /** Annotations whose passage contains `offset` (touching counts), innermost first. */
  at(offset: number): LiveAnnotation[] {
    return this.placed
      .filter((a) => a.start <= offset && offset <= a.end)
      .sort((a, b) => a.end - a.start - (b.end - b.start));
  }

  /**
   * Follows one editor change event. A passage whose text was replaced as a whole is looked for only in
   * the text this same event put in (a line moved with Alt+Up is one event); otherwise it becomes an
   * orphan rather than sticking to the replacement text or jumping to a look-alike elsewhere (a sentence
   * deleted with Ctrl+Shift+K must not land on a similar phrase: Undo is to bring it back). A passage cut
   * earlier comes back when its exact text is pasted. Returns whether anything moved.
   */
  applyEdits(changes: readonly ContentChange[], text?: () => string): boolean {
    if (!changes.length) return false;
    const placed = this.items.map((a, i) => ({ a, i })).filter(({ a }) => a.start !== undefined);
    const mapped = mapThroughEdits(placed.map(({ a }) => ({ start: a.start!, end: a.end! })), changes);
    const lost: number[] = [];
    placed.forEach(({ a, i }, k) => {
      const m = mapped[k];
      if (m.collapsed) lost.push(i);
      else {
        this.items[i] = { ...a, start: m.start, end: m.end };
        if (m.touched || nearAny(m.start, m.end, changes)) this.stale.add(a.annotation.id);
      }
    });
    // Where the event's inserted texts are in the new text: changes come in descending offset order, so
    // each one's offset still holds once the ones after it are made.
    const inserted = insertedSpans(changes);
    let current: string | undefined;
    // Only a quote long enough to be itself, found once in the inserted text and once in the document.
    const foundIn = (quote: string): number | undefined => {
      if (quote.length < MIN_MOVED_QUOTE || !text) return undefined;
      const at = onlyIn(inserted, quote);
      if (at === undefined) return undefined;
      current ??= text();
      return current.indexOf(quote) === at && current.indexOf(quote, at + 1) < 0 ? at : undefined;
    };
    let moved = lost.length > 0;
    for (const i of lost) {
      const { annotation } = this.items[i];
      const at = foundIn(annotation.target.quote);
      if (at !== undefined) this.items[i] = { annotation, status: 'moved', start: at, end: at + annotation.target.quote.length };
      else {
        this.items[i] = { annotation, status: 'orphan' };
        this.cut.add(annotation.id);
      }
    }
    // A paste of the exact text of a passage cut in this session puts it back there.
    if (this.cut.size && inserted.some((s) => s.text.length > 0)) {
      this.items.forEach((a, i) => {
        if (a.start !== undefined || !this.cut.has(a.annotation.id) || lost.includes(i)) return;
        const at = foundIn(a.annotation.target.quote);
        if (at === undefined) return;
        this.items[i] = { annotation: a.annotation, status: 'moved', start: at, end: at + a.annotation.target.quote.length };
        this.cut.delete(a.annotation.id);
        moved = true;
      });
    }
    // A passage found again elsewhere (cut and paste) changes the order that navigation relies on.
    if (moved) this.sortItems();
    return placed.length > 0 || moved;
  }

  /**
   * Brings the selectors of passages edited (or edited around) since the last call up to date with
   * `text`, so that a passage deleted next is remembered as it was just before, and Undo finds it again
   * exactly. Called when typing pauses.
   */
  refreshTargets(text: string): void {
    if (!this.stale.size) return;
    const index = codePointIndex(text);
    this.items = this.items.map((a) => {
      if (!this.stale.has(a.annotation.id) || a.start === undefined || a.end === undefined) return a;
      return { ...a, annotation: { ...a.annotation, target: createTarget(text, a.start, a.end, index) } };
    });
    this.stale.clear();
  }

  /**
   * Looks for the orphans in `text` again (a typing pause, an Undo, a revert); returns whether any was
   * found. Only an exact reappearance counts here: while someone types, an approximate match is a
   * similar sentence more often than the passage, so it stays a candidate for a person to confirm.
   */
  reanchorOrphans(text: string): boolean {
    const lost = this.items.map((a, i) => ({ a, i })).filter(({ a }) => a.start === undefined);
    if (!lost.length) return false;
    // The placed annotations go along as neighbours (settled at once where they are): they tell where
    // in the text each orphan could be, so that a copy elsewhere needs the evidence a move does.
    const index = codePointIndex(text);
    const neighbours = this.placed.map((a) => ({ id: `\0${a.annotation.id}`, target: createTarget(text, a.start, a.end, index) }));
    const results = anchorAll(text, [...lost.map(({ a }) => a.annotation), ...neighbours]);
    let found = false;
    lost.forEach(({ a, i }, k) => {
      const r = results[k];
      if (r.status !== 'exact' && r.status !== 'moved') {
        // Not back as it was: what came close is offered (an approximate find included), not taken.
        const candidates = r.start !== undefined && r.end !== undefined ? [{ start: r.start, end: r.end, score: r.score ?? 0 }] : r.candidates;
        this.items[i] = { annotation: a.annotation, status: 'orphan', ...(candidates && { candidates }) };
        return;
      }
      found = true;
      this.cut.delete(a.annotation.id);
      this.items[i] = { annotation: a.annotation, status: r.status, start: r.start, end: r.end };
    });
    if (found) this.sortItems();
    return found;
  }

  add(text: string, start: number, end: number, init: { themes: readonly string[]; note?: string; created: string }, random?: () => number): Annotation {
    const id = newAnnotationId(new Set(this.items.map((a) => a.annotation.id)), random);
    const annotation: Annotation = { id, themes: [...init.themes], note: init.note, target: createTarget(text, start, end), created: init.created };
    this.items.push({ annotation, status: 'exact', start, end });
    this.sortItems();
    return annotation;
  }

  update(id: string, change: { themes?: readonly string[]; note?: string | null }): boolean {
    const i = this.items.findIndex((a) => a.annotation.id === id);
    if (i < 0) return false;
    const a = this.items[i].annotation;
    const note = change.note === null ? undefined : change.note ?? a.note;
    this.items[i] = { ...this.items[i], annotation: { ...a, themes: change.themes ? [...change.themes] : a.themes, note: note || undefined } };
    return true;
  }

  /**
   * Removes an annotation and returns it with selectors for its passage in `text` as it is now, so that
   * `restore` can find the passage again even after later edits.
   */
  remove(id: string, text?: string): Annotation | undefined {
    const i = this.items.findIndex((a) => a.annotation.id === id);
    if (i < 0) return undefined;
    const [{ annotation, start, end }] = this.items.splice(i, 1);
    return text !== undefined && start !== undefined && end !== undefined ? { ...annotation, target: createTarget(text, start, end) } : annotation;
  }

  /** Puts back a removed annotation (Undo), anchored afresh in `text`: it may have changed since. */
  restore(annotation: Annotation, text: string): void {
    if (this.find(annotation.id)) return;
    const [r] = anchorAll(text, [annotation]);
    this.items.push({ annotation, status: r.status, start: r.start, end: r.end });
    this.sortItems();
  }

  /** Attaches an annotation (usually an orphan) to the passage text[start, end). */
  reattach(id: string, text: string, start: number, end: number): boolean {
    const i = this.items.findIndex((a) => a.annotation.id === id);
    if (i < 0) return false;
    const { status: _old, ...annotation } = { ...this.items[i].annotation, target: createTarget(text, start, end) };
    this.items[i] = { annotation, status: 'exact', start, end };
    this.sortItems();
    return true;
  }

  /**
   * The sidecar for `text`: every placed annotation gets fresh selectors from its current range (so an
   * edited passage is saved with its new wording); orphans keep their last known selectors.
   */
  toSidecar(text: string): Sidecar {
    const index = codePointIndex(text);
    const annotations = this.items.map(({ annotation, start, end }): Annotation => {
      if (start === undefined || end === undefined) return { ...annotation, status: 'orphan' };
      const { status: _s, ...rest } = annotation;
      return { ...rest, target: createTarget(text, start, end, index) };
    });
    return { ...this.sidecar, textHash: textHash(text), annotations };
  }

  /**
   * `sidecar` (from toSidecar) is now the file on disk: the version that a later change on disk is
   * merged against. Only after the write, so that a change merged meanwhile still sees ours as ours.
   */
  written(sidecar: Sidecar): void {
    this.sidecar = sidecar;
  }

  /**
   * The sidecar changed on disk (git pull, another window, `check --write`): it is merged by id with
   * what is here, against the version both started from (the one last read or written), the way git
   * merges sidecars: edits made on either side are kept, an annotation edited on both keeps both sides'
   * themes and notes and is marked for review, a deletion holds only where the other side did not edit.
   * Passages keep their live ranges here; what is new from disk is anchored in `text`.
   */
  replaceFrom(sidecar: Sidecar, text: string): void {
    const ours: Sidecar = { ...this.sidecar, annotations: this.items.map((a) => a.annotation) };
    const { sidecar: merged } = mergeSidecars(this.sidecar, ours, sidecar, { compareTargets: false });
    const live = new Map(this.items.map((a) => [a.annotation.id, a]));
    const fresh = merged.annotations.filter((a) => live.get(a.id)?.start === undefined);
    const placed = new Map(place({ ...sidecar, annotations: fresh }, text).map((a) => [a.annotation.id, a]));
    this.sidecar = sidecar;
    this.items = merged.annotations.map((annotation) => {
      const here = live.get(annotation.id);
      if (here?.start !== undefined) return { ...here, annotation: { ...annotation, target: here.annotation.target } };
      const found = placed.get(annotation.id);
      return found ? { ...found, annotation } : { annotation, status: 'orphan' };
    });
    this.sortItems();
  }

  private sortItems(): void {
    this.items.sort((a, b) => (a.start ?? Infinity) - (b.start ?? Infinity) || (a.annotation.id < b.annotation.id ? -1 : 1));
  }
}

/** A quote shorter than this ("to", "the Council") is in many pasted lines: only longer ones follow a paste. */
const MIN_MOVED_QUOTE = 16;

/** Whether a change lies within a context's reach of [start, end). */
function nearAny(start: number, end: number, changes: readonly ContentChange[]): boolean {
  const reach = 2 * CONTEXT_LENGTH;
  return changes.some((c) => c.rangeOffset <= end + reach && c.rangeOffset + c.rangeLength >= start - reach);
}

/** The inserted text of each change, at its offset in the text after the whole event. */
function insertedSpans(changes: readonly ContentChange[]): { at: number; text: string }[] {
  // Applied in order, a later change (at a lower offset) shifts the earlier ones' inserted text.
  const out: { at: number; text: string }[] = [];
  for (const c of changes) {
    const delta = c.text.length - c.rangeLength;
    for (const o of out) if (o.at >= c.rangeOffset + c.rangeLength) o.at += delta;
    out.push({ at: c.rangeOffset, text: c.text });
  }
  return out;
}

/** Where `quote` occurs in the inserted texts, if exactly once. */
function onlyIn(spans: readonly { at: number; text: string }[], quote: string): number | undefined {
  let found: number | undefined;
  for (const s of spans) {
    for (let i = s.text.indexOf(quote); i >= 0 && quote.length > 0; i = s.text.indexOf(quote, i + 1)) {
      if (found !== undefined) return undefined;
      found = s.at + i;
    }
  }
  return found;
}

/** Where a sidecar's annotations are in `text`: their stored positions if the text is the one they were saved with. */
function place(sidecar: Sidecar, text: string): LiveAnnotation[] {
  const items: LiveAnnotation[] = [];
  if (sidecar.textHash === textHash(text)) {
    const index = codePointIndex(text);
    // A position that does not hold its quote (a hand-edited file) is not trusted: found like the rest.
    const check: Annotation[] = [];
    for (const annotation of sidecar.annotations) {
      const start = index.toUtf16(annotation.target.start);
      const end = index.toUtf16(annotation.target.end);
      if (annotation.status === 'orphan') items.push({ annotation, status: 'orphan' });
      else if (text.slice(start, end) === annotation.target.quote) items.push({ annotation, status: 'exact', start, end });
      else check.push(annotation);
    }
    anchorAll(text, check).forEach((r, k) => items.push({ annotation: check[k], status: r.status, start: r.start, end: r.end, ...(r.candidates && { candidates: r.candidates }) }));
  } else {
    const results = anchorAll(text, sidecar.annotations);
    sidecar.annotations.forEach((annotation, k) => {
      const r = results[k];
      items.push({ annotation, status: r.status, start: r.start, end: r.end, ...(r.candidates && { candidates: r.candidates }) });
    });
  }
  return items.sort((a, b) => (a.start ?? Infinity) - (b.start ?? Infinity));
}
