import * as vscode from 'vscode';
import { Commands } from '../commandIds';
import { log } from '../log';
import { excerpt, noAnnotationHere, resolveTarget } from './annotationTarget';
import { SidecarUnreadableError, type AnnotationStore } from './annotationStore';

// Remove Annotation, with an Undo button: the sidecar has no undo history of its own.
export function registerRemoveAnnotation(store: AnnotationStore): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.removeAnnotation, async (uri?: unknown, annotationId?: unknown) => {
    try {
      const target = await resolveTarget(store, uri, annotationId, vscode.l10n.t('Which annotation should be removed?'));
      if (target === null) return;
      if (!target) return noAnnotationHere();
      const id = target.item.annotation.id;
      const removed = await store.modify(target.document, (session, text) => session.remove(id, text));
      if (!removed) return;
      const undo = vscode.l10n.t('Undo');
      const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Removed the annotation on “{0}”.', excerpt(removed.target.quote, 40)), undo);
      if (choice === undo) await store.modify(target.document, (session, text) => session.restore(removed, text));
    } catch (err) {
      // The unreadable sidecar was reported already, with the way to fix it.
      if (err instanceof SidecarUnreadableError) return;
      log().error('Remove Annotation failed', err);
      void vscode.window.showErrorMessage(vscode.l10n.t('The annotation was not removed: {0}', err instanceof Error ? err.message : String(err)));
    }
  });
}
