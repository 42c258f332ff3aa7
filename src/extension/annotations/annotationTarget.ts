import * as vscode from 'vscode';
import type { LiveAnnotation } from '../../core/annotations/liveSession';
import type { AnnotationStore, DocumentAnnotations } from './annotationStore';
import { reportSidecarError } from './sidecarErrors';

export interface Target {
  readonly document: vscode.TextDocument;
  readonly state: DocumentAnnotations;
  readonly item: LiveAnnotation;
}

/** What a tree item's context menu passes: the Themes view node of a passage or an orphan. */
function fromTreeNode(arg: unknown): { uri: string; id: string } | undefined {
  const node = arg as { documentUri?: unknown; item?: { annotation?: { id?: unknown } } } | undefined;
  const id = node?.item?.annotation?.id;
  return typeof node?.documentUri === 'string' && typeof id === 'string' ? { uri: node.documentUri, id } : undefined;
}

/** The (document URI, annotation id) that command arguments name: two strings, or a Themes view node. */
export function annotationArgs(uri: unknown, id: unknown): { uri: string; id: string } | undefined {
  if (typeof uri === 'string' && typeof id === 'string') return { uri, id };
  return fromTreeNode(uri);
}

// Commands act on an annotation named by their arguments (a hover link passes document URI and
// annotation id, a tree item's menu passes its node) or else on the one under the cursor, asking when
// several overlap. While the document's sidecar cannot be read there is nothing to act on: that is
// reported (once, with the way to fix it) and the result is null, so that the command asks for nothing.
export async function resolveTarget(store: AnnotationStore, uriArg: unknown, idArg: unknown, placeHolder: string): Promise<Target | undefined | null> {
  const named = annotationArgs(uriArg, idArg);
  if (named) {
    const { uri, id } = named;
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
    const state = await store.ready(document);
    if (unreadable(state)) return null;
    const item = state?.session?.find(id);
    return state && item ? { document, state, item } : undefined;
  }
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const state = await store.ready(editor.document);
  if (unreadable(state)) return null;
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

/** Reports a sidecar that cannot be read; true when it cannot. */
export function unreadable(state: DocumentAnnotations | undefined): boolean {
  if (!state?.error) return false;
  reportSidecarError(state.sidecar, state.error, 'write');
  return true;
}

export function excerpt(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function noAnnotationHere(): void {
  void vscode.window.showInformationMessage(vscode.l10n.t('There is no annotation at the cursor. Put the cursor in a highlighted passage, or pick one in the Themes view.'));
}
