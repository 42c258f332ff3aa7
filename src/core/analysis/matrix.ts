/**
 * Matrices of themes: rows are the themes (the codebook's, then uncategorised ids), columns speakers, sections,
 * documents or themes again (co-occurrence). A cell counts exactly the passages that `cellQuery` lists, so that
 * clicking it and running its query agree: their number, their documents, or the characters they code (a
 * character coded twice with one theme counts once).
 *
 * Passages are visited in document and text order, so every count is kept with a marker per cell (the last
 * passage, the last document, the open coded stretch) in flat typed arrays: 50 themes × 1,000 documents is
 * 50,000 cells, and none of them needs a list or a set.
 */
import type { IndexTheme } from './workspaceIndex';
import { speakerLabel, type PassageQuery } from './query';
import { passageTable, themesAround, type Cooccurrence } from './table';
import type { CodedPassage } from './types';

export type MatrixBy = 'speaker' | 'section' | 'document' | 'theme';
export type MatrixCount = 'passages' | 'documents' | 'chars';

export interface MatrixOptions {
  readonly by: MatrixBy;
  readonly count?: MatrixCount;
  /** For themes × themes: what counts as coming up together besides one passage carrying both. */
  readonly cooccurrence?: Cooccurrence;
}

export interface MatrixColumn {
  /** The exact value a cell's query selects (speakerKey, sectionKey, documentPath or a theme id); '' for "none". */
  readonly key: string;
  readonly label: string;
  /** Role or full section path, for a tooltip. */
  readonly detail?: string;
}

export interface Matrix {
  readonly by: MatrixBy;
  readonly count: MatrixCount;
  readonly cooccurrence: Cooccurrence;
  readonly rows: readonly IndexTheme[];
  readonly columns: readonly MatrixColumn[];
  /** counts[row][column] */
  readonly counts: readonly (readonly number[])[];
  /** Over the distinct passages of a row or column: a passage in two cells of a row counts once in its total. */
  readonly rowTotals: readonly number[];
  readonly columnTotals: readonly number[];
  readonly total: number;
}

/** One count kept incrementally over passages that arrive in document and text order. */
class Tally {
  readonly value: Float64Array;
  private readonly lastPassage: Int32Array;
  private readonly lastDocument: Int32Array;
  private readonly openStart: Float64Array;
  private readonly openEnd: Float64Array;

  constructor(size: number, private readonly count: MatrixCount) {
    this.value = new Float64Array(size);
    this.lastPassage = new Int32Array(size).fill(-1);
    this.lastDocument = new Int32Array(size).fill(-1);
    this.openStart = new Float64Array(size);
    this.openEnd = new Float64Array(size).fill(-1);
  }

  add(slot: number, passage: number, document: number, start: number, end: number): void {
    if (this.lastPassage[slot] === passage) return;
    this.lastPassage[slot] = passage;
    if (this.count === 'passages') this.value[slot]++;
    else if (this.count === 'documents') {
      if (this.lastDocument[slot] !== document) this.value[slot]++;
      this.lastDocument[slot] = document;
    } else if (this.lastDocument[slot] === document && start <= this.openEnd[slot]) {
      // Overlaps the open stretch (passages come by start): extend it.
      if (end > this.openEnd[slot]) this.openEnd[slot] = end;
    } else {
      this.close(slot);
      this.lastDocument[slot] = document;
      this.openStart[slot] = start;
      this.openEnd[slot] = end;
    }
  }

  /** Adds the open coded stretches to the character counts. */
  finish(): Float64Array {
    if (this.count === 'chars') for (let s = 0; s < this.value.length; s++) this.close(s);
    return this.value;
  }

  private close(slot: number): void {
    if (this.openEnd[slot] >= 0) this.value[slot] += this.openEnd[slot] - this.openStart[slot];
    this.openEnd[slot] = -1;
  }
}

export function buildMatrix(passages: readonly CodedPassage[], themes: readonly IndexTheme[], options: MatrixOptions): Matrix {
  const by = options.by;
  const count = options.count ?? 'passages';
  const cooccurrence = options.cooccurrence ?? 'overlap';
  const t = passageTable(passages);
  // Table theme id -> matrix row, -1 for a theme that is not a row.
  const rowOfId = new Int32Array(t.themes.length).fill(-1);
  themes.forEach((theme, r) => {
    const id = t.themeId.get(theme.id);
    if (id !== undefined) rowOfId[id] = r;
  });

  let columns: MatrixColumn[];
  let columnOf: Int32Array;
  if (by === 'theme') {
    columns = themes.map((theme) => ({ key: theme.id, label: theme.label }));
    columnOf = new Int32Array(0);
  } else if (by === 'speaker') {
    columns = t.speakerKeys.map((key, c) => {
      const p = passages[t.speakerExample[c]];
      return { key, label: speakerLabel(p), ...(p.speaker?.role && { detail: p.speaker.role }) };
    });
    columnOf = t.speaker;
  } else if (by === 'section') {
    columns = t.sectionKeys.map((key, c) => {
      const p = passages[t.sectionExample[c]];
      return { key, label: p.section.at(-1) ?? 'No section', ...(p.section.length > 1 && { detail: p.section.join(' › ') }) };
    });
    columnOf = t.section;
  } else {
    columns = t.documents.map((key) => ({ key, label: key }));
    columnOf = t.document;
  }
  const R = themes.length;
  const C = columns.length;
  const cells = new Tally(R * C, count);
  const rowTally = new Tally(R, count);
  const columnTally = new Tally(C, count);
  const totalTally = new Tally(1, count);
  const around = by === 'theme' ? themesAround(passages, cooccurrence) : undefined;
  const used = new Uint8Array(C);

  for (let k = 0; k < t.size; k++) {
    const i = t.order[k];
    const d = t.document[i];
    const s = t.start[i];
    const e = t.end[i];
    for (let a = t.themeStart[i]; a < t.themeStart[i + 1]; a++) {
      const r = rowOfId[t.themeIds[a]];
      if (r < 0) continue;
      totalTally.add(0, i, d, s, e);
      if (!around) {
        const c = columnOf[i];
        used[c] = 1;
        cells.add(r * C + c, i, d, s, e);
        rowTally.add(r, i, d, s, e);
        columnTally.add(c, i, d, s, e);
        continue;
      }
      cells.add(r * C + r, i, d, s, e);
      rowTally.add(r, i, d, s, e);
      columnTally.add(r, i, d, s, e);
      // `own AND other` holds here: the passage belongs to both cells of the pair, whichever theme it carries.
      for (let b = around.start[i]; b < around.start[i + 1]; b++) {
        const c = rowOfId[around.ids[b]];
        if (c < 0 || c === r) continue;
        cells.add(r * C + c, i, d, s, e);
        cells.add(c * C + r, i, d, s, e);
        rowTally.add(c, i, d, s, e);
        columnTally.add(c, i, d, s, e);
      }
    }
  }

  // Columns that hold a passage of some row, in a stable order: documents by path, the rest by first appearance
  // (text order of the folder), with "none" last.
  const columnOrder: number[] = [];
  for (let c = 0; c < C; c++) if (by === 'theme' || used[c]) columnOrder.push(c);
  if (by === 'document') columnOrder.sort((a, b) => (columns[a].key < columns[b].key ? -1 : 1));
  else if (by !== 'theme') {
    const position = new Int32Array(t.size);
    t.order.forEach((i, k) => { position[i] = k; });
    const examples = by === 'speaker' ? t.speakerExample : t.sectionExample;
    columnOrder.sort((a, b) => Number(columns[a].key === '') - Number(columns[b].key === '') || position[examples[a]] - position[examples[b]]);
  }
  const cellValues = cells.finish();
  const columnValues = columnTally.finish();
  return {
    by, count, cooccurrence, rows: themes,
    columns: columnOrder.map((c) => columns[c]),
    counts: themes.map((_, r) => columnOrder.map((c) => cellValues[r * C + c])),
    rowTotals: [...rowTally.finish()],
    columnTotals: columnOrder.map((c) => columnValues[c]),
    total: totalTally.finish()[0],
  };
}

/** The query that lists a cell's passages: the row's theme, and the column as an exact constraint. */
export function cellQuery(matrix: Matrix, row: number, column: number): PassageQuery {
  const theme = { kind: 'theme', id: matrix.rows[row].id } as const;
  const key = matrix.columns[column].key;
  switch (matrix.by) {
    case 'speaker':
      return { themes: theme, speakerKey: key };
    case 'section':
      return { themes: theme, sectionKey: key };
    case 'document':
      return { themes: theme, documentPath: key };
    case 'theme':
      return row === column
        ? { themes: theme }
        : { themes: { kind: 'and', items: [theme, { kind: 'theme', id: key }] }, cooccurrence: matrix.cooccurrence };
  }
}

/** The query that lists a row's passages. */
export function rowQuery(matrix: Matrix, row: number): PassageQuery {
  return { themes: { kind: 'theme', id: matrix.rows[row].id } };
}

/** The query that lists a column's passages (any theme of the matrix). */
export function columnQuery(matrix: Matrix, column: number): PassageQuery {
  const key = matrix.columns[column].key;
  switch (matrix.by) {
    case 'speaker':
      return { speakerKey: key };
    case 'section':
      return { sectionKey: key };
    case 'document':
      return { documentPath: key };
    case 'theme':
      return { themes: { kind: 'theme', id: key } };
  }
}

/** The matrix as CSV (RFC 4180): a header of column labels, one line per theme with its total, then the totals. */
export function matrixCsv(matrix: Matrix): string {
  const field = (s: string | number): string => {
    const t = String(s);
    return /[",\r\n]/.test(t) || /^\s|\s$/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
  };
  const lines = [['theme', 'label', ...matrix.columns.map((c) => c.label), 'total'].map(field).join(',')];
  matrix.rows.forEach((r, i) => lines.push([r.id, r.label, ...matrix.counts[i], matrix.rowTotals[i]].map(field).join(',')));
  lines.push(['', 'total', ...matrix.columnTotals, matrix.total].map(field).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
