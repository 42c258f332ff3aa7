import * as vscode from 'vscode';
import { addTheme, type Codebook } from '../../core/annotations';
import {
  documentStructure, matchProposals, PatternError, passageSpeaker, sectionParagraphProposals, turnProposals,
  type DocumentStructure, type MatchMode, type Proposal,
} from '../../core/analysis';
import { LineIndex } from '../../core/document/lineIndex';
import type { AnnotationStore } from '../annotations/annotationStore';
import type { CodebookStore } from '../annotations/codebookStore';
import { colorIcon } from '../annotations/themeStyle';
import { Commands } from '../commandIds';
import { canAnnotate, readText } from '../files';
import { log } from '../log';
import type { AnalysisIndex } from './analysisIndex';

/** What one run changed, so that Undo takes back exactly that: new annotations, and a theme added to existing ones. */
interface Run {
  readonly theme: string;
  readonly label: string;
  readonly changes: { readonly uri: vscode.Uri; readonly added: string[]; readonly tagged: string[] }[];
}

interface Candidate {
  readonly uri: vscode.Uri;
  readonly proposal: Proposal;
}

/** Arguments for scripts and tests: no questions asked, every proposal taken (or only `take` of them, by index). */
export interface AutoCodeArgs {
  readonly pattern?: string;
  readonly mode?: MatchMode;
  readonly caseSensitive?: boolean;
  readonly scope?: 'document' | 'folder';
  readonly theme?: string;
  readonly speakers?: readonly string[];
  readonly sections?: readonly string[];
  readonly take?: readonly number[];
}

/** Files that "the folder" means for auto-coding: policy texts, plain text and Markdown, never sidecars. */
const FOLDER_GLOB = '**/*.{txt,md,markdown}';
const MAX_FILES = 2000;

// Tag All Matches… and Tag Speaker Turns…: proposals listed with checkboxes (ticked, except what already carries
// the theme) before anything is written; the ticked ones become annotations through the annotation store, and
// the whole run can be undone as one step.
export function registerAutoCode(store: AnnotationStore, codebooks: CodebookStore, index: AnalysisIndex): vscode.Disposable {
  let last: Run | undefined;
  const setUndoable = (run: Run | undefined): void => {
    last = run;
    void vscode.commands.executeCommand('setContext', 'policyLens.canUndoAutoCode', !!run);
  };

  const apply = async (candidates: readonly Candidate[], theme: { id: string; label: string }): Promise<Run> => {
    const byDocument = new Map<string, Candidate[]>();
    for (const c of candidates) byDocument.set(c.uri.toString(), [...(byDocument.get(c.uri.toString()) ?? []), c]);
    const created = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
    const run: Run = { theme: theme.id, label: theme.label, changes: [] };
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Tagging with “{0}”', theme.label), cancellable: false }, async (progress) => {
      let done = 0;
      for (const list of byDocument.values()) {
        const document = await vscode.workspace.openTextDocument(list[0].uri);
        const change = { uri: document.uri, added: [] as string[], tagged: [] as string[] };
        await store.modify(document, (session, text) => {
          for (const { proposal: p } of list) {
            // The text must still be what the preview showed; a passage that moved is left alone.
            if (text.slice(p.start, p.end) !== p.quote) continue;
            const same = session.placed.find((a) => a.start === p.start && a.end === p.end);
            if (same) {
              if (same.annotation.themes.includes(theme.id)) continue;
              session.update(same.annotation.id, { themes: [...same.annotation.themes, theme.id] });
              change.tagged.push(same.annotation.id);
            } else change.added.push(session.add(text, p.start, p.end, { themes: [theme.id], created }).id);
          }
        });
        run.changes.push(change);
        progress.report({ increment: (++done / byDocument.size) * 100 });
      }
    });
    return run;
  };

  const undo = async (): Promise<number> => {
    const run = last;
    if (!run) {
      void vscode.window.showInformationMessage(vscode.l10n.t('There is no auto-coding run to undo.'));
      return 0;
    }
    let n = 0;
    for (const change of run.changes) {
      const document = await vscode.workspace.openTextDocument(change.uri);
      await store.modify(document, (session) => {
        for (const id of change.added) if (session.remove(id)) n++;
        for (const id of change.tagged) {
          const a = session.find(id);
          if (a && session.update(id, { themes: a.annotation.themes.filter((t) => t !== run.theme) })) n++;
        }
      });
    }
    setUndoable(undefined);
    void vscode.window.setStatusBarMessage(vscode.l10n.t('Undid tagging {0} passages with “{1}”', n, run.label), 5000);
    return n;
  };

  const finish = async (candidates: Candidate[], theme: { id: string; label: string }, args: AutoCodeArgs | undefined): Promise<number> => {
    const chosen = args?.take ? args.take.map((i) => candidates[i]).filter(Boolean) : args ? candidates.filter((c) => !c.proposal.alreadyTagged) : await preview(candidates, theme);
    if (!chosen?.length) return 0;
    const run = await apply(chosen, theme);
    setUndoable(run);
    const passages = run.changes.reduce((n, c) => n + c.added.length + c.tagged.length, 0);
    const documents = run.changes.filter((c) => c.added.length + c.tagged.length).length;
    log().info(`auto-coding: ${passages} passages in ${documents} documents tagged ${theme.id}`);
    if (!args) {
      const undoLabel = vscode.l10n.t('Undo');
      void vscode.window.showInformationMessage(vscode.l10n.t('Tagged {0} passages in {1} documents with “{2}”.', passages, documents, theme.label), undoLabel).then((choice) => {
        if (choice === undoLabel && last === run) void undo();
      });
    }
    return passages;
  };

  const guarded = <A extends unknown[]>(name: string, fn: (...a: A) => Promise<number | undefined>) => async (...a: A): Promise<number | undefined> => {
    try {
      return await fn(...a);
    } catch (err) {
      log().error(`${name} failed`, err);
      void vscode.window.showErrorMessage(vscode.l10n.t('{0} failed: {1}. Nothing was written.', name, err instanceof Error ? err.message : String(err)));
      return undefined;
    }
  };

  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.tagAllMatches, guarded(vscode.l10n.t('Tag All Matches'), async (args?: AutoCodeArgs) => {
      const pattern = await askPattern();
      if (!pattern) return undefined;
      const scope = args?.scope ?? await askScope();
      if (!scope) return undefined;
      const documents = await documentsIn(scope, index);
      if (!documents) return undefined;
      const theme = await themeFor(codebooks, documents[0], args?.theme);
      if (!theme) return undefined;
      const candidates: Candidate[] = [];
      await scan(documents, vscode.l10n.t('Finding matches'), async (uri, text, existing) => {
        const lines = new LineIndex(text);
        const structure = { lineOf: (offset: number) => lines.lineOf(offset) };
        for (const proposal of matchProposals(text, structure, { text: pattern.text, mode: pattern.mode, caseSensitive: pattern.caseSensitive }, theme.id, existing)) candidates.push({ uri, proposal });
      }, store);
      if (!candidates.length) {
        if (!args) void vscode.window.showInformationMessage(vscode.l10n.t('No matches for “{0}”.', pattern.text));
        return 0;
      }
      return finish(candidates, theme, args);

      async function askPattern(): Promise<{ text: string; mode: MatchMode; caseSensitive: boolean } | undefined> {
        if (args?.pattern) return { text: args.pattern, mode: args.mode ?? 'phrase', caseSensitive: !!args.caseSensitive };
        const text = await vscode.window.showInputBox({
          title: vscode.l10n.t('Tag All Matches'),
          prompt: vscode.l10n.t('A phrase, whole words or a regular expression to tag wherever it occurs'),
          value: selectedText(),
        });
        if (!text?.trim()) return undefined;
        const modes: (vscode.QuickPickItem & { mode: MatchMode })[] = [
          { label: vscode.l10n.t('Phrase'), description: vscode.l10n.t('anywhere, also inside longer words; line breaks count as spaces'), mode: 'phrase' },
          { label: vscode.l10n.t('Whole words'), description: vscode.l10n.t('only where it stands as words of its own'), mode: 'words' },
          { label: vscode.l10n.t('Regular expression'), description: vscode.l10n.t('JavaScript syntax'), mode: 'regex' },
        ];
        const picked = await vscode.window.showQuickPick(modes, { title: vscode.l10n.t('Match “{0}” as', text) });
        if (!picked) return undefined;
        try {
          matchProposals('', { lineOf: () => 0 }, { text, mode: picked.mode }, '', []);
        } catch (e) {
          if (e instanceof PatternError) {
            void vscode.window.showErrorMessage(vscode.l10n.t('“{0}” cannot be used: {1}', text, e.message));
            return undefined;
          }
          throw e;
        }
        return { text, mode: picked.mode, caseSensitive: false };
      }
    })),
    vscode.commands.registerCommand(Commands.tagSpeakerTurns, guarded(vscode.l10n.t('Tag Speaker Turns'), async (args?: AutoCodeArgs) => {
      const what = args?.sections ? 'sections' : args?.speakers ? 'speakers' : (await vscode.window.showQuickPick([
        { label: `$(person) ${vscode.l10n.t('Every turn of chosen speakers')}`, what: 'speakers' as const },
        { label: `$(list-tree) ${vscode.l10n.t('Every paragraph of chosen sections')}`, what: 'sections' as const },
      ], { title: vscode.l10n.t('Tag Speaker Turns') }))?.what;
      if (!what) return undefined;
      const scope = args?.scope ?? await askScope();
      if (!scope) return undefined;
      const documents = await documentsIn(scope, index);
      if (!documents) return undefined;
      // Parse once, offer the speakers or sections found, then propose from the same parses.
      const parsed: { uri: vscode.Uri; doc: DocumentStructure; existing: { start: number; end: number; themes: readonly string[] }[] }[] = [];
      await scan(documents, vscode.l10n.t('Reading speaker turns and sections'), async (uri, text, existing) => {
        parsed.push({ uri, doc: documentStructure(text), existing });
      }, store);
      const choices = new Map<string, { label: string; detail?: string; count: number }>();
      for (const { doc } of parsed) {
        if (what === 'speakers') {
          for (const t of doc.speakers) {
            const s = passageSpeaker(t);
            const c = choices.get(s.key) ?? { label: s.country && !s.name.includes(s.country) ? `${s.name} (${s.country})` : s.name, detail: s.role ?? undefined, count: 0 };
            c.count++;
            choices.set(s.key, c);
          }
        } else {
          for (const s of doc.sections) {
            const c = choices.get(s.title) ?? { label: s.title, count: 0 };
            c.count++;
            choices.set(s.title, c);
          }
        }
      }
      if (!choices.size) {
        void vscode.window.showInformationMessage(what === 'speakers' ? vscode.l10n.t('No speaker turns were found.') : vscode.l10n.t('No sections were found.'));
        return 0;
      }
      const wanted = args?.speakers ?? args?.sections ?? await pickMany(choices, what);
      if (!wanted?.length) return undefined;
      const keys = new Set(wanted);
      const theme = await themeFor(codebooks, documents[0], args?.theme);
      if (!theme) return undefined;
      const candidates: Candidate[] = [];
      for (const { uri, doc, existing } of parsed) {
        const proposals = what === 'speakers'
          ? turnProposals(doc, keys, (i) => passageSpeaker(doc.speakers[i]).key, theme.id, existing)
          : sectionParagraphProposals(doc, new Set(doc.sections.map((s, i) => (keys.has(s.title) ? i : -1)).filter((i) => i >= 0)), theme.id, existing);
        for (const proposal of proposals) candidates.push({ uri, proposal });
      }
      if (!candidates.length) return 0;
      return finish(candidates, theme, args);
    })),
    vscode.commands.registerCommand(Commands.undoAutoCode, guarded(vscode.l10n.t('Undo Auto-Coding'), undo)),
  );
}

function selectedText(): string | undefined {
  const editor = vscode.window.activeTextEditor;
  const s = editor?.selection;
  return s && !s.isEmpty ? editor!.document.getText(s).trim() : undefined;
}

async function askScope(): Promise<'document' | 'folder' | undefined> {
  const active = vscode.window.activeTextEditor?.document;
  const items: (vscode.QuickPickItem & { scope: 'document' | 'folder' })[] = [
    ...(active && canAnnotate(active) ? [{ label: `$(file) ${vscode.l10n.t('Current document')}`, description: vscode.workspace.asRelativePath(active.uri), scope: 'document' as const }] : []),
    { label: `$(folder) ${vscode.l10n.t('Every document of the folder')}`, description: vscode.l10n.t('text and Markdown files'), scope: 'folder' },
  ];
  return (await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Where') }))?.scope;
}

async function documentsIn(scope: 'document' | 'folder', index: AnalysisIndex): Promise<vscode.Uri[] | undefined> {
  const active = vscode.window.activeTextEditor?.document;
  if (scope === 'document') {
    if (!active || !canAnnotate(active)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open the document to tag first.'));
      return undefined;
    }
    return [active.uri];
  }
  const folder = index.folderFor();
  if (!folder) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder to tag across it.'));
    return undefined;
  }
  const files = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, FOLDER_GLOB), '**/{node_modules,.git}/**', MAX_FILES);
  return files.filter((u) => !u.path.endsWith('.annotations.yaml')).sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** Reads each document (the editor's text when open) with progress; cancellable, yielding between documents. */
async function scan(
  documents: readonly vscode.Uri[], title: string,
  visit: (uri: vscode.Uri, text: string, existing: { start: number; end: number; themes: readonly string[] }[]) => Promise<void>,
  store: AnnotationStore,
): Promise<void> {
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
    for (let i = 0; i < documents.length; i++) {
      if (token.isCancellationRequested) throw new Error(vscode.l10n.t('cancelled'));
      const uri = documents[i];
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      const text = open ? open.getText() : (await readText(uri))?.replace(/^\uFEFF/, '');
      if (text === undefined) continue;
      const state = open ? store.get(open) : undefined;
      const existing = (state?.session?.placed ?? []).map((a) => ({ start: a.start, end: a.end, themes: a.annotation.themes }));
      await visit(uri, text, existing);
      if (documents.length > 1) {
        progress.report({ message: vscode.l10n.t('{0} of {1}', i + 1, documents.length), increment: 100 / documents.length });
        await new Promise((r) => setTimeout(r, 0));
      }
    }
  });
}

/** The preview: every proposal with a checkbox, grouped by document, as Search and Replace lists its changes. */
async function preview(candidates: readonly Candidate[], theme: { id: string; label: string }): Promise<Candidate[] | undefined> {
  type Item = vscode.QuickPickItem & { candidate?: Candidate };
  const items: Item[] = [];
  let previous: string | undefined;
  for (const c of candidates) {
    const path = vscode.workspace.asRelativePath(c.uri);
    if (path !== previous) {
      items.push({ label: path, kind: vscode.QuickPickItemKind.Separator });
      previous = path;
    }
    const p = c.proposal.preview;
    items.push({
      label: `${p.before}${p.match}${p.after}`.replace(/\s+/g, ' ').trim(),
      description: vscode.l10n.t('line {0}, column {1}', c.proposal.line, c.proposal.column),
      detail: c.proposal.alreadyTagged ? vscode.l10n.t('already tagged “{0}”', theme.label) : c.proposal.quote.length > 140 ? `${c.proposal.quote.slice(0, 139).replace(/\s+/g, ' ')}…` : undefined,
      candidate: c,
    });
  }
  const pick = vscode.window.createQuickPick<Item>();
  pick.title = vscode.l10n.t('Tag with “{0}”: {1} proposals — untick what should not be tagged, Enter to tag', theme.label, candidates.length);
  pick.canSelectMany = true;
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  pick.items = items;
  pick.selectedItems = items.filter((i) => i.candidate && !i.candidate.proposal.alreadyTagged);
  const result = await new Promise<Candidate[] | undefined>((resolve) => {
    pick.onDidAccept(() => {
      resolve(pick.selectedItems.map((i) => i.candidate!).filter(Boolean));
      pick.hide();
    });
    pick.onDidHide(() => resolve(undefined));
    pick.show();
  });
  pick.dispose();
  return result;
}

async function pickMany(choices: Map<string, { label: string; detail?: string; count: number }>, what: 'speakers' | 'sections'): Promise<string[] | undefined> {
  const items = [...choices].map(([key, c]) => ({ label: c.label, description: c.count === 1 ? vscode.l10n.t('1 turn') : vscode.l10n.t('{0} turns', c.count), detail: c.detail, key }));
  if (what === 'sections') for (const i of items) i.description = choices.get(i.key)!.count === 1 ? vscode.l10n.t('1 section') : vscode.l10n.t('{0} sections', choices.get(i.key)!.count);
  const picked = await vscode.window.showQuickPick(items, {
    canPickMany: true,
    title: what === 'speakers' ? vscode.l10n.t('Speakers whose turns to tag') : vscode.l10n.t('Sections whose paragraphs to tag'),
    matchOnDetail: true,
  });
  return picked?.map((p) => p.key);
}

/** The theme to tag with: named by id or label, picked, or created by typing a new name. */
async function themeFor(codebooks: CodebookStore, document: vscode.Uri, named?: string): Promise<{ id: string; label: string } | undefined> {
  const { codebook } = await codebooks.get(document);
  if (named) {
    const t = codebook.themes.find((x) => x.id === named || x.label === named);
    if (t) return { id: t.id, label: t.label };
    return { id: named, label: named };
  }
  return pickTheme(codebooks, document, codebook);
}

async function pickTheme(codebooks: CodebookStore, document: vscode.Uri, codebook: Codebook): Promise<{ id: string; label: string } | undefined> {
  type Item = vscode.QuickPickItem & { id?: string; create?: string };
  const base: Item[] = codebook.themes.map((t) => ({ label: t.label, description: t.id !== t.label ? t.id : undefined, iconPath: colorIcon(t.color), id: t.id }));
  const pick = vscode.window.createQuickPick<Item>();
  pick.title = vscode.l10n.t('Theme to tag with');
  pick.placeholder = vscode.l10n.t('Choose a theme, or type the name of a new one');
  pick.items = base;
  pick.onDidChangeValue((v) => {
    const value = v.trim();
    const known = codebook.themes.some((t) => t.label.toLowerCase() === value.toLowerCase() || t.id === value);
    pick.items = value && !known ? [{ label: `$(add) ${vscode.l10n.t('Create theme “{0}”', value)}`, create: value, alwaysShow: true }, ...base] : base;
  });
  const item = await new Promise<Item | undefined>((resolve) => {
    pick.onDidAccept(() => { resolve(pick.activeItems[0]); pick.hide(); });
    pick.onDidHide(() => resolve(undefined));
    pick.show();
  });
  pick.dispose();
  if (!item) return undefined;
  if (item.create) {
    const updated = await codebooks.edit(document, (cb) => addTheme(cb, { label: item.create! }));
    const t = updated.themes.find((x) => x.label === item.create);
    return t && { id: t.id, label: t.label };
  }
  return { id: item.id!, label: item.label };
}
