import type * as vscode from 'vscode';

// What activate() returns: a read-only view of what the extension shows, for integration tests and for
// other extensions that want to build on Policy Lens.
export interface SessionsItem {
  label: string;
  description?: string;
  command?: vscode.Command;
  children: SessionsItem[];
}

export interface PolicyLensApi {
  /** The Sessions view's items for the active policy text, as the view shows them. */
  sessionsSnapshot(): SessionsItem[];
}
