/**
 * One document's annotations as coded passages: each placed in the section and the speaker turn where it
 * starts, as the document model finds them in the current text.
 *
 * A sidecar whose positions no longer hold in the text is re-anchored here, in memory: analysis reads a folder
 * as it is on disk (after a git pull, say) and must neither write sidecars nor count a passage at a place that
 * no longer holds it. What cannot be found becomes an orphan, listed apart and never placed.
 */
import { codePointIndex, reanchorSidecar, textHash, type Annotation, type CodePointIndex, type Sidecar } from '../annotations';
import { turnName, type PolicyDocument, type Section, type SpeakerTurn } from '../document';
import { foldKey } from '../document/text';
import { documentStructure, type DocumentStructure } from './structure';
import type { CodedPassage, PassageSpeaker } from './types';

export interface DocumentPassages {
  /** Found passages, in text order. */
  readonly passages: CodedPassage[];
  /** Annotations that could not be found in the current text (or were already orphans), in sidecar order. */
  readonly orphans: CodedPassage[];
}

/** An annotation where it is in the current text (UTF-16 offsets), as an open editor tracks it; no range for an orphan. */
export interface PlacedAnnotation {
  readonly annotation: Annotation;
  readonly start?: number;
  readonly end?: number;
}

/**
 * The coded passages of one document. `documentPath` is stored as given (the index passes the path relative
 * to the workspace folder); `doc` saves a parse the caller already has of the same `text`.
 */
export function codedPassages(documentPath: string, text: string, sidecar: Sidecar, doc?: PolicyDocument | DocumentStructure): DocumentPassages {
  const cps = codePointIndex(text);
  return placedPassages(documentPath, text, locate(text, sidecar, cps), doc, cps);
}

/** Coded passages from annotations already placed in `text` (an open document's live ranges). */
export function placedPassages(
  documentPath: string,
  text: string,
  annotations: readonly PlacedAnnotation[],
  doc: PolicyDocument | DocumentStructure = documentStructure(text),
  cps: CodePointIndex = codePointIndex(text),
): DocumentPassages {
  const place = placer(doc);
  const passages: CodedPassage[] = [];
  const orphans: CodedPassage[] = [];
  for (const { annotation: a, start, end } of annotations) {
    const found = start !== undefined && end !== undefined && a.status !== 'orphan';
    const at = found ? start : Math.min(cps.toUtf16(a.target.start), text.length);
    const where = found ? place(at) : undefined;
    // Every passage has the same keys in the same order: a folder's worth of them is read in tight loops
    // (matrices, queries), and objects of one shape read fastest.
    const passage: CodedPassage = {
      document: documentPath,
      id: a.id,
      // An orphan's line is where its last known start falls in today's text: a hint, not a placement.
      line: doc.lineOf(at) + 1,
      start: found ? cps.toCodePoint(start) : a.target.start,
      end: found ? cps.toCodePoint(end) : a.target.end,
      quote: found ? text.slice(start, end) : a.target.quote,
      themes: a.themes,
      note: a.note,
      created: a.created,
      section: where?.section ?? NO_SECTION,
      speaker: where?.speaker ?? null,
      turn: where?.turn,
      orphan: !found,
      annotation: a,
    };
    (found ? passages : orphans).push(passage);
  }
  passages.sort((x, y) => x.start - y.start || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return { passages, orphans };
}

/**
 * Where each annotation is in `text`. Hashing every document of a large folder costs more than looking: when
 * each selector (quote and both context sides) still stands at its stored position, that is the place the
 * anchoring engine's exact pass would give too. Otherwise the whole sidecar is re-anchored, like a sidecar
 * whose text hash differs.
 */
function locate(text: string, sidecar: Sidecar, cps: CodePointIndex): PlacedAnnotation[] {
  const exact = sidecar.annotations.map((a): PlacedAnnotation | undefined => {
    if (a.status === 'orphan') return { annotation: a };
    const start = cps.toUtf16(a.target.start);
    const end = cps.toUtf16(a.target.end);
    const t = a.target;
    const holds = text.startsWith(t.quote, start) && end - start === t.quote.length
      && text.startsWith(t.prefix, start - t.prefix.length) && text.startsWith(t.suffix, end)
      && (start - t.prefix.length === 0 || t.prefix.length >= CONTEXT_KEPT) && (end + t.suffix.length === text.length || t.suffix.length >= CONTEXT_KEPT);
    return holds ? { annotation: a, start, end } : undefined;
  });
  if (exact.every((p) => p !== undefined)) return exact as PlacedAnnotation[];
  if (sidecar.textHash === textHash(text)) {
    // The text the positions refer to, with selectors written by hand or by another tool: trust the positions.
    return sidecar.annotations.map((a) => (a.status === 'orphan' ? { annotation: a } : { annotation: a, start: cps.toUtf16(a.target.start), end: cps.toUtf16(a.target.end) }));
  }
  const { sidecar: reanchored } = reanchorSidecar(text, sidecar);
  return reanchored.annotations.map((a) => (a.status === 'orphan' ? { annotation: a } : { annotation: a, start: cps.toUtf16(a.target.start), end: cps.toUtf16(a.target.end) }));
}

/**
 * A stored context shorter than this, away from the text's edges, was cut by someone: not the selectors Policy
 * Lens writes (32 code points), so the exact check proves less and the hash decides.
 */
const CONTEXT_KEPT = 16;

const NO_SECTION: readonly string[] = [];

interface Placement {
  readonly section: readonly string[];
  readonly speaker: PassageSpeaker | null;
  readonly turn?: number;
}

interface SectionNode {
  readonly section: Section;
  readonly parent: SectionNode | undefined;
  /** Titles from the outermost section down to this one. */
  readonly path: readonly string[];
}

/**
 * Where an offset lies. Sections nest by level (a section ends at the next one of the same or a higher level),
 * so each one's path is known once; a lookup is a binary search and a short walk up to the first ancestor
 * that still contains the offset.
 */
function placer(doc: PolicyDocument | DocumentStructure): (offset: number) => Placement {
  const nodes: SectionNode[] = [];
  const stack: SectionNode[] = [];
  for (const section of doc.sections) {
    while (stack.length && (stack.at(-1)!.section.level >= section.level || stack.at(-1)!.section.end <= section.range.start)) stack.pop();
    const parent = stack.at(-1);
    const node: SectionNode = { section, parent, path: [...(parent?.path ?? []), section.title] };
    nodes.push(node);
    stack.push(node);
  }
  const turns = doc.speakers;
  const speakers = new Map<number, PassageSpeaker>();
  return (offset) => {
    let node: SectionNode | undefined = nodes[lastAtOrBefore(nodes, offset, (n) => n.section.range.start)];
    while (node && node.section.end <= offset) node = node.parent;
    const t = lastAtOrBefore(turns, offset, (turn) => turn.range.start);
    const section = node?.path ?? NO_SECTION;
    if (t < 0 || offset >= turns[t].end) return { section, speaker: null };
    let speaker = speakers.get(t);
    if (!speaker) speakers.set(t, (speaker = passageSpeaker(turns[t])));
    return { section, speaker, turn: t };
  };
}

/** Index of the last item whose key is at or before `offset` (items sorted by key), or -1. */
function lastAtOrBefore<T>(items: readonly T[], offset: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid]) <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** The person as the document model resolved them: a later `Mr. STEINER` is the Achim Steiner introduced earlier. */
export function passageSpeaker(turn: SpeakerTurn): PassageSpeaker {
  const name = turn.person?.name ?? turnName(turn);
  return {
    name: name.replace(/[\u2010\u2011]/g, '-').replace(/\s+/g, ' ').trim(),
    role: turn.role ?? turn.person?.role ?? null,
    country: turn.country ?? turn.person?.country ?? null,
    key: turn.person?.key ?? foldKey(name),
  };
}
