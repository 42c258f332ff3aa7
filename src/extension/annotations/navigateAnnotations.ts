import * as vscode from 'vscode';
import { Commands } from '../commandIds';
import type { AnnotationStore } from './annotationStore';

// Next / Previous Annotation: select the next passage after (or before) the cursor, wrapping around.
async function go(store: AnnotationStore, direction: 1 | -1): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const placed = (await store.ready(editor.document))?.session?.placed ?? [];
  if (placed.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('This document has no annotations yet.'));
    return;
  }
  const current = editor.document.offsetAt(editor.selection.start);
  const next = direction === 1
    ? placed.find((a) => a.start > current || (a.start === current && editor.selection.isEmpty)) ?? placed[0]
    : [...placed].reverse().find((a) => a.start < current) ?? placed[placed.length - 1];
  const range = new vscode.Range(editor.document.positionAt(next.start), editor.document.positionAt(next.end));
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

export function registerNavigateAnnotations(store: AnnotationStore): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.nextAnnotation, () => go(store, 1)),
    vscode.commands.registerCommand(Commands.previousAnnotation, () => go(store, -1)),
  );
}
