import * as vscode from 'vscode';
import type { SourceError } from '../../core/annotations';
import { Commands } from '../commandIds';
import { baseName } from '../files';
import { log } from '../log';

const reported = new Set<string>();

// A sidecar or codebook that cannot be read is never written: the message says where the problem is, that nothing
// was changed, and offers to open the file at the problem.
export function reportSidecarError(sidecar: vscode.Uri, error: SourceError, when: 'read' | 'write'): void {
  const key = `${sidecar.toString()}:${error.line}:${error.column}:${error.message}`;
  if (when === 'read' && reported.has(key)) return;
  reported.add(key);
  const open = vscode.l10n.t('Open Sidecar');
  const resolve = vscode.l10n.t('Resolve by Merging Both Sides');
  const conflicted = isConflict(error);
  const message = when === 'read'
    ? vscode.l10n.t('Policy Lens cannot read {0} (line {1}, column {2}): {3}. What it holds is not shown, and the file will not be changed until it is fixed.', baseName(sidecar), error.line, error.column, error.message)
    : vscode.l10n.t('Nothing was changed: {0} has an error at line {1}, column {2} ({3}). Fix it, then try again.', baseName(sidecar), error.line, error.column, error.message);
  void vscode.window.showErrorMessage(message, ...(conflicted ? [resolve, open] : [open])).then((choice) => {
    if (choice === open) void openAt(sidecar, error);
    if (choice === resolve) void vscode.commands.executeCommand(Commands.resolveConflict, sidecar.toString());
  });
}

/** An error that says the file holds git's conflict markers (core/annotations/conflicts.ts). */
export function isConflict(error: SourceError): boolean {
  return error.message.startsWith('unresolved git merge conflict');
}

/** Once a file reads again, its next error is reported again. */
export function forgetReported(uri: vscode.Uri): void {
  const prefix = `${uri.toString()}:`;
  for (const key of reported) if (key.startsWith(prefix)) reported.delete(key);
}

// A write that failed (disk full, permissions): the change stays in the editor and is written with the
// next change or save.
export function reportWriteError(sidecar: vscode.Uri, err: unknown): void {
  log().error(`could not write ${sidecar.toString(true)}`, err);
  const showLog = vscode.l10n.t('Show Log');
  void vscode.window.showErrorMessage(
    vscode.l10n.t('Could not write {0} ({1}). The change is kept in the editor and will be written with the next change or save.', baseName(sidecar), err instanceof Error ? err.message : String(err)),
    showLog,
  ).then((choice) => {
    if (choice === showLog) log().show();
  });
}

export async function openAt(uri: vscode.Uri, error?: SourceError): Promise<void> {
  const position = error ? new vscode.Position(Math.max(0, error.line - 1), Math.max(0, error.column - 1)) : undefined;
  await vscode.window.showTextDocument(uri, { selection: position && new vscode.Range(position, position), viewColumn: vscode.ViewColumn.Beside });
}
