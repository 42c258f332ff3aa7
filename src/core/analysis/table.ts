/**
 * A columnar copy of a passage list for counting: integer ids for documents, themes, speakers and sections, and
 * typed arrays of positions. Matrices and queries over a whole folder touch every passage; reading plain numbers
 * from typed arrays keeps that within a few milliseconds for 20,000 passages, where property lookups on objects
 * of several shapes and string keys do not. Built once per list (the index hands out the same list until a
 * change) and kept in a WeakMap, so it goes with the list.
 */
import { foldKey } from '../document/text';
import type { CodedPassage } from './types';

export interface PassageTable {
  readonly size: number;
  /** Passage indexes in document order, then by start. */
  readonly order: Int32Array;
  readonly document: Int32Array;
  readonly start: Float64Array;
  readonly end: Float64Array;
  /** Theme ids of passage i: themeIds[themeStart[i] .. themeStart[i + 1]), duplicates removed. */
  readonly themeStart: Int32Array;
  readonly themeIds: Int32Array;
  readonly themes: readonly string[];
  readonly themeId: ReadonlyMap<string, number>;
  readonly documents: readonly string[];
  /** Column ids for themes × speakers and themes × sections; the key strings are what cell queries name. */
  readonly speaker: Int32Array;
  readonly speakerKeys: readonly string[];
  readonly section: Int32Array;
  readonly sectionKeys: readonly string[];
  /** A passage of each speaker and section, for their labels. */
  readonly speakerExample: Int32Array;
  readonly sectionExample: Int32Array;
}

const tables = new WeakMap<readonly CodedPassage[], PassageTable>();
const foldedColumn = new WeakMap<object, string>();

/** The column of a passage in themes × speakers: the same person across documents, told apart by delegation. */
export function speakerColumn(p: CodedPassage): string {
  const s = p.speaker;
  if (!s) return '';
  let key = foldedColumn.get(s);
  if (key === undefined) foldedColumn.set(s, (key = `${s.key}|${foldKey(s.country ?? '')}`));
  return key;
}

/** The column of a passage in themes × sections: its innermost section, by title across documents. */
export function sectionColumn(p: CodedPassage): string {
  const path = p.section;
  if (!path.length) return '';
  // Passages of one section share its path array, so the fold is done once per section.
  let key = foldedColumn.get(path);
  if (key === undefined) foldedColumn.set(path, (key = foldKey(path[path.length - 1])));
  return key;
}

export function passageTable(passages: readonly CodedPassage[]): PassageTable {
  const cached = tables.get(passages);
  if (cached) return cached;
  const table = buildTable(passages);
  tables.set(passages, table);
  return table;
}

function buildTable(passages: readonly CodedPassage[]): PassageTable {
  const n = passages.length;
  const ids = <K>(): { map: Map<K, number>; list: K[]; id(k: K): number } => {
    const map = new Map<K, number>();
    const list: K[] = [];
    return {
      map, list,
      id(k: K): number {
        let v = map.get(k);
        if (v === undefined) {
          v = list.length;
          map.set(k, v);
          list.push(k);
        }
        return v;
      },
    };
  };
  const docs = ids<string>();
  const themes = ids<string>();
  const speakers = ids<string>();
  const sections = ids<string>();
  const document = new Int32Array(n);
  const start = new Float64Array(n);
  const end = new Float64Array(n);
  const speaker = new Int32Array(n);
  const section = new Int32Array(n);
  const themeStart = new Int32Array(n + 1);
  const themeList: number[] = [];
  const speakerExample: number[] = [];
  const sectionExample: number[] = [];
  let sorted = true;
  for (let i = 0; i < n; i++) {
    const p = passages[i];
    document[i] = docs.id(p.document);
    start[i] = p.start;
    end[i] = p.end;
    const sp = speakers.id(speakerColumn(p));
    if (sp === speakerExample.length) speakerExample.push(i);
    speaker[i] = sp;
    const se = sections.id(sectionColumn(p));
    if (se === sectionExample.length) sectionExample.push(i);
    section[i] = se;
    themeStart[i] = themeList.length;
    for (const t of p.themes) {
      const id = themes.id(t);
      let seen = false;
      for (let k = themeStart[i]; k < themeList.length; k++) if (themeList[k] === id) seen = true;
      if (!seen) themeList.push(id);
    }
    if (i > 0) {
      if (document[i] !== document[i - 1]) sorted &&= docs.list[document[i - 1]] < docs.list[document[i]];
      else sorted &&= start[i - 1] <= start[i];
    }
  }
  themeStart[n] = themeList.length;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  if (!sorted) {
    // Document ids in path order, so that the sort compares integers.
    const rank = new Int32Array(docs.list.length);
    docs.list.map((d, i) => [d, i] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).forEach(([, i], r) => { rank[i] = r; });
    order.sort((a, b) => rank[document[a]] - rank[document[b]] || start[a] - start[b]);
  }
  const table: PassageTable = {
    size: n, order, document, start, end, themeStart, themeIds: Int32Array.from(themeList), themes: themes.list, themeId: themes.map,
    documents: docs.list, speaker, speakerKeys: speakers.list, section, sectionKeys: sections.list,
    speakerExample: Int32Array.from(speakerExample), sectionExample: Int32Array.from(sectionExample),
  };
  tables.set(passages, table);
  return table;
}

/**
 * The columns of one document's passages, with ids local to it. The index keeps one per document, so that the
 * folder's table after a change is a merge (a few map lookups per distinct value, copies per passage) rather
 * than a pass over every passage's strings.
 */
export interface TablePart {
  readonly table: PassageTable;
}

export function tablePart(passages: readonly CodedPassage[]): TablePart {
  return { table: buildTable(passages) };
}

/**
 * The table of a folder's passage list made of its documents' parts, in the order the list holds them, and
 * remembered for that list: queries and matrices on it then start warm.
 */
export function mergeTables(passages: readonly CodedPassage[], parts: readonly TablePart[]): PassageTable {
  const n = passages.length;
  const documents: string[] = [];
  const themes = new Map<string, number>();
  const themeList: string[] = [];
  const speakers = new Map<string, number>();
  const speakerKeys: string[] = [];
  const sections = new Map<string, number>();
  const sectionKeys: string[] = [];
  const speakerExample: number[] = [];
  const sectionExample: number[] = [];
  const document = new Int32Array(n);
  const start = new Float64Array(n);
  const end = new Float64Array(n);
  const speaker = new Int32Array(n);
  const section = new Int32Array(n);
  const themeStart = new Int32Array(n + 1);
  let themeCount = 0;
  for (const { table } of parts) themeCount += table.themeIds.length;
  const themeIds = new Int32Array(themeCount);
  const global = (map: Map<string, number>, list: string[], key: string): number => {
    let v = map.get(key);
    if (v === undefined) {
      v = list.length;
      map.set(key, v);
      list.push(key);
    }
    return v;
  };
  let at = 0;
  let t = 0;
  for (const { table: part } of parts) {
    if (!part.size) continue;
    const d = documents.length;
    documents.push(part.documents[0]);
    const themeMap = part.themes.map((id) => global(themes, themeList, id));
    const speakerMap = part.speakerKeys.map((key, local) => {
      const before = speakerKeys.length;
      const g = global(speakers, speakerKeys, key);
      if (g === before) speakerExample.push(at + part.speakerExample[local]);
      return g;
    });
    const sectionMap = part.sectionKeys.map((key, local) => {
      const before = sectionKeys.length;
      const g = global(sections, sectionKeys, key);
      if (g === before) sectionExample.push(at + part.sectionExample[local]);
      return g;
    });
    for (let i = 0; i < part.size; i++) {
      const k = at + i;
      document[k] = d;
      start[k] = part.start[i];
      end[k] = part.end[i];
      speaker[k] = speakerMap[part.speaker[i]];
      section[k] = sectionMap[part.section[i]];
      themeStart[k] = t;
      for (let a = part.themeStart[i]; a < part.themeStart[i + 1]; a++) themeIds[t++] = themeMap[part.themeIds[a]];
    }
    at += part.size;
  }
  if (at !== n) return passageTable(passages); // the parts do not make up the list: build it plainly
  themeStart[n] = t;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const table: PassageTable = {
    size: n, order, document, start, end, themeStart, themeIds, themes: themeList, themeId: themes,
    documents, speaker, speakerKeys, section, sectionKeys,
    speakerExample: Int32Array.from(speakerExample), sectionExample: Int32Array.from(sectionExample),
  };
  tables.set(passages, table);
  return table;
}

export type Cooccurrence = 'overlap' | 'turn';

const aroundCache = new WeakMap<PassageTable, Map<Cooccurrence, { start: Int32Array; ids: Int32Array }>>();

/**
 * For each passage, the theme ids that hold at it: its own, then those of the passages it co-occurs with (that
 * overlap it, or share its speaker turn), as ranges of one array. Overlaps are found in one forward sweep in
 * document order, since of two overlapping passages the later one starts before the earlier one ends.
 */
export function themesAround(passages: readonly CodedPassage[], mode: Cooccurrence): { start: Int32Array; ids: Int32Array } {
  const t = passageTable(passages);
  let byMode = aroundCache.get(t);
  const cached = byMode?.get(mode);
  if (cached) return cached;
  const n = t.size;
  const extra: (number[] | undefined)[] = new Array(n);
  const join = (i: number, j: number): void => {
    let list = extra[i];
    for (let k = t.themeStart[j]; k < t.themeStart[j + 1]; k++) {
      const id = t.themeIds[k];
      if (has(t, i, id) || list?.includes(id)) continue;
      (list ??= []).push(id);
    }
    extra[i] = list;
  };
  if (mode === 'turn') {
    const turns = new Map<string, number[]>();
    passages.forEach((p, i) => {
      if (p.turn === undefined) return;
      const key = `${t.document[i]}:${p.turn}`;
      const list = turns.get(key);
      if (list) list.push(i);
      else turns.set(key, [i]);
    });
    for (const members of turns.values()) {
      if (members.length < 2) continue;
      for (const i of members) for (const j of members) if (i !== j) join(i, j);
    }
  } else {
    const order = t.order;
    for (let k = 0; k < n; k++) {
      const i = order[k];
      for (let m = k + 1; m < n; m++) {
        const j = order[m];
        if (t.document[j] !== t.document[i] || t.start[j] >= t.end[i]) break;
        if (t.end[j] <= t.start[i]) continue;
        join(i, j);
        join(j, i);
      }
    }
  }
  const start = new Int32Array(n + 1);
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    start[i] = ids.length;
    for (let k = t.themeStart[i]; k < t.themeStart[i + 1]; k++) ids.push(t.themeIds[k]);
    const e = extra[i];
    if (e) for (const id of e) ids.push(id);
  }
  start[n] = ids.length;
  const result = { start, ids: Int32Array.from(ids) };
  if (!byMode) aroundCache.set(t, (byMode = new Map()));
  byMode.set(mode, result);
  return result;
}

/** Whether passage i carries theme id. */
export function has(t: PassageTable, i: number, id: number): boolean {
  for (let k = t.themeStart[i]; k < t.themeStart[i + 1]; k++) if (t.themeIds[k] === id) return true;
  return false;
}
