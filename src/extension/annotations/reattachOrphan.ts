import * as vscode from 'vscode';
import { Commands } from '../commandIds';
import { log } from '../log';
import { annotationArgs, excerpt, unreadable } from './annotationTarget';
import { SidecarUnreadableError, type AnnotationStore } from './annotationStore';

// Re-attach Orphan: an annotation whose passage could not be found is attached to the current selection.
// Without arguments it asks which orphan; without a selection it says what to select.
export function registerReattachOrphan(store: AnnotationStore): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.reattachOrphan, async (uri?: unknown, id?: unknown) => {
    try {
      const editor = vscode.window.activeTextEditor;
      const named = annotationArgs(uri, id);
      const documentUri = named?.uri ?? editor?.document.uri.toString();
      if (!documentUri) return;
      const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(documentUri));
      const state = await store.ready(document);
      if (unreadable(state)) return;
      const session = state?.session;
      const orphans = session?.orphans ?? [];
      let orphan = named ? session?.find(named.id) : undefined;
      if (!orphan) {
        if (orphans.length === 0) {
          void vscode.window.showInformationMessage(vscode.l10n.t('This document has no orphaned annotations.'));
          return;
        }
        const picked = orphans.length === 1 ? { item: orphans[0] } : await vscode.window.showQuickPick(
          orphans.map((item) => ({ label: excerpt(item.annotation.target.quote), description: item.annotation.themes.join(', '), detail: item.annotation.note, item })),
          { placeHolder: vscode.l10n.t('Which orphaned annotation should be attached to the selection?') },
        );
        orphan = picked?.item;
      }
      if (!orphan) return;
      // A candidate offered in the Themes view carries its own place.
      const candidate = uri as { kind?: unknown; start?: unknown; end?: unknown } | undefined;
      if (candidate?.kind === 'candidate' && typeof candidate.start === 'number' && typeof candidate.end === 'number') {
        const [s, e] = [candidate.start, candidate.end];
        const orphanId = orphan.annotation.id;
        await store.modify(document, (session, text) => session.reattach(orphanId, text, s, e));
        return;
      }
      const active = vscode.window.activeTextEditor;
      if (!active || active.document !== document || active.selection.isEmpty) {
        await vscode.window.showTextDocument(document);
        void vscode.window.showInformationMessage(vscode.l10n.t('Select the passage that “{0}” now corresponds to, then run “Re-attach Orphan” again.', excerpt(orphan.annotation.target.quote, 50)));
        return;
      }
      const start = document.offsetAt(active.selection.start);
      const end = document.offsetAt(active.selection.end);
      const orphanId = orphan.annotation.id;
      await store.modify(document, (s, text) => s.reattach(orphanId, text, start, end));
    } catch (err) {
      // The unreadable sidecar was reported already, with the way to fix it.
      if (err instanceof SidecarUnreadableError) return;
      log().error('Re-attach Orphan failed', err);
      void vscode.window.showErrorMessage(vscode.l10n.t('The annotation was not re-attached: {0}', err instanceof Error ? err.message : String(err)));
    }
  });
}
