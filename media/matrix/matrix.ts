// The Matrix view's page: a themes × (speakers | sections | documents | themes) table shaded as a heat map, with
// totals, sorting, filtering and keyboard navigation. It only shows what the extension sends and asks the
// extension to list a cell's passages or to export; it has no network and no file access.
import type { FromWebview, MatrixData, MatrixStrings, ToWebview } from '../../src/extension/analysis/matrixProtocol';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

type SortKey = { kind: 'label' } | { kind: 'total' } | { kind: 'column'; key: string };
interface ViewState {
  rowFilter: string;
  columnFilter: string;
  hideEmpty: boolean;
  sort: SortKey;
  descending: boolean;
  order: 'found' | 'total' | 'label';
  focus: { row: string; column: string } | undefined;
}

/**
 * Wide matrices (hundreds of speakers or documents) lay out only a window of columns, with spacer cells for the
 * rest: laying out 10,000 table cells takes a browser hundreds of milliseconds on every sort and filter, a window
 * of 60 columns a fraction of that. Columns of a windowed table all have the same width, so the spacers are exact.
 */
const WINDOW = 60;
const WINDOW_ABOVE = 80;
const COLUMN_EM = 3;

const vscode = acquireVsCodeApi();
const app = document.getElementById('app')!;
const defaults: ViewState = { rowFilter: '', columnFilter: '', hideEmpty: true, sort: { kind: 'label' }, descending: false, order: 'found', focus: undefined };
const state: ViewState = { ...defaults, ...(vscode.getState() as Partial<ViewState> | undefined) };
let data: MatrixData | undefined;
let strings: MatrixStrings | undefined;
/** Rows and columns shown, as indexes into data, in the order shown. */
let shownRows: number[] = [];
let shownColumns: number[] = [];
/** The first of shownColumns that the table lays out, and how many. */
let windowStart = 0;
let windowSize = 0;

const post = (m: FromWebview): void => vscode.postMessage(m);
const save = (): void => vscode.setState(state);
const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const format = (template: string, ...args: (string | number)[]): string => template.replace(/\{(\d)\}/g, (_, i: string) => String(args[Number(i)]));
const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
// toLocaleString builds a formatter per call: 10,000 cells took half a second. One formatter, and none below 1,000.
const numberFormat = new Intl.NumberFormat();
const number = (n: number): string => (n < 1000 ? String(n) : numberFormat.format(n));

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  strings = message.strings;
  if (message.type === 'indexing') {
    app.setAttribute('aria-busy', 'true');
    app.innerHTML = `<p class="status">${esc(message.strings.indexing)}</p>`;
    return;
  }
  data = message.data;
  render();
});
post({ type: 'ready' });

function columnLabel(d: MatrixData, c: number): string {
  const col = d.columns[c];
  if (col.key === '' && d.by === 'speaker') return strings!.noSpeaker;
  if (col.key === '' && d.by === 'section') return strings!.noSection;
  return col.label;
}

/** Which rows and columns are shown, in which order, from the filters and the sort. */
function select(): void {
  const d = data!;
  const rowWords = fold(state.rowFilter).split(/\s+/).filter(Boolean);
  const columnWords = fold(state.columnFilter).split(/\s+/).filter(Boolean);
  shownRows = d.rows.map((_, r) => r).filter((r) => {
    const hay = fold(`${d.rows[r].label} ${d.rows[r].id}`);
    return rowWords.every((w) => hay.includes(w)) && (!state.hideEmpty || d.rowTotals[r] > 0);
  });
  shownColumns = d.columns.map((_, c) => c).filter((c) => {
    const hay = fold(columnLabel(d, c));
    return columnWords.every((w) => hay.includes(w)) && (!state.hideEmpty || d.by === 'theme' || shownRows.some((r) => d.counts[r][c] > 0));
  });
  if (d.by === 'theme' && state.hideEmpty) shownColumns = shownColumns.filter((c) => d.rowTotals[c] > 0);
  if (state.order === 'total') shownColumns.sort((a, b) => d.columnTotals[b] - d.columnTotals[a] || a - b);
  else if (state.order === 'label') shownColumns.sort((a, b) => columnLabel(d, a).localeCompare(columnLabel(d, b)));
  const sortColumn = sortedColumn();
  const direction = state.descending ? -1 : 1;
  shownRows.sort((a, b) => {
    if (state.sort.kind === 'total') return direction * (d.rowTotals[a] - d.rowTotals[b]) || a - b;
    if (sortColumn >= 0) return direction * (d.counts[a][sortColumn] - d.counts[b][sortColumn]) || a - b;
    return state.descending ? b - a : a - b; // codebook order, as the analyst arranged it
  });
}

function sortedColumn(): number {
  const key = state.sort.kind === 'column' ? state.sort.key : undefined;
  return key === undefined ? -1 : data!.columns.findIndex((c) => c.key === key);
}

/** The whole page: toolbar, then the table. */
function render(): void {
  const d = data!;
  const s = strings!;
  const t0 = performance.now();
  select();
  const windowed = shownColumns.length > WINDOW_ABOVE;
  windowSize = windowed ? WINDOW : shownColumns.length;
  windowStart = 0;
  const focusColumn = state.focus ? shownColumns.findIndex((c) => d.columns[c].key === state.focus!.column) : -1;
  if (windowed && focusColumn >= windowSize) windowStart = Math.min(shownColumns.length - windowSize, Math.max(0, focusColumn - 10));
  const title = format(s.heading, s.byLabels[d.by]);
  const option = (value: string, label: string, current: string): string => `<option value="${value}"${value === current ? ' selected' : ''}>${esc(label)}</option>`;
  const notes = [d.problems ? format(s.problems, d.problems) : '', d.orphans ? format(s.orphans, d.orphans) : ''].filter(Boolean);
  app.innerHTML = `
<header class="toolbar">
  <div class="title"><h1>${esc(title)}</h1><p class="summary">${esc(format(s.summary, number(d.passages), number(d.documents), d.folder))} · ${esc(s.countLabels[d.count])}</p></div>
  <div class="controls" role="group" aria-label="${esc(title)}">
    <label>${esc(s.columns)} <select id="by">${(['speaker', 'section', 'document', 'theme'] as const).map((b) => option(b, s.byLabels[b], d.by)).join('')}</select></label>
    <label>${esc(s.count)} <select id="count">${(['passages', 'documents', 'chars'] as const).map((b) => option(b, s.countLabels[b], d.count)).join('')}</select></label>
    ${d.by === 'theme' ? `<label>${esc(s.together)} <select id="cooccurrence">${(['overlap', 'turn'] as const).map((b) => option(b, s.cooccurrenceLabels[b], d.cooccurrence)).join('')}</select></label>` : ''}
    <label>${esc(s.orderColumns)} <select id="order">${(['found', 'total', 'label'] as const).map((b) => option(b, s.orderLabels[b], state.order)).join('')}</select></label>
    <input id="row-filter" type="search" placeholder="${esc(s.filterRows)}" aria-label="${esc(s.filterRows)}" value="${esc(state.rowFilter)}">
    <input id="column-filter" type="search" placeholder="${esc(s.filterColumns)}" aria-label="${esc(s.filterColumns)}" value="${esc(state.columnFilter)}">
    <label class="check"><input id="hide-empty" type="checkbox"${state.hideEmpty ? ' checked' : ''}> ${esc(s.hideEmpty)}</label>
    <button id="export" type="button" class="primary">${esc(s.exportCsv)}</button>
  </div>
</header>
${shownRows.length && shownColumns.length ? '<div class="table-wrap" id="wrap"></div>' : `<p class="status">${esc(s.empty)}</p>`}
${notes.length ? `<p class="notes">${notes.map(esc).join(' · ')}</p>` : ''}`;
  wireToolbar();
  renderTable();
  app.setAttribute('aria-busy', 'false');
  requestAnimationFrame(() => setTimeout(() => post({ type: 'rendered', ms: performance.now() - t0, rows: shownRows.length, columns: shownColumns.length }), 0));
}

/** The table alone, for the window of columns; the scroll position is kept. */
function renderTable(): void {
  const wrap = document.getElementById('wrap');
  if (!wrap) return;
  const d = data!;
  const s = strings!;
  const rotated = shownColumns.length > 8;
  const windowed = windowSize < shownColumns.length;
  const visible = shownColumns.slice(windowStart, windowStart + windowSize);
  const before = windowStart;
  const after = shownColumns.length - windowStart - visible.length;
  const sortColumn = sortedColumn();
  // The heat scale runs over every cell shown (not only the window); on themes × themes the diagonal is left out.
  let max = 0;
  for (const r of shownRows) for (const c of shownColumns) if (!(d.by === 'theme' && r === c)) max = Math.max(max, d.counts[r][c]);
  const heat = (v: number): number => (v <= 0 || max <= 0 ? 0 : Math.min(9, 1 + Math.floor((v / max) * 8.999)));
  const ariaSort = (active: boolean): string => (active ? ` aria-sort="${state.descending ? 'descending' : 'ascending'}"` : '');
  const spacer = (tag: 'th' | 'td', n: number): string => (n > 0 ? `<${tag} class="spacer" data-span="${n}" aria-hidden="true"></${tag}>` : '');

  const head = visible.map((c, i) => {
    const col = d.columns[c];
    const label = columnLabel(d, c);
    const swatch = d.by === 'theme' ? `<span class="swatch" data-color="${esc(d.rows[c].color)}" aria-hidden="true"></span>` : '';
    // A speaker's delegation goes on a second line of a rotated header, so that long names still fit.
    const split = rotated && d.by === 'speaker' ? /^(.*) \((.+)\)$/.exec(label) : null;
    const text = split ? `${esc(split[1])}</span><span class="label sub">${esc(split[2])}` : esc(label);
    return `<th scope="col" aria-colindex="${windowStart + i + 2}" class="${rotated ? 'rotated' : ''}"${ariaSort(sortColumn === c)} title="${esc(col.detail ? `${label}\n${col.detail}` : label)}"><button type="button" data-sort-column="${c}"><span class="label">${swatch}${text}</span></button></th>`;
  }).join('');
  const body = shownRows.map((r) => {
    const row = d.rows[r];
    // No per-cell attributes beyond the class: a cell's row and column are its place among the rows and the
    // window of columns, and only the focused cell gets a tabindex. Cells parse and lay out much faster so.
    const cells = visible.map((c) => {
      const v = d.counts[r][c];
      const diagonal = d.by === 'theme' && r === c;
      return v === 0 ? `<td class="zero${diagonal ? ' hd' : ''}">0</td>` : `<td class="h${diagonal ? 'd' : heat(v)}">${number(v)}</td>`;
    }).join('');
    const label = row.uncategorised ? format(s.uncategorised, row.id) : row.label;
    return `<tr><th scope="row"><button type="button" data-open-row="${r}" title="${esc(row.id)}"><span class="swatch" data-color="${esc(row.color)}" aria-hidden="true"></span>${esc(label)}</button></th>${spacer('td', before)}${cells}${spacer('td', after)}<td class="total">${number(d.rowTotals[r])}</td></tr>`;
  }).join('');
  const foot = visible.map((c) => `<td class="total">${number(d.columnTotals[c])}</td>`).join('');
  const title = format(s.heading, s.byLabels[d.by]);
  const scroll = { left: wrap.scrollLeft, top: wrap.scrollTop };
  wrap.innerHTML = `<table id="matrix" class="${rotated ? 'narrow' : ''}${windowed ? ' windowed' : ''}" aria-rowcount="${shownRows.length + 2}" aria-colcount="${shownColumns.length + 2}">
  <caption>${esc(title)}: ${esc(format(s.shown, shownRows.length, shownColumns.length))}. ${esc(s.sortHint)}</caption>
  <thead><tr><th scope="col" class="corner"${ariaSort(state.sort.kind === 'label')}><button type="button" data-sort-label>${esc(s.theme)}</button></th>${spacer('th', before)}${head}${spacer('th', after)}<th scope="col" aria-colindex="${shownColumns.length + 2}" class="total${rotated ? ' rotated' : ''}"${ariaSort(state.sort.kind === 'total')}><button type="button" data-sort-total><span class="label">${esc(s.total)}</span></button></th></tr></thead>
  <tbody>${body}</tbody>
  <tfoot><tr><th scope="row">${esc(s.total)}</th>${spacer('td', before)}${foot}${spacer('td', after)}<td class="total grand">${number(d.total)}</td></tr></tfoot>
</table>`;
  for (const el of wrap.querySelectorAll<HTMLElement>('.swatch[data-color]')) el.style.backgroundColor = el.dataset.color!;
  for (const el of wrap.querySelectorAll<HTMLElement>('.spacer')) el.style.width = `${Number(el.dataset.span) * COLUMN_EM}em`;
  wrap.scrollLeft = scroll.left;
  wrap.scrollTop = scroll.top;
  wireTable();
  restoreFocus();
}

function wireToolbar(): void {
  const d = data!;
  const select = (id: string): HTMLSelectElement | null => document.getElementById(id) as HTMLSelectElement | null;
  const sendOptions = (): void => post({
    type: 'options',
    by: (select('by')?.value ?? d.by) as MatrixData['by'],
    count: (select('count')?.value ?? d.count) as MatrixData['count'],
    cooccurrence: (select('cooccurrence')?.value ?? d.cooccurrence) as MatrixData['cooccurrence'],
  });
  select('by')?.addEventListener('change', () => { state.sort = { kind: 'label' }; state.focus = undefined; save(); sendOptions(); });
  select('count')?.addEventListener('change', sendOptions);
  select('cooccurrence')?.addEventListener('change', sendOptions);
  select('order')?.addEventListener('change', () => { state.order = select('order')!.value as ViewState['order']; save(); render(); });
  const filter = (id: string, key: 'rowFilter' | 'columnFilter'): void => {
    const input = document.getElementById(id) as HTMLInputElement;
    let timer: ReturnType<typeof setTimeout> | undefined;
    input.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        state[key] = input.value;
        save();
        render();
        const again = document.getElementById(id) as HTMLInputElement;
        again.focus();
        again.setSelectionRange(again.value.length, again.value.length);
      }, 120);
    });
  };
  filter('row-filter', 'rowFilter');
  filter('column-filter', 'columnFilter');
  document.getElementById('hide-empty')!.addEventListener('change', (e) => { state.hideEmpty = (e.target as HTMLInputElement).checked; save(); render(); });
  document.getElementById('export')!.addEventListener('click', () => post({ type: 'exportCsv', rows: shownRows, columns: shownColumns }));
  const wrap = document.getElementById('wrap');
  if (!wrap) return;
  let pending = false;
  wrap.addEventListener('scroll', () => {
    if (pending || windowSize >= shownColumns.length) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      moveWindowTo(firstColumnInView(wrap));
    });
  });
}

/** Which of shownColumns is at the left edge of the scrolled view. */
function firstColumnInView(wrap: HTMLElement): number {
  // The row headers stay put (sticky); the columns after them scroll by, each COLUMN_EM wide.
  const em = parseFloat(getComputedStyle(wrap).fontSize) || 13;
  return Math.max(0, Math.floor(wrap.scrollLeft / (COLUMN_EM * em)));
}

/** Re-lays the window when a column near or past its edge comes into view. */
function moveWindowTo(first: number): void {
  const wrap = document.getElementById('wrap')!;
  const em = parseFloat(getComputedStyle(wrap).fontSize) || 13;
  const inView = Math.ceil(wrap.clientWidth / (COLUMN_EM * em));
  const margin = 5;
  if (first >= windowStart + margin && first + inView <= windowStart + windowSize - margin) return;
  const start = Math.min(Math.max(0, shownColumns.length - windowSize), Math.max(0, first - Math.floor((windowSize - inView) / 2)));
  if (start === windowStart) return;
  windowStart = start;
  const focused = !!document.activeElement?.closest('#matrix td');
  renderTable();
  if (focused) document.querySelector<HTMLElement>('#matrix td[tabindex="0"]')?.focus({ preventScroll: true });
}

function wireTable(): void {
  const d = data!;
  const table = document.getElementById('matrix');
  if (!table) return;
  table.addEventListener('click', (e) => {
    const target = (e.target as HTMLElement).closest<HTMLElement>('button, td');
    if (!target) return;
    if (target.dataset.sortColumn !== undefined) sortBy({ kind: 'column', key: d.columns[Number(target.dataset.sortColumn)].key });
    else if (target.dataset.sortLabel !== undefined) sortBy({ kind: 'label' });
    else if (target.dataset.sortTotal !== undefined) sortBy({ kind: 'total' });
    else activate(target);
  });
  table.addEventListener('keydown', (e) => navigate(e));
  table.addEventListener('focusin', (e) => {
    const cell = (e.target as HTMLElement).closest<HTMLTableCellElement>('td');
    if (cell) focusCell(cell, false);
  });
  // A click focuses the cell it opens, so the keyboard goes on from there.
  table.addEventListener('mousedown', (e) => {
    const cell = (e.target as HTMLElement).closest<HTMLTableCellElement>('td');
    if (cell) focusCell(cell, false);
  });
}

function sortBy(key: SortKey): void {
  const same = JSON.stringify(key) === JSON.stringify(state.sort);
  // Counts sort from the most first; names from A.
  state.descending = same ? !state.descending : key.kind !== 'label';
  state.sort = key;
  save();
  render();
}

/** A cell's place: a row of shownRows (or the totals row) and an index into shownColumns (or the totals column). */
interface Place { row: number | 'total'; column: number | 'total' }

function place(cell: HTMLTableCellElement): Place | undefined {
  if (cell.classList.contains('spacer')) return undefined;
  const tr = cell.parentElement as HTMLTableRowElement;
  const section = tr.parentElement?.tagName;
  const last = tr.cells.length - 1;
  let column: number | 'total';
  if (cell.cellIndex === last) column = 'total';
  else {
    const offset = windowStart > 0 ? 2 : 1; // the row header, and the left spacer when the window is scrolled
    column = windowStart + cell.cellIndex - offset;
    if (column < 0) return undefined;
  }
  if (section === 'TFOOT') return { row: 'total', column };
  if (section !== 'TBODY') return undefined;
  return { row: tr.sectionRowIndex, column };
}

function cellAt(p: Place): HTMLTableCellElement | undefined {
  const table = document.getElementById('matrix') as HTMLTableElement | null;
  if (!table) return undefined;
  const tr = p.row === 'total' ? table.tFoot?.rows[0] : table.tBodies[0]?.rows[p.row];
  if (!tr) return undefined;
  if (p.column === 'total') return tr.cells[tr.cells.length - 1];
  const i = p.column - windowStart;
  if (i < 0 || i >= windowSize) return undefined;
  return tr.cells[i + (windowStart > 0 ? 2 : 1)];
}

function activate(cell: HTMLElement): void {
  if (cell.tagName !== 'TD') return;
  const at = place(cell as HTMLTableCellElement);
  if (!at || (at.row === 'total' && at.column === 'total')) return;
  const d = data!;
  const column = at.column === 'total' ? 'total' : shownColumns[at.column];
  if (at.row === 'total') post({ type: 'openColumn', column: column as number });
  else if (column === 'total') post({ type: 'openRow', row: shownRows[at.row] });
  else if (d.counts[shownRows[at.row]][column] > 0) post({ type: 'openCell', row: shownRows[at.row], column });
}

/** Roving focus over the cells: one cell is in the tab order, the arrow keys move it. */
function focusCell(cell: HTMLTableCellElement, move = true): void {
  const previous = document.querySelector<HTMLElement>('#matrix td[tabindex]');
  if (previous && previous !== cell) previous.removeAttribute('tabindex');
  cell.tabIndex = 0;
  if (move) {
    cell.focus({ preventScroll: true });
    cell.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }
  const at = place(cell);
  const d = data!;
  if (at) {
    state.focus = {
      row: at.row === 'total' ? 'total' : d.rows[shownRows[at.row]].id,
      column: at.column === 'total' ? 'total' : d.columns[shownColumns[at.column]].key,
    };
  }
  save();
}

function restoreFocus(): void {
  const d = data!;
  const f = state.focus;
  const r = f ? shownRows.findIndex((x) => d.rows[x].id === f.row) : -1;
  const c = f ? shownColumns.findIndex((x) => d.columns[x].key === f.column) : -1;
  const cell = cellAt({ row: f?.row === 'total' ? 'total' : Math.max(0, r), column: f?.column === 'total' ? 'total' : c >= windowStart && c < windowStart + windowSize ? c : windowStart })
    ?? cellAt({ row: 0, column: windowStart });
  if (cell) cell.tabIndex = 0;
}

function navigate(e: KeyboardEvent): void {
  const cell = (e.target as HTMLElement).closest<HTMLTableCellElement>('td');
  if (!cell) return;
  if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    activate(cell);
    return;
  }
  const at = place(cell);
  if (!at) return;
  const rows = shownRows.length; // then the totals row
  const columns = shownColumns.length; // then the totals column
  let r = at.row === 'total' ? rows : at.row;
  let c = at.column === 'total' ? columns : at.column;
  switch (e.key) {
    case 'ArrowRight': c = Math.min(columns, c + 1); break;
    case 'ArrowLeft': c = Math.max(0, c - 1); break;
    case 'ArrowDown': r = Math.min(rows, r + 1); break;
    case 'ArrowUp': r = Math.max(0, r - 1); break;
    case 'PageDown': r = Math.min(rows, r + 10); break;
    case 'PageUp': r = Math.max(0, r - 10); break;
    case 'Home': c = 0; if (e.ctrlKey) r = 0; break;
    case 'End': c = columns; if (e.ctrlKey) r = rows; break;
    default: return;
  }
  e.preventDefault();
  const target: Place = { row: r === rows ? 'total' : r, column: c === columns ? 'total' : c };
  if (target.column !== 'total' && (target.column < windowStart || target.column >= windowStart + windowSize)) {
    windowStart = Math.min(Math.max(0, columns - windowSize), Math.max(0, target.column - Math.floor(windowSize / 2)));
    renderTable();
  }
  const next = cellAt(target);
  if (next) focusCell(next);
}
