import * as vscode from 'vscode';
import { CODEBOOK_PATH, parseCodebook, parseSidecar, type Codebook } from '../../core/annotations';
import { EXPORT_EXTENSIONS, exportAs, exportDocument, type ExportDocument, type ExportFormat } from '../../core/exchange';
import { Commands } from '../commandIds';
import { baseName, canAnnotate, readText, sidecarUri } from '../files';
import { log } from '../log';
import { annotatedDocuments, documentText, relativePath, uriOf, yieldToEditor } from './folderDocuments';

/** What scripts and tests may pass instead of answering the pickers. */
export interface ExportArgs {
  readonly format?: ExportFormat;
  /** CSV only: start with a byte-order mark for spreadsheet programs. */
  readonly byteOrderMark?: boolean;
  /** `folder` (the whole workspace folder) or the URI of one document. */
  readonly scope?: 'folder' | string;
  /** URI of the file to write. */
  readonly target?: string;
}

export interface ExportSummary {
  readonly target: string;
  readonly documents: number;
  readonly passages: number;
  readonly orphans: number;
  readonly orphansLeftOut: number;
  /** Documents left out, with why (a sidecar that cannot be read, a document that is missing). */
  readonly skipped: readonly string[];
}

interface FormatPick extends vscode.QuickPickItem {
  readonly format: ExportFormat;
  readonly byteOrderMark?: boolean;
}

// Export Annotations…: pick a format and a scope (the active document or its workspace folder), then a file; the
// export runs under a cancellable progress notification, a document at a time.
export function registerExportAnnotations(version: string): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.exportAnnotations, async (args?: ExportArgs): Promise<ExportSummary | undefined> => {
    try {
      return await exportAnnotations(args ?? {}, version);
    } catch (err) {
      log().error('export failed', err);
      const showLog = vscode.l10n.t('Show Log');
      void vscode.window.showErrorMessage(vscode.l10n.t('The export failed: {0}. Nothing was written.', err instanceof Error ? err.message : String(err)), showLog).then((c) => {
        if (c === showLog) log().show();
      });
      return undefined;
    }
  });
}

async function exportAnnotations(args: ExportArgs, version: string): Promise<ExportSummary | undefined> {
  const choice = args.format ? { format: args.format, byteOrderMark: args.byteOrderMark } : await pickFormat();
  if (!choice) return undefined;
  const scope = await pickScope(args.scope);
  if (!scope) return undefined;
  const title = scope.document ? baseName(scope.document) : scope.folder.name;
  const ext = EXPORT_EXTENSIONS[choice.format];
  const target = args.target
    ? vscode.Uri.parse(args.target)
    : await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.joinPath(scope.folder.uri, `${title}.annotations.${ext}`),
      filters: { [formatLabel(choice.format)]: [ext] },
      title: vscode.l10n.t('Export Annotations'),
    });
  if (!target) return undefined;
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Exporting annotations of {0}', title), cancellable: true },
    async (progress, token) => {
      const paths = scope.document ? [relativePath(scope.folder.uri, scope.document)] : await annotatedDocuments(scope.folder, token);
      const codebook = await readCodebook(scope.folder.uri);
      const documents: ExportDocument[] = [];
      const skipped: string[] = [];
      for (const path of paths) {
        if (token.isCancellationRequested) return undefined;
        progress.report({ message: path, increment: 100 / Math.max(1, paths.length) });
        const doc = await readDocument(scope.folder.uri, path);
        if ('skipped' in doc) skipped.push(doc.skipped);
        else documents.push(doc);
        await yieldToEditor();
      }
      if (token.isCancellationRequested) return undefined;
      const output = exportAs(choice.format, {
        documents,
        codebook,
        folderIri: `${scope.folder.uri.toString().replace(/\/$/, '')}/`,
        title,
        now: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
        generator: `Policy Lens ${version}`,
      }, { byteOrderMark: choice.byteOrderMark, link: markdownLink(scope.folder.uri, target) });
      await vscode.workspace.fs.writeFile(target, output.bytes);
      return { target: target.toString(), documents: documents.length, passages: output.passages, orphans: output.orphans, orphansLeftOut: output.orphansLeftOut, skipped };
    },
  );
  if (!result) return undefined;
  log().info(`exported ${result.passages} passages and ${result.orphans} orphans of ${result.documents} documents to ${target.toString(true)}`);
  const open = vscode.l10n.t('Open');
  const message = vscode.l10n.t('Exported {0} passages from {1} documents to {2}.', result.passages, result.documents, baseName(target))
    + (result.orphansLeftOut ? ' ' + vscode.l10n.t('{0} orphans were left out: REFI-QDA selections need a place in the text.', result.orphansLeftOut) : '')
    + (result.skipped.length ? ' ' + vscode.l10n.t('Left out: {0}.', result.skipped.join('; ')) : '');
  for (const s of result.skipped) log().warn(`export: left out ${s}`);
  if (!args.target) {
    void vscode.window.showInformationMessage(message, open).then((c) => {
      if (c === open) void vscode.commands.executeCommand('vscode.open', target);
    });
  }
  return result;
}

async function pickFormat(): Promise<FormatPick | undefined> {
  const items: FormatPick[] = [
    { label: vscode.l10n.t('CSV for spreadsheets'), description: '.csv', detail: vscode.l10n.t('One row per passage, UTF-8 with a byte-order mark so that Excel reads it'), format: 'csv', byteOrderMark: true },
    { label: vscode.l10n.t('CSV (plain UTF-8)'), description: '.csv', detail: vscode.l10n.t('For R, Python and other tools that read UTF-8'), format: 'csv', byteOrderMark: false },
    { label: vscode.l10n.t('W3C Web Annotation'), description: '.jsonld', detail: vscode.l10n.t('JSON-LD for annotation servers and tools that speak the W3C model'), format: 'w3c' },
    { label: vscode.l10n.t('Markdown digest'), description: '.md', detail: vscode.l10n.t('A report: passages per theme, with speaker, section and links'), format: 'markdown' },
    { label: vscode.l10n.t('REFI-QDA project'), description: '.qdpx', detail: vscode.l10n.t('For QualCoder, MAXQDA, ATLAS.ti, NVivo: texts, codes, codings, notes, speakers as cases'), format: 'qdpx' },
    { label: vscode.l10n.t('REFI-QDA codebook'), description: '.qdc', detail: vscode.l10n.t('The themes alone, as a coding scheme'), format: 'qdc' },
  ];
  return vscode.window.showQuickPick(items, { title: vscode.l10n.t('Export Annotations'), placeHolder: vscode.l10n.t('Format to export to') });
}

async function pickScope(scope: string | undefined): Promise<{ folder: vscode.WorkspaceFolder; document?: vscode.Uri } | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (scope && scope !== 'folder') {
    const document = vscode.Uri.parse(scope);
    const folder = vscode.workspace.getWorkspaceFolder(document);
    if (!folder) throw new Error(vscode.l10n.t('{0} is not in a workspace folder.', baseName(document)));
    return { folder, document };
  }
  const active = vscode.window.activeTextEditor?.document;
  const activeFolder = active ? vscode.workspace.getWorkspaceFolder(active.uri) : undefined;
  if (scope === 'folder') {
    const folder = activeFolder ?? folders[0];
    if (!folder) throw new Error(vscode.l10n.t('Open a folder to export its annotations.'));
    return { folder };
  }
  type ScopePick = vscode.QuickPickItem & { folder: vscode.WorkspaceFolder; document?: vscode.Uri };
  const items: ScopePick[] = [];
  if (active && activeFolder && canAnnotate(active)) items.push({ label: vscode.l10n.t('This document'), description: baseName(active.uri), folder: activeFolder, document: active.uri });
  for (const folder of folders) items.push({ label: vscode.l10n.t('Every annotated document of the folder'), description: folder.name, folder });
  if (!items.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder or a document of a folder to export its annotations.'));
    return undefined;
  }
  return items.length === 1 ? items[0] : vscode.window.showQuickPick(items, { title: vscode.l10n.t('Export Annotations'), placeHolder: vscode.l10n.t('What to export') });
}

async function readCodebook(folder: vscode.Uri): Promise<Codebook> {
  const uri = vscode.Uri.joinPath(folder, CODEBOOK_PATH);
  const text = await readText(uri);
  if (text === undefined) return { version: 1, themes: [] };
  const parsed = parseCodebook(text);
  if (!parsed.ok) throw new Error(vscode.l10n.t('{0} has an error at line {1}, column {2}: {3}', CODEBOOK_PATH, parsed.error.line, parsed.error.column, parsed.error.message));
  return parsed.codebook;
}

/** A document with its passages, or why it is left out (the export goes on without it). */
async function readDocument(folder: vscode.Uri, path: string): Promise<ExportDocument | { skipped: string }> {
  const uri = uriOf(folder, path);
  const text = await documentText(uri);
  if (text === undefined) return { skipped: vscode.l10n.t('{0} (its sidecar is there, the document is not)', path) };
  const sidecar = await readText(sidecarUri(uri));
  if (sidecar === undefined) return { path, text, passages: [], orphans: [] };
  const parsed = parseSidecar(sidecar);
  if (!parsed.ok) {
    return { skipped: vscode.l10n.t('{0} (its sidecar has an error at line {1}, column {2}: {3})', path, parsed.error.line, parsed.error.column, parsed.error.message) };
  }
  return exportDocument(path, text, parsed.sidecar);
}

/** Links from a digest to the documents: relative when it is saved inside the folder, else absolute. */
function markdownLink(folder: vscode.Uri, target: vscode.Uri): (path: string, line: number) => string {
  const dir = target.path.slice(0, target.path.lastIndexOf('/'));
  const base = folder.path.replace(/\/$/, '');
  if (target.scheme !== folder.scheme || target.authority !== folder.authority || !(dir === base || dir.startsWith(`${base}/`))) {
    return (path, line) => `${uriOf(folder, path).toString()}#L${line}`;
  }
  const up = dir === base ? 0 : dir.slice(base.length + 1).split('/').length;
  return (path, line) => `${'../'.repeat(up)}${path.split('/').map(encodeURIComponent).join('/')}#L${line}`;
}

function formatLabel(format: ExportFormat): string {
  return { csv: 'CSV', w3c: 'W3C Web Annotation', markdown: 'Markdown', qdpx: 'REFI-QDA project', qdc: 'REFI-QDA codebook' }[format];
}
