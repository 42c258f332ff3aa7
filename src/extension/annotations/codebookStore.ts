import * as vscode from 'vscode';
import { CODEBOOK_PATH, emptyCodebook, parseCodebook, serializeCodebook, type Codebook, type CodebookEdit, type ParsedCodebook, type SourceError } from '../../core/annotations';
import { readText, writeTextAtomic } from '../files';
import { log } from '../log';
import { reportSidecarError } from './sidecarErrors';

interface Entry {
  uri: vscode.Uri;
  parsed?: ParsedCodebook;
  error?: SourceError;
  lastText?: string;
  loading?: Promise<void>;
}

const empty: Codebook = { version: 1, themes: [] };

// The codebook of each workspace folder (`.policy-lens/codebook.yaml`), shared by all its documents.
// A document outside any folder uses a codebook in its own folder. A codebook that cannot be read keeps
// its themes hidden and is never written; theme ids in sidecars still show, as uncategorised.
export class CodebookStore implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly disposables: vscode.Disposable[] = [this.changed];

  readonly onDidChange = this.changed.event;

  constructor() {
    // Watch by file name: a glob through the dot-folder (`**/.policy-lens/...`) is not matched by every
    // file watcher.
    const watcher = vscode.workspace.createFileSystemWatcher('**/codebook.yaml');
    const reload = (uri: vscode.Uri): void => {
      const entry = this.entries.get(uri.toString());
      if (!entry) return;
      void readText(uri).catch(() => undefined).then((text) => {
        if (text !== entry.lastText) this.apply(entry, text);
      });
    };
    this.disposables.push(watcher, watcher.onDidChange(reload), watcher.onDidCreate(reload), watcher.onDidDelete(reload));
  }

  uriFor(document: vscode.Uri): vscode.Uri {
    const folder = vscode.workspace.getWorkspaceFolder(document)?.uri
      ?? (document.path.includes('/') ? document.with({ path: document.path.slice(0, document.path.lastIndexOf('/')) || '/' }) : vscode.workspace.workspaceFolders?.[0]?.uri)
      ?? document;
    return vscode.Uri.joinPath(folder, CODEBOOK_PATH);
  }

  /**
   * The codebook for a document as far as it is loaded; the first call starts loading it, and
   * onDidChange fires when it is there, so views and decorations repaint with the theme colours.
   */
  peek(document: vscode.Uri): Codebook {
    const uri = this.uriFor(document);
    const entry = this.entries.get(uri.toString());
    if (!entry) void this.load(uri);
    return entry?.parsed?.codebook ?? empty;
  }

  /** The codebook for a document, checked against the file (a watcher event may not have arrived yet). */
  async get(document: vscode.Uri): Promise<{ uri: vscode.Uri; codebook: Codebook; error?: SourceError }> {
    const entry = await this.load(this.uriFor(document));
    const onDisk = await readText(entry.uri).catch(() => entry.lastText);
    if (onDisk !== entry.lastText) this.apply(entry, onDisk);
    return { uri: entry.uri, codebook: entry.parsed?.codebook ?? empty, error: entry.error };
  }

  /** Applies a codebook operation and writes the file; refuses while the file has an error. */
  async edit(document: vscode.Uri, operation: (codebook: ParsedCodebook) => CodebookEdit): Promise<Codebook> {
    const entry = await this.load(this.uriFor(document));
    // Re-read first: the file may have changed since (git pull, another window).
    const onDisk = await readText(entry.uri).catch(() => entry.lastText);
    if (onDisk !== entry.lastText) this.apply(entry, onDisk);
    if (entry.error) {
      reportSidecarError(entry.uri, entry.error, 'write');
      throw new Error(`${entry.uri.path}:${entry.error.line}:${entry.error.column}: ${entry.error.message}`);
    }
    const result = operation(entry.parsed ?? emptyCodebook());
    if (!result.ok) throw new Error(result.message);
    const text = serializeCodebook(result.value);
    await writeTextAtomic(entry.uri, text);
    log().info(`wrote ${entry.uri.toString(true)} (${result.value.codebook.themes.length} themes)`);
    this.apply(entry, text);
    return result.value.codebook;
  }

  private async load(uri: vscode.Uri): Promise<Entry> {
    let entry = this.entries.get(uri.toString());
    if (!entry) {
      const e: Entry = { uri };
      entry = e;
      this.entries.set(uri.toString(), e);
      e.loading = readText(uri).then(
        (text) => this.apply(e, text),
        (err: unknown) => this.apply(e, undefined, { message: String(err instanceof Error ? err.message : err), line: 1, column: 1 }),
      ).finally(() => { e.loading = undefined; });
    }
    await entry.loading;
    return entry;
  }

  private apply(entry: Entry, text: string | undefined, readError?: SourceError): void {
    entry.lastText = text;
    entry.error = readError;
    entry.parsed = undefined;
    if (text !== undefined) {
      const parsed = parseCodebook(text);
      if (parsed.ok) entry.parsed = parsed;
      else {
        entry.error = parsed.error;
        log().error(`${entry.uri.toString(true)}:${parsed.error.line}:${parsed.error.column}: ${parsed.error.message}`);
        reportSidecarError(entry.uri, parsed.error, 'read');
      }
    }
    this.changed.fire(entry.uri);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
