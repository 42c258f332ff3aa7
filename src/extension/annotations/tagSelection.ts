import * as vscode from 'vscode';
import { addTheme, unknownThemeIds, type Codebook } from '../../core/annotations';
import { Commands } from '../commandIds';
import { log } from '../log';
import { unreadable } from './annotationTarget';
import { SidecarUnreadableError, type AnnotationStore } from './annotationStore';
import type { CodebookStore } from './codebookStore';
import { colorIcon, themeLabel, themesOf } from './themeStyle';

interface ThemeItem extends vscode.QuickPickItem {
  readonly themeId?: string;
  readonly create?: string;
}

/** Arguments for keybindings and scripts: `{ "themes": ["prevention"] }` tags without asking. */
interface TagArgs {
  readonly themes?: readonly string[];
  readonly note?: string;
}

// Tag Selection with Theme…: every non-empty selection becomes a passage tagged with the chosen themes.
// Selecting exactly an existing passage edits its themes instead. A name that is not in the codebook
// yet can be created on the spot.
export async function tagSelection(store: AnnotationStore, codebooks: CodebookStore, args?: TagArgs): Promise<string[] | undefined> {
  const editor = vscode.window.activeTextEditor;
  const selections = editor?.selections.filter((s) => !s.isEmpty) ?? [];
  if (!editor || selections.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Select the passage to tag first, then run “Tag Selection with Theme…”.'));
    return undefined;
  }
  const document = editor.document;
  const state = await store.ready(document);
  if (!state) {
    void vscode.window.showWarningMessage(vscode.l10n.t('This document cannot be annotated: annotations are kept in a file beside it, so it must be saved on a writable file system.'));
    return undefined;
  }
  // A sidecar that cannot be read takes no new passage: said before any theme is asked for.
  if (unreadable(state)) return undefined;
  const text = document.getText();
  const ranges = selections.map((s) => trimmed(text, document.offsetAt(s.start), document.offsetAt(s.end))).filter((r) => r.end > r.start);
  if (ranges.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('The selection holds only spaces: select the words of the passage to tag.'));
    return undefined;
  }
  const existing = ranges.length === 1 ? state.session?.placed.find((a) => a.start === ranges[0].start && a.end === ranges[0].end) : undefined;
  const version = document.version;
  const { codebook } = await codebooks.get(document.uri);
  const used = state.session?.annotations.flatMap((a) => a.annotation.themes) ?? [];
  const chosen = args?.themes ?? await pickThemes(codebook, used, existing?.annotation.themes ?? [], async (label) => {
    const updated = await codebooks.edit(document.uri, (cb) => addTheme(cb, { label }));
    return updated.themes.find((t) => t.label === label)?.id;
  });
  if (!chosen) return undefined;
  if (document.version !== version) {
    // The offsets above belong to the text as it was when the selection was taken.
    void vscode.window.showWarningMessage(vscode.l10n.t('The document changed while the themes were being chosen: select the passage again and retag it.'));
    return undefined;
  }
  const created = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  return store.modify(document, (session, text) => {
    if (existing) {
      session.update(existing.annotation.id, { themes: chosen });
      return [existing.annotation.id];
    }
    return ranges.map((r) => session.add(text, r.start, r.end, { themes: chosen, note: args?.note, created }).id);
  });
}

/** A passage starts and ends with its words: spaces and line breaks at the edges are left out. */
function trimmed(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

async function pickThemes(codebook: Codebook, used: readonly string[], current: readonly string[], create: (label: string) => Promise<string | undefined>): Promise<string[] | undefined> {
  const themes = [...codebook.themes, ...themesOf(codebook, unknownThemeIds(codebook, used))];
  const items: ThemeItem[] = themes.map((t) => ({
    label: themeLabel(t),
    description: t.id !== t.label ? t.id : undefined,
    detail: t.description,
    iconPath: colorIcon(t.color),
    themeId: t.id,
  }));
  const quickPick = vscode.window.createQuickPick<ThemeItem>();
  quickPick.title = vscode.l10n.t('Tag Selection with Theme');
  quickPick.placeholder = items.length
    ? vscode.l10n.t('Choose themes (Space to select several, Enter to apply), or type a new theme name')
    : vscode.l10n.t('Type the name of a new theme and press Enter');
  quickPick.canSelectMany = true;
  quickPick.matchOnDescription = true;
  quickPick.matchOnDetail = true;
  quickPick.items = items;
  quickPick.selectedItems = items.filter((i) => i.themeId && current.includes(i.themeId));
  const update = (): void => {
    const value = quickPick.value.trim();
    const known = value && themes.some((t) => t.label.toLowerCase() === value.toLowerCase() || t.id === value);
    const createItem: ThemeItem[] = value && !known
      ? [{ label: `$(add) ${vscode.l10n.t('Create theme “{0}”', value)}`, create: value, alwaysShow: true }]
      : [];
    const selected = quickPick.selectedItems.filter((i) => !i.create);
    quickPick.items = [...createItem, ...items];
    quickPick.selectedItems = selected;
    // A multi-select pick highlights nothing by itself: highlight what Enter should take.
    const lower = value.toLowerCase();
    const match = createItem[0] ?? items.find((i) => i.label.toLowerCase().startsWith(lower)) ?? items.find((i) => i.label.toLowerCase().includes(lower));
    if (value && match) quickPick.activeItems = [match];
  };
  quickPick.onDidChangeValue(update);
  const result = await new Promise<ThemeItem[] | undefined>((resolve) => {
    quickPick.onDidAccept(() => {
      // Enter with nothing ticked takes the highlighted item, so a single theme needs no Space.
      const picked = quickPick.selectedItems.length ? [...quickPick.selectedItems] : [...quickPick.activeItems];
      resolve(picked);
      quickPick.hide();
    });
    quickPick.onDidHide(() => resolve(undefined));
    quickPick.show();
  });
  quickPick.dispose();
  if (!result || result.length === 0) return undefined;
  const ids: string[] = [];
  for (const item of result) {
    const id = item.create ? await create(item.create) : item.themeId;
    if (id && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

export function registerTagSelection(store: AnnotationStore, codebooks: CodebookStore): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.tagSelection, async (args?: TagArgs) => {
    try {
      return await tagSelection(store, codebooks, args);
    } catch (err) {
      // The unreadable sidecar was reported already, with the way to fix it.
      if (err instanceof SidecarUnreadableError) return undefined;
      log().error('Tag Selection failed', err);
      void vscode.window.showErrorMessage(vscode.l10n.t('The passage was not tagged: {0}', err instanceof Error ? err.message : String(err)));
      return undefined;
    }
  });
}
