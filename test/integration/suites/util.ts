import * as vscode from 'vscode';
import { exists } from '../../../src/extension/files';

export const extensionId = 'policy-lens.policy-lens';

export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('integration tests need the fixture workspace folder to be open');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function openDocument(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(name));
  return vscode.window.showTextDocument(document);
}

export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 10000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(extensionId);
  if (!extension) throw new Error(`extension ${extensionId} is not installed in this host`);
  await extension.activate();
  return extension;
}

/** Where a skipped suite keeps its reason, for the reporter (runner/report.ts). Same key as scripts/skips.mjs. */
export const SKIP_REASON = 'policyLensSkipReason';

/**
 * Skips the rest of the suite whose `before` hook calls this, giving the reporter the reason. The suites run
 * inside VS Code, where the file system of the repository may not be reachable (web host): whether the corpus
 * was there is told by the test workspace, which has the corpus documents only when it was.
 */
export function skipSuite(hook: Mocha.Context, reason: string): never {
  const suite = hook.test?.parent;
  if (suite) (suite as unknown as Record<string, unknown>)[SKIP_REASON] = reason;
  hook.skip();
}

/** In a `before` hook: skips the suite unless the corpus document `name` was copied into the test workspace. */
export async function requireCorpusDocument(hook: Mocha.Context, name: string): Promise<void> {
  if (!(await exists(workspaceFile(name)))) {
    skipSuite(hook, `needs the corpus document ${name}: the test workspace was prepared without ../shared/corpus`);
  }
}
