/**
 * Queries over coded passages: themes combined with AND / OR / NOT, speaker, section, document glob and words.
 *
 * AND is about co-occurrence, as in the qualitative-analysis suites' coding queries: a theme holds at a passage
 * when the passage carries it, or when a passage that overlaps it does (or, asked for, a passage of the same
 * speaker turn). A result is a passage that carries one of the themes the expression asks for and at which the
 * expression holds; so `technology AND sanctions` lists the passages tagged with both, and the overlapping
 * pairs where one is tagged technology and the other sanctions.
 */
import { foldKey } from '../document/text';
import { globMatcher } from './glob';
import { evaluate, positiveThemes, type ThemeExpr } from './themeExpression';
import type { CodedPassage } from './types';

/** What AND accepts besides the same passage: an overlapping passage, or any passage of the same speaker turn. */
export type Cooccurrence = 'overlap' | 'turn';

export interface PassageQuery {
  readonly themes?: ThemeExpr;
  readonly cooccurrence?: Cooccurrence;
  /** Words that the speaker's name, role or delegation must all contain. */
  readonly speaker?: string;
  /** Words that one of the section titles must all contain. */
  readonly section?: string;
  /** A glob over document paths (`reports/**`, `*.policy.txt`), or a word of the path. */
  readonly document?: string;
  /** Words that the quote or the note must all contain. */
  readonly text?: string;
  /** Exact matrix columns (what a clicked cell lists): see speakerColumn and sectionColumn. */
  readonly speakerKey?: string;
  readonly sectionKey?: string;
  readonly documentPath?: string;
}

/** The column of a passage in themes × speakers: the same person across documents, told apart by delegation. */
export function speakerColumn(p: CodedPassage): string {
  return p.speaker ? `${p.speaker.key}|${foldKey(p.speaker.country ?? '')}` : '';
}

/** The column of a passage in themes × sections: its innermost section, by title across documents. */
export function sectionColumn(p: CodedPassage): string {
  const title = p.section.at(-1);
  return title === undefined ? '' : foldKey(title);
}

export function runQuery(passages: readonly CodedPassage[], query: PassageQuery): CodedPassage[] {
  const filters = compileFilters(query);
  const expr = query.themes;
  const wanted = new Set(positiveThemes(expr));
  const context = expr ? themesAround(passages, query.cooccurrence ?? 'overlap') : undefined;
  const out: CodedPassage[] = [];
  passages.forEach((p, i) => {
    if (!filters.every((f) => f(p))) return;
    if (expr) {
      if (wanted.size && !p.themes.some((t) => wanted.has(t))) return;
      const here = context![i];
      if (!evaluate(expr, (id) => here.has(id))) return;
    }
    out.push(p);
  });
  return out;
}

function compileFilters(query: PassageQuery): ((p: CodedPassage) => boolean)[] {
  const filters: ((p: CodedPassage) => boolean)[] = [];
  const words = (s: string | undefined): string[] => (s ? foldKey(s).split(/\s+/).filter(Boolean) : []);
  const speakerWords = words(query.speaker);
  if (speakerWords.length) {
    filters.push((p) => {
      if (!p.speaker) return false;
      const hay = foldKey([p.speaker.name, p.speaker.role ?? '', p.speaker.country ?? ''].join(' '));
      return speakerWords.every((w) => hay.includes(w));
    });
  }
  const sectionWords = words(query.section);
  if (sectionWords.length) filters.push((p) => p.section.some((t) => { const hay = foldKey(t); return sectionWords.every((w) => hay.includes(w)); }));
  if (query.document?.trim()) {
    const match = globMatcher(query.document);
    filters.push((p) => match(p.document));
  }
  const textWords = words(query.text);
  if (textWords.length) filters.push((p) => { const hay = foldKey(`${p.quote} ${p.note ?? ''}`); return textWords.every((w) => hay.includes(w)); });
  if (query.speakerKey !== undefined) filters.push((p) => speakerColumn(p) === query.speakerKey);
  if (query.sectionKey !== undefined) filters.push((p) => sectionColumn(p) === query.sectionKey);
  if (query.documentPath !== undefined) filters.push((p) => p.document === query.documentPath);
  return filters;
}

const aroundCache = new WeakMap<readonly CodedPassage[], Map<Cooccurrence, ReadonlySet<string>[]>>();

/**
 * For each passage, the themes that hold at it: its own and those of the passages it co-occurs with. Passages
 * come sorted by document and start (as the index lists them); overlaps are found in one forward sweep per
 * document, since of two overlapping passages the later one starts before the earlier one ends.
 */
export function themesAround(passages: readonly CodedPassage[], mode: Cooccurrence): readonly ReadonlySet<string>[] {
  let byMode = aroundCache.get(passages);
  const cached = byMode?.get(mode);
  if (cached) return cached;
  const sets = passages.map((p) => new Set(p.themes));
  if (mode === 'turn') {
    const turns = new Map<string, number[]>();
    passages.forEach((p, i) => {
      if (p.turn === undefined) return;
      const key = `${p.document}\u0000${p.turn}`;
      const list = turns.get(key);
      if (list) list.push(i);
      else turns.set(key, [i]);
    });
    for (const members of turns.values()) {
      if (members.length < 2) continue;
      const all = new Set(members.flatMap((i) => passages[i].themes));
      for (const i of members) sets[i] = all;
    }
  } else {
    const order = passages.map((_, i) => i).sort((a, b) => cmp(passages[a].document, passages[b].document) || passages[a].start - passages[b].start);
    for (let k = 0; k < order.length; k++) {
      const p = passages[order[k]];
      for (let m = k + 1; m < order.length; m++) {
        const q = passages[order[m]];
        if (q.document !== p.document || q.start >= p.end) break;
        if (q.end <= p.start) continue;
        for (const t of q.themes) sets[order[k]].add(t);
        for (const t of p.themes) sets[order[m]].add(t);
      }
    }
  }
  if (!byMode) aroundCache.set(passages, (byMode = new Map()));
  byMode.set(mode, sets);
  return sets;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export type GroupBy = 'theme' | 'document' | 'speaker';

export interface PassageGroup {
  readonly key: string;
  readonly label: string;
  /** Theme colour, for theme groups. */
  readonly color?: string;
  readonly passages: readonly CodedPassage[];
  readonly documents: number;
}

/**
 * Results grouped for the results view. Under themes a passage appears once under each of its themes (only
 * those the query asks for, when it names some); groups follow the codebook's order, documents and speakers
 * the order of their first passage.
 */
export function groupPassages(
  passages: readonly CodedPassage[],
  by: GroupBy,
  themes: readonly { id: string; label: string; color: string }[],
  query?: PassageQuery,
): PassageGroup[] {
  const groups = new Map<string, { label: string; color?: string; passages: CodedPassage[] }>();
  const add = (key: string, label: string, p: CodedPassage, color?: string): void => {
    const g = groups.get(key);
    if (g) g.passages.push(p);
    else groups.set(key, { label, color, passages: [p] });
  };
  if (by === 'theme') {
    const wanted = new Set(positiveThemes(query?.themes));
    for (const t of themes) groups.set(t.id, { label: t.label, color: t.color, passages: [] });
    for (const p of passages) {
      for (const t of p.themes) if (!wanted.size || wanted.has(t)) add(t, t, p);
      if (!p.themes.length) add('', 'Notes without a theme', p);
    }
  } else if (by === 'document') {
    for (const p of passages) add(p.document, p.document, p);
  } else {
    for (const p of passages) add(speakerColumn(p), speakerLabel(p), p);
  }
  return [...groups].filter(([, g]) => g.passages.length).map(([key, g]) => ({
    key, label: g.label, ...(g.color && { color: g.color }), passages: g.passages, documents: new Set(g.passages.map((p) => p.document)).size,
  }));
}

/** `Mr. Nebenzia (Russian Federation)`, `Achim Steiner`, or "No speaker". */
export function speakerLabel(p: CodedPassage): string {
  const s = p.speaker;
  if (!s) return 'No speaker';
  return s.country && !s.name.includes(s.country) ? `${s.name} (${s.country})` : s.name;
}
