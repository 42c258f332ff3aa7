import * as vscode from 'vscode';
import { WorkspaceIndex } from '../../core/analysis';
import type { AnnotationStore } from '../annotations/annotationStore';
import type { CodebookStore } from '../annotations/codebookStore';
import { canAnnotate, documentUriOfSidecar, readText, sidecarUri } from '../files';
import { log } from '../log';

/** One workspace folder's index, and whether it has been built. */
interface FolderIndex {
  readonly folder: vscode.WorkspaceFolder;
  readonly index: WorkspaceIndex;
  building?: Promise<void>;
  built: boolean;
}

/** Above this many sidecars the first build shows a notification with a Cancel button; below, the status bar. */
const LARGE_FOLDER = 200;
/** Documents read between yields to the event loop, so that typing never waits for the index. */
const BATCH = 8;

// The coded passages of each workspace folder, built on first use (Find Coded Passages, the matrix, the Themes
// view's counts) and kept up to date one document at a time: a sidecar or document changed on disk, an edit in
// an open document (its live ranges, from the annotation store), the codebook. Sidecars are read and parsed by
// the same core as the annotation store, through vscode.workspace.fs; nothing here writes.
export class AnalysisIndex implements vscode.Disposable {
  private readonly folders = new Map<string, FolderIndex>();
  private readonly changed = new vscode.EventEmitter<vscode.WorkspaceFolder>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  /** The update under way for each document: the next one waits for it, so that an older read never lands last. */
  private readonly running = new Map<string, Promise<void>>();
  private fireTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly dirtyFolders = new Set<vscode.WorkspaceFolder>();

  /** Fires (debounced) after an index changed. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly store: AnnotationStore, private readonly codebooks: CodebookStore) {
    const sidecars = vscode.workspace.createFileSystemWatcher('**/*.annotations.yaml');
    // Documents changed outside the editor (git checkout) move their passages too; only indexed ones matter.
    const files = vscode.workspace.createFileSystemWatcher('**/*', true, false, false);
    this.disposables.push(
      sidecars, files,
      sidecars.onDidCreate((uri) => this.onSidecarEvent(uri)),
      sidecars.onDidChange((uri) => this.onSidecarEvent(uri)),
      sidecars.onDidDelete((uri) => this.onSidecarEvent(uri)),
      files.onDidChange((uri) => { if (!uri.path.endsWith('.annotations.yaml') && this.isIndexed(uri)) this.schedule(uri, 50); }),
      files.onDidDelete((uri) => { if (this.isIndexed(uri)) this.schedule(uri, 50); }),
      store.onDidChange((document) => { if (this.isTracked(document.uri)) this.schedule(document.uri, 150); }),
      vscode.workspace.onDidChangeTextDocument((e) => { if (e.contentChanges.length && this.isIndexed(e.document.uri)) this.schedule(e.document.uri, 300); }),
      // A closed document's unsaved edits are gone: what counts is the disk again.
      vscode.workspace.onDidCloseTextDocument((d) => { if (this.isIndexed(d.uri)) this.schedule(d.uri, 0); }),
      codebooks.onDidChange((uri) => void this.onCodebookChanged(uri)),
      vscode.workspace.onDidChangeWorkspaceFolders((e) => {
        for (const f of e.removed) this.folders.delete(f.uri.toString());
      }),
    );
  }

  /** The folder a command works on: the active document's, else the only (or first) one. */
  folderFor(uri?: vscode.Uri): vscode.WorkspaceFolder | undefined {
    const active = uri ?? vscode.window.activeTextEditor?.document.uri;
    return (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
  }

  /** The folder's index, built first if needed (with progress, cancellable); undefined when cancelled. */
  async ready(folder: vscode.WorkspaceFolder, quiet = false): Promise<WorkspaceIndex | undefined> {
    const entry = this.entryFor(folder);
    if (!entry.built) {
      entry.building ??= this.build(entry, quiet).finally(() => { entry.building = undefined; });
      await entry.building;
    }
    return entry.built ? entry.index : undefined;
  }

  /** The folder's index if it is built, without building it. */
  peek(folder: vscode.WorkspaceFolder | undefined): WorkspaceIndex | undefined {
    const entry = folder && this.folders.get(folder.uri.toString());
    return entry?.built ? entry.index : undefined;
  }

  /** The workspace-relative path of a document, with `/`. */
  pathOf(folder: vscode.WorkspaceFolder, uri: vscode.Uri): string {
    const base = folder.uri.path.endsWith('/') ? folder.uri.path : `${folder.uri.path}/`;
    return uri.path.startsWith(base) ? uri.path.slice(base.length) : uri.path;
  }

  uriOf(folder: vscode.WorkspaceFolder, path: string): vscode.Uri {
    return vscode.Uri.joinPath(folder.uri, ...path.split('/'));
  }

  private entryFor(folder: vscode.WorkspaceFolder): FolderIndex {
    const key = folder.uri.toString();
    let entry = this.folders.get(key);
    if (!entry) {
      entry = { folder, index: new WorkspaceIndex(), built: false };
      this.folders.set(key, entry);
    }
    return entry;
  }

  /** `quiet`: started by a view rather than a command, so progress stays in the status bar. */
  private async build(entry: FolderIndex, quiet: boolean): Promise<void> {
    const started = Date.now();
    const sidecars = await vscode.workspace.findFiles(new vscode.RelativePattern(entry.folder, '**/*.annotations.yaml'), '**/node_modules/**');
    const location = sidecars.length > LARGE_FOLDER && !quiet ? vscode.ProgressLocation.Notification : vscode.ProgressLocation.Window;
    const cancelled = await vscode.window.withProgress(
      { location, title: vscode.l10n.t('Indexing coded passages'), cancellable: location === vscode.ProgressLocation.Notification },
      async (progress, token) => {
        const { codebook } = await this.codebooks.get(vscode.Uri.joinPath(entry.folder.uri, 'document'));
        entry.index.setCodebook(codebook);
        for (let i = 0; i < sidecars.length; i++) {
          if (token.isCancellationRequested) return true;
          const document = documentUriOfSidecar(sidecars[i]);
          if (document) await this.update(entry, document);
          if (i % BATCH === BATCH - 1) {
            progress.report({ message: vscode.l10n.t('{0} of {1} documents', i + 1, sidecars.length), increment: (BATCH / sidecars.length) * 100 });
            await new Promise((r) => setTimeout(r, 0));
          }
        }
        return false;
      },
    );
    if (cancelled) {
      log().info(`indexing ${entry.folder.name} cancelled`);
      // Half an index would show wrong counts: the next use starts again.
      this.folders.delete(entry.folder.uri.toString());
      return;
    }
    entry.built = true;
    log().info(`indexed ${entry.folder.name}: ${entry.index.passages().length} passages, ${entry.index.orphans().length} orphans in ${entry.index.documents().length} documents (${Date.now() - started} ms)`);
    this.fire(entry.folder);
  }

  /** Brings one document into the index as it is now: live from the store when open, else from the disk. */
  private async update(entry: FolderIndex, document: vscode.Uri): Promise<void> {
    const path = this.pathOf(entry.folder, document);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === document.toString());
    if (open && canAnnotate(open)) {
      const state = await this.store.ready(open);
      if (state?.error) entry.index.setProblem(path, state.error);
      else if (state?.session && (state.session.annotations.length || entry.index.has(path))) entry.index.setLive(path, open.getText(), state.session.annotations);
      else entry.index.remove(path);
      return;
    }
    let sidecar: string | undefined;
    let text: string | undefined;
    try {
      sidecar = await readText(sidecarUri(document));
      text = sidecar === undefined ? undefined : await readText(document);
    } catch (err) {
      entry.index.setProblem(path, { message: err instanceof Error ? err.message : String(err), line: 1, column: 1 });
      return;
    }
    if (sidecar === undefined) {
      entry.index.remove(path);
      return;
    }
    if (text === undefined) {
      // A sidecar without its document: nothing to place its annotations in; it is not counted.
      entry.index.remove(path);
      log().warn(`${sidecarUri(document).toString(true)} has no document beside it; its annotations are not counted`);
      return;
    }
    const error = entry.index.setFromFiles(path, text.replace(/^\uFEFF/, ''), sidecar);
    if (error) log().warn(`${sidecarUri(document).toString(true)}:${error.line}:${error.column}: ${error.message} (left out of the analysis)`);
  }

  private isTracked(uri: vscode.Uri): boolean {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return !!folder && !!this.folders.get(folder.uri.toString())?.built;
  }

  private isIndexed(uri: vscode.Uri): boolean {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const entry = folder && this.folders.get(folder.uri.toString());
    return !!entry?.built && entry.index.has(this.pathOf(entry.folder, uri));
  }

  private onSidecarEvent(sidecar: vscode.Uri): void {
    const document = documentUriOfSidecar(sidecar);
    if (document && this.isTracked(document)) this.schedule(document, 50);
  }

  /** Coalesces the events of one document (a save writes the document and its sidecar). */
  private schedule(document: vscode.Uri, delay: number): void {
    const key = document.toString();
    clearTimeout(this.pending.get(key));
    this.pending.set(key, setTimeout(() => {
      this.pending.delete(key);
      const folder = vscode.workspace.getWorkspaceFolder(document);
      const entry = folder && this.folders.get(folder.uri.toString());
      if (!entry?.built) return;
      const job = (this.running.get(key) ?? Promise.resolve())
        .then(() => this.update(entry, document))
        .then(() => this.fire(entry.folder), (err: unknown) => log().error(`could not index ${document.toString(true)}`, err));
      this.running.set(key, job);
      void job.then(() => { if (this.running.get(key) === job) this.running.delete(key); });
    }, delay));
  }

  private async onCodebookChanged(uri: vscode.Uri): Promise<void> {
    for (const entry of this.folders.values()) {
      if (!entry.built || this.codebooks.uriFor(vscode.Uri.joinPath(entry.folder.uri, 'document')).toString() !== uri.toString()) continue;
      const { codebook } = await this.codebooks.get(vscode.Uri.joinPath(entry.folder.uri, 'document'));
      entry.index.setCodebook(codebook);
      this.fire(entry.folder);
    }
  }

  private fire(folder: vscode.WorkspaceFolder): void {
    this.dirtyFolders.add(folder);
    clearTimeout(this.fireTimer);
    this.fireTimer = setTimeout(() => {
      const folders = [...this.dirtyFolders];
      this.dirtyFolders.clear();
      for (const f of folders) this.changed.fire(f);
    }, 50);
  }

  dispose(): void {
    for (const t of this.pending.values()) clearTimeout(t);
    clearTimeout(this.fireTimer);
    for (const d of this.disposables) d.dispose();
  }
}
