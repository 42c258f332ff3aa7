/**
 * The annotations of one open document: where each one is in the current text (UTF-16 offsets), kept up
 * to date through edits, and turned back into a sidecar on demand. The extension owns one per open
 * document; everything here is pure so that the edit/anchor/save cycle is tested without VS Code.
 */
import { anchorAll, type AnchorStatus } from './anchor';
import { codePointIndex } from './codePoints';
import { newAnnotationId } from './ids';
import { mapThroughEdits, type ContentChange } from './liveEdits';
import type { Annotation, Sidecar } from './model';
import { createTarget } from './selectors';
import { textHash } from './sha256';

export interface LiveAnnotation {
  readonly annotation: Annotation;
  /** How it was found when the sidecar was read (or 'exact' once placed by the user). */
  readonly status: AnchorStatus;
  /** UTF-16 offsets into the current text; absent for orphans. */
  readonly start?: number;
  readonly end?: number;
}

export class LiveSession {
  private items: LiveAnnotation[] = [];

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
   * Follows one editor change event. A passage whose text was replaced as a whole is looked for again
   * from its selectors (it may have been moved by cut and paste); if it is not found it becomes an
   * orphan rather than sticking to the replacement text. Returns whether anything moved.
   */
  applyEdits(changes: readonly ContentChange[], text: () => string): boolean {
    const placed = this.items.map((a, i) => ({ a, i })).filter(({ a }) => a.start !== undefined);
    if (!placed.length || !changes.length) return false;
    const mapped = mapThroughEdits(placed.map(({ a }) => ({ start: a.start!, end: a.end! })), changes);
    const lost: number[] = [];
    placed.forEach(({ a, i }, k) => {
      const m = mapped[k];
      if (m.collapsed) lost.push(i);
      else this.items[i] = { ...a, start: m.start, end: m.end };
    });
    if (lost.length) {
      const current = text();
      const results = anchorAll(current, lost.map((i) => this.items[i].annotation));
      lost.forEach((i, k) => {
        const r = results[k];
        this.items[i] = { annotation: this.items[i].annotation, status: r.status, start: r.start, end: r.end };
      });
      // A passage found again elsewhere (cut and paste) changes the order that navigation relies on.
      this.sortItems();
    }
    return true;
  }

  /** Looks for the orphans in `text` again; returns whether any was found. */
  reanchorOrphans(text: string): boolean {
    const lost = this.items.map((a, i) => ({ a, i })).filter(({ a }) => a.start === undefined);
    if (!lost.length) return false;
    const results = anchorAll(text, lost.map(({ a }) => a.annotation));
    let found = false;
    lost.forEach(({ a, i }, k) => {
      const r = results[k];
      if (r.status === 'orphan') return;
      found = true;
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
    this.sidecar = { ...this.sidecar, textHash: textHash(text), annotations };
    return this.sidecar;
  }

  /**
   * The sidecar changed on disk (git pull, another editor): its annotations replace ours id by id and are
   * anchored in the current text. Changes made here and not written yet win: annotations in `local.changed`
   * (added or edited here) keep our version, and those in `local.removed` stay removed.
   */
  replaceFrom(sidecar: Sidecar, text: string, local: { changed: ReadonlySet<string>; removed: ReadonlySet<string> } = { changed: new Set(), removed: new Set() }): void {
    const ours = new Map(this.items.map((a) => [a.annotation.id, a]));
    const incoming = place({ ...sidecar, annotations: sidecar.annotations.filter((a) => !local.removed.has(a.id) && !(local.changed.has(a.id) && ours.has(a.id))) }, text);
    const ids = new Set(incoming.map((a) => a.annotation.id));
    const kept = this.items.filter((a) => !ids.has(a.annotation.id) && local.changed.has(a.annotation.id));
    this.sidecar = sidecar;
    this.items = [...incoming, ...kept];
    this.sortItems();
  }

  private sortItems(): void {
    this.items.sort((a, b) => (a.start ?? Infinity) - (b.start ?? Infinity) || (a.annotation.id < b.annotation.id ? -1 : 1));
  }
}

/** Where a sidecar's annotations are in `text`: their stored positions if the text is the one they were saved with. */
function place(sidecar: Sidecar, text: string): LiveAnnotation[] {
  const items: LiveAnnotation[] = [];
  if (sidecar.textHash === textHash(text)) {
    const index = codePointIndex(text);
    for (const annotation of sidecar.annotations) {
      if (annotation.status === 'orphan') items.push({ annotation, status: 'orphan' });
      else items.push({ annotation, status: 'exact', start: index.toUtf16(annotation.target.start), end: index.toUtf16(annotation.target.end) });
    }
  } else {
    const results = anchorAll(text, sidecar.annotations);
    sidecar.annotations.forEach((annotation, k) => {
      const r = results[k];
      items.push({ annotation, status: r.status, start: r.start, end: r.end });
    });
  }
  return items.sort((a, b) => (a.start ?? Infinity) - (b.start ?? Infinity));
}
