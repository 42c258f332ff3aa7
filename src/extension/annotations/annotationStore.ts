import * as vscode from 'vscode';
import { emptySidecar, parseSidecar, serializeSidecar, type SidecarParse, type SourceError } from '../../core/annotations';
import { LiveSession } from '../../core/annotations/liveSession';
import { baseName, canAnnotate, ChangedOnDiskError, exists, readText, sidecarUri, writeTextAtomic } from '../files';
import { log } from '../log';
import { forgetReported, reportSidecarError, reportWriteError } from './sidecarErrors';

type ParsedSidecar = SidecarParse & { ok: true };

/** The annotation state of one open document. */
export interface DocumentAnnotations {
  readonly document: vscode.TextDocument;
  readonly sidecar: vscode.Uri;
  /** The live annotations; undefined while the sidecar is unreadable (then `error` says why). */
  readonly session?: LiveSession;
  readonly error?: SourceError;
}

interface Entry {
  document: vscode.TextDocument;
  sidecar: vscode.Uri;
  session?: LiveSession;
  error?: SourceError;
  /** The parse that the next write builds on, so that comments and unknown keys survive. */
  base?: ParsedSidecar;
  /**
   * The text last read from or written to the sidecar: a watcher event with this text is our own write.
   * It is set before a write starts, so that the file's appearance (auto-save during a slow write) is
   * never taken for a change made elsewhere.
   */
  lastText?: string;
  /** Texts this window wrote lately: the watcher may report any of them, late and out of order. */
  own: string[];
  /** A write is in flight: disk events wait for it (it compares the file before replacing it anyway). */
  writing?: boolean;
  recheck?: boolean;
  loading?: Promise<void>;
  orphanTimer?: ReturnType<typeof setTimeout>;
}

// Owns the annotations of every open document: loads each sidecar once (re-anchoring when the text
// changed elsewhere), keeps ranges on their passages while the user types, writes the sidecar when the
// annotations or the saved text change, follows changes made to the sidecar on disk, and moves it with
// its document. A sidecar that cannot be read is reported and never written.
export class AnnotationStore implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly changed = new vscode.EventEmitter<vscode.TextDocument>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private writeQueue: Promise<unknown> = Promise.resolve();

  readonly onDidChange = this.changed.event;
  /** What the store did, counted: a reload of its own write is a bug the integration tests look for. */
  readonly counts = { writes: 0, reloadsFromDisk: 0 };

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.annotations.yaml');
    this.disposables.push(
      watcher,
      watcher.onDidChange((uri) => this.onSidecarChangedOnDisk(uri)),
      watcher.onDidCreate((uri) => this.onSidecarChangedOnDisk(uri)),
      watcher.onDidDelete((uri) => this.onSidecarChangedOnDisk(uri)),
      vscode.workspace.onDidOpenTextDocument((d) => void this.load(d)),
      vscode.workspace.onDidCloseTextDocument((d) => this.onClose(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.onEdit(e)),
      vscode.workspace.onDidSaveTextDocument((d) => this.onSave(d)),
      vscode.workspace.onWillRenameFiles((e) => this.onWillRename(e)),
      vscode.workspace.onDidRenameFiles((e) => void this.onDidRename(e)),
    );
    for (const d of vscode.workspace.textDocuments) void this.load(d);
  }

  /**
   * While the sidecar cannot be read, its annotations are not offered at all (no highlights, hovers or
   * targets for commands): nothing can be typed into them that could not be kept.
   */
  get(document: vscode.TextDocument): DocumentAnnotations | undefined {
    const entry = this.entries.get(document.uri.toString());
    if (!entry) return undefined;
    return { document: entry.document, sidecar: entry.sidecar, error: entry.error, session: entry.error ? undefined : entry.session };
  }

  /** The annotations of a document, loading its sidecar first if needed. */
  async ready(document: vscode.TextDocument): Promise<DocumentAnnotations | undefined> {
    await this.load(document);
    return this.get(document);
  }

  /**
   * Changes the annotations of a document and writes its sidecar. `edit` gets the live session (created
   * empty when the document has no sidecar yet) and the current text.
   */
  async modify<T>(document: vscode.TextDocument, edit: (session: LiveSession, text: string) => T): Promise<T> {
    const entry = await this.ensure(document);
    if (entry.error) {
      reportSidecarError(entry.sidecar, entry.error, 'write');
      throw new SidecarUnreadableError(entry.sidecar, entry.error);
    }
    const text = document.getText();
    entry.session ??= new LiveSession(emptySidecar(baseName(document.uri), ''), text);
    const result = edit(entry.session, text);
    this.changed.fire(document);
    await this.write(entry).catch((err: unknown) => reportWriteError(entry.sidecar, err));
    return result;
  }

  private async ensure(document: vscode.TextDocument): Promise<Entry> {
    await this.load(document);
    const entry = this.entries.get(document.uri.toString());
    if (!entry) throw new Error(vscode.l10n.t('{0} cannot be annotated: it is not a saved file on a writable file system.', baseName(document.uri)));
    return entry;
  }

  private load(document: vscode.TextDocument): Promise<void> {
    if (!canAnnotate(document)) return Promise.resolve();
    const key = document.uri.toString();
    let entry = this.entries.get(key);
    if (entry) return entry.loading ?? Promise.resolve();
    entry = { document, sidecar: sidecarUri(document.uri), own: [] };
    this.entries.set(key, entry);
    const e = entry;
    e.loading = this.read(e).finally(() => {
      e.loading = undefined;
    });
    return e.loading;
  }

  private async read(entry: Entry): Promise<void> {
    let text: string | undefined;
    try {
      text = await readText(entry.sidecar);
    } catch (err) {
      log().error(`cannot read ${entry.sidecar.toString(true)}`, err);
      entry.error = { message: String(err instanceof Error ? err.message : err), line: 1, column: 1 };
      this.changed.fire(entry.document);
      return;
    }
    this.applyDiskText(entry, text);
  }

  private applyDiskText(entry: Entry, text: string | undefined): void {
    entry.lastText = text;
    // A file written elsewhere is the newest: our earlier texts, seen again, would be changes now.
    entry.own = [];
    if (text === undefined) {
      // No sidecar (never made, or deleted on disk): only what was made or edited here and not written
      // yet remains.
      entry.error = undefined;
      entry.base = undefined;
      entry.session?.replaceFrom(emptySidecar(baseName(entry.document.uri), ''), entry.document.getText());
      this.changed.fire(entry.document);
      return;
    }
    const parsed = parseSidecar(text, { documentName: baseName(entry.document.uri), text: entry.document.isDirty ? undefined : entry.document.getText() });
    if (!parsed.ok) {
      entry.error = parsed.error;
      entry.base = undefined;
      log().error(`${entry.sidecar.toString(true)}:${parsed.error.line}:${parsed.error.column}: ${parsed.error.message}`);
      reportSidecarError(entry.sidecar, parsed.error, 'read');
      this.changed.fire(entry.document);
      return;
    }
    entry.error = undefined;
    entry.base = parsed;
    forgetReported(entry.sidecar);
    const current = entry.document.getText();
    if (entry.session) entry.session.replaceFrom(parsed.sidecar, current);
    else entry.session = new LiveSession(parsed.sidecar, current);
    const orphans = entry.session.orphans.length;
    if (orphans) log().warn(`${baseName(entry.document.uri)}: ${orphans} annotation(s) could not be placed and are listed as orphans`);
    this.changed.fire(entry.document);
  }

  private onEdit(e: vscode.TextDocumentChangeEvent): void {
    const entry = this.entries.get(e.document.uri.toString());
    if (!entry?.session || e.contentChanges.length === 0) return;
    if (entry.session.applyEdits(e.contentChanges, () => e.document.getText())) this.changed.fire(e.document);
    this.scheduleOrphanSearch(entry);
  }

  /**
   * Orphans are looked for again once typing pauses: an undo, a revert or a paste can bring their
   * passage back. The same confidence rules apply as when a sidecar is read.
   */
  private scheduleOrphanSearch(entry: Entry): void {
    clearTimeout(entry.orphanTimer);
    entry.orphanTimer = setTimeout(() => {
      const text = entry.document.getText();
      // Selectors follow the passages first, so that one deleted next is remembered as it was now.
      entry.session?.refreshTargets(text);
      if (entry.session?.reanchorOrphans(text)) this.changed.fire(entry.document);
    }, 300);
  }

  private onSave(document: vscode.TextDocument): void {
    const entry = this.entries.get(document.uri.toString());
    if (entry?.session && !entry.error && entry.session.annotations.length) {
      this.write(entry).catch((err: unknown) => reportWriteError(entry.sidecar, err));
    }
  }

  /**
   * Changing a document's language closes and reopens it: the entry, with its edit-tracked ranges, is
   * dropped only if the document is really gone.
   */
  private onClose(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    setTimeout(() => {
      const reopened = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
      const entry = this.entries.get(key);
      if (!entry) return;
      if (reopened) {
        entry.document = reopened;
        return;
      }
      clearTimeout(entry.orphanTimer);
      this.entries.delete(key);
    }, 0);
  }

  /** Serialises writes, so that two quick changes never interleave their temporary files. */
  private write(entry: Entry): Promise<void> {
    const job = this.writeQueue.then(() => this.writeNow(entry));
    this.writeQueue = job.catch(() => undefined);
    return job;
  }

  private async writeNow(entry: Entry, attempt = 0): Promise<void> {
    entry.writing = true;
    try {
      await this.writeOnce(entry, attempt);
    } finally {
      entry.writing = false;
      if (entry.recheck) {
        entry.recheck = false;
        void this.onSidecarChangedOnDisk(entry.sidecar);
      }
    }
  }

  private async writeOnce(entry: Entry, attempt: number): Promise<void> {
    if (!entry.session || entry.error) return;
    // Someone may have changed the file since we read it: merge their version in before writing ours.
    const onDisk = await readText(entry.sidecar).catch(() => entry.lastText);
    if (onDisk !== entry.lastText && !(onDisk !== undefined && entry.own.includes(onDisk))) {
      this.applyDiskText(entry, onDisk);
      if (entry.error || !entry.session) return;
    }
    const sidecar = entry.session.toSidecar(entry.document.getText());
    const text = serializeSidecar(sidecar, entry.base);
    if (text === entry.lastText) return;
    // Recorded before the file appears: the watcher may report it (and be read) before the write returns.
    const previous = onDisk;
    entry.lastText = text;
    entry.own = [...entry.own.slice(-7), text];
    try {
      await writeTextAtomic(entry.sidecar, text, previous);
    } catch (err) {
      entry.lastText = previous;
      if (err instanceof ChangedOnDiskError) {
        // Written elsewhere between our read and our rename: merge theirs in and try again.
        log().info(`${entry.sidecar.toString(true)} changed on disk while it was being written: merging by id`);
        this.applyDiskText(entry, err.current);
        if (!entry.error && attempt < 4) return this.writeOnce(entry, attempt + 1);
        return;
      }
      throw err;
    }
    entry.session.written(sidecar);
    const parsed = parseSidecar(text);
    entry.base = parsed.ok ? parsed : undefined;
    this.counts.writes++;
    log().info(`wrote ${entry.sidecar.toString(true)} (${sidecar.annotations.length} annotations)`);
  }

  private async onSidecarChangedOnDisk(uri: vscode.Uri): Promise<void> {
    const entry = [...this.entries.values()].find((e) => e.sidecar.toString() === uri.toString());
    if (!entry) return;
    await entry.loading;
    if (entry.writing) {
      entry.recheck = true;
      return;
    }
    const text = await readText(uri).catch(() => undefined);
    // Our own writes, the last or an earlier one reported late, are not changes made elsewhere.
    if (text === entry.lastText || (text !== undefined && entry.own.includes(text))) return;
    log().info(`${uri.toString(true)} changed on disk: reloading`);
    this.counts.reloadsFromDisk++;
    this.applyDiskText(entry, text);
  }

  /** The sidecar is renamed in the same workspace edit as its document (Explorer, refactorings). */
  private onWillRename(e: vscode.FileWillRenameEvent): void {
    e.waitUntil((async () => {
      const edit = new vscode.WorkspaceEdit();
      for (const { oldUri, newUri } of e.files) {
        if (oldUri.path.endsWith('.annotations.yaml') || !(await exists(sidecarUri(oldUri)))) continue;
        edit.renameFile(sidecarUri(oldUri), sidecarUri(newUri), { overwrite: false, ignoreIfExists: true });
      }
      return edit;
    })());
  }

  /** After the move, the sidecar's `document:` names the new file, and open documents see their annotations. */
  private async onDidRename(e: vscode.FileRenameEvent): Promise<void> {
    for (const { newUri } of e.files) {
      const sidecar = sidecarUri(newUri);
      const text = await readText(sidecar).catch(() => undefined);
      if (text === undefined) continue;
      const parsed = parseSidecar(text);
      if (parsed.ok && parsed.sidecar.document !== baseName(newUri)) {
        await writeTextAtomic(sidecar, serializeSidecar({ ...parsed.sidecar, document: baseName(newUri) }, parsed));
        log().info(`moved the annotations of ${baseName(newUri)} with it: ${sidecar.toString(true)}`);
      }
      const entry = this.entries.get(newUri.toString());
      if (entry && !entry.loading) this.applyDiskText(entry, await readText(sidecar).catch(() => undefined));
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    for (const entry of this.entries.values()) clearTimeout(entry.orphanTimer);
    this.entries.clear();
  }
}

export class SidecarUnreadableError extends Error {
  constructor(readonly sidecar: vscode.Uri, readonly error: SourceError) {
    super(`${baseName(sidecar)}:${error.line}:${error.column}: ${error.message}`);
  }
}
