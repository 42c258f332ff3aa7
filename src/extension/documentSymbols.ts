import * as vscode from 'vscode';
import type { OutlineNode } from '../core/outline';
import { LanguageId } from './commandIds';
import { toRange, type PolicyDocuments } from './policyDocuments';

// Outline, breadcrumbs and Go to Symbol: the same sections → speaker turns as the Sessions view.
class PolicySymbols implements vscode.DocumentSymbolProvider {
  constructor(private readonly documents: PolicyDocuments) {}

  provideDocumentSymbols(document: vscode.TextDocument): vscode.DocumentSymbol[] {
    return this.documents.outline(document).map((node) => toSymbol(document, node));
  }
}

function toSymbol(document: vscode.TextDocument, node: OutlineNode): vscode.DocumentSymbol {
  const selection = toRange(document, node.selectionStart, node.selectionEnd);
  const full = toRange(document, node.start, Math.max(node.end, node.selectionEnd)).union(selection);
  const kind = node.kind === 'turn' ? vscode.SymbolKind.Event : node.level <= 1 ? vscode.SymbolKind.Namespace : vscode.SymbolKind.Module;
  const symbol = new vscode.DocumentSymbol(node.label || '…', node.detail ?? '', kind, full, selection);
  symbol.children = node.children.map((child) => toSymbol(document, child));
  return symbol;
}

export function registerDocumentSymbols(documents: PolicyDocuments): vscode.Disposable {
  return vscode.languages.registerDocumentSymbolProvider({ language: LanguageId }, new PolicySymbols(documents), { label: 'Policy Lens' });
}
