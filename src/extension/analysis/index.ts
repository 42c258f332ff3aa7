import * as vscode from 'vscode';
import { runQuery } from '../../core/analysis';
import type { AnalysisSnapshot } from '../api';
import type { AnnotationStore } from '../annotations/annotationStore';
import type { CodebookStore } from '../annotations/codebookStore';
import type { ThemesView } from '../annotations/themesTree';
import { AnalysisIndex } from './analysisIndex';
import { registerAutoCode } from './autoCode';
import { registerCopyPassages } from './copyPassages';
import { registerFindPassages } from './findPassages';
import { registerMatrixPanel, type MatrixSnapshot } from './matrixPanel';
import { PassageSearch } from './passageSearch';
import { registerPassagesView, type PassagesView } from './passagesView';

// Everything of the analyse job: the folder index, Find Coded Passages and its view, the matrix, auto-coding,
// and the workspace counts in the Themes view.
export function registerAnalysis(context: vscode.ExtensionContext, store: AnnotationStore, codebooks: CodebookStore, themes: ThemesView): {
  disposable: vscode.Disposable;
  analysisSnapshot(folder?: string): Promise<AnalysisSnapshot>;
  passagesSnapshot: PassagesView['snapshot'];
  matrixSnapshot(): MatrixSnapshot;
} {
  const index = new AnalysisIndex(store, codebooks);
  const search = new PassageSearch();
  const view = registerPassagesView(index, search);
  const matrix = registerMatrixPanel(context, index);
  // Counted once per folder and index version: the Themes view asks for every theme it shows.
  const countCache = new Map<string, { version: number; counts: Map<string, { passages: number; documents: number }> }>();
  const counts = themes.setWorkspaceCounts({
    counts(document) {
      const folder = vscode.workspace.getWorkspaceFolder(document);
      if (!folder) return undefined;
      const idx = index.peek(folder);
      // The Themes view is a first use too: its counts appear once the folder is indexed, in the background.
      if (!idx) {
        void index.ready(folder, true);
        return undefined;
      }
      const cached = countCache.get(folder.uri.toString());
      if (cached?.version === idx.version) return cached.counts;
      const out = new Map<string, { passages: number; documents: number }>();
      const docs = new Map<string, Set<string>>();
      for (const p of idx.passages()) {
        for (const t of p.themes) {
          const c = out.get(t) ?? { passages: 0, documents: 0 };
          c.passages++;
          out.set(t, c);
          const d = docs.get(t) ?? new Set<string>();
          d.add(p.document);
          docs.set(t, d);
        }
      }
      for (const [t, d] of docs) out.get(t)!.documents = d.size;
      countCache.set(folder.uri.toString(), { version: idx.version, counts: out });
      return out;
    },
    onDidChange: index.onDidChange,
  });
  const disposable = vscode.Disposable.from(
    index, search, view.disposable, matrix.disposable, counts,
    registerFindPassages(index, search, view),
    registerCopyPassages(index, search),
    registerAutoCode(store, codebooks, index),
  );
  const analysisSnapshot = async (folderUri?: string): Promise<AnalysisSnapshot> => {
    const folder = (folderUri && vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(folderUri))) || index.folderFor();
    const idx = folder && await index.ready(folder);
    if (!idx) return { passages: [], orphans: 0, problems: [], version: -1 };
    return {
      version: idx.version,
      passages: runQuery(idx.passages(), {}).map((p) => ({
        document: p.document, id: p.id, line: p.line, quote: p.quote, themes: [...p.themes], section: [...p.section],
        speaker: p.speaker?.name ?? null, country: p.speaker?.country ?? null,
      })),
      orphans: idx.orphans().length,
      problems: idx.problems().map((p) => `${p.document}:${p.error.line}:${p.error.column}: ${p.error.message}`),
    };
  };
  return { disposable, analysisSnapshot, passagesSnapshot: view.snapshot, matrixSnapshot: matrix.snapshot };
}
