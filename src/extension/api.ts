import type * as vscode from 'vscode';

// What activate() returns: a read-only view of what the extension shows, for integration tests and for
// other extensions that want to build on Policy Lens.
export interface SessionsItem {
  label: string;
  description?: string;
  command?: vscode.Command;
  children: SessionsItem[];
}

export interface AnnotationsSnapshotItem {
  id: string;
  themes: string[];
  note?: string;
  status: 'exact' | 'moved' | 'fuzzy' | 'orphan';
  /** The passage's current text; absent for orphans. */
  text?: string;
}

export interface ThemesItem {
  label: string;
  description?: string;
  contextValue?: string;
  children: { label: string; contextValue?: string }[];
}

export interface AnalysisPassage {
  document: string;
  id: string;
  line: number;
  quote: string;
  themes: string[];
  section: string[];
  speaker: string | null;
  country: string | null;
}

export interface AnalysisSnapshot {
  /** Grows with every change of the index; -1 when there is no folder. */
  version: number;
  passages: AnalysisPassage[];
  orphans: number;
  /** Unreadable sidecars, `path:line:column: message`. */
  problems: string[];
}

export interface MatrixViewSnapshot {
  /** The matrix last posted to the webview. */
  data?: { readonly by: string; readonly count: string; readonly rows: readonly { readonly id: string }[]; readonly columns: readonly { readonly key: string; readonly label: string }[]; readonly counts: readonly (readonly number[])[]; readonly total: number };
  /** The webview's report that it rendered the data, with how long it took. */
  rendered?: { ms: number; rows: number; columns: number };
  visible: boolean;
}

export interface PolicyLensApi {
  /** The Sessions view's items for the active policy text, as the view shows them. */
  sessionsSnapshot(): SessionsItem[];
  /** The labels of the items selected in the Sessions view (it follows the cursor). */
  sessionsSelection(): string[];
  /** The Themes view's items for the active document. */
  themesSnapshot(): ThemesItem[];
  /** The annotations of a document as the extension holds them, or the sidecar's error. */
  annotationsSnapshot(uri: string): Promise<AnnotationsSnapshotItem[] | { error: string }>;
  /** The coded passages of a workspace folder (the first by default), building the index if needed. */
  analysisSnapshot(folder?: string): Promise<AnalysisSnapshot>;
  /** The Coded Passages view's items, as it shows them. */
  passagesSnapshot(): { label: string; description?: string; children: { label: string; description?: string }[] }[];
  /** The Matrix view, as its webview last received and rendered it. */
  matrixSnapshot(): MatrixViewSnapshot;
  /** Sidecar writes, and reloads after a change on disk, since activation. */
  annotationsCounts(): { writes: number; reloadsFromDisk: number };
}
