import * as vscode from 'vscode';
import { Commands } from '../commandIds';
import { log } from '../log';
import { annotationArgs, excerpt } from './annotationTarget';
import type { AnnotationStore } from './annotationStore';

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
      const session = (await store.ready(document))?.session;
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
      log().error('Re-attach Orphan failed', err);
      void vscode.window.showErrorMessage(vscode.l10n.t('The annotation was not re-attached: {0}', err instanceof Error ? err.message : String(err)));
    }
  });
}
