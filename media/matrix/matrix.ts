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

const vscode = acquireVsCodeApi();
const app = document.getElementById('app')!;
const defaults: ViewState = { rowFilter: '', columnFilter: '', hideEmpty: true, sort: { kind: 'label' }, descending: false, order: 'found', focus: undefined };
const state: ViewState = { ...defaults, ...(vscode.getState() as Partial<ViewState> | undefined) };
let data: MatrixData | undefined;
let strings: MatrixStrings | undefined;
/** Rows and columns shown, as indexes into data, in the order shown. */
let shownRows: number[] = [];
let shownColumns: number[] = [];

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

function render(): void {
  const d = data!;
  const s = strings!;
  const t0 = performance.now();
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
  const sortColumn = state.sort.kind === 'column' ? d.columns.findIndex((c) => c.key === (state.sort as { key: string }).key) : -1;
  const direction = state.descending ? -1 : 1;
  shownRows.sort((a, b) => {
    if (state.sort.kind === 'total') return direction * (d.rowTotals[a] - d.rowTotals[b]) || a - b;
    if (sortColumn >= 0) return direction * (d.counts[a][sortColumn] - d.counts[b][sortColumn]) || a - b;
    return state.descending ? b - a : a - b; // codebook order, as the analyst arranged it
  });
  // The heat scale runs over the cells shown; on themes × themes the diagonal (a theme with itself) is left out.
  let max = 0;
  for (const r of shownRows) for (const c of shownColumns) if (!(d.by === 'theme' && r === c)) max = Math.max(max, d.counts[r][c]);
  const heat = (v: number): number => (v <= 0 || max <= 0 ? 0 : Math.min(9, 1 + Math.floor((v / max) * 8.999)));
  const rotated = shownColumns.length > 8;
  const ariaSort = (active: boolean): string => (active ? ` aria-sort="${state.descending ? 'descending' : 'ascending'}"` : '');

  const head = shownColumns.map((c) => {
    const col = d.columns[c];
    const label = columnLabel(d, c);
    const swatch = d.by === 'theme' ? `<span class="swatch" data-color="${esc(d.rows[c].color)}" aria-hidden="true"></span>` : '';
    // A speaker's delegation goes on a second line of a rotated header, so that long names still fit.
    const split = rotated && d.by === 'speaker' ? /^(.*) \((.+)\)$/.exec(label) : null;
    const text = split ? `${esc(split[1])}</span><span class="label sub">${esc(split[2])}` : esc(label);
    return `<th scope="col" class="${rotated ? 'rotated' : ''}"${ariaSort(sortColumn === c)} title="${esc(col.detail ? `${label}\n${col.detail}` : label)}"><button type="button" data-sort-column="${c}"><span class="label">${swatch}${text}</span></button></th>`;
  }).join('');
  const body = shownRows.map((r) => {
    const row = d.rows[r];
    const cells = shownColumns.map((c) => {
      const v = d.counts[r][c];
      const diagonal = d.by === 'theme' && r === c;
      // No per-cell attributes beyond the class: a cell's row and column are its place among shownRows and
      // shownColumns, and only the focused cell gets a tabindex. 10,000 cells parse and lay out much faster so.
      return v === 0 ? `<td class="zero${diagonal ? ' hd' : ''}">0</td>` : `<td class="h${diagonal ? 'd' : heat(v)}">${number(v)}</td>`;
    }).join('');
    const label = row.uncategorised ? format(s.uncategorised, row.id) : row.label;
    return `<tr><th scope="row"><button type="button" data-open-row="${r}" title="${esc(row.id)}"><span class="swatch" data-color="${esc(row.color)}" aria-hidden="true"></span>${esc(label)}</button></th>${cells}<td class="total">${number(d.rowTotals[r])}</td></tr>`;
  }).join('');
  const foot = shownColumns.map((c) => `<td class="total">${number(d.columnTotals[c])}</td>`).join('');
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
${shownRows.length && shownColumns.length ? `<div class="table-wrap">
<table id="matrix" class="${rotated ? 'narrow' : ''}">
  <caption>${esc(title)}: ${esc(format(s.shown, shownRows.length, shownColumns.length))}. ${esc(s.sortHint)}</caption>
  <thead><tr><th scope="col" class="corner"${ariaSort(state.sort.kind === 'label')}><button type="button" data-sort-label>${esc(s.theme)}</button></th>${head}<th scope="col" class="total${rotated ? ' rotated' : ''}"${ariaSort(state.sort.kind === 'total')}><button type="button" data-sort-total><span class="label">${esc(s.total)}</span></button></th></tr></thead>
  <tbody>${body}</tbody>
  <tfoot><tr><th scope="row">${esc(s.total)}</th>${foot}<td class="total grand">${number(d.total)}</td></tr></tfoot>
</table></div>` : `<p class="status">${esc(s.empty)}</p>`}
${notes.length ? `<p class="notes">${notes.map(esc).join(' · ')}</p>` : ''}`;
  for (const el of app.querySelectorAll<HTMLElement>('.swatch[data-color]')) el.style.backgroundColor = el.dataset.color!;
  app.setAttribute('aria-busy', 'false');
  wire();
  restoreFocus();
  requestAnimationFrame(() => setTimeout(() => post({ type: 'rendered', ms: performance.now() - t0, rows: shownRows.length, columns: shownColumns.length }), 0));
}

function wire(): void {
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

/** Where a cell is: its data row (or the totals row) and data column (or the totals column). */
function place(cell: HTMLTableCellElement): { row: number | 'total'; column: number | 'total' } | undefined {
  const tr = cell.parentElement as HTMLTableRowElement;
  const section = tr.parentElement?.tagName;
  const ci = cell.cellIndex - 1; // the row header comes first
  if (ci < 0) return undefined;
  const column = ci < shownColumns.length ? shownColumns[ci] : 'total';
  if (section === 'TFOOT') return { row: 'total', column };
  if (section !== 'TBODY') return undefined;
  return { row: shownRows[tr.sectionRowIndex], column };
}

function activate(cell: HTMLElement): void {
  if (cell.tagName !== 'TD') return;
  const at = place(cell as HTMLTableCellElement);
  if (!at) return;
  if (at.row === 'total' && at.column === 'total') return;
  if (at.row === 'total') post({ type: 'openColumn', column: at.column as number });
  else if (at.column === 'total') post({ type: 'openRow', row: at.row });
  else if (data!.counts[at.row][at.column] > 0) post({ type: 'openCell', row: at.row, column: at.column });
}

/** Roving focus over the cells: one cell is in the tab order, the arrow keys move it. */
function focusCell(cell: HTMLTableCellElement, move = true): void {
  const previous = document.querySelector<HTMLElement>('#matrix td[tabindex]');
  if (previous && previous !== cell) previous.removeAttribute('tabindex');
  cell.tabIndex = 0;
  if (move) cell.focus();
  const at = place(cell);
  const d = data!;
  if (at) state.focus = { row: at.row === 'total' ? 'total' : d.rows[at.row].id, column: at.column === 'total' ? 'total' : d.columns[at.column].key };
  save();
}

function restoreFocus(): void {
  const table = document.getElementById('matrix') as HTMLTableElement | null;
  if (!table) return;
  const d = data!;
  const f = state.focus;
  let r = f ? shownRows.findIndex((x) => d.rows[x].id === f.row) : 0;
  let c = f ? shownColumns.findIndex((x) => d.columns[x].key === f.column) : 0;
  if (r < 0) r = 0;
  if (c < 0) c = 0;
  const cell = table.tBodies[0]?.rows[r]?.cells[c + 1];
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
  const table = cell.closest('table') as HTMLTableElement;
  const rows = [...table.tBodies[0].rows, ...(table.tFoot ? [...table.tFoot.rows] : [])];
  const row = cell.parentElement as HTMLTableRowElement;
  let ri = rows.indexOf(row);
  let ci = cell.cellIndex;
  const last = row.cells.length - 1;
  switch (e.key) {
    case 'ArrowRight': ci = Math.min(last, ci + 1); break;
    case 'ArrowLeft': ci = Math.max(1, ci - 1); break;
    case 'ArrowDown': ri = Math.min(rows.length - 1, ri + 1); break;
    case 'ArrowUp': ri = Math.max(0, ri - 1); break;
    case 'PageDown': ri = Math.min(rows.length - 1, ri + 10); break;
    case 'PageUp': ri = Math.max(0, ri - 10); break;
    case 'Home': ci = 1; if (e.ctrlKey) ri = 0; break;
    case 'End': ci = last; if (e.ctrlKey) ri = rows.length - 1; break;
    default: return;
  }
  e.preventDefault();
  const next = rows[ri].cells[Math.min(ci, rows[ri].cells.length - 1)];
  if (next && next.tagName === 'TD') focusCell(next);
}
