import * as vscode from 'vscode';
import { parsePolicyDocument, type PolicyDocument } from '../core/document';
import { buildOutline, type OutlineNode } from '../core/outline';
import { LanguageId } from './commandIds';

const refreshDelayMs = 150;

// Parses each open policy text once per version and tells views when a document's model changed.
// Parsing is linear (a few ms for a 300 KB record); the event is debounced so that a burst of keystrokes
// refreshes the views once, after the typing pauses.
export class PolicyDocuments implements vscode.Disposable {
  private readonly cache = new Map<string, { version: number; model: PolicyDocument; outline?: OutlineNode[] }>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly changed = new vscode.EventEmitter<vscode.TextDocument>();
  private readonly disposables: vscode.Disposable[] = [];

  readonly onDidChange = this.changed.event;

  constructor() {
    this.disposables.push(
      this.changed,
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length === 0 || !isPolicyText(e.document)) return;
        this.schedule(e.document);
      }),
      vscode.workspace.onDidOpenTextDocument((document) => {
        if (isPolicyText(document)) this.changed.fire(document);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        const key = document.uri.toString();
        this.cache.delete(key);
        clearTimeout(this.timers.get(key));
        this.timers.delete(key);
      }),
    );
  }

  get(document: vscode.TextDocument): PolicyDocument {
    return this.entry(document).model;
  }

  /** Sections → speaker turns, shared by the Sessions view, the Outline and folding. */
  outline(document: vscode.TextDocument): OutlineNode[] {
    const entry = this.entry(document);
    entry.outline ??= buildOutline(entry.model);
    return entry.outline;
  }

  private entry(document: vscode.TextDocument): { version: number; model: PolicyDocument; outline?: OutlineNode[] } {
    const key = document.uri.toString();
    const cached = this.cache.get(key);
    if (cached && cached.version === document.version) return cached;
    const entry = { version: document.version, model: parsePolicyDocument(document.getText()) };
    this.cache.set(key, entry);
    return entry;
  }

  private schedule(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      this.changed.fire(document);
    }, refreshDelayMs));
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const d of this.disposables) d.dispose();
  }
}

export function isPolicyText(document: vscode.TextDocument): boolean {
  return document.languageId === LanguageId;
}

export function toRange(document: vscode.TextDocument, start: number, end: number): vscode.Range {
  return new vscode.Range(document.positionAt(start), document.positionAt(end));
}
