import * as vscode from 'vscode';

// One output channel for the whole extension ("Policy Lens" in the Output panel); errors shown to users
// offer "Show Log" to land here.
let channel: vscode.LogOutputChannel | undefined;

export function log(): vscode.LogOutputChannel {
  channel ??= vscode.window.createOutputChannel('Policy Lens', { log: true });
  return channel;
}

export function registerLog(): vscode.Disposable {
  return new vscode.Disposable(() => {
    channel?.dispose();
    channel = undefined;
  });
}
