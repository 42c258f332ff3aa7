import * as vscode from 'vscode';
import { Commands } from '../commandIds';
import { log } from '../log';
import { excerpt, noAnnotationHere, resolveTarget } from './annotationTarget';
import type { AnnotationStore } from './annotationStore';
import type { CodebookStore } from './codebookStore';
import { tagSelection } from './tagSelection';

// Add or Edit Note: on the annotation at the cursor (or named by a hover/tree link). With a selection
// that is not annotated yet, the passage is tagged first (with no theme) so that a note can stand alone.
export function registerEditNote(store: AnnotationStore, codebooks: CodebookStore): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.editNote, async (uri?: unknown, id?: unknown, note?: unknown) => {
    try {
      let target = await resolveTarget(store, uri, id, vscode.l10n.t('Which annotation gets the note?'));
      const editor = vscode.window.activeTextEditor;
      let created = false;
      if (!target && editor && !editor.selection.isEmpty && uri === undefined) {
        const [newId] = (await tagSelection(store, codebooks, { themes: [] })) ?? [];
        // tagSelection has already said why when it made nothing.
        if (!newId) return;
        target = await resolveTarget(store, editor.document.uri.toString(), newId, '');
        created = !!target;
      }
      if (!target) return noAnnotationHere();
      const value = typeof note === 'string' ? note : await vscode.window.showInputBox({
        title: vscode.l10n.t('Note on “{0}”', excerpt(target.item.annotation.target.quote, 40)),
        value: target.item.annotation.note ?? '',
        prompt: vscode.l10n.t('Leave empty to remove the note.'),
      });
      const annotationId = target.item.annotation.id;
      if (value === undefined) {
        // Cancelled: a passage marked only to carry this note is not left behind empty.
        if (created) await store.modify(target.document, (session) => session.remove(annotationId));
        return;
      }
      await store.modify(target.document, (session) => session.update(annotationId, { note: value.trim() === '' ? null : value.trim() }));
    } catch (err) {
      log().error('Edit Note failed', err);
      void vscode.window.showErrorMessage(vscode.l10n.t('The note was not saved: {0}', err instanceof Error ? err.message : String(err)));
    }
  });
}
