import * as vscode from 'vscode';
import { markdownQuotations, type CodedPassage } from '../../core/analysis';
import { Commands } from '../commandIds';
import type { AnalysisIndex } from './analysisIndex';
import type { PassageSearch } from './passageSearch';

// Copy as Markdown quotations with attribution (speaker, document, line): one passage from its context menu, or
// every result of the query from the view's title bar, for pasting into a report.
export function registerCopyPassages(index: AnalysisIndex, search: PassageSearch): vscode.Disposable {
  const copy = async (passages: readonly CodedPassage[]): Promise<string> => {
    const text = markdownQuotations(passages);
    await vscode.env.clipboard.writeText(text);
    void vscode.window.setStatusBarMessage(passages.length === 1 ? vscode.l10n.t('Copied 1 quotation as Markdown') : vscode.l10n.t('Copied {0} quotations as Markdown', passages.length), 4000);
    return text;
  };
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.copyPassageMarkdown, async (node?: { passage?: CodedPassage }) => {
      if (node?.passage) return copy([node.passage]);
      return undefined;
    }),
    vscode.commands.registerCommand(Commands.copyPassagesMarkdown, async () => {
      const idx = index.peek(search.folder);
      if (!idx) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Run Find Coded Passages first: its results are what is copied.'));
        return undefined;
      }
      return copy(search.results(idx).passages);
    }),
  );
}
