import * as vscode from 'vscode';
import { Commands } from './commandIds';
import { log } from './log';

export function registerShowLog(): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.showLog, () => log().show());
}
