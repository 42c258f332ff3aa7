import * as vscode from 'vscode';
import { formatThemeExpression, parseThemeExpression, runQuery, type GroupBy, type IndexTheme, type PassageQuery, type ThemeExpr, type WorkspaceIndex } from '../../core/analysis';
import { Commands } from '../commandIds';
import { log } from '../log';
import type { AnalysisIndex } from './analysisIndex';
import type { PassageSearch } from './passageSearch';
import type { PassagesView } from './passagesView';

/**
 * Arguments for scripts, keybindings and the matrix: `{ "themes": "technology AND sanctions", "speaker": "Nebenzia" }`
 * runs the query without asking. `query` takes a structured query as the matrix builds it.
 */
export interface FindPassagesArgs {
  readonly themes?: string;
  readonly sameTurn?: boolean;
  readonly speaker?: string;
  readonly section?: string;
  readonly document?: string;
  readonly text?: string;
  readonly groupBy?: GroupBy;
  readonly query?: PassageQuery;
  readonly folder?: string;
  /** What the summary line says the query is (a matrix cell: "Technology × Mr. Nebenzia"). */
  readonly origin?: string;
}

export interface FindPassagesResult {
  readonly passages: number;
  readonly documents: number;
  readonly ids: string[];
}

// Find Coded Passages: asks for themes (AND / OR / NOT, by id or label), then lists the passages in the Coded
// Passages view; its filter menu adds speaker, section, document and words. With arguments it asks nothing.
export function registerFindPassages(index: AnalysisIndex, search: PassageSearch, view: PassagesView): vscode.Disposable {
  const run = async (args?: FindPassagesArgs): Promise<FindPassagesResult | undefined> => {
    const folder = (args?.folder && vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(args.folder))) || search.folder || index.folderFor();
    if (!folder) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder with annotated documents to find coded passages across it.'));
      return undefined;
    }
    const idx = await index.ready(folder);
    if (!idx) return undefined;
    let query: PassageQuery;
    if (args && (args.query || args.themes !== undefined || args.speaker || args.section || args.document || args.text)) {
      query = args.query ?? fromArgs(args, idx.themes());
    } else {
      const expr = await askThemes(idx.themes(), search.folder === folder ? search.query.themes : undefined);
      if (expr === undefined) return undefined;
      query = { ...(search.folder === folder ? search.query : {}), themes: expr ?? undefined };
    }
    search.set({ folder, query, groupBy: args?.groupBy, origin: args?.origin });
    await view.reveal();
    const found = runQuery(idx.passages(), query);
    return { passages: found.length, documents: new Set(found.map((p) => p.document)).size, ids: found.map((p) => `${p.document}#${p.id}`) };
  };
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.findPassages, guarded(run)),
    vscode.commands.registerCommand(Commands.editPassageFilters, guarded(() => editFilters(index, search, view))),
    vscode.commands.registerCommand(Commands.groupPassages, guarded(async (by?: GroupBy) => {
      const choice = by ?? (await vscode.window.showQuickPick(groupings(search.groupBy), { title: vscode.l10n.t('Group Coded Passages By') }))?.by;
      if (choice) search.set({ groupBy: choice });
    })),
  );
}

function guarded<A extends unknown[], R>(fn: (...args: A) => Promise<R>): (...args: A) => Promise<R | undefined> {
  return async (...args) => {
    try {
      return await fn(...args);
    } catch (err) {
      log().error('Find Coded Passages failed', err);
      void vscode.window.showErrorMessage(vscode.l10n.t('Find Coded Passages failed: {0}', err instanceof Error ? err.message : String(err)));
      return undefined;
    }
  };
}

function fromArgs(args: FindPassagesArgs, themes: readonly IndexTheme[]): PassageQuery {
  let expr: ThemeExpr | undefined;
  if (args.themes?.trim()) {
    const parsed = parseThemeExpression(args.themes, themes);
    if (!parsed.ok) throw new Error(vscode.l10n.t('the themes “{0}” cannot be read at column {1}: {2}', args.themes, parsed.column, parsed.message));
    expr = parsed.expr;
  }
  return {
    ...(expr && { themes: expr }),
    cooccurrence: args.sameTurn ? 'turn' : 'overlap',
    speaker: args.speaker, section: args.section, document: args.document, text: args.text,
  };
}

/** The theme expression, checked as it is typed; null for "any theme", undefined when cancelled. */
async function askThemes(themes: readonly IndexTheme[], current: ThemeExpr | undefined): Promise<ThemeExpr | null | undefined> {
  const names = themes.slice(0, 12).map((t) => (/\s/.test(t.id) ? `"${t.id}"` : t.id)).join(', ');
  const value = await vscode.window.showInputBox({
    title: vscode.l10n.t('Find Coded Passages'),
    prompt: vscode.l10n.t('Themes, combined with AND, OR, NOT and parentheses; empty for every coded passage. Themes: {0}{1}', names, themes.length > 12 ? ', …' : ''),
    placeHolder: vscode.l10n.t('technology AND (sanctions OR prevention) AND NOT gender'),
    value: formatThemeExpression(current),
    validateInput: (v) => {
      const parsed = parseThemeExpression(v, themes);
      return parsed.ok ? undefined : vscode.l10n.t('Column {0}: {1}', parsed.column, parsed.message);
    },
  });
  if (value === undefined) return undefined;
  const parsed = parseThemeExpression(value, themes);
  return parsed.ok ? parsed.expr ?? null : undefined;
}

function groupings(current: GroupBy): (vscode.QuickPickItem & { by: GroupBy })[] {
  const items: (vscode.QuickPickItem & { by: GroupBy })[] = [
    { label: vscode.l10n.t('Theme'), by: 'theme' },
    { label: vscode.l10n.t('Document'), by: 'document' },
    { label: vscode.l10n.t('Speaker'), by: 'speaker' },
  ];
  return items.map((i) => (i.by === current ? { ...i, description: vscode.l10n.t('current') } : i));
}

type FilterKey = 'themes' | 'cooccurrence' | 'speaker' | 'section' | 'document' | 'text' | 'groupBy' | 'clear';

/** The query's parts in one menu: pick one to change it; the menu comes back until Escape. */
async function editFilters(index: AnalysisIndex, search: PassageSearch, view: PassagesView): Promise<void> {
  const folder = search.folder ?? index.folderFor();
  if (!folder) return;
  const idx = await index.ready(folder);
  if (!idx) return;
  if (search.folder !== folder) search.set({ folder });
  await view.reveal();
  for (;;) {
    const q = search.query;
    const any = vscode.l10n.t('any');
    const items: (vscode.QuickPickItem & { key: FilterKey })[] = [
      { key: 'themes', label: `$(tag) ${vscode.l10n.t('Themes')}`, description: q.themes ? formatThemeExpression(q.themes) : any },
      { key: 'cooccurrence', label: `$(link) ${vscode.l10n.t('AND means')}`, description: q.cooccurrence === 'turn' ? vscode.l10n.t('in the same speaker turn') : vscode.l10n.t('the same or overlapping passages') },
      { key: 'speaker', label: `$(person) ${vscode.l10n.t('Speaker')}`, description: q.speaker || any },
      { key: 'section', label: `$(list-tree) ${vscode.l10n.t('Section')}`, description: q.section || any },
      { key: 'document', label: `$(file) ${vscode.l10n.t('Documents')}`, description: q.document || any },
      { key: 'text', label: `$(whole-word) ${vscode.l10n.t('Words in quote or note')}`, description: q.text || any },
      { key: 'groupBy', label: `$(group-by-ref-type) ${vscode.l10n.t('Group by')}`, description: search.groupBy },
      { key: 'clear', label: `$(clear-all) ${vscode.l10n.t('Clear the query')}` },
    ];
    const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Coded Passages: {0}', search.describe()), placeHolder: vscode.l10n.t('Choose what to change (Escape when done)') });
    if (!picked) return;
    const set = (query: PassageQuery): void => search.set({ query, origin: undefined });
    switch (picked.key) {
      case 'themes': {
        const expr = await askThemes(idx.themes(), q.themes);
        if (expr !== undefined) set({ ...q, themes: expr ?? undefined });
        break;
      }
      case 'cooccurrence':
        set({ ...q, cooccurrence: q.cooccurrence === 'turn' ? 'overlap' : 'turn' });
        break;
      case 'speaker': {
        const value = await pickValue(vscode.l10n.t('Speaker (name, role or delegation)'), q.speaker, speakerNames(idx));
        if (value !== undefined) set({ ...q, speaker: value || undefined, speakerKey: undefined });
        break;
      }
      case 'section': {
        const value = await pickValue(vscode.l10n.t('Section title'), q.section, sectionTitles(idx));
        if (value !== undefined) set({ ...q, section: value || undefined, sectionKey: undefined });
        break;
      }
      case 'document': {
        const value = await vscode.window.showInputBox({ title: vscode.l10n.t('Documents'), prompt: vscode.l10n.t('A glob like records/** or *.policy.txt, or a word of the path; empty for all'), value: q.document ?? '' });
        if (value !== undefined) set({ ...q, document: value.trim() || undefined, documentPath: undefined });
        break;
      }
      case 'text': {
        const value = await vscode.window.showInputBox({ title: vscode.l10n.t('Words in quote or note'), prompt: vscode.l10n.t('Every word must occur (case and accents ignored); empty for any'), value: q.text ?? '' });
        if (value !== undefined) set({ ...q, text: value.trim() || undefined });
        break;
      }
      case 'groupBy': {
        const choice = await vscode.window.showQuickPick(groupings(search.groupBy), { title: vscode.l10n.t('Group Coded Passages By') });
        if (choice) search.set({ groupBy: choice.by });
        break;
      }
      case 'clear':
        set({});
        break;
    }
  }
}

/** A free text or one of the known values, picked from a list that filters as one types. */
async function pickValue(title: string, current: string | undefined, known: string[]): Promise<string | undefined> {
  const pick = vscode.window.createQuickPick();
  pick.title = title;
  pick.placeholder = vscode.l10n.t('Type to filter, Enter to use what is typed; empty for any');
  pick.value = current ?? '';
  const base = known.map((label) => ({ label }));
  const refresh = (): void => {
    const typed = pick.value.trim();
    pick.items = typed && !known.includes(typed) ? [{ label: typed, description: vscode.l10n.t('as typed'), alwaysShow: true }, ...base] : base;
  };
  refresh();
  pick.onDidChangeValue(refresh);
  const result = await new Promise<string | undefined>((resolve) => {
    pick.onDidAccept(() => {
      resolve(pick.activeItems[0]?.label ?? pick.value.trim());
      pick.hide();
    });
    pick.onDidHide(() => resolve(undefined));
    pick.show();
  });
  pick.dispose();
  return result;
}

function speakerNames(idx: WorkspaceIndex): string[] {
  const names = new Map<string, number>();
  for (const p of idx.passages()) if (p.speaker) names.set(p.speaker.name, (names.get(p.speaker.name) ?? 0) + 1);
  return [...names].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([n]) => n);
}

function sectionTitles(idx: WorkspaceIndex): string[] {
  const titles = new Map<string, number>();
  for (const p of idx.passages()) {
    const t = p.section.at(-1);
    if (t) titles.set(t, (titles.get(t) ?? 0) + 1);
  }
  return [...titles].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([n]) => n);
}
