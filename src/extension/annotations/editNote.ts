import * as vscode from 'vscode';
import { Commands } from '../commandIds';
import { log } from '../log';
import { excerpt, noAnnotationHere, resolveTarget, unreadable } from './annotationTarget';
import { SidecarUnreadableError, type AnnotationStore } from './annotationStore';
import type { CodebookStore } from './codebookStore';
import { tagSelection } from './tagSelection';

// Add or Edit Note: on the annotation at the cursor (or named by a hover/tree link). With a selection
// that is not annotated yet, the passage is tagged first (with no theme) so that a note can stand alone.
/**
 * The note input. If the sidecar stops being readable while it is open (someone saved a broken file, a
 * merge left markers), the box closes at once and says so: nothing is typed that could not be kept.
 */
async function askForNote(store: AnnotationStore, document: vscode.TextDocument, quote: string, current: string): Promise<string | undefined> {
  const box = vscode.window.createInputBox();
  box.title = vscode.l10n.t('Note on “{0}”', excerpt(quote, 40));
  box.value = current;
  box.prompt = vscode.l10n.t('Leave empty to remove the note.');
  try {
    return await new Promise<string | undefined>((resolve) => {
      const watch = store.onDidChange((d) => {
        const state = d === document ? store.get(d) : undefined;
        if (!state?.error) return;
        watch.dispose();
        resolve(undefined);
        box.hide();
        unreadable(state);
      });
      box.onDidAccept(() => {
        watch.dispose();
        resolve(box.value);
        box.hide();
      });
      box.onDidHide(() => {
        watch.dispose();
        resolve(undefined);
      });
      box.show();
    });
  } finally {
    box.dispose();
  }
}

export function registerEditNote(store: AnnotationStore, codebooks: CodebookStore): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.editNote, async (uri?: unknown, id?: unknown, note?: unknown) => {
    try {
      let target = await resolveTarget(store, uri, id, vscode.l10n.t('Which annotation gets the note?'));
      if (target === null) return;
      const editor = vscode.window.activeTextEditor;
      let created = false;
      if (!target && editor && !editor.selection.isEmpty && uri === undefined) {
        const [newId] = (await tagSelection(store, codebooks, { themes: [] })) ?? [];
        // tagSelection has already said why when it made nothing.
        if (!newId) return;
        target = await resolveTarget(store, editor.document.uri.toString(), newId, '');
        if (target === null) return;
        created = !!target;
      }
      if (!target) return noAnnotationHere();
      const value = typeof note === 'string' ? note : await askForNote(store, target.document, target.item.annotation.target.quote, target.item.annotation.note ?? '');
      const annotationId = target.item.annotation.id;
      if (value === undefined) {
        // Cancelled: a passage marked only to carry this note is not left behind empty.
        if (created) await store.modify(target.document, (session) => session.remove(annotationId));
        return;
      }
      await store.modify(target.document, (session) => session.update(annotationId, { note: value.trim() === '' ? null : value.trim() }));
    } catch (err) {
      // The unreadable sidecar was reported already, with the way to fix it.
      if (err instanceof SidecarUnreadableError) return;
      log().error('Edit Note failed', err);
      void vscode.window.showErrorMessage(vscode.l10n.t('The note was not saved: {0}', err instanceof Error ? err.message : String(err)));
    }
  });
}
