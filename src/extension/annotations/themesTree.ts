import * as vscode from 'vscode';
import { unknownThemeIds, type Theme } from '../../core/annotations';
import type { LiveAnnotation } from '../../core/annotations/liveSession';
import { Commands, ViewIds } from '../commandIds';
import { revealArgs } from '../revealInDocument';
import { excerpt } from './annotationTarget';
import type { AnnotationStore } from './annotationStore';
import type { CodebookStore } from './codebookStore';
import { isConflict } from './sidecarErrors';
import { colorIcon, themeLabel, themesOf } from './themeStyle';

export const enum ThemeNodeKind { Theme = 'theme', Passage = 'passage', Orphans = 'orphans', Orphan = 'orphan', Candidate = 'candidate', Problem = 'problem' }

export type ThemeNode =
  | { kind: ThemeNodeKind.Theme; theme: Theme & { uncategorised?: true }; passages: LiveAnnotation[] }
  | { kind: ThemeNodeKind.Passage; item: LiveAnnotation; parentTheme?: string; documentUri: string }
  | { kind: ThemeNodeKind.Orphans; items: LiveAnnotation[] }
  | { kind: ThemeNodeKind.Orphan; item: LiveAnnotation; documentUri: string }
  | { kind: ThemeNodeKind.Candidate; item: LiveAnnotation; documentUri: string; start: number; end: number; score: number }
  | { kind: ThemeNodeKind.Problem; message: string; sidecar: string; conflict: boolean };

// The Themes view: the codebook's themes with the passages of the active document under each, a theme
// id that the codebook lacks shown as uncategorised, and orphaned annotations in a group of their own.
/** Counts of each theme across the document's workspace folder (from the analysis index), once it is built. */
export interface WorkspaceCounts {
  counts(document: vscode.Uri): ReadonlyMap<string, { readonly passages: number; readonly documents: number }> | undefined;
  readonly onDidChange: vscode.Event<unknown>;
}

class ThemesProvider implements vscode.TreeDataProvider<ThemeNode> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  document: vscode.TextDocument | undefined;
  workspace: WorkspaceCounts | undefined;

  constructor(private readonly store: AnnotationStore, private readonly codebooks: CodebookStore) {}

  private timer: ReturnType<typeof setTimeout> | undefined;

  /** Debounced: edits in an annotated document change the store at every keystroke. */
  refresh(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.changed.fire(), 100);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.changed.dispose();
  }

  getChildren(node?: ThemeNode): ThemeNode[] {
    const documentUri = this.document?.uri.toString() ?? '';
    if (node?.kind === ThemeNodeKind.Theme) return node.passages.map((item) => ({ kind: ThemeNodeKind.Passage, item, parentTheme: node.theme.id, documentUri }));
    if (node?.kind === ThemeNodeKind.Orphans) return node.items.map((item) => ({ kind: ThemeNodeKind.Orphan, item, documentUri }));
    if (node?.kind === ThemeNodeKind.Orphan) {
      const length = this.document?.getText().length ?? 0;
      return (node.item.candidates ?? []).filter((c) => c.end <= length).map((c) => ({ kind: ThemeNodeKind.Candidate, item: node.item, documentUri, ...c }));
    }
    if (node || !this.document) return [];
    const state = this.store.get(this.document);
    if (state?.error) {
      return [{ kind: ThemeNodeKind.Problem, message: vscode.l10n.t('{0}, line {1}: {2}', state.sidecar.path.split('/').pop() ?? '', state.error.line, state.error.message), sidecar: state.sidecar.toString(), conflict: isConflict(state.error) }];
    }
    const session = state?.session;
    const codebook = this.codebooks.peek(this.document.uri);
    const placed = session?.placed ?? [];
    const used = session?.annotations.flatMap((a) => a.annotation.themes) ?? [];
    const themes = [...codebook.themes, ...themesOf(codebook, unknownThemeIds(codebook, used))];
    const nodes: ThemeNode[] = themes.map((theme) => ({ kind: ThemeNodeKind.Theme, theme, passages: placed.filter((a) => a.annotation.themes.includes(theme.id)) }));
    const untagged = placed.filter((a) => a.annotation.themes.length === 0);
    if (untagged.length) nodes.push({ kind: ThemeNodeKind.Theme, theme: { id: '', label: vscode.l10n.t('Notes without a theme'), color: '#9d9d9d' }, passages: untagged });
    const orphans = session?.orphans ?? [];
    if (orphans.length) nodes.push({ kind: ThemeNodeKind.Orphans, items: [...orphans] });
    return nodes;
  }

  getTreeItem(node: ThemeNode): vscode.TreeItem {
    switch (node.kind) {
      case ThemeNodeKind.Theme: {
        const item = new vscode.TreeItem(themeLabel(node.theme), node.passages.length ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
        item.id = `theme:${node.theme.id}`;
        const folder = this.document && this.workspace?.counts(this.document.uri)?.get(node.theme.id);
        item.description = folder
          ? vscode.l10n.t('{0} · {1} in {2} docs', node.passages.length, folder.passages, folder.documents)
          : String(node.passages.length);
        const tooltip = new vscode.MarkdownString();
        tooltip.appendMarkdown('**').appendText(node.theme.label).appendMarkdown('** ').appendText(`(${node.theme.id})`);
        if (node.theme.description) tooltip.appendMarkdown('\n\n').appendText(node.theme.description);
        tooltip.appendMarkdown('\n\n').appendText(node.passages.length === 1 ? vscode.l10n.t('1 passage in this document') : vscode.l10n.t('{0} passages in this document', node.passages.length));
        if (folder) tooltip.appendMarkdown('\n\n').appendText(vscode.l10n.t('{0} passages in {1} documents of the folder', folder.passages, folder.documents));
        item.tooltip = tooltip;
        item.iconPath = colorIcon(node.theme.color);
        item.contextValue = node.theme.id === '' ? 'untagged' : node.theme.uncategorised ? 'uncategorisedTheme' : 'theme';
        return item;
      }
      case ThemeNodeKind.Candidate: {
        const d = this.document;
        const passage = d ? d.getText(new vscode.Range(d.positionAt(node.start), d.positionAt(node.end))) : '';
        const item = new vscode.TreeItem(excerpt(passage, 70));
        item.id = `candidate:${node.item.annotation.id}:${node.start}`;
        item.description = vscode.l10n.t('line {0}, {1}% alike — attach here', d ? d.positionAt(node.start).line + 1 : 0, Math.round(node.score * 100));
        item.tooltip = vscode.l10n.t('A place that resembles the orphaned passage. Click to see it; re-attach with the inline action.');
        item.iconPath = new vscode.ThemeIcon('search');
        item.contextValue = 'candidate';
        if (d) item.command = { command: Commands.revealInDocument, title: vscode.l10n.t('Reveal in Document'), arguments: revealArgs(d.uri, node.start, node.end) };
        return item;
      }
      case ThemeNodeKind.Passage:
      case ThemeNodeKind.Orphan: {
        const a = node.item;
        const item = new vscode.TreeItem(excerpt(a.annotation.target.quote, 70), node.kind === ThemeNodeKind.Orphan && a.candidates?.length ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
        item.id = `${node.kind}:${node.kind === ThemeNodeKind.Passage ? node.parentTheme : ''}:${a.annotation.id}`;
        const line = this.document && a.start !== undefined ? this.document.positionAt(a.start).line + 1 : undefined;
        item.description = [line !== undefined ? vscode.l10n.t('line {0}', line) : undefined, a.annotation.note ? `— ${excerpt(a.annotation.note, 40)}` : undefined].filter(Boolean).join(' ');
        item.tooltip = passageTooltip(a);
        item.iconPath = new vscode.ThemeIcon(node.kind === ThemeNodeKind.Orphan ? 'debug-disconnect' : a.annotation.note ? 'note' : 'quote');
        item.contextValue = node.kind;
        if (this.document) {
          item.command = node.kind === ThemeNodeKind.Passage
            ? { command: Commands.revealInDocument, title: vscode.l10n.t('Reveal in Document'), arguments: revealArgs(this.document.uri, a.start!, a.end!) }
            : { command: Commands.reattachOrphan, title: vscode.l10n.t('Re-attach Orphan'), arguments: [this.document.uri.toString(), a.annotation.id] };
        }
        return item;
      }
      case ThemeNodeKind.Orphans: {
        const item = new vscode.TreeItem(vscode.l10n.t('Orphaned annotations'), vscode.TreeItemCollapsibleState.Expanded);
        item.id = 'orphans';
        item.description = String(node.items.length);
        item.tooltip = vscode.l10n.t('Annotations whose passage could not be found with confidence after the text changed. They are kept in the sidecar: select the passage they belong to and re-attach them.');
        item.iconPath = new vscode.ThemeIcon('warning');
        item.accessibilityInformation = { label: vscode.l10n.t('Orphaned annotations: {0}', node.items.length) };
        item.contextValue = 'orphans';
        return item;
      }
      case ThemeNodeKind.Problem: {
        const item = new vscode.TreeItem(node.message);
        item.iconPath = new vscode.ThemeIcon('error');
        item.command = { command: Commands.openSidecar, title: vscode.l10n.t('Open Sidecar'), arguments: this.document ? [this.document.uri.toString()] : [] };
        item.contextValue = node.conflict ? 'conflict' : 'problem';
        return item;
      }
    }
  }
}

function passageTooltip(a: LiveAnnotation): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendText(excerpt(a.annotation.target.quote, 400));
  if (a.annotation.note) md.appendMarkdown('\n\n---\n\n').appendText(a.annotation.note);
  const found = { moved: vscode.l10n.t('found again after the text moved'), fuzzy: vscode.l10n.t('found again in edited text'), orphan: vscode.l10n.t('not found in the current text'), exact: '' }[a.status];
  if (found) md.appendMarkdown('\n\n_').appendText(found).appendMarkdown('_');
  if (a.annotation.review) md.appendMarkdown('\n\n$(git-merge) ').appendText(a.annotation.review);
  return md;
}

export interface ThemesView {
  readonly disposable: vscode.Disposable;
  /** Adds workspace counts to each theme (passages and documents of the folder). */
  setWorkspaceCounts(source: WorkspaceCounts): vscode.Disposable;
  snapshot(): { label: string; description?: string; contextValue?: string; children: { label: string; contextValue?: string }[] }[];
}

export function registerThemesTree(store: AnnotationStore, codebooks: CodebookStore): ThemesView {
  const provider = new ThemesProvider(store, codebooks);
  const view = vscode.window.createTreeView(ViewIds.themes, { treeDataProvider: provider, showCollapseAll: true });
  const follow = (): void => {
    const editor = vscode.window.activeTextEditor;
    if (editor && editor.document.uri.scheme !== 'output') provider.document = editor.document;
    provider.refresh();
  };
  follow();
  const disposable = vscode.Disposable.from(
    provider,
    view,
    vscode.window.onDidChangeActiveTextEditor(follow),
    // A language change closes and reopens a document: let go of it only if it stays closed.
    vscode.workspace.onDidCloseTextDocument((document) => {
      if (document !== provider.document) return;
      const key = document.uri.toString();
      setTimeout(() => {
        if (provider.document !== document) return; // another document became active meanwhile
        provider.document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
        provider.refresh();
      }, 0);
    }),
    store.onDidChange((document) => {
      if (document === provider.document) provider.refresh();
    }),
    codebooks.onDidChange(() => provider.refresh()),
  );
  const snapshot: ThemesView['snapshot'] = () => provider.getChildren().map((node) => {
    const item = provider.getTreeItem(node);
    return {
      label: String(item.label), description: item.description as string | undefined, contextValue: item.contextValue,
      children: provider.getChildren(node).map((child) => {
        const c = provider.getTreeItem(child);
        return { label: String(c.label), contextValue: c.contextValue };
      }),
    };
  });
  const setWorkspaceCounts = (source: WorkspaceCounts): vscode.Disposable => {
    provider.workspace = source;
    provider.refresh();
    return source.onDidChange(() => provider.refresh());
  };
  return { disposable, snapshot, setWorkspaceCounts };
}
