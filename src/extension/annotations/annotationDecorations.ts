import * as vscode from 'vscode';
import { themeFor, UNCATEGORISED_COLOR } from '../../core/annotations';
import type { AnnotationStore } from './annotationStore';
import type { CodebookStore } from './codebookStore';

// Each theme's colour on its passages: a translucent background (overlapping themes blend, so overlaps
// stay visible), a coloured underline and a mark in the overview ruler. One decoration type per colour.
export function registerAnnotationDecorations(store: AnnotationStore, codebooks: CodebookStore): vscode.Disposable {
  const types = new Map<string, vscode.TextEditorDecorationType>();
  const typeFor = (color: string): vscode.TextEditorDecorationType => {
    let type = types.get(color);
    if (!type) {
      type = vscode.window.createTextEditorDecorationType({
        backgroundColor: `${color}38`,
        borderColor: color,
        borderStyle: 'none none solid none',
        borderWidth: '0 0 2px 0',
        overviewRulerColor: `${color}cc`,
        overviewRulerLane: vscode.OverviewRulerLane.Right,
        // Like the annotation ranges themselves: text typed at a passage's edge stays outside it.
        rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
      });
      types.set(color, type);
    }
    return type;
  };

  const paint = (editor: vscode.TextEditor): void => {
    const state = store.get(editor.document);
    const byColor = new Map<string, vscode.Range[]>();
    const codebook = codebooks.peek(editor.document.uri);
    for (const a of state?.session?.placed ?? []) {
      const range = new vscode.Range(editor.document.positionAt(a.start), editor.document.positionAt(a.end));
      const colors = a.annotation.themes.length ? a.annotation.themes.map((id) => themeFor(codebook, id).color) : [UNCATEGORISED_COLOR];
      for (const color of new Set(colors)) {
        const list = byColor.get(color) ?? [];
        list.push(range);
        byColor.set(color, list);
      }
    }
    for (const [color, type] of types) if (!byColor.has(color)) editor.setDecorations(type, []);
    for (const [color, ranges] of byColor) editor.setDecorations(typeFor(color), ranges);
  };
  const paintAll = (): void => vscode.window.visibleTextEditors.forEach(paint);
  // After a recolour the old colours' types are no longer used by any editor: dispose them.
  const repaintAfterCodebookChange = (): void => {
    const used = new Set<string>();
    for (const editor of vscode.window.visibleTextEditors) {
      const codebook = codebooks.peek(editor.document.uri);
      for (const a of store.get(editor.document)?.session?.placed ?? []) {
        if (a.annotation.themes.length === 0) used.add(UNCATEGORISED_COLOR);
        for (const id of a.annotation.themes) used.add(themeFor(codebook, id).color);
      }
    }
    for (const [color, type] of types) {
      if (!used.has(color)) {
        type.dispose();
        types.delete(color);
      }
    }
    paintAll();
  };
  paintAll();
  return vscode.Disposable.from(
    store.onDidChange((document) => vscode.window.visibleTextEditors.filter((e) => e.document === document).forEach(paint)),
    codebooks.onDidChange(repaintAfterCodebookChange),
    vscode.window.onDidChangeVisibleTextEditors(paintAll),
    new vscode.Disposable(() => {
      for (const type of types.values()) type.dispose();
      types.clear();
    }),
  );
}
