// The messages between the Matrix view and its webview, one union per direction. The webview script
// (media/matrix/matrix.ts) imports this file too, so a renamed field breaks the build, not the view.
// No `vscode` here: the page cannot load it.

export type MatrixByOption = 'speaker' | 'section' | 'document' | 'theme';
export type MatrixCountOption = 'passages' | 'documents' | 'chars';
export type CooccurrenceOption = 'overlap' | 'turn';

export interface MatrixOptionsMessage {
  readonly by: MatrixByOption;
  readonly count: MatrixCountOption;
  readonly cooccurrence: CooccurrenceOption;
}

export interface MatrixData extends MatrixOptionsMessage {
  readonly folder: string;
  readonly rows: readonly { readonly id: string; readonly label: string; readonly color: string; readonly uncategorised: boolean }[];
  readonly columns: readonly { readonly key: string; readonly label: string; readonly detail?: string }[];
  readonly counts: readonly (readonly number[])[];
  readonly rowTotals: readonly number[];
  readonly columnTotals: readonly number[];
  readonly total: number;
  /** Placed passages and annotated documents in the folder; unreadable sidecars left out. */
  readonly passages: number;
  readonly documents: number;
  readonly problems: number;
  readonly orphans: number;
}

/** Every string the page shows, localised by the extension. */
export interface MatrixStrings {
  readonly heading: string;
  readonly columns: string;
  readonly count: string;
  readonly together: string;
  readonly byLabels: Readonly<Record<MatrixByOption, string>>;
  readonly countLabels: Readonly<Record<MatrixCountOption, string>>;
  readonly cooccurrenceLabels: Readonly<Record<CooccurrenceOption, string>>;
  readonly filterRows: string;
  readonly filterColumns: string;
  readonly hideEmpty: string;
  readonly orderColumns: string;
  readonly orderLabels: Readonly<Record<'found' | 'total' | 'label', string>>;
  readonly exportCsv: string;
  readonly theme: string;
  readonly total: string;
  readonly noSpeaker: string;
  readonly noSection: string;
  /** `{0}` passages, `{1}` documents, `{2}` folder. */
  readonly summary: string;
  readonly problems: string;
  readonly orphans: string;
  readonly empty: string;
  readonly indexing: string;
  readonly cellLabel: string;
  readonly sortHint: string;
  readonly uncategorised: string;
  readonly shown: string;
}

export type ToWebview =
  | { readonly type: 'matrix'; readonly data: MatrixData; readonly strings: MatrixStrings }
  | { readonly type: 'indexing'; readonly strings: MatrixStrings };

export type FromWebview =
  | { readonly type: 'ready' }
  | ({ readonly type: 'options' } & MatrixOptionsMessage)
  /** Indexes into the rows and columns of the data sent, not the order shown. */
  | { readonly type: 'openCell'; readonly row: number; readonly column: number }
  | { readonly type: 'openRow'; readonly row: number }
  | { readonly type: 'openColumn'; readonly column: number }
  /** The rows and columns shown, in the order shown: the export is what the user sees. */
  | { readonly type: 'exportCsv'; readonly rows: readonly number[]; readonly columns: readonly number[] }
  | { readonly type: 'rendered'; readonly ms: number; readonly rows: number; readonly columns: number };

/** The page around the script: a CSP that allows only our nonce'd script and stylesheet, nothing from the network. */
export function matrixHtml(opts: { cspSource: string; nonce: string; scriptUri: string; styleUri: string; title: string; lang: string }): string {
  const csp = [
    "default-src 'none'",
    `style-src ${opts.cspSource}`,
    `script-src 'nonce-${opts.nonce}'`,
    `img-src ${opts.cspSource} data:`,
    `font-src ${opts.cspSource}`,
  ].join('; ');
  const esc = (s: string): string => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
  return `<!DOCTYPE html>
<html lang="${esc(opts.lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${esc(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${esc(opts.styleUri)}">
<title>${esc(opts.title)}</title>
</head>
<body>
<main id="app" aria-busy="true"></main>
<script nonce="${esc(opts.nonce)}" src="${esc(opts.scriptUri)}"></script>
</body>
</html>`;
}
