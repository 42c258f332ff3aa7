import * as vscode from 'vscode';
import { Commands } from '../commandIds';
import { baseName, exists, sidecarUri } from '../files';
import type { AnnotationStore } from './annotationStore';
import { openAt } from './sidecarErrors';

// Open Sidecar: the YAML file beside the document, at its error if it has one.
export function registerOpenSidecar(store: AnnotationStore): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.openSidecar, async (uri?: unknown) => {
    const document = typeof uri === 'string' ? vscode.Uri.parse(uri) : vscode.window.activeTextEditor?.document.uri;
    if (!document) return;
    const sidecar = document.path.endsWith('.annotations.yaml') ? document : sidecarUri(document);
    if (!(await exists(sidecar))) {
      void vscode.window.showInformationMessage(vscode.l10n.t('{0} has no annotations yet: tag a passage to create {1}.', baseName(document), baseName(sidecar)));
      return;
    }
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === document.toString());
    const error = open ? store.get(open)?.error : undefined;
    await openAt(sidecar, error);
  });
}
