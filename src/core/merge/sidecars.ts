/**
 * Merging sidecars by annotation id, for git (the merge driver, and files git left with conflict
 * markers): both sides' new annotations are kept; an annotation edited on one side takes that edit; one
 * edited on both keeps both sides' themes and notes and is marked for review; a deletion is honoured
 * only when the other side did not edit the annotation. The result is re-anchored against the merged
 * document text when there is one, since each side's positions refer to its own text.
 */
import {
  emptySidecar,
  parseSidecar,
  reanchorSidecar,
  serializeSidecar,
  type Annotation,
  type Sidecar,
  type SourceError,
} from '../annotations';
import { conflictSides } from '../annotations/conflicts';
import { newAnnotationId } from '../annotations/ids';
import { mergeCodebookTexts } from './codebooks';

export interface MergeReport {
  /** Annotations in the result. */
  readonly total: number;
  /** New on each side (not in the common ancestor). */
  readonly addedOurs: number;
  readonly addedTheirs: number;
  /** Edited on both sides: kept with both sides' themes and notes, marked for review. */
  readonly bothEdited: readonly string[];
  /** Deleted on one side and left alone on the other: gone. */
  readonly deleted: readonly string[];
  /** Deleted on one side but edited on the other: kept, marked for review. */
  readonly keptEdited: readonly string[];
  /** The same id made for different passages on both sides: theirs got a new id. */
  readonly renamed: readonly { from: string; to: string }[];
  /** Re-anchored against the merged document text. */
  readonly reanchored: boolean;
}

export type MergeResult =
  | { readonly ok: true; readonly text: string; readonly sidecar: Sidecar; readonly report: MergeReport }
  | { readonly ok: false; readonly side: 'base' | 'ours' | 'theirs' | 'file'; readonly error: SourceError };

export interface MergeOptions {
  /** The merged document's text: positions are found again in it. */
  readonly text?: string;
  /** The document's file name, for a sidecar that none of the sides holds. */
  readonly documentName?: string;
}

/**
 * A hash that no text has: the merged positions come from two different texts, so whoever reads the
 * file next (the extension, `check`) finds every passage again by quote and context.
 */
export const UNKNOWN_TEXT_HASH = `sha256:${'0'.repeat(64)}`;

export const REVIEW_BOTH = 'merged: both branches edited this annotation; the themes and notes of both are kept';
export const REVIEW_DELETED = 'merged: one branch deleted this annotation and the other edited it; it is kept';

export function mergeSidecarTexts(base: string | undefined, ours: string, theirs: string, opts: MergeOptions = {}): MergeResult {
  const parse = (source: string, side: 'base' | 'ours' | 'theirs') => {
    const p = parseSidecar(source);
    return p.ok ? p : { ok: false as const, side, error: p.error };
  };
  // An empty side is a sidecar that did not exist on that branch.
  const b = base === undefined || base.trim() === '' ? undefined : parse(base, 'base');
  if (b && !b.ok) return b;
  const o = ours.trim() === '' ? undefined : parse(ours, 'ours');
  if (o && !o.ok) return o;
  const t = theirs.trim() === '' ? undefined : parse(theirs, 'theirs');
  if (t && !t.ok) return t;
  const name = o?.sidecar.document ?? t?.sidecar.document ?? opts.documentName ?? '';
  const { sidecar, report } = mergeSidecars(b?.sidecar, o?.sidecar ?? emptySidecar(name, UNKNOWN_TEXT_HASH), t?.sidecar ?? emptySidecar(name, UNKNOWN_TEXT_HASH));
  let merged = sidecar;
  let reanchored = false;
  if (opts.text !== undefined) {
    merged = reanchorSidecar(opts.text, sidecar).sidecar;
    reanchored = true;
  } else {
    // Without the document, positions stay as each side had them, and the hash says none of them holds.
    const hashes = new Set([o?.sidecar.textHash, t?.sidecar.textHash].filter((h) => h !== undefined));
    merged = { ...sidecar, textHash: hashes.size === 1 ? [...hashes][0]! : UNKNOWN_TEXT_HASH };
  }
  return { ok: true, text: serializeSidecar(merged, o ?? t), sidecar: merged, report: { ...report, total: merged.annotations.length, reanchored } };
}

/** A file with conflict markers, merged by id from its sides (sidecar or codebook, by its content). */
export function resolveConflictedText(source: string, opts: MergeOptions = {}): MergeResult | { ok: true; text: string; codebook: true } {
  const sides = conflictSides(source);
  if (!sides) return { ok: false, side: 'file', error: { message: 'the conflict markers do not pair up (<<<<<<<, =======, >>>>>>>)', line: 1, column: 1 } };
  if (/^policyLensCodebook:/m.test(sides.ours) || /^policyLensCodebook:/m.test(sides.theirs)) {
    const r = mergeCodebookTexts(sides.base, sides.ours, sides.theirs);
    return r.ok ? { ok: true, text: r.text, codebook: true } : { ok: false, side: r.side, error: r.error };
  }
  return mergeSidecarTexts(sides.base, sides.ours, sides.theirs, opts);
}

/**
 * With `compareTargets: false`, an annotation whose themes, note and status are unchanged counts as
 * unchanged even where its target differs: a live session's selectors follow the editor, not the file.
 */
export function mergeSidecars(base: Sidecar | undefined, ours: Sidecar, theirs: Sidecar, opts: { compareTargets?: boolean } = {}): { sidecar: Sidecar; report: Omit<MergeReport, 'total' | 'reanchored'> } {
  const same = (a: Annotation, b: Annotation) => sameContent(a, b) && (opts.compareTargets === false || sameTarget(a, b));
  const baseById = new Map(base?.annotations.map((a) => [a.id, a]));
  const oursById = new Map(ours.annotations.map((a) => [a.id, a]));
  const theirsById = new Map(theirs.annotations.map((a) => [a.id, a]));
  const out: Annotation[] = [];
  const bothEdited: string[] = [];
  const deleted: string[] = [];
  const keptEdited: string[] = [];
  const renamed: { from: string; to: string }[] = [];
  let addedOurs = 0;
  let addedTheirs = 0;
  const taken = new Set([...oursById.keys(), ...theirsById.keys(), ...baseById.keys()]);
  for (const a of ours.annotations) {
    const was = baseById.get(a.id);
    const other = theirsById.get(a.id);
    if (!was) {
      addedOurs++;
      if (other && !samePassage(a, other)) {
        // Two new annotations that happen to share an id: both are kept, theirs under a new one.
        const id = newAnnotationId(taken);
        taken.add(id);
        renamed.push({ from: a.id, to: id });
        out.push(a, { ...other, id });
        addedTheirs++;
        theirsById.delete(a.id);
        continue;
      }
      if (other) {
        theirsById.delete(a.id);
        const c = combine(undefined, a, other);
        out.push(c);
        if (c.review) bothEdited.push(a.id);
        continue;
      }
      out.push(a);
      continue;
    }
    if (!other) {
      // Deleted on their side: honoured unless we edited it.
      if (same(a, was)) deleted.push(a.id);
      else {
        out.push({ ...a, review: REVIEW_DELETED });
        keptEdited.push(a.id);
      }
      continue;
    }
    theirsById.delete(a.id);
    if (same(a, other) || same(other, was)) out.push(a);
    else if (same(a, was)) out.push(other);
    else {
      const c = combine(was, a, other);
      out.push(c);
      if (c.review) bothEdited.push(a.id);
    }
  }
  for (const a of theirsById.values()) {
    const was = baseById.get(a.id);
    if (!was) {
      out.push(a);
      addedTheirs++;
    } else if (same(a, was)) deleted.push(a.id);
    else {
      out.push({ ...a, review: REVIEW_DELETED });
      keptEdited.push(a.id);
    }
  }
  return {
    sidecar: { ...ours, version: Math.max(ours.version, theirs.version), annotations: out },
    report: { addedOurs, addedTheirs, bothEdited, deleted, keptEdited, renamed },
  };
}

/**
 * One annotation edited on both sides, field by field: what only one side changed is taken from it;
 * themes changed on both are united (ours first), notes changed on both are both kept, and then the
 * annotation is marked for review. The target is ours, to be re-anchored.
 */
function combine(base: Annotation | undefined, ours: Annotation, theirs: Annotation): Annotation {
  const pick = <T>(b: T | undefined, o: T, t: T, eq: (x: T, y: T) => boolean): { value: T; both: boolean } => {
    if (eq(o, t)) return { value: o, both: false };
    if (base !== undefined && eq(o, b as T)) return { value: t, both: false };
    if (base !== undefined && eq(t, b as T)) return { value: o, both: false };
    return { value: o, both: true };
  };
  const sameList = (x: readonly string[], y: readonly string[]) => x.join('\n') === y.join('\n');
  const themes = pick(base?.themes, ours.themes, theirs.themes, sameList);
  const note = pick(base?.note, ours.note, theirs.note, (x, y) => x === y);
  const created = pick(base?.created, ours.created, theirs.created, (x, y) => x === y);
  const status = pick(base?.status, ours.status, theirs.status, (x, y) => x === y);
  const both = themes.both || note.both;
  const mergedThemes = themes.both ? [...ours.themes, ...theirs.themes.filter((t) => !ours.themes.includes(t))] : [...themes.value];
  const notes = [ours.note, theirs.note].filter((n): n is string => !!n);
  const mergedNote = note.both ? (notes.length === 2 ? `${notes[0]}\n\n${notes[1]}` : notes[0]) : note.value;
  const { note: _n, created: _c, status: _s, review: _r, ...rest } = ours;
  return {
    ...rest,
    themes: mergedThemes,
    ...(mergedNote !== undefined && { note: mergedNote }),
    ...(created.value !== undefined && { created: created.value }),
    ...(status.value !== undefined && { status: status.value }),
    ...(both ? { review: REVIEW_BOTH } : ours.review !== undefined ? { review: ours.review } : {}),
  };
}

function sameContent(a: Annotation, b: Annotation): boolean {
  return (
    a.note === b.note &&
    a.status === b.status &&
    a.review === b.review &&
    a.created === b.created &&
    a.themes.join('\n') === b.themes.join('\n')
  );
}

function sameTarget(a: Annotation, b: Annotation): boolean {
  return (
    a.target.quote === b.target.quote &&
    a.target.prefix === b.target.prefix &&
    a.target.suffix === b.target.suffix &&
    a.target.start === b.target.start &&
    a.target.end === b.target.end
  );
}

/** Whether two annotations with one id are about one passage: the same quote. */
function samePassage(a: Annotation, b: Annotation): boolean {
  return a.target.quote === b.target.quote;
}
