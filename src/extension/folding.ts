import * as vscode from 'vscode';
import type { OutlineNode } from '../core/outline';
import { LanguageId } from './commandIds';
import type { PolicyDocuments } from './policyDocuments';

// Fold by section and by speaker turn: from the heading (or the turn's first line) to the line before
// the next one.
class PolicyFolding implements vscode.FoldingRangeProvider {
  constructor(private readonly documents: PolicyDocuments) {}

  provideFoldingRanges(document: vscode.TextDocument): vscode.FoldingRange[] {
    const ranges: vscode.FoldingRange[] = [];
    const visit = (nodes: readonly OutlineNode[]): void => {
      for (const node of nodes) {
        const first = document.positionAt(node.start).line;
        let last = document.positionAt(Math.max(node.start, node.end - 1)).line;
        // Leave the blank lines between blocks visible.
        while (last > first && document.lineAt(last).isEmptyOrWhitespace) last--;
        if (last > first) ranges.push(new vscode.FoldingRange(first, last, vscode.FoldingRangeKind.Region));
        visit(node.children);
      }
    };
    visit(this.documents.outline(document));
    return ranges;
  }
}

export function registerFolding(documents: PolicyDocuments): vscode.Disposable {
  return vscode.languages.registerFoldingRangeProvider({ language: LanguageId }, new PolicyFolding(documents));
}
