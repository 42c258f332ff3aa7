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
import { passageTable, sectionColumn, speakerColumn, themesAround, type Cooccurrence, type PassageTable } from './table';
import { positiveThemes, type ThemeExpr } from './themeExpression';
import type { CodedPassage } from './types';

export type { Cooccurrence } from './table';

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

const foldedText = new WeakMap<object, string>();

function passageText(p: CodedPassage): string {
  let t = foldedText.get(p);
  if (t === undefined) foldedText.set(p, (t = foldKey(`${p.quote} ${p.note ?? ''}`)));
  return t;
}

const words = (s: string | undefined): string[] => (s ? foldKey(s).split(/\s+/).filter(Boolean) : []);

export function runQuery(passages: readonly CodedPassage[], query: PassageQuery): CodedPassage[] {
  const t = passageTable(passages);
  // Speaker, section and document filters are decided once per distinct value, not once per passage.
  const speakerOk = columnFilter(t.speakerKeys, t.speakerExample, passages, query.speakerKey === undefined ? undefined : (_p, key) => key === query.speakerKey);
  const speakerWords = speakerTest(query);
  const sectionOk = columnFilter(t.sectionKeys, t.sectionExample, passages, query.sectionKey === undefined ? undefined : (_p, key) => key === query.sectionKey);
  const sectionWords = sectionTest(query);
  const documentOk = documentFilter(t, query);
  const textWords = words(query.text);
  const expr = query.themes;
  const evaluateAt = expr && compileExpr(expr, t, query.cooccurrence ?? 'overlap', passages);
  const out: CodedPassage[] = [];
  for (let i = 0; i < t.size; i++) {
    if (speakerOk && !speakerOk[t.speaker[i]]) continue;
    if (sectionOk && !sectionOk[t.section[i]]) continue;
    if (documentOk && !documentOk[t.document[i]]) continue;
    if (sectionWords && !sectionWords(passages[i])) continue;
    if (speakerWords && !speakerWords(passages[i])) continue;
    if (evaluateAt && !evaluateAt(i)) continue;
    if (textWords.length) {
      const hay = passageText(passages[i]);
      if (!textWords.every((w) => hay.includes(w))) continue;
    }
    out.push(passages[i]);
  }
  return out;
}

/** Speaker words are matched against name, role and delegation; passages of one turn share its speaker object. */
function speakerTest(query: PassageQuery): ((p: CodedPassage) => boolean) | undefined {
  const w = words(query.speaker);
  if (!w.length) return undefined;
  const verdicts = new Map<object, boolean>();
  return (p) => {
    const s = p.speaker;
    if (!s) return false;
    let ok = verdicts.get(s);
    if (ok === undefined) {
      const hay = foldKey([s.name, s.role ?? '', s.country ?? ''].join(' '));
      ok = w.every((x) => hay.includes(x));
      verdicts.set(s, ok);
    }
    return ok;
  };
}

/** Section words are matched against the whole path; passages of one section share its path array, so once per section. */
function sectionTest(query: PassageQuery): ((p: CodedPassage) => boolean) | undefined {
  const w = words(query.section);
  if (!w.length) return undefined;
  const verdicts = new Map<readonly string[], boolean>();
  return (p) => {
    let ok = verdicts.get(p.section);
    if (ok === undefined) {
      ok = p.section.some((title) => { const hay = foldKey(title); return w.every((x) => hay.includes(x)); });
      verdicts.set(p.section, ok);
    }
    return ok;
  };
}

/** One verdict per column value, for the exact columns that a matrix cell names. */
function columnFilter(keys: readonly string[], example: Int32Array, passages: readonly CodedPassage[], test: ((p: CodedPassage, key: string) => boolean) | undefined): Uint8Array | undefined {
  if (!test) return undefined;
  const ok = new Uint8Array(keys.length);
  keys.forEach((key, c) => { ok[c] = test(passages[example[c]], key) ? 1 : 0; });
  return ok;
}

function documentFilter(t: PassageTable, query: PassageQuery): Uint8Array | undefined {
  const glob = query.document?.trim();
  if (!glob && query.documentPath === undefined) return undefined;
  const match = glob ? globMatcher(glob) : () => true;
  const ok = new Uint8Array(t.documents.length);
  t.documents.forEach((d, i) => { ok[i] = (query.documentPath === undefined || d === query.documentPath) && match(d) ? 1 : 0; });
  return ok;
}

/** The expression over theme ids, true where it holds at passage i and i carries one of its positive themes. */
function compileExpr(expr: ThemeExpr, t: PassageTable, mode: Cooccurrence, passages: readonly CodedPassage[]): (i: number) => boolean {
  const around = themesAround(passages, mode);
  const idOf = (theme: string): number => t.themeId.get(theme) ?? -1;
  const wanted = positiveThemes(expr).map(idOf);
  let current = 0;
  const holds = (id: number): boolean => {
    for (let k = around.start[current]; k < around.start[current + 1]; k++) if (around.ids[k] === id) return true;
    return false;
  };
  const compile = (e: ThemeExpr): (() => boolean) => {
    switch (e.kind) {
      case 'theme': {
        const id = idOf(e.id);
        return () => holds(id);
      }
      case 'not': {
        const inner = compile(e.item);
        return () => !inner();
      }
      case 'and': {
        const items = e.items.map(compile);
        return () => items.every((f) => f());
      }
      case 'or': {
        const items = e.items.map(compile);
        return () => items.some((f) => f());
      }
    }
  };
  const root = compile(expr);
  return (i) => {
    if (wanted.length) {
      let carries = false;
      for (let k = t.themeStart[i]; k < t.themeStart[i + 1] && !carries; k++) carries = wanted.includes(t.themeIds[k]);
      if (!carries) return false;
    }
    current = i;
    return root();
  };
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
    if (g) {
      if (g.passages.at(-1) !== p) g.passages.push(p);
    } else groups.set(key, { label, color, passages: [p] });
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

export { sectionColumn, speakerColumn };
