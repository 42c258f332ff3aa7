import * as vscode from 'vscode';
import { Commands, LanguageId } from './commandIds';

export async function readAsPolicyText(editor = vscode.window.activeTextEditor): Promise<void> {
  if (!editor) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a text document first, then run “Read as Policy Text”.'));
    return;
  }
  if (editor.document.languageId !== LanguageId) {
    await vscode.languages.setTextDocumentLanguage(editor.document, LanguageId);
  }
}

export function registerReadAsPolicyText(): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.readAsPolicyText, () => readAsPolicyText());
}
