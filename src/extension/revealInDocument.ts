import * as vscode from 'vscode';
import { Commands } from './commandIds';

// Tree items (Sessions, Themes) reveal a place in a document through this one command.
export function revealArgs(uri: vscode.Uri, start: number, end: number): [string, number, number] {
  return [uri.toString(), start, end];
}

export async function revealInDocument(uri: string, start: number, end: number): Promise<void> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  const range = new vscode.Range(document.positionAt(start), document.positionAt(end));
  const editor = await vscode.window.showTextDocument(document, { preserveFocus: false, preview: false });
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

export function registerRevealInDocument(): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.revealInDocument, revealInDocument);
}
