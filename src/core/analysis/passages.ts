/**
 * One document's annotations as coded passages: each placed in the section and the speaker turn where it
 * starts, as the document model finds them in the current text.
 *
 * A sidecar whose `textHash` is not the text's own is re-anchored here, in memory: analysis reads a folder as
 * it is on disk (after a git pull, say) and must neither write sidecars nor count a passage at a place that no
 * longer holds it. What cannot be found becomes an orphan, listed apart and never placed.
 */
import { codePointIndex, reanchorSidecar, textHash, type Annotation, type Sidecar } from '../annotations';
import { parsePolicyDocument, type PolicyDocument, type Section, type SpeakerTurn } from '../document';
import { foldKey } from '../document/text';
import type { CodedPassage, PassageSpeaker } from './types';

export interface DocumentPassages {
  /** Found passages, in text order. */
  readonly passages: CodedPassage[];
  /** Annotations that could not be found in the current text (or were already orphans), in sidecar order. */
  readonly orphans: CodedPassage[];
}

/**
 * The coded passages of one document. `documentPath` is stored as given (the index passes the path relative
 * to the workspace folder); `doc` saves a parse the caller already has of the same `text`.
 */
export function codedPassages(documentPath: string, text: string, sidecar: Sidecar, doc?: PolicyDocument): DocumentPassages {
  const current = sidecar.textHash === textHash(text) ? sidecar : reanchorSidecar(text, sidecar).sidecar;
  const model = doc ?? parsePolicyDocument(text);
  const cps = codePointIndex(text);
  const place = placer(model);
  const passages: CodedPassage[] = [];
  const orphans: CodedPassage[] = [];
  for (const a of current.annotations) {
    const start = cps.toUtf16(a.target.start);
    const base = {
      document: documentPath,
      id: a.id,
      // An orphan's line is where its last known start falls in today's text: a hint, not a placement.
      line: model.lineOf(Math.min(start, text.length)) + 1,
      start: a.target.start,
      end: a.target.end,
      quote: a.target.quote,
      themes: a.themes,
      ...(a.note !== undefined && { note: a.note }),
      ...(a.created !== undefined && { created: a.created }),
      annotation: a,
    };
    if (isOrphan(a)) orphans.push({ ...base, section: [], speaker: null, orphan: true });
    else passages.push({ ...base, ...place(start), orphan: false });
  }
  passages.sort((x, y) => x.start - y.start || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return { passages, orphans };
}

function isOrphan(a: Annotation): boolean {
  return a.status === 'orphan';
}

interface Placement {
  readonly section: readonly string[];
  readonly speaker: PassageSpeaker | null;
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
function placer(doc: PolicyDocument): (offset: number) => Placement {
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
  const speakers = turns.map(passageSpeaker);
  return (offset) => {
    let node: SectionNode | undefined = nodes[lastAtOrBefore(nodes, offset, (n) => n.section.range.start)];
    while (node && node.section.end <= offset) node = node.parent;
    const t = lastAtOrBefore(turns, offset, (turn) => turn.range.start);
    const speaker = t >= 0 && offset < turns[t].end ? speakers[t] : null;
    return { section: node?.path ?? [], speaker };
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
  const name = turn.person?.name ?? turn.name ?? turn.surface;
  return {
    name: name.replace(/[\u2010\u2011]/g, '-').replace(/\s+/g, ' ').trim(),
    role: turn.role ?? turn.person?.role ?? null,
    country: turn.country ?? turn.person?.country ?? null,
    key: turn.person?.key ?? foldKey(name),
  };
}
