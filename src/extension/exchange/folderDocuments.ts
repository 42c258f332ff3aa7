import * as vscode from 'vscode';
import { readText } from '../files';

// The documents of a workspace folder as the exchange commands see them: by path relative to the folder, with the
// text an open editor shows (unsaved edits included) or else the file's.

const EXCLUDE = '{**/node_modules/**,**/.git/**,**/.policy-lens/**}';

export function relativePath(folder: vscode.Uri, uri: vscode.Uri): string {
  const base = folder.path.endsWith('/') ? folder.path : `${folder.path}/`;
  return uri.path.startsWith(base) ? uri.path.slice(base.length) : uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

export function uriOf(folder: vscode.Uri, path: string): vscode.Uri {
  return vscode.Uri.joinPath(folder, ...path.split('/'));
}

/** The sidecars of a folder, as document paths, in path order. */
export async function annotatedDocuments(folder: vscode.WorkspaceFolder, token?: vscode.CancellationToken): Promise<string[]> {
  const sidecars = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*.annotations.yaml'), EXCLUDE, undefined, token);
  return sidecars.map((u) => relativePath(folder.uri, u).slice(0, -'.annotations.yaml'.length)).sort();
}

/** Every file of a folder that could be an annotated document (not sidecars, not Policy Lens's own files). */
export async function folderDocuments(folder: vscode.WorkspaceFolder, token?: vscode.CancellationToken): Promise<string[]> {
  const files = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*'), EXCLUDE, undefined, token);
  return files.map((u) => relativePath(folder.uri, u)).filter((p) => !p.endsWith('.annotations.yaml')).sort();
}

/** The document's text as the user sees it: an open editor's (unsaved edits too), else the file's, without a BOM. */
export async function documentText(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  return (await readText(uri))?.replace(/^\uFEFF/, '');
}

/** Lets the editor breathe between documents of a long export or import. */
export function yieldToEditor(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
