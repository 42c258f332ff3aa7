import * as vscode from 'vscode';
import {
  deleteTheme, mergeTheme, mergeThemes, parseSidecar, PALETTE, recolorTheme, removeTheme, renameTheme, serializeSidecar,
  type Codebook, type Sidecar, type Theme, type ThemeChange,
} from '../../core/annotations';
import { Commands } from '../commandIds';
import { baseName, canAnnotate, readText, writeTextAtomic } from '../files';
import { log } from '../log';
import type { CodebookStore } from './codebookStore';
import { colorIcon } from './themeStyle';

type ThemeArg = { theme?: { id: string } } | string | undefined;

// Rename, recolour, merge and delete themes. Merge and delete first count what they affect in every
// sidecar of the workspace folder, ask, and then update the codebook and each of those sidecars.
export function registerThemeCommands(codebooks: CodebookStore): vscode.Disposable {
  const run = (name: string, action: (arg: ThemeArg, value?: string) => Promise<void>) => async (arg: ThemeArg, value?: unknown) => {
    try {
      await action(arg, typeof value === 'string' ? value : undefined);
    } catch (err) {
      log().error(`${name} failed`, err);
      void vscode.window.showErrorMessage(vscode.l10n.t('{0} failed: {1}', name, err instanceof Error ? err.message : String(err)));
    }
  };
  return vscode.Disposable.from(
    // Scripts and keybindings may pass the new label or colour as a second argument.
    vscode.commands.registerCommand(Commands.renameTheme, run(vscode.l10n.t('Rename Theme'), async (arg, newLabel) => {
      const ctx = await themeContext(codebooks, arg, vscode.l10n.t('Theme to rename'));
      if (!ctx) return;
      const label = newLabel ?? await vscode.window.showInputBox({ title: vscode.l10n.t('Rename theme “{0}”', ctx.theme.label), value: ctx.theme.label, prompt: vscode.l10n.t('The id “{0}” used in sidecars stays the same.', ctx.theme.id), validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('A theme needs a name.')) });
      if (label === undefined) return;
      await codebooks.edit(ctx.document, (cb) => renameTheme(cb, ctx.theme.id, label.trim()));
    })),
    vscode.commands.registerCommand(Commands.recolorTheme, run(vscode.l10n.t('Change Theme Colour'), async (arg, newColor) => {
      const ctx = await themeContext(codebooks, arg, vscode.l10n.t('Theme to recolour'));
      if (!ctx) return;
      if (newColor) {
        if (!/^#[0-9a-fA-F]{6}$/.test(newColor)) throw new Error(vscode.l10n.t('“{0}” is not a colour: write it as #rrggbb.', newColor));
        await codebooks.edit(ctx.document, (cb) => recolorTheme(cb, ctx.theme.id, newColor.toLowerCase()));
        return;
      }
      const custom = vscode.l10n.t('Custom colour…');
      const picked = await vscode.window.showQuickPick(
        [...PALETTE.map((color) => ({ label: color, iconPath: colorIcon(color), description: color === ctx.theme.color ? vscode.l10n.t('current') : undefined })), { label: custom }],
        { title: vscode.l10n.t('Colour of “{0}”', ctx.theme.label) },
      );
      if (!picked) return;
      const color = picked.label === custom
        ? await vscode.window.showInputBox({ title: vscode.l10n.t('Colour of “{0}”', ctx.theme.label), value: ctx.theme.color, validateInput: (v) => (/^#[0-9a-fA-F]{6}$/.test(v.trim()) ? undefined : vscode.l10n.t('Write the colour as #rrggbb.')) })
        : picked.label;
      if (!color) return;
      await codebooks.edit(ctx.document, (cb) => recolorTheme(cb, ctx.theme.id, color.trim().toLowerCase()));
    })),
    vscode.commands.registerCommand(Commands.mergeTheme, run(vscode.l10n.t('Merge Theme'), async (arg) => {
      const ctx = await themeContext(codebooks, arg, vscode.l10n.t('Theme to merge into another'));
      if (!ctx) return;
      const into = await pickTheme(ctx.codebook, vscode.l10n.t('Merge “{0}” into…', ctx.theme.label), ctx.theme.id);
      if (!into) return;
      await applyEverywhere(codebooks, ctx.document, ctx.theme, (s) => mergeThemes(s, ctx.theme.id, into.id),
        (n, docs) => vscode.l10n.t('Merge “{0}” into “{1}”? {2} in {3} will be tagged “{1}” instead.', ctx.theme.label, into.label, annotationsCount(n), documentsCount(docs)),
        vscode.l10n.t('Merge'), (cb) => mergeTheme(cb, ctx.theme.id, into.id));
    })),
    vscode.commands.registerCommand(Commands.deleteTheme, run(vscode.l10n.t('Delete Theme'), async (arg) => {
      const ctx = await themeContext(codebooks, arg, vscode.l10n.t('Theme to delete'));
      if (!ctx) return;
      await applyEverywhere(codebooks, ctx.document, ctx.theme, (s) => removeTheme(s, ctx.theme.id),
        (n, docs) => vscode.l10n.t('Delete theme “{0}”? It is removed from {1} in {2}; those annotations keep their other themes, notes and places.', ctx.theme.label, annotationsCount(n), documentsCount(docs)),
        vscode.l10n.t('Delete'), (cb) => deleteTheme(cb, ctx.theme.id));
    })),
  );
}

function annotationsCount(n: number): string {
  return n === 1 ? vscode.l10n.t('1 annotation') : vscode.l10n.t('{0} annotations', n);
}

function documentsCount(n: number): string {
  return n === 1 ? vscode.l10n.t('1 document') : vscode.l10n.t('{0} documents', n);
}

async function themeContext(codebooks: CodebookStore, arg: ThemeArg, placeHolder: string): Promise<{ document: vscode.Uri; codebook: Codebook; theme: Theme } | undefined> {
  const active = vscode.window.activeTextEditor?.document;
  const document = (active && canAnnotate(active) ? active.uri : undefined) ?? vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!document) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a document of the workspace whose codebook you want to change.'));
    return undefined;
  }
  const { codebook } = await codebooks.get(document);
  const id = typeof arg === 'string' ? arg : arg?.theme?.id;
  const theme = id ? codebook.themes.find((t) => t.id === id) : await pickTheme(codebook, placeHolder);
  if (!theme && id) void vscode.window.showWarningMessage(vscode.l10n.t('“{0}” is not in the codebook.', id));
  if (!theme && !id && codebook.themes.length === 0) void vscode.window.showInformationMessage(vscode.l10n.t('The codebook has no themes yet: tag a passage to create one.'));
  return theme && { document, codebook, theme };
}

async function pickTheme(codebook: Codebook, placeHolder: string, exclude?: string): Promise<Theme | undefined> {
  const themes = codebook.themes.filter((t) => t.id !== exclude);
  if (!themes.length) return undefined;
  const picked = await vscode.window.showQuickPick(themes.map((t) => ({ label: t.label, description: t.id, iconPath: colorIcon(t.color), theme: t })), { placeHolder });
  return picked?.theme;
}

interface SidecarFile { uri: vscode.Uri; text: string; sidecar: Sidecar; change: ThemeChange; parsed: ReturnType<typeof parseSidecar> & { ok: true } }

async function applyEverywhere(
  codebooks: CodebookStore, document: vscode.Uri, theme: Theme, change: (s: Sidecar) => ThemeChange,
  question: (annotations: number, documents: number) => string, verb: string,
  codebookOperation: Parameters<CodebookStore['edit']>[1],
): Promise<void> {
  const folder = vscode.workspace.getWorkspaceFolder(document);
  const pattern = folder ? new vscode.RelativePattern(folder, '**/*.annotations.yaml') : '**/*.annotations.yaml';
  const affected: SidecarFile[] = [];
  const unreadable: string[] = [];
  for (const uri of await vscode.workspace.findFiles(pattern, '**/node_modules/**')) {
    const text = await readText(uri);
    if (text === undefined) continue;
    const parsed = parseSidecar(text);
    if (!parsed.ok) {
      unreadable.push(`${baseName(uri)}:${parsed.error.line}:${parsed.error.column}`);
      continue;
    }
    const result = change(parsed.sidecar);
    if (result.touched.length) affected.push({ uri, text, sidecar: parsed.sidecar, change: result, parsed });
  }
  const count = affected.reduce((n, f) => n + f.change.touched.length, 0);
  let message = question(count, affected.length);
  if (unreadable.length) message += ' ' + vscode.l10n.t('These sidecars cannot be read and will not be changed: {0}.', unreadable.join(', '));
  const ok = await vscode.window.showWarningMessage(message, { modal: true }, verb);
  if (ok !== verb) return;
  await codebooks.edit(document, codebookOperation);
  for (const file of affected) {
    // Re-read right before writing: never overwrite a change made since the count above.
    const now = await readText(file.uri);
    const parsed = now === file.text ? file.parsed : now !== undefined ? parseSidecar(now) : undefined;
    if (!parsed?.ok) continue;
    const updated = parsed === file.parsed ? file.change.sidecar : change(parsed.sidecar).sidecar;
    await writeTextAtomic(file.uri, serializeSidecar(updated, parsed));
  }
  log().info(`${verb} theme ${theme.id}: ${count} annotations in ${affected.length} sidecars updated`);
}
