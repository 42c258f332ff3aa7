import * as vscode from 'vscode';
import { nodeAt, type OutlineNode } from '../core/outline';
import { Commands, ViewIds } from './commandIds';
import { config } from './config';
import { isPolicyText, type PolicyDocuments } from './policyDocuments';
import type { SessionsItem } from './api';
import { escapeMarkdown as escape } from './markdown';
import { revealArgs } from './revealInDocument';

// The Sessions view: sections → speaker turns of the active policy text. It follows the active editor,
// refreshes (debounced) while typing, and reveals the section or turn under the cursor.
class SessionsProvider implements vscode.TreeDataProvider<OutlineNode> {
  private readonly changed = new vscode.EventEmitter<OutlineNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private document: vscode.TextDocument | undefined;

  constructor(private readonly documents: PolicyDocuments) {}

  get activeDocument(): vscode.TextDocument | undefined {
    return this.document;
  }

  setDocument(document: vscode.TextDocument | undefined): void {
    this.document = document;
    this.changed.fire(undefined);
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  outline(): OutlineNode[] {
    return this.document ? this.documents.outline(this.document) : [];
  }

  getChildren(node?: OutlineNode): OutlineNode[] {
    return node ? node.children : this.outline();
  }

  getParent(node: OutlineNode): OutlineNode | undefined {
    return node.parent;
  }

  getTreeItem(node: OutlineNode): vscode.TreeItem {
    const collapsible = node.children.length === 0
      ? vscode.TreeItemCollapsibleState.None
      : node.level <= 1 || node.kind === 'section' ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(node.label, collapsible);
    item.id = node.id;
    item.description = node.kind === 'turn' ? node.detail : speakerCount(node);
    item.tooltip = tooltip(node);
    item.iconPath = new vscode.ThemeIcon(node.kind === 'section' ? 'symbol-namespace' : node.turn?.kind === 'reported' ? 'quote' : 'person');
    item.contextValue = node.kind;
    if (this.document) {
      item.command = { command: Commands.revealInDocument, title: vscode.l10n.t('Reveal in Document'), arguments: revealArgs(this.document.uri, node.selectionStart, node.selectionEnd) };
    }
    return item;
  }
}

function speakerCount(node: OutlineNode): string | undefined {
  const turns = node.children.filter((c) => c.kind === 'turn').length;
  if (!turns) return undefined;
  return turns === 1 ? vscode.l10n.t('1 speaker') : vscode.l10n.t('{0} speakers', turns);
}

function tooltip(node: OutlineNode): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown(`**${escape(node.label)}**`);
  if (node.kind === 'turn') {
    if (node.detail) md.appendMarkdown(`  \n${escape(node.detail)}`);
    if (node.tooltip && node.tooltip !== node.label) md.appendMarkdown(`\n\n_${escape(node.tooltip.replace(/\s+/g, ' '))}_`);
  }
  return md;
}


export function registerSessionsTree(documents: PolicyDocuments): { disposable: vscode.Disposable; snapshot(): SessionsItem[]; selection(): string[] } {
  const provider = new SessionsProvider(documents);
  const view = vscode.window.createTreeView(ViewIds.sessions, { treeDataProvider: provider, showCollapseAll: true });
  let revealTimer: ReturnType<typeof setTimeout> | undefined;

  const follow = (editor: vscode.TextEditor | undefined): void => {
    const document = editor && isPolicyText(editor.document) ? editor.document : undefined;
    void vscode.commands.executeCommand('setContext', 'policyLens.activeIsPolicyText', !!document);
    if (document?.uri.toString() !== provider.activeDocument?.uri.toString()) provider.setDocument(document);
    view.message = undefined;
    if (document) updateMessage(view, provider.outline());
  };

  const revealCursor = (editor: vscode.TextEditor): void => {
    if (!view.visible || !config().sessionsFollowCursor || editor.document !== provider.activeDocument) return;
    clearTimeout(revealTimer);
    revealTimer = setTimeout(() => {
      const node = nodeAt(provider.outline(), editor.document.offsetAt(editor.selection.active));
      if (node) void view.reveal(node, { select: true, focus: false, expand: false }).then(undefined, () => undefined);
    }, 120);
  };

  follow(vscode.window.activeTextEditor);
  const snapshot = (nodes: OutlineNode[] = provider.outline()): SessionsItem[] => nodes.map((node) => {
    const item = provider.getTreeItem(node);
    return { label: String(item.label), description: item.description as string | undefined, command: item.command, children: snapshot(node.children) };
  });
  const disposable = vscode.Disposable.from(
    view,
    vscode.window.onDidChangeActiveTextEditor(follow),
    vscode.workspace.onDidOpenTextDocument(() => follow(vscode.window.activeTextEditor)),
    documents.onDidChange((document) => {
      if (document === vscode.window.activeTextEditor?.document) {
        follow(vscode.window.activeTextEditor);
        provider.refresh();
        updateMessage(view, provider.outline());
      }
    }),
    vscode.window.onDidChangeTextEditorSelection((e) => revealCursor(e.textEditor)),
    view.onDidChangeVisibility((e) => {
      if (e.visible && vscode.window.activeTextEditor) revealCursor(vscode.window.activeTextEditor);
    }),
    vscode.commands.registerCommand(Commands.refreshSessions, () => provider.refresh()),
    new vscode.Disposable(() => clearTimeout(revealTimer)),
  );
  return { disposable, snapshot: () => snapshot(), selection: () => view.selection.map((node) => node.label) };
}

function updateMessage(view: vscode.TreeView<OutlineNode>, roots: OutlineNode[]): void {
  view.message = roots.length === 0 ? vscode.l10n.t('No sections or speakers found in this document.') : undefined;
}
