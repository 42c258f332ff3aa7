import * as vscode from 'vscode';
import { log } from './log';

// File access for the extension: only vscode.workspace.fs, so that it works the same on disk, in remote
// and virtual workspaces and in the browser.
const decoder = new TextDecoder('utf-8');
const encoder = new TextEncoder();

export async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return decoder.decode(await vscode.workspace.fs.readFile(uri));
  } catch (err) {
    if (err instanceof vscode.FileSystemError && err.code === 'FileNotFound') return undefined;
    throw err;
  }
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** writeTextAtomic without a comparison: whatever the file holds is replaced. */
const ANY = Symbol('any');

/** The file did not hold what the writer read from it: someone else wrote it meanwhile. */
export class ChangedOnDiskError extends Error {
  constructor(readonly current: string | undefined) {
    super('the file changed on disk while it was being written');
  }
}

/**
 * Writes a whole file so that a reader never sees half of it: the text goes to a temporary file beside
 * it, which then replaces the target in one rename. File systems that cannot rename get a plain write.
 * With `expected` (the text last read; undefined for "no file"), the target is read again right before
 * the rename and left alone if it holds something else (another window, `check --write`, a `git
 * checkout`): ChangedOnDiskError carries what is there, to merge with. A write landing in the moment
 * between that read and the rename is the one case no file API here can exclude.
 */
export async function writeTextAtomic(uri: vscode.Uri, text: string, expected: string | undefined | typeof ANY = ANY): Promise<void> {
  const compare = expected !== ANY;
  const bytes = encoder.encode(text);
  // A hidden name beside the target (same file system, so the rename is atomic), removed whatever happens.
  const dir = uri.path.slice(0, uri.path.lastIndexOf('/') + 1);
  const tmp = uri.with({ path: `${dir}.${uri.path.slice(dir.length)}.${Math.random().toString(36).slice(2, 8)}.tmp` });
  try {
    await vscode.workspace.fs.writeFile(tmp, bytes);
    if (compare) {
      const current = await readText(uri);
      if (current !== expected) throw new ChangedOnDiskError(current);
    }
    try {
      await vscode.workspace.fs.rename(tmp, uri, { overwrite: true });
    } catch (err) {
      log().warn(`atomic rename failed for ${uri.toString(true)} (${String(err)}); writing in place`);
      await vscode.workspace.fs.writeFile(uri, bytes);
    }
  } finally {
    await vscode.workspace.fs.delete(tmp).then(undefined, () => undefined);
  }
}

export function sidecarUri(document: vscode.Uri): vscode.Uri {
  return document.with({ path: `${document.path}.annotations.yaml` });
}

export function documentUriOfSidecar(sidecar: vscode.Uri): vscode.Uri | undefined {
  const suffix = '.annotations.yaml';
  return sidecar.path.endsWith(suffix) ? sidecar.with({ path: sidecar.path.slice(0, -suffix.length) }) : undefined;
}

export function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/** Documents whose annotations can live in a sidecar: saved files on a writable file system. */
export function canAnnotate(document: vscode.TextDocument): boolean {
  return !document.isUntitled && vscode.workspace.fs.isWritableFileSystem(document.uri.scheme) === true
    && !document.uri.path.endsWith('.annotations.yaml');
}
