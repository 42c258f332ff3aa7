import * as vscode from 'vscode';
import type { LiveAnnotation } from '../../core/annotations/liveSession';
import type { AnnotationStore, DocumentAnnotations } from './annotationStore';

export interface Target {
  readonly document: vscode.TextDocument;
  readonly state: DocumentAnnotations;
  readonly item: LiveAnnotation;
}

// Commands act on an annotation named by their arguments (from a hover link or a tree item:
// document URI and annotation id) or else on the one under the cursor, asking when several overlap.
export async function resolveTarget(store: AnnotationStore, uri: unknown, id: unknown, placeHolder: string): Promise<Target | undefined> {
  if (typeof uri === 'string' && typeof id === 'string') {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
    const state = await store.ready(document);
    const item = state?.session?.find(id);
    return state && item ? { document, state, item } : undefined;
  }
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const state = await store.ready(editor.document);
  const session = state?.session;
  if (!state || !session) return undefined;
  const offset = editor.document.offsetAt(editor.selection.active);
  const here = session.at(offset);
  if (here.length <= 1) return here[0] && { document: editor.document, state, item: here[0] };
  const picked = await vscode.window.showQuickPick(
    here.map((item) => ({ label: excerpt(item.annotation.target.quote), description: item.annotation.themes.join(', '), detail: item.annotation.note, item })),
    { placeHolder },
  );
  return picked && { document: editor.document, state, item: picked.item };
}

export function excerpt(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function noAnnotationHere(): void {
  void vscode.window.showInformationMessage(vscode.l10n.t('There is no annotation at the cursor. Put the cursor in a highlighted passage, or pick one in the Themes view.'));
}
