import * as vscode from 'vscode';
import type { TextRange } from '../core/document';
import { LanguageId } from './commandIds';
import type { PolicyDocuments } from './policyDocuments';

// What a line grammar cannot know: headings recognised from their context, speakers named earlier,
// references, figures and dates wrapped across lines. Token types map to the grammar's scopes
// (contributes.semanticTokenScopes), so themes colour both the same way.
export const tokenTypes = ['policyHeading', 'policySpeaker', 'policyReference', 'policyFigure', 'policyDate'] as const;
export const legend = new vscode.SemanticTokensLegend([...tokenTypes], []);

class PolicySemanticTokens implements vscode.DocumentSemanticTokensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeSemanticTokens = this.changed.event;

  constructor(private readonly documents: PolicyDocuments) {}

  provideDocumentSemanticTokens(document: vscode.TextDocument): vscode.SemanticTokens {
    const model = this.documents.get(document);
    const spans: { range: TextRange; type: number }[] = [];
    for (const s of model.sections) spans.push({ range: s.range, type: 0 });
    for (const t of model.speakers) spans.push({ range: t.range, type: 1 });
    for (const r of model.references) spans.push({ range: r.range, type: 2 });
    for (const f of model.figures) spans.push({ range: f.range, type: 3 });
    for (const d of model.dates) spans.push({ range: d.range, type: 4 });
    spans.sort((a, b) => a.range.start - b.range.start || a.type - b.type);
    const builder = new vscode.SemanticTokensBuilder(legend);
    let lastEnd = -1;
    for (const { range, type } of spans) {
      // The builder needs tokens in order and without overlap; the first of overlapping spans wins.
      if (range.start < lastEnd) continue;
      lastEnd = range.end;
      pushLines(document, builder, range, type);
    }
    return builder.build();
  }

  dispose(): void {
    this.changed.dispose();
  }
}

// Semantic tokens cannot cross a line break: split wrapped items per line.
function pushLines(document: vscode.TextDocument, builder: vscode.SemanticTokensBuilder, range: TextRange, type: number): void {
  const start = document.positionAt(range.start);
  const end = document.positionAt(range.end);
  for (let line = start.line; line <= end.line; line++) {
    const from = line === start.line ? start.character : document.lineAt(line).firstNonWhitespaceCharacterIndex;
    const to = line === end.line ? end.character : document.lineAt(line).text.length;
    if (to > from) builder.push(line, from, to - from, type, 0);
  }
}

export function registerSemanticTokens(documents: PolicyDocuments): vscode.Disposable {
  const provider = new PolicySemanticTokens(documents);
  return vscode.Disposable.from(provider, vscode.languages.registerDocumentSemanticTokensProvider({ language: LanguageId }, provider, legend));
}
