// The Matrix webview's page on its own in headless Chromium, fed a matrix the way the extension feeds it:
// measures how long it takes to render, re-sort, filter and move between cells with 50 themes × 200 speakers,
// and saves screenshots with VS Code's light and dark colours (artifacts/matrix-page-*.png).
//
//   node scripts/bench-matrix-webview.mjs [--themes 50] [--columns 200]
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../test/run/chromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const THEMES = opt('themes', 50);
const COLUMNS = opt('columns', 200);

// A few of VS Code's theme variables, as its webviews receive them (Default Light Modern / Dark Modern).
const THEMES_CSS = {
  light: { '--vscode-foreground': '#3b3b3b', '--vscode-editor-background': '#ffffff', '--vscode-descriptionForeground': '#717171', '--vscode-charts-blue': '#1a85ff', '--vscode-editorWidget-background': '#f8f8f8', '--vscode-editorWidget-border': '#c8c8c8', '--vscode-focusBorder': '#005fb8', '--vscode-button-background': '#005fb8', '--vscode-button-foreground': '#ffffff', '--vscode-input-background': '#ffffff', '--vscode-input-border': '#cecece', '--vscode-dropdown-background': '#ffffff', '--vscode-dropdown-border': '#cecece', '--vscode-font-family': 'system-ui, sans-serif', '--vscode-font-size': '13px', '--vscode-disabledForeground': '#8a8a8a' },
  dark: { '--vscode-foreground': '#cccccc', '--vscode-editor-background': '#1f1f1f', '--vscode-descriptionForeground': '#9d9d9d', '--vscode-charts-blue': '#3794ff', '--vscode-editorWidget-background': '#202020', '--vscode-editorWidget-border': '#454545', '--vscode-focusBorder': '#0078d4', '--vscode-button-background': '#0078d4', '--vscode-button-foreground': '#ffffff', '--vscode-input-background': '#313131', '--vscode-input-border': '#3c3c3c', '--vscode-dropdown-background': '#313131', '--vscode-dropdown-border': '#3c3c3c', '--vscode-font-family': 'system-ui, sans-serif', '--vscode-font-size': '13px', '--vscode-disabledForeground': '#6e6e6e' },
};

// Labels as records print them, long delegations and curly apostrophes included.
const NAMES = ['Mr. Ja’afari (Syrian Arab Republic)', 'Ms. Pierce (United Kingdom of Great Britain and Northern Ireland)', 'Mr. Nebenzia (Russian Federation)', 'Mrs. Gueguen (France)', 'Mr. Zhang Jun (China)', 'Ms. King (Saint Vincent and the Grenadines)', 'Mr. Pecsteen de Buytswerve (Belgium)', 'Achim Steiner', 'Mrs. Craft (United States of America)', 'No speaker'];

function syntheticMatrix(rows, columns) {
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const counts = Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, () => (rand() < 0.55 ? 0 : Math.floor(rand() * rand() * (60 - r)))));
  const rowTotals = counts.map((row) => row.reduce((a, b) => a + b, 0));
  const columnTotals = Array.from({ length: columns }, (_, c) => counts.reduce((a, row) => a + row[c], 0));
  const palette = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];
  return {
    by: 'speaker', count: 'passages', cooccurrence: 'overlap', folder: 'generated',
    rows: Array.from({ length: rows }, (_, r) => ({ id: `theme-${r}`, label: `Theme ${r}`, color: palette[r % palette.length], uncategorised: false })),
    columns: Array.from({ length: columns }, (_, c) => ({ key: `s${c}`, label: c < NAMES.length ? NAMES[c] : `Delegate ${c} (Country ${c % 37})`, detail: 'Representative' })),
    counts, rowTotals, columnTotals, total: rowTotals.reduce((a, b) => a + b, 0), passages: rowTotals.reduce((a, b) => a + b, 0), documents: 1000, problems: 0, orphans: 0,
  };
}

const strings = {
  heading: 'Themes × {0}', columns: 'Columns', count: 'Count', together: 'Together means',
  byLabels: { speaker: 'Speakers', section: 'Sections', document: 'Documents', theme: 'Themes' },
  countLabels: { passages: 'Passages', documents: 'Documents', chars: 'Coded characters' },
  cooccurrenceLabels: { overlap: 'same or overlapping passages', turn: 'same speaker turn' },
  filterRows: 'Filter themes', filterColumns: 'Filter columns', hideEmpty: 'Hide empty', orderColumns: 'Order columns',
  orderLabels: { found: 'as in the texts', total: 'by total', label: 'A–Z' }, exportCsv: 'Export CSV…', theme: 'Theme', total: 'Total',
  noSpeaker: 'No speaker', noSection: 'No section', summary: '{0} coded passages in {1} documents of {2}', problems: '{0} sidecars cannot be read',
  orphans: '{0} orphaned annotations are not counted', empty: 'No coded passages match.', indexing: 'Indexing…', cellLabel: '{0} × {1}: {2}',
  sortHint: 'Column headers sort the themes; a cell lists its passages (Enter); arrow keys move between cells.', uncategorised: '{0} (not in the codebook)', shown: '{0} themes, {1} columns',
};

export async function benchMatrixWebview({ log = console.log, themes = THEMES, columns = COLUMNS, screenshots = true } = {}) {
  const script = await readFile(join(root, 'dist/media/matrix.js'), 'utf8');
  const css = await readFile(join(root, 'dist/media/matrix.css'), 'utf8');
  const browser = await launchChromium();
  const results = {};
  try {
    for (const theme of ['light', 'dark']) {
      const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
      const vars = Object.entries(THEMES_CSS[theme]).map(([k, v]) => `${k}: ${v};`).join(' ');
      await page.setContent(`<!DOCTYPE html><html><head><style>:root { ${vars} }</style><style>${css}</style></head><body><main id="app"></main></body></html>`);
      await page.evaluate(() => {
        window.__posted = [];
        window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__posted.push(m), getState: () => undefined, setState: () => {} });
      });
      await page.addScriptTag({ content: script });
      const send = (data) => page.evaluate(({ data, strings }) => window.postMessage({ type: 'matrix', data, strings }, '*'), { data, strings });
      const waitRendered = async (n) => page.waitForFunction((n) => window.__posted.filter((m) => m.type === 'rendered').length >= n, n, { timeout: 30000 });
      const lastRender = () => page.evaluate(() => window.__posted.filter((m) => m.type === 'rendered').at(-1));
      const data = syntheticMatrix(themes, columns);
      await send(data);
      await waitRendered(1);
      const first = await lastRender();
      // Sorting by a column header, then typing a filter, as a user would.
      const t0 = Date.now();
      await page.click('thead th:nth-child(5) button');
      await waitRendered(2);
      const sort = await lastRender();
      await page.fill('#row-filter', 'Theme 1');
      await waitRendered(3);
      const filter = await lastRender();
      await page.fill('#row-filter', '');
      await waitRendered(4);
      // Keyboard: focus a cell and move 20 steps right; each step must land within a frame or so.
      await page.focus('#matrix td[tabindex="0"]');
      const keys = Date.now();
      for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowRight');
      for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowDown');
      const keyMs = (Date.now() - keys) / 30;
      const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-c'));
      await page.keyboard.press('Enter');
      const opened = await page.evaluate(() => window.__posted.find((m) => m.type === 'openCell' || m.type === 'openRow'));
      results[theme] = { first: first.ms, sort: sort.ms, filter: filter.ms, keyMs, total: Date.now() - t0, focused, opened };
      log(`${theme}: ${themes} themes x ${columns} columns: first render ${first.ms.toFixed(0)} ms, sort ${sort.ms.toFixed(0)} ms, filter ${filter.ms.toFixed(0)} ms (each until the next frame is painted); arrow key ${keyMs.toFixed(1)} ms per step (driver round trip included); Enter on a cell posts ${opened ? opened.type : 'nothing'}`);
      if (screenshots) {
        await mkdir(join(root, 'artifacts'), { recursive: true });
        // The large matrix after the keyboard moved 20 columns right: the window of laid-out columns followed.
        await page.screenshot({ path: join(root, 'artifacts', `matrix-page-large-${theme}.png`) });
        const small = syntheticMatrix(12, 14);
        const before = await page.evaluate(() => window.__posted.filter((m) => m.type === 'rendered').length);
        await send(small);
        await waitRendered(before + 1);
        await page.screenshot({ path: join(root, 'artifacts', `matrix-page-${theme}.png`) });
      }
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return results;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await benchMatrixWebview();
