import * as vscode from 'vscode';
import { Commands } from '../commandIds';
import { escapeMarkdown as escape } from '../markdown';
import type { AnnotationStore } from './annotationStore';
import type { CodebookStore } from './codebookStore';
import { swatch, themeLabel, themesOf } from './themeStyle';

// Hovering an annotated passage shows its themes in their colours, its note, and links to edit the
// note, retag or remove it. Works in any text document, not only in Policy Text.
class AnnotationHover implements vscode.HoverProvider {
  constructor(private readonly store: AnnotationStore, private readonly codebooks: CodebookStore) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const session = this.store.get(document)?.session;
    const here = session?.at(document.offsetAt(position)) ?? [];
    if (!here.length) return undefined;
    const codebook = this.codebooks.peek(document.uri);
    const md = new vscode.MarkdownString(undefined, true);
    md.supportHtml = true;
    md.isTrusted = { enabledCommands: [Commands.editNote, Commands.removeAnnotation, Commands.tagSelection, Commands.revealInDocument] };
    here.forEach((item, i) => {
      if (i > 0) md.appendMarkdown('\n\n---\n\n');
      const themes = themesOf(codebook, item.annotation.themes);
      md.appendMarkdown(themes.length
        ? themes.map((t) => `${swatch(t.color)} **${escape(themeLabel(t))}**`).join('&nbsp;&nbsp;')
        : `_${vscode.l10n.t('No theme')}_`);
      if (item.annotation.note) md.appendMarkdown('\n\n').appendText(item.annotation.note);
      const args = encodeURIComponent(JSON.stringify([document.uri.toString(), item.annotation.id]));
      const noteLabel = item.annotation.note ? vscode.l10n.t('Edit note') : vscode.l10n.t('Add note');
      md.appendMarkdown(`\n\n[$(edit) ${noteLabel}](command:${Commands.editNote}?${args})`);
      md.appendMarkdown(` &nbsp; [$(trash) ${vscode.l10n.t('Remove')}](command:${Commands.removeAnnotation}?${args})`);
    });
    const first = here[0];
    return new vscode.Hover(md, new vscode.Range(document.positionAt(first.start!), document.positionAt(first.end!)));
  }
}


export function registerAnnotationHover(store: AnnotationStore, codebooks: CodebookStore): vscode.Disposable {
  return vscode.languages.registerHoverProvider('*', new AnnotationHover(store, codebooks));
}
