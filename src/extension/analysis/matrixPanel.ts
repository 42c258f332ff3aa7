import * as vscode from 'vscode';
import { buildMatrix, cellQuery, columnQuery, matrixCsv, rowQuery, type Matrix, type WorkspaceIndex } from '../../core/analysis';
import { Commands } from '../commandIds';
import { writeTextAtomic } from '../files';
import { log } from '../log';
import type { AnalysisIndex } from './analysisIndex';
import type { FindPassagesArgs } from './findPassages';
import { matrixHtml, type FromWebview, type MatrixData, type MatrixOptionsMessage, type MatrixStrings, type ToWebview } from './matrixProtocol';

export interface MatrixSnapshot {
  /** The last data posted to the page, and the page's last report that it rendered it. */
  readonly data?: MatrixData;
  readonly rendered?: { ms: number; rows: number; columns: number };
  readonly visible: boolean;
}

/** Arguments for scripts and tests: `{ "by": "speaker", "count": "documents" }`. */
type OpenMatrixArgs = Partial<MatrixOptionsMessage> & { readonly folder?: string };

// Open Matrix: a webview of themes × speakers / sections / documents / themes, recomputed from the folder's index
// whenever it changes. A clicked cell lists its passages in the Coded Passages view; Export CSV saves what is shown.
export function registerMatrixPanel(context: vscode.ExtensionContext, index: AnalysisIndex): { disposable: vscode.Disposable; snapshot(): MatrixSnapshot } {
  let panel: vscode.WebviewPanel | undefined;
  let folder: vscode.WorkspaceFolder | undefined;
  let options: MatrixOptionsMessage = { by: 'speaker', count: 'passages', cooccurrence: 'overlap' };
  let matrix: Matrix | undefined;
  let lastData: MatrixData | undefined;
  let rendered: MatrixSnapshot['rendered'];
  let ready = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const panelDisposables: vscode.Disposable[] = [];

  const post = (message: ToWebview): void => {
    if (panel && ready) void panel.webview.postMessage(message);
  };

  const update = async (): Promise<void> => {
    if (!panel || !folder) return;
    if (!index.peek(folder)) post({ type: 'indexing', strings: strings() });
    const idx = await index.ready(folder);
    if (!idx || !panel) return;
    const started = Date.now();
    matrix = buildMatrix(idx.passages(), idx.themes(), options);
    lastData = toData(matrix, idx, folder);
    panel.title = vscode.l10n.t('Matrix: Themes × {0}', byLabel(options.by));
    post({ type: 'matrix', data: lastData, strings: strings() });
    log().debug(`matrix ${options.by}/${options.count}: ${matrix.rows.length} × ${matrix.columns.length} in ${Date.now() - started} ms`);
  };
  const scheduleUpdate = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => void update(), 150);
  };

  const open = async (args?: OpenMatrixArgs): Promise<MatrixSnapshot> => {
    folder = (args?.folder && vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(args.folder))) || folder || index.folderFor();
    if (!folder) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder with annotated documents to see its matrix.'));
      return snapshot();
    }
    options = { ...options, ...pick(args) };
    if (panel) {
      panel.reveal();
      await update();
      return snapshot();
    }
    const mediaRoot = vscode.Uri.joinPath(context.extensionUri, 'dist', 'media');
    panel = vscode.window.createWebviewPanel('policyLens.matrix', vscode.l10n.t('Matrix'), vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [mediaRoot],
      retainContextWhenHidden: false,
    });
    const nonce = makeNonce();
    panel.webview.html = matrixHtml({
      cspSource: panel.webview.cspSource,
      nonce,
      scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot, 'matrix.js')).toString(),
      styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot, 'matrix.css')).toString(),
      title: vscode.l10n.t('Matrix'),
      lang: vscode.env.language,
    });
    ready = false;
    panelDisposables.push(
      panel.webview.onDidReceiveMessage((m: FromWebview) => void onMessage(m)),
      panel.onDidDispose(() => {
        panel = undefined;
        ready = false;
        rendered = undefined;
        for (const d of panelDisposables.splice(0)) d.dispose();
      }),
      // A hidden webview is unloaded (no retained context): it asks again with "ready" when shown.
      panel.onDidChangeViewState((e) => { if (!e.webviewPanel.visible) ready = false; }),
    );
    await update();
    return snapshot();
  };

  const onMessage = async (m: FromWebview): Promise<void> => {
    switch (m.type) {
      case 'ready':
        ready = true;
        await update();
        return;
      case 'options':
        options = { by: m.by, count: m.count, cooccurrence: m.cooccurrence };
        await update();
        return;
      case 'rendered':
        rendered = { ms: m.ms, rows: m.rows, columns: m.columns };
        return;
      case 'openCell':
      case 'openRow':
      case 'openColumn': {
        if (!matrix || !folder) return;
        const find: FindPassagesArgs = m.type === 'openCell'
          ? { query: cellQuery(matrix, m.row, m.column), origin: `${matrix.rows[m.row].label} × ${columnName(matrix, m.column)}`, folder: folder.uri.toString() }
          : m.type === 'openRow'
            ? { query: rowQuery(matrix, m.row), origin: matrix.rows[m.row].label, folder: folder.uri.toString() }
            : { query: columnQuery(matrix, m.column), origin: columnName(matrix, m.column), folder: folder.uri.toString() };
        await vscode.commands.executeCommand(Commands.findPassages, find);
        return;
      }
      case 'exportCsv':
        await exportCsv(m.rows, m.columns);
        return;
    }
  };

  const exportCsv = async (rows: readonly number[], columns: readonly number[]): Promise<void> => {
    if (!matrix || !folder) return;
    const shown: Matrix = {
      ...matrix,
      rows: rows.map((r) => matrix!.rows[r]),
      columns: columns.map((c) => matrix!.columns[c]),
      counts: rows.map((r) => columns.map((c) => matrix!.counts[r][c])),
      rowTotals: rows.map((r) => matrix!.rowTotals[r]),
      columnTotals: columns.map((c) => matrix!.columnTotals[c]),
    };
    const target = await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.joinPath(folder.uri, `themes-by-${matrix.by}-${matrix.count}.csv`),
      filters: { CSV: ['csv'] },
      title: vscode.l10n.t('Export Matrix as CSV'),
    });
    if (!target) return;
    try {
      await writeTextAtomic(target, matrixCsv(shown));
      void vscode.window.showInformationMessage(vscode.l10n.t('Saved the matrix ({0} themes × {1} columns) to {2}.', rows.length, columns.length, vscode.workspace.asRelativePath(target)));
    } catch (err) {
      log().error(`could not write ${target.toString(true)}`, err);
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not save the matrix: {0}', err instanceof Error ? err.message : String(err)));
    }
  };

  const snapshot = (): MatrixSnapshot => ({ data: lastData, rendered, visible: !!panel?.visible });

  const disposable = vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.openMatrix, async (args?: OpenMatrixArgs) => {
      try {
        return await open(args);
      } catch (err) {
        log().error('Open Matrix failed', err);
        void vscode.window.showErrorMessage(vscode.l10n.t('The matrix could not be opened: {0}', err instanceof Error ? err.message : String(err)));
        return undefined;
      }
    }),
    index.onDidChange((f) => { if (panel && f === folder) scheduleUpdate(); }),
    new vscode.Disposable(() => {
      clearTimeout(timer);
      panel?.dispose();
    }),
  );
  return { disposable, snapshot };
}

function pick(args: OpenMatrixArgs | undefined): Partial<MatrixOptionsMessage> {
  const out: { -readonly [K in keyof MatrixOptionsMessage]?: MatrixOptionsMessage[K] } = {};
  if (args?.by && ['speaker', 'section', 'document', 'theme'].includes(args.by)) out.by = args.by;
  if (args?.count && ['passages', 'documents', 'chars'].includes(args.count)) out.count = args.count;
  if (args?.cooccurrence && ['overlap', 'turn'].includes(args.cooccurrence)) out.cooccurrence = args.cooccurrence;
  return out;
}

function columnName(matrix: Matrix, column: number): string {
  const c = matrix.columns[column];
  if (c.key === '' && matrix.by === 'speaker') return vscode.l10n.t('No speaker');
  if (c.key === '' && matrix.by === 'section') return vscode.l10n.t('No section');
  return c.label;
}

function toData(matrix: Matrix, idx: WorkspaceIndex, folder: vscode.WorkspaceFolder): MatrixData {
  return {
    by: matrix.by, count: matrix.count, cooccurrence: matrix.cooccurrence,
    folder: folder.name,
    rows: matrix.rows.map((r) => ({ id: r.id, label: r.label, color: r.color, uncategorised: !!r.uncategorised })),
    columns: matrix.columns.map((c) => ({ key: c.key, label: c.label, ...(c.detail && { detail: c.detail }) })),
    counts: matrix.counts, rowTotals: matrix.rowTotals, columnTotals: matrix.columnTotals, total: matrix.total,
    passages: idx.passages().length, documents: idx.documents().length - idx.problems().length,
    problems: idx.problems().length, orphans: idx.orphans().length,
  };
}

function byLabel(by: MatrixOptionsMessage['by']): string {
  return strings().byLabels[by];
}

function strings(): MatrixStrings {
  return {
    heading: vscode.l10n.t('Themes × {0}'),
    columns: vscode.l10n.t('Columns'),
    count: vscode.l10n.t('Count'),
    together: vscode.l10n.t('Together means'),
    byLabels: { speaker: vscode.l10n.t('Speakers'), section: vscode.l10n.t('Sections'), document: vscode.l10n.t('Documents'), theme: vscode.l10n.t('Themes') },
    countLabels: { passages: vscode.l10n.t('Passages'), documents: vscode.l10n.t('Documents'), chars: vscode.l10n.t('Coded characters') },
    cooccurrenceLabels: { overlap: vscode.l10n.t('same or overlapping passages'), turn: vscode.l10n.t('same speaker turn') },
    filterRows: vscode.l10n.t('Filter themes'),
    filterColumns: vscode.l10n.t('Filter columns'),
    hideEmpty: vscode.l10n.t('Hide empty'),
    orderColumns: vscode.l10n.t('Order columns'),
    orderLabels: { found: vscode.l10n.t('as in the texts'), total: vscode.l10n.t('by total'), label: vscode.l10n.t('A–Z') },
    exportCsv: vscode.l10n.t('Export CSV…'),
    theme: vscode.l10n.t('Theme'),
    total: vscode.l10n.t('Total'),
    noSpeaker: vscode.l10n.t('No speaker'),
    noSection: vscode.l10n.t('No section'),
    summary: vscode.l10n.t('{0} coded passages in {1} documents of {2}'),
    problems: vscode.l10n.t('{0} sidecars cannot be read and are not counted (see the Coded Passages view)'),
    orphans: vscode.l10n.t('{0} orphaned annotations are not counted'),
    empty: vscode.l10n.t('No coded passages match. Tag passages with themes, or clear the filters.'),
    indexing: vscode.l10n.t('Indexing the coded passages of the folder…'),
    cellLabel: vscode.l10n.t('{0} × {1}: {2}'),
    sortHint: vscode.l10n.t('Column headers sort the themes; a cell lists its passages (Enter); arrow keys move between cells.'),
    uncategorised: vscode.l10n.t('{0} (not in the codebook)'),
    shown: vscode.l10n.t('{0} themes, {1} columns'),
  };
}

function makeNonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  const random = new Uint32Array(32);
  crypto.getRandomValues(random);
  for (const n of random) s += chars[n % chars.length];
  return s;
}
