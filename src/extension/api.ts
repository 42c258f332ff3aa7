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

export interface PolicyLensApi {
  /** The Sessions view's items for the active policy text, as the view shows them. */
  sessionsSnapshot(): SessionsItem[];
  /** The labels of the items selected in the Sessions view (it follows the cursor). */
  sessionsSelection(): string[];
  /** The Themes view's items for the active document. */
  themesSnapshot(): ThemesItem[];
  /** The annotations of a document as the extension holds them, or the sidecar's error. */
  annotationsSnapshot(uri: string): Promise<AnnotationsSnapshotItem[] | { error: string }>;
  /** Sidecar writes, and reloads after a change on disk, since activation. */
  annotationsCounts(): { writes: number; reloadsFromDisk: number };
}
