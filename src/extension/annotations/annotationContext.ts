import * as vscode from 'vscode';
import type { AnnotationStore } from './annotationStore';

// `policyLens.inAnnotation` is true while the cursor is in an annotated passage: the editor context
// menu offers Edit Note and Remove Annotation only then.
export function registerAnnotationContext(store: AnnotationStore): vscode.Disposable {
  let last: boolean | undefined;
  const update = (editor = vscode.window.activeTextEditor): void => {
    const session = editor && store.get(editor.document)?.session;
    const inside = !!session && session.at(editor.document.offsetAt(editor.selection.active)).length > 0;
    if (inside === last) return;
    last = inside;
    void vscode.commands.executeCommand('setContext', 'policyLens.inAnnotation', inside);
  };
  update();
  return vscode.Disposable.from(
    vscode.window.onDidChangeTextEditorSelection((e) => update(e.textEditor)),
    vscode.window.onDidChangeActiveTextEditor((e) => update(e)),
    store.onDidChange(() => update()),
  );
}
