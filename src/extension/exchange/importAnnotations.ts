import * as vscode from 'vscode';
import { CODEBOOK_PATH, emptyCodebook, parseCodebook, serializeCodebook, themeFor, type ParsedCodebook } from '../../core/annotations';
import { describePlan, ImportError, planImport, readImport, targetPaths, type ImportPlan, type Incoming, type LocalDocument } from '../../core/exchange';
import { Commands } from '../commandIds';
import { baseName, exists, readText, sidecarUri, writeTextAtomic } from '../files';
import { log } from '../log';
import { documentText, folderDocuments, uriOf, yieldToEditor } from './folderDocuments';

/** What scripts and tests may pass instead of answering the dialogs. */
export interface ImportArgs {
  /** URI of the file to import. */
  readonly file?: string;
  /** URI of the workspace folder to import into. */
  readonly folder?: string;
  /** For W3C files: the folder document (relative path) each annotated resource (IRI) goes to. */
  readonly assign?: Readonly<Record<string, string>>;
  /** Skip the confirmation (the plan is still logged). */
  readonly confirm?: boolean;
}

export interface ImportSummary {
  readonly added: number;
  readonly merged: number;
  readonly orphans: number;
  readonly documentsCreated: string[];
  readonly sidecarsWritten: string[];
  readonly themesAdded: string[];
  readonly skipped: string[];
}

// Import Annotations…: reads a REFI-QDA project or codebook, or W3C / Hypothesis annotations, works out what it
// would add, shows it, and writes only once the user confirms. Sidecars and the codebook are written as files, so
// the stores' watchers reload them and open editors show the new passages; a document is never overwritten, and a
// sidecar that changed since it was read is left alone.
export function registerImportAnnotations(): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.importAnnotations, async (args?: ImportArgs): Promise<ImportSummary | undefined> => {
    try {
      return await importAnnotations(args ?? {});
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      log().error(`import failed: ${reason}`, err instanceof ImportError ? undefined : err);
      const showLog = vscode.l10n.t('Show Log');
      void vscode.window.showErrorMessage(vscode.l10n.t('Nothing was imported: {0}.', reason), showLog).then((c) => {
        if (c === showLog) log().show();
      });
      return undefined;
    }
  });
}

async function importAnnotations(args: ImportArgs): Promise<ImportSummary | undefined> {
  const file = args.file
    ? vscode.Uri.parse(args.file)
    : (await vscode.window.showOpenDialog({
      canSelectMany: false,
      title: vscode.l10n.t('Import Annotations'),
      openLabel: vscode.l10n.t('Import'),
      filters: { [vscode.l10n.t('Annotations and REFI-QDA projects')]: ['qdpx', 'qdc', 'json', 'jsonld'] },
    }))?.[0];
  if (!file) return undefined;
  const folder = args.folder ? vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(args.folder)) : await pickFolder();
  if (!folder) return undefined;
  const incoming = readImport(baseName(file), await vscode.workspace.fs.readFile(file));
  const paths = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Reading {0}', baseName(file)) }, async () => {
    const needsFolder = incoming.documents.some((d) => d.text === undefined);
    return targetPaths(incoming, needsFolder ? await folderDocuments(folder) : [], new Map(Object.entries(args.assign ?? {})));
  });
  if (!args.assign) {
    const chosen = await assignUnmatched(incoming, paths, folder);
    if (!chosen) return undefined;
  }
  let plan = await makePlan(incoming, paths, folder);
  const label = (id: string) => themeFor({ version: 1, themes: [...plan.codebook, ...plan.plan.themesAdded.map((t) => ({ ...t, color: t.color ?? '' }))] }, id).label;
  const details = describePlan(plan.plan, label);
  log().info(`import of ${file.toString(true)} into ${folder.uri.toString(true)}:\n${details}`);
  const changes = plan.plan.documents.flatMap((d) => d.changes);
  const count = (kind: string) => changes.filter((c) => c.kind === kind).length;
  const created = plan.plan.documents.filter((d) => d.create !== undefined).length;
  const writes = created + plan.plan.documents.filter((d) => d.sidecarText !== undefined).length + plan.plan.themesAdded.length;
  if (writes === 0) {
    if (!args.confirm) void vscode.window.showInformationMessage(vscode.l10n.t('{0} adds nothing to {1}: its annotations and themes are already there.', baseName(file), folder.name));
    return summary(plan.plan, [], [], []);
  }
  if (!args.confirm) {
    const question = vscode.l10n.t('Import {0} into {1}?', baseName(file), folder.name);
    const detail = vscode.l10n.t('{0} annotations to add, {1} to merge into existing ones, {2} orphans (not found in the text); {3} new documents; {4} new themes. Nothing is overwritten.', count('add'), count('merge'), count('orphan'), created, plan.plan.themesAdded.length)
      + (plan.plan.notices.length ? `\n\n${vscode.l10n.t('Not imported from the file:')}\n${plan.plan.notices.map((n) => `• ${n}`).join('\n')}` : '');
    const importLabel = vscode.l10n.t('Import');
    const showDetails = vscode.l10n.t('Show Details');
    let answer = await vscode.window.showInformationMessage(question, { modal: true, detail }, importLabel, showDetails);
    if (answer === showDetails) {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ content: details, language: 'plaintext' }), { preview: true });
      answer = await vscode.window.showInformationMessage(question, { modal: true, detail }, importLabel);
    }
    if (answer !== importLabel) return undefined;
    // The folder may have changed while the question was open.
    plan = await makePlan(incoming, paths, folder);
  }
  const written = await write(plan.plan, folder);
  const done = vscode.l10n.t('Imported {0} annotations into {1} documents of {2}.', count('add') + count('merge') + count('orphan'), written.sidecars.length, folder.name)
    + (written.skipped.length ? ' ' + vscode.l10n.t('Left alone: {0}.', written.skipped.join('; ')) : '');
  log().info(done);
  if (!args.confirm) {
    const open = vscode.l10n.t('Open Document');
    const first = written.sidecars[0];
    void vscode.window.showInformationMessage(done, ...(first ? [open] : [])).then((c) => {
      if (c === open && first) void vscode.window.showTextDocument(uriOf(folder.uri, first));
    });
  }
  return summary(plan.plan, written.created, written.sidecars, written.skipped);
}

function summary(plan: ImportPlan, created: string[], sidecars: string[], skipped: string[]): ImportSummary {
  const changes = plan.documents.flatMap((d) => d.changes);
  return {
    added: changes.filter((c) => c.kind === 'add').length,
    merged: changes.filter((c) => c.kind === 'merge').length,
    orphans: changes.filter((c) => c.kind === 'orphan').length,
    documentsCreated: created,
    sidecarsWritten: sidecars,
    themesAdded: plan.themesAdded.map((t) => t.id),
    skipped: [...skipped, ...plan.documents.filter((d) => d.problem).map((d) => `${d.path ?? d.source}: ${d.problem}`)],
  };
}

async function pickFolder(): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) {
    if (!folders.length) void vscode.window.showInformationMessage(vscode.l10n.t('Open the folder to import the annotations into.'));
    return folders[0];
  }
  return vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Folder to import the annotations into') });
}

/** For each annotated resource no document of the folder matches (a web page annotated in Hypothesis), ask which one it is. */
async function assignUnmatched(incoming: Incoming, paths: Map<string, string | undefined>, folder: vscode.WorkspaceFolder): Promise<boolean> {
  const unmatched = incoming.documents.filter((d) => !paths.get(d.source));
  if (!unmatched.length) return true;
  const documents = await folderDocuments(folder);
  const skip = vscode.l10n.t('Skip these annotations');
  for (const d of unmatched) {
    const picked = await vscode.window.showQuickPick([...documents.map((p) => ({ label: p })), { label: skip }], {
      title: vscode.l10n.t('Which document of {0} holds these {1} annotations?', folder.name, d.annotations.length),
      placeHolder: d.source,
    });
    if (!picked) return false;
    if (picked.label !== skip) paths.set(d.source, picked.label);
  }
  return true;
}

async function makePlan(incoming: Incoming, paths: Map<string, string | undefined>, folder: vscode.WorkspaceFolder) {
  const cbText = await readText(vscode.Uri.joinPath(folder.uri, CODEBOOK_PATH));
  const codebook = cbText === undefined ? undefined : parseCodebook(cbText);
  if (codebook && !codebook.ok) throw new Error(vscode.l10n.t('{0} has an error at line {1}, column {2} ({3}); fix it, then import again', CODEBOOK_PATH, codebook.error.line, codebook.error.column, codebook.error.message));
  const documents = new Map<string, LocalDocument>();
  for (const path of new Set(paths.values())) {
    if (!path) continue;
    const uri = uriOf(folder.uri, path);
    const text = await documentText(uri);
    documents.set(path, { ...(text !== undefined && { text }), sidecar: await readText(sidecarUri(uri)) });
    await yieldToEditor();
  }
  return { plan: planImport(incoming, { codebook: codebook || undefined, documents }, paths), codebook: codebook ? [...codebook.codebook.themes] : [] };
}

async function write(plan: ImportPlan, folder: vscode.WorkspaceFolder): Promise<{ created: string[]; sidecars: string[]; skipped: string[] }> {
  const created: string[] = [];
  const sidecars: string[] = [];
  const skipped: string[] = [];
  if (plan.themesAdded.length) {
    const uri = vscode.Uri.joinPath(folder.uri, CODEBOOK_PATH);
    const now = await readText(uri);
    const parsed: ParsedCodebook | undefined = now === undefined ? emptyCodebook() : (() => { const p = parseCodebook(now); return p.ok ? p : undefined; })();
    const edit = parsed ? plan.applyThemes(parsed) : undefined;
    if (!edit?.ok) throw new Error(vscode.l10n.t('the codebook could not be updated ({0}); nothing was written', edit ? edit.message : CODEBOOK_PATH));
    await writeTextAtomic(uri, serializeCodebook(edit.value));
  }
  for (const d of plan.documents) {
    if (!d.path) continue;
    const uri = uriOf(folder.uri, d.path);
    if (d.create !== undefined) {
      if (await exists(uri)) {
        skipped.push(vscode.l10n.t('{0} appeared while importing and was not overwritten', d.path));
        continue;
      }
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(d.create));
      created.push(d.path);
    }
    if (d.sidecarText !== undefined) {
      if ((await readText(sidecarUri(uri))) !== d.sidecarBefore) {
        skipped.push(vscode.l10n.t('{0} changed while importing; import again', baseName(sidecarUri(uri))));
        continue;
      }
      await writeTextAtomic(sidecarUri(uri), d.sidecarText);
      sidecars.push(d.path);
    }
  }
  return { created, sidecars, skipped };
}
