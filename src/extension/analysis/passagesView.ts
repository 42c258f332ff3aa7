import * as vscode from 'vscode';
import { codePointIndex } from '../../core/annotations';
import type { CodedPassage, PassageGroup } from '../../core/analysis';
import { excerpt } from '../annotations/annotationTarget';
import { colorIcon } from '../annotations/themeStyle';
import { Commands, ViewIds } from '../commandIds';
import { sidecarUri } from '../files';
import type { AnalysisIndex } from './analysisIndex';
import type { PassageSearch } from './passageSearch';

export const enum PassageNodeKind { Summary = 'summary', Group = 'group', Passage = 'codedPassage', Orphans = 'codedOrphans', Orphan = 'codedOrphan', Problem = 'problem' }

export type PassageNode =
  | { kind: PassageNodeKind.Summary; passages: number; documents: number; orphans: number }
  | { kind: PassageNodeKind.Group; group: PassageGroup }
  | { kind: PassageNodeKind.Passage; passage: CodedPassage; group?: string }
  | { kind: PassageNodeKind.Orphans; orphans: CodedPassage[] }
  | { kind: PassageNodeKind.Orphan; passage: CodedPassage }
  | { kind: PassageNodeKind.Problem; document: string; message: string };

// The Coded Passages view: the results of the current query over the folder's index, grouped by theme,
// document or speaker, with counts; a passage opens at its place on click. It reads the index and does no I/O.
class PassagesProvider implements vscode.TreeDataProvider<PassageNode> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly index: AnalysisIndex, private readonly search: PassageSearch) {}

  refresh(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.changed.fire(), 50);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.changed.dispose();
  }

  getChildren(node?: PassageNode): PassageNode[] {
    if (node?.kind === PassageNodeKind.Group) return node.group.passages.map((passage) => ({ kind: PassageNodeKind.Passage, passage, group: node.group.key }));
    if (node?.kind === PassageNodeKind.Orphans) return node.orphans.map((passage) => ({ kind: PassageNodeKind.Orphan, passage }));
    if (node) return [];
    const folder = this.search.folder;
    const index = this.index.peek(folder);
    if (!folder || !index) return [];
    const { passages, orphans, groups } = this.search.results(index);
    const nodes: PassageNode[] = [
      { kind: PassageNodeKind.Summary, passages: passages.length, documents: new Set(passages.map((p) => p.document)).size, orphans: orphans.length },
      ...groups.map((group): PassageNode => ({ kind: PassageNodeKind.Group, group })),
    ];
    if (orphans.length) nodes.push({ kind: PassageNodeKind.Orphans, orphans });
    for (const p of index.problems()) nodes.push({ kind: PassageNodeKind.Problem, document: p.document, message: vscode.l10n.t('{0}, line {1}, column {2}: {3} (not counted)', p.document, p.error.line, p.error.column, p.error.message) });
    return nodes;
  }

  getTreeItem(node: PassageNode): vscode.TreeItem {
    const folder = this.search.folder!;
    switch (node.kind) {
      case PassageNodeKind.Summary: {
        const item = new vscode.TreeItem(counts(node.passages, node.documents));
        item.id = 'summary';
        item.description = this.search.describe();
        item.tooltip = new vscode.MarkdownString().appendText(vscode.l10n.t('Query: {0}', this.search.describe())).appendMarkdown('\n\n').appendText(vscode.l10n.t('Click to change the query.'));
        item.iconPath = new vscode.ThemeIcon('search');
        item.command = { command: Commands.editPassageFilters, title: vscode.l10n.t('Edit Query') };
        item.accessibilityInformation = { label: `${counts(node.passages, node.documents)}: ${this.search.describe()}` };
        item.contextValue = 'summary';
        return item;
      }
      case PassageNodeKind.Group: {
        const g = node.group;
        const label = g.key === '' ? emptyGroupLabel(this.search.groupBy) : g.label;
        const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Expanded);
        item.id = `group:${this.search.groupBy}:${g.key}`;
        item.description = counts(g.passages.length, g.documents);
        item.iconPath = g.color ? colorIcon(g.color) : new vscode.ThemeIcon(this.search.groupBy === 'speaker' ? 'person' : 'file');
        if (this.search.groupBy === 'document') item.resourceUri = this.index.uriOf(folder, g.key);
        item.accessibilityInformation = { label: `${label}: ${counts(g.passages.length, g.documents)}` };
        item.contextValue = 'passageGroup';
        return item;
      }
      case PassageNodeKind.Passage:
      case PassageNodeKind.Orphan: {
        const p = node.passage;
        const item = new vscode.TreeItem(excerpt(p.quote, 80));
        item.id = `${node.kind}:${node.kind === PassageNodeKind.Passage ? node.group : ''}:${p.document}:${p.id}`;
        const where = `${p.document}:${p.line}`;
        const who = p.speaker && this.search.groupBy !== 'speaker' ? ` · ${p.speaker.name}` : '';
        item.description = this.search.groupBy === 'document' ? `${vscode.l10n.t('line {0}', p.line)}${who}` : `${where}${who}`;
        item.tooltip = passageTooltip(p);
        item.iconPath = new vscode.ThemeIcon(node.kind === PassageNodeKind.Orphan ? 'debug-disconnect' : p.note ? 'note' : 'quote');
        item.contextValue = node.kind;
        const uri = this.index.uriOf(folder, p.document);
        item.command = node.kind === PassageNodeKind.Passage
          ? { command: Commands.openPassage, title: vscode.l10n.t('Open Passage'), arguments: [uri.toString(), p.start, p.end] }
          : { command: 'vscode.open', title: vscode.l10n.t('Open Document'), arguments: [uri] };
        return item;
      }
      case PassageNodeKind.Orphans: {
        const item = new vscode.TreeItem(vscode.l10n.t('Orphaned annotations (not counted)'), vscode.TreeItemCollapsibleState.Collapsed);
        item.id = 'orphans';
        item.description = String(node.orphans.length);
        item.tooltip = vscode.l10n.t('Annotations whose passage could not be found in the current text. They are kept in their sidecars and never counted as coded text; open the document to re-attach them.');
        item.iconPath = new vscode.ThemeIcon('warning');
        item.contextValue = 'codedOrphans';
        return item;
      }
      case PassageNodeKind.Problem: {
        const item = new vscode.TreeItem(node.message);
        item.iconPath = new vscode.ThemeIcon('error');
        item.command = { command: 'vscode.open', title: vscode.l10n.t('Open Sidecar'), arguments: [sidecarUri(this.index.uriOf(folder, node.document))] };
        item.contextValue = 'problem';
        return item;
      }
    }
  }
}

function counts(passages: number, documents: number): string {
  const p = passages === 1 ? vscode.l10n.t('1 passage') : vscode.l10n.t('{0} passages', passages);
  const d = documents === 1 ? vscode.l10n.t('1 document') : vscode.l10n.t('{0} documents', documents);
  return vscode.l10n.t('{0} in {1}', p, d);
}

function emptyGroupLabel(by: string): string {
  return by === 'speaker' ? vscode.l10n.t('No speaker (outside any turn)') : vscode.l10n.t('Notes without a theme');
}

function passageTooltip(p: CodedPassage): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendText(excerpt(p.quote, 500));
  md.appendMarkdown('\n\n---\n\n');
  if (p.speaker) md.appendMarkdown('**').appendText(p.speaker.name).appendMarkdown('**').appendText([p.speaker.role, p.speaker.country].filter(Boolean).map((s) => `, ${s}`).join('')).appendMarkdown('  \n');
  if (p.section.length) md.appendText(p.section.join(' › ')).appendMarkdown('  \n');
  md.appendText(`${p.document}, ${vscode.l10n.t('line {0}', p.line)} · ${p.themes.join(', ')}`);
  if (p.note) md.appendMarkdown('\n\n').appendText(p.note);
  if (p.orphan) md.appendMarkdown('\n\n_').appendText(vscode.l10n.t('not found in the current text')).appendMarkdown('_');
  return md;
}

export interface PassagesView {
  readonly disposable: vscode.Disposable;
  reveal(): Promise<void>;
  snapshot(): { label: string; description?: string; children: { label: string; description?: string }[] }[];
}

export function registerPassagesView(index: AnalysisIndex, search: PassageSearch): PassagesView {
  const provider = new PassagesProvider(index, search);
  const view = vscode.window.createTreeView(ViewIds.passages, { treeDataProvider: provider, showCollapseAll: true });
  const update = (): void => {
    provider.refresh();
    const folder = search.folder;
    const idx = index.peek(folder);
    view.message = folder && !idx ? vscode.l10n.t('Run Find Coded Passages to search the folder.') : undefined;
  };
  const disposable = vscode.Disposable.from(
    provider, view,
    search.onDidChange(update),
    index.onDidChange((folder) => { if (folder === search.folder) update(); }),
    vscode.commands.registerCommand(Commands.openPassage, openPassage),
  );
  return {
    disposable,
    async reveal(): Promise<void> {
      await vscode.commands.executeCommand(`${ViewIds.passages}.focus`);
    },
    snapshot: () => provider.getChildren().map((node) => {
      const item = provider.getTreeItem(node);
      return {
        label: String(item.label), description: item.description as string | undefined,
        children: provider.getChildren(node).map((child) => {
          const c = provider.getTreeItem(child);
          return { label: String(c.label), description: c.description as string | undefined };
        }),
      };
    }),
  };
}

/** Opens a document with a passage selected; the passage is given in code points, as the sidecar counts. */
export async function openPassage(uri: string, start: number, end: number): Promise<void> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  const cps = codePointIndex(document.getText());
  const range = new vscode.Range(document.positionAt(cps.toUtf16(start)), document.positionAt(cps.toUtf16(end)));
  const editor = await vscode.window.showTextDocument(document, { preview: true });
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
