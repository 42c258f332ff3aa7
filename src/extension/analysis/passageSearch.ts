import * as vscode from 'vscode';
import { formatThemeExpression, groupPassages, runQuery, type CodedPassage, type GroupBy, type PassageGroup, type PassageQuery, type WorkspaceIndex } from '../../core/analysis';

// The query that the Coded Passages view shows: which folder, the query itself and the grouping. Commands change
// it (Find Coded Passages, a clicked matrix cell, the filter menu); the view listens.
export class PassageSearch implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  folder: vscode.WorkspaceFolder | undefined;
  query: PassageQuery = {};
  groupBy: GroupBy = 'theme';
  /** Set when the query came from a matrix cell: says which, for the summary line. */
  origin: string | undefined;

  set(change: { folder?: vscode.WorkspaceFolder; query?: PassageQuery; groupBy?: GroupBy; origin?: string | undefined }): void {
    if (change.folder) this.folder = change.folder;
    if (change.query) this.query = change.query;
    if (change.groupBy) this.groupBy = change.groupBy;
    if ('origin' in change) this.origin = change.origin;
    this.changed.fire();
  }

  results(index: WorkspaceIndex): { passages: CodedPassage[]; orphans: CodedPassage[]; groups: PassageGroup[] } {
    const passages = runQuery(index.passages(), this.query);
    // Orphans match on their themes and words: they have no speaker or section in today's text.
    const orphans = this.query.speaker || this.query.section || this.query.speakerKey !== undefined || this.query.sectionKey !== undefined
      ? [] : runQuery(index.orphans(), { ...this.query, cooccurrence: 'turn' });
    return { passages, orphans, groups: groupPassages(passages, this.groupBy, index.themes(), this.query) };
  }

  /** The query in words, for the view's summary and tooltips. */
  describe(): string {
    const q = this.query;
    const parts: string[] = [];
    if (this.origin) parts.push(this.origin);
    else {
      if (q.themes) parts.push(formatThemeExpression(q.themes) + (q.cooccurrence === 'turn' && q.themes.kind !== 'theme' ? ` (${vscode.l10n.t('in the same turn')})` : ''));
      if (q.speaker) parts.push(vscode.l10n.t('speaker: {0}', q.speaker));
      if (q.section) parts.push(vscode.l10n.t('section: {0}', q.section));
      if (q.document) parts.push(vscode.l10n.t('documents: {0}', q.document));
      if (q.text) parts.push(vscode.l10n.t('words: {0}', q.text));
    }
    return parts.join(' · ') || vscode.l10n.t('all coded passages');
  }

  dispose(): void {
    this.changed.dispose();
  }
}
