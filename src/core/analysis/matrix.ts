/**
 * Matrices of themes: rows are the themes (the codebook's, then uncategorised ids), columns speakers, sections,
 * documents or themes again (co-occurrence). A cell holds exactly the passages that `cellQuery` lists, so that
 * clicking it and running its query agree; it counts them, their documents, or the characters they code (a
 * character coded twice with one theme counts once).
 */
import type { IndexTheme } from './workspaceIndex';
import { sectionColumn, speakerColumn, speakerLabel, themesAround, type Cooccurrence, type PassageQuery } from './query';
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
  /** Over the distinct passages of a row or column: a passage of two columns counts once in its row's total. */
  readonly rowTotals: readonly number[];
  readonly columnTotals: readonly number[];
  readonly total: number;
  /** Indexes into the passages given, per cell. */
  readonly cells: readonly (readonly (readonly number[])[])[];
}

export function buildMatrix(passages: readonly CodedPassage[], themes: readonly IndexTheme[], options: MatrixOptions): Matrix {
  const by = options.by;
  const count = options.count ?? 'passages';
  const cooccurrence = options.cooccurrence ?? 'overlap';
  const rowOf = new Map(themes.map((t, i) => [t.id, i]));
  const columns: MatrixColumn[] = [];
  const columnOf = new Map<string, number>();
  const column = (key: string, label: () => MatrixColumn): number => {
    let c = columnOf.get(key);
    if (c === undefined) {
      c = columns.length;
      columns.push(label());
      columnOf.set(key, c);
    }
    return c;
  };
  if (by === 'theme') themes.forEach((t) => column(t.id, () => ({ key: t.id, label: t.label })));
  const cells: number[][][] = themes.map(() => []);
  const put = (r: number, c: number, i: number): void => {
    const cell = (cells[r][c] ??= []);
    if (cell.at(-1) !== i) cell.push(i);
  };
  if (by === 'theme') {
    const around = themesAround(passages, cooccurrence);
    passages.forEach((p, i) => {
      const here = around[i];
      for (const own of p.themes) {
        const r = rowOf.get(own);
        if (r === undefined) continue;
        put(r, r, i);
        // `own AND other` holds here: the passage belongs to both cells of the pair, whichever theme it carries.
        for (const other of here) {
          const c = rowOf.get(other);
          if (c === undefined || c === r) continue;
          put(r, c, i);
          put(c, r, i);
        }
      }
    });
  } else {
    passages.forEach((p, i) => {
      let c: number;
      if (by === 'speaker') c = column(speakerColumn(p), () => ({ key: speakerColumn(p), label: speakerLabel(p), ...(p.speaker?.role && { detail: p.speaker.role }) }));
      else if (by === 'section') c = column(sectionColumn(p), () => ({ key: sectionColumn(p), label: p.section.at(-1) ?? 'No section', ...(p.section.length > 1 && { detail: p.section.join(' › ') }) }));
      else c = column(p.document, () => ({ key: p.document, label: p.document }));
      for (const t of p.themes) {
        const r = rowOf.get(t);
        if (r !== undefined) put(r, c, i);
      }
    });
  }
  // Columns in a stable order: documents by path, the rest by first appearance (text order of the folder), with "none" last.
  const order = columns.map((_, i) => i);
  if (by === 'document') order.sort((a, b) => (columns[a].key < columns[b].key ? -1 : 1));
  else if (by !== 'theme') order.sort((a, b) => Number(columns[a].key === '') - Number(columns[b].key === '') || a - b);
  const sortedColumns = order.map((i) => columns[i]);
  const sortedCells = cells.map((row) => order.map((i) => (row[i] ?? []).sort((a, b) => a - b)));
  const measure = (ids: Iterable<number>): number => measurePassages(passages, ids, count);
  const counts = sortedCells.map((row) => row.map((cell) => measure(cell)));
  const union = (lists: readonly (readonly number[])[]): Set<number> => {
    const s = new Set<number>();
    for (const l of lists) for (const i of l) s.add(i);
    return s;
  };
  const rowTotals = sortedCells.map((row) => measure(union(row)));
  const columnTotals = sortedColumns.map((_, c) => measure(union(sortedCells.map((row) => row[c]))));
  const total = measure(union(sortedCells.flat()));
  return { by, count, cooccurrence, rows: themes, columns: sortedColumns, counts, rowTotals, columnTotals, total, cells: sortedCells };
}

function measurePassages(passages: readonly CodedPassage[], ids: Iterable<number>, count: MatrixCount): number {
  if (count === 'passages') {
    let n = 0;
    for (const _ of ids) n++;
    return n;
  }
  if (count === 'documents') {
    const docs = new Set<string>();
    for (const i of ids) docs.add(passages[i].document);
    return docs.size;
  }
  // Characters: the union of the coded ranges in each document, so overlapping passages are not counted twice.
  const byDoc = new Map<string, [number, number][]>();
  for (const i of ids) {
    const p = passages[i];
    const list = byDoc.get(p.document);
    if (list) list.push([p.start, p.end]);
    else byDoc.set(p.document, [[p.start, p.end]]);
  }
  let chars = 0;
  for (const ranges of byDoc.values()) {
    ranges.sort((a, b) => a[0] - b[0]);
    let [s, e] = ranges[0];
    for (let k = 1; k < ranges.length; k++) {
      const [s2, e2] = ranges[k];
      if (s2 <= e) e = Math.max(e, e2);
      else {
        chars += e - s;
        [s, e] = [s2, e2];
      }
    }
    chars += e - s;
  }
  return chars;
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

/** The query that lists a row's (or, with no row, the whole matrix's) passages. */
export function rowQuery(matrix: Matrix, row: number): PassageQuery {
  return { themes: { kind: 'theme', id: matrix.rows[row].id } };
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
