import * as vscode from 'vscode';
import { parseCodebook, parseSidecar } from '../../core/annotations';
import { conflictError } from '../../core/annotations/conflicts';
import { resolveConflictedText } from '../../core/merge';
import { Commands } from '../commandIds';
import { baseName, ChangedOnDiskError, documentUriOfSidecar, readText, sidecarUri, writeTextAtomic } from '../files';
import { log } from '../log';

const PREVIEW_SCHEME = 'policy-lens-merge';

/** Arguments for tests and scripts: `{ yes: true }` writes after showing the preview, without asking. */
interface ResolveArgs {
  readonly yes?: boolean;
}

// Resolve by Merging Both Sides: a sidecar or codebook that git left with conflict markers is taken
// apart into its two sides, merged by annotation (or theme) id as the merge driver does, re-anchored on
// the document, shown beside the conflicted file as a diff, and written only once confirmed, and only
// if the file did not change meanwhile.
export function registerResolveConflict(): vscode.Disposable {
  const previews = new Map<string, string>();
  const provider: vscode.TextDocumentContentProvider = { provideTextDocumentContent: (uri) => previews.get(uri.toString()) ?? '' };
  return vscode.Disposable.from(
    vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, provider),
    vscode.commands.registerCommand(Commands.resolveConflict, async (target?: unknown, args?: ResolveArgs) => {
      try {
        return await resolve(target, args, previews);
      } catch (err) {
        log().error('Resolve by Merging Both Sides failed', err);
        void vscode.window.showErrorMessage(vscode.l10n.t('Nothing was written: {0}', err instanceof Error ? err.message : String(err)));
        return false;
      }
    }),
  );
}

/** The conflicted file: a URI given by a message or tree item, else the active editor's file or sidecar. */
function conflictedFile(target: unknown): vscode.Uri | undefined {
  if (typeof target === 'string') return vscode.Uri.parse(target);
  if (target instanceof vscode.Uri) return target;
  const node = target as { sidecar?: unknown } | undefined;
  if (typeof node?.sidecar === 'string') return vscode.Uri.parse(node.sidecar);
  const active = vscode.window.activeTextEditor?.document.uri;
  if (!active) return undefined;
  return active.path.endsWith('.annotations.yaml') || active.path.endsWith('/codebook.yaml') ? active : sidecarUri(active);
}

async function resolve(target: unknown, args: ResolveArgs | undefined, previews: Map<string, string>): Promise<boolean> {
  const uri = conflictedFile(target);
  const source = uri && (await readText(uri));
  if (!uri || source === undefined || !conflictError(source)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There is no unresolved git merge conflict in {0}.', uri ? baseName(uri) : vscode.l10n.t('this document\'s sidecar')));
    return false;
  }
  const documentUri = documentUriOfSidecar(uri);
  const text = documentUri ? await documentText(documentUri) : undefined;
  const merged = resolveConflictedText(source, { text, documentName: documentUri && baseName(documentUri) });
  if (!merged.ok) {
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} cannot be merged: {1} side, line {2}, column {3}: {4}. Nothing was written; fix that side by hand.', baseName(uri), merged.side, merged.error.line, merged.error.column, merged.error.message));
    return false;
  }
  // The result must read back as what it claims to be before anyone is asked to write it.
  const check = 'codebook' in merged ? parseCodebook(merged.text) : parseSidecar(merged.text);
  if (!check.ok) throw new Error(`the merge is not a valid file (${check.error.message})`);
  const preview = vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: `${uri.path}.merged.yaml`, query: String(Date.now()) });
  previews.set(preview.toString(), merged.text);
  await vscode.commands.executeCommand('vscode.diff', uri, preview, vscode.l10n.t('{0}: conflict ↔ merged by id', baseName(uri)), { preview: true });
  const summary = 'codebook' in merged
    ? vscode.l10n.t('Both sides of the codebook merged by theme id.')
    : vscode.l10n.t('{0} annotations: {1} new on this branch, {2} from the other, {3} edited on both (kept with both themes and notes, marked for review), {4} deleted.', merged.report.total, merged.report.addedOurs, merged.report.addedTheirs, merged.report.bothEdited.length + merged.report.keptEdited.length, merged.report.deleted.length);
  const write = vscode.l10n.t('Write Merged File');
  const answer = args?.yes ? write : await vscode.window.showInformationMessage(vscode.l10n.t('Write the merge shown beside {0}?', baseName(uri)), { modal: true, detail: summary }, write);
  if (answer !== write) return false;
  try {
    await writeTextAtomic(uri, merged.text, source);
  } catch (err) {
    if (err instanceof ChangedOnDiskError) throw new Error(vscode.l10n.t('{0} changed while the merge was shown; run the command again', baseName(uri)));
    throw err;
  }
  previews.delete(preview.toString());
  log().info(`resolved the git merge conflict in ${uri.toString(true)} by merging both sides by id: ${summary}`);
  void vscode.window.showInformationMessage(vscode.l10n.t('Merged both sides of {0}. {1}', baseName(uri), summary));
  return true;
}

async function documentText(uri: vscode.Uri): Promise<string | undefined> {
  // The open editor's text is what the annotations will be shown on.
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  const text = open ? open.getText() : await readText(uri).catch(() => undefined);
  return text === undefined || conflictError(text) ? undefined : text.replace(/^\uFEFF/, '');
}
