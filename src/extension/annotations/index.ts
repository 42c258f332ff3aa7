import * as vscode from 'vscode';
import type { AnnotationsSnapshotItem } from '../api';
import { registerAnnotationContext } from './annotationContext';
import { registerAnnotationDecorations } from './annotationDecorations';
import { registerAnnotationHover } from './annotationHover';
import { AnnotationStore } from './annotationStore';
import { CodebookStore } from './codebookStore';
import { registerEditNote } from './editNote';
import { registerNavigateAnnotations } from './navigateAnnotations';
import { registerOpenSidecar } from './openSidecar';
import { registerReattachOrphan } from './reattachOrphan';
import { registerRemoveAnnotation } from './removeAnnotation';
import { registerResolveConflict } from './resolveConflict';
import { registerTagSelection } from './tagSelection';
import { registerThemeCommands } from './themeCommands';
import { registerThemesTree, type ThemesView } from './themesTree';

// Everything of the annotate job: the stores, the editor decorations and hover, the commands and the
// Themes view.
export function registerAnnotations(): {
  disposable: vscode.Disposable;
  /** The stores and the Themes view, for the analysis (its index reads through them, its counts show in the view). */
  store: AnnotationStore;
  codebooks: CodebookStore;
  themes: ThemesView;
  themesSnapshot: ThemesView['snapshot'];
  annotationsSnapshot(uri: string): Promise<AnnotationsSnapshotItem[] | { error: string }>;
  annotationsCounts(): { writes: number; reloadsFromDisk: number };
} {
  const store = new AnnotationStore();
  const codebooks = new CodebookStore();
  const themes = registerThemesTree(store, codebooks);
  const disposable = vscode.Disposable.from(
    store,
    codebooks,
    themes.disposable,
    registerAnnotationDecorations(store, codebooks),
    registerAnnotationHover(store, codebooks),
    registerAnnotationContext(store),
    registerTagSelection(store, codebooks),
    registerEditNote(store, codebooks),
    registerRemoveAnnotation(store),
    registerNavigateAnnotations(store),
    registerOpenSidecar(store),
    registerReattachOrphan(store),
    registerThemeCommands(codebooks),
    registerResolveConflict(),
  );
  const annotationsSnapshot = async (uri: string): Promise<AnnotationsSnapshotItem[] | { error: string }> => {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
    const state = await store.ready(document);
    if (state?.error) return { error: `${state.error.line}:${state.error.column}: ${state.error.message}` };
    return (state?.session?.annotations ?? []).map((a) => ({
      id: a.annotation.id, themes: [...a.annotation.themes], note: a.annotation.note, status: a.status,
      text: a.start !== undefined ? document.getText().slice(a.start, a.end) : undefined,
    }));
  };
  return { disposable, store, codebooks, themes, themesSnapshot: themes.snapshot, annotationsSnapshot, annotationsCounts: () => ({ ...store.counts }) };
}
