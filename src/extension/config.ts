import * as vscode from 'vscode';

// The typed mirror of `contributes.configuration` in package.json; re-read on every change.
export type DetectionMode = 'off' | 'offer' | 'switch';

export interface PolicyLensConfig {
  readonly detection: DetectionMode;
  readonly sessionsFollowCursor: boolean;
  readonly referenceLinkBase: string;
}

function read(): PolicyLensConfig {
  const c = vscode.workspace.getConfiguration('policyLens');
  return {
    detection: c.get<DetectionMode>('detection', 'offer'),
    sessionsFollowCursor: c.get<boolean>('sessions.followCursor', true),
    referenceLinkBase: c.get<string>('references.linkBase', 'https://undocs.org/'),
  };
}

let current: PolicyLensConfig | undefined;

export function config(): PolicyLensConfig {
  current ??= read();
  return current;
}

export function registerConfig(): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration('policyLens')) current = read();
  });
}

export async function updateConfig(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('policyLens').update(key, value, vscode.ConfigurationTarget.Global);
}
