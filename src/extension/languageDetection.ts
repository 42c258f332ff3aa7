import * as vscode from 'vscode';
import { looksLikePolicyText } from '../core/document';
import { LanguageId } from './commandIds';
import { config, updateConfig } from './config';
import { exists, sidecarUri } from './files';
import { log } from './log';

const candidates = new Set(['plaintext', 'markdown']);

// Plain-text and Markdown documents become Policy Text when they have an annotations sidecar (they were
// read as policy texts before), or, per `policyLens.detection`, when they look like one: offered once
// per document, or switched automatically.
function sidecarExists(uri: vscode.Uri): Promise<boolean> {
  return exists(sidecarUri(uri));
}

async function consider(document: vscode.TextDocument, offered: Set<string>): Promise<void> {
  if (!candidates.has(document.languageId) || document.uri.scheme === 'output' || document.uri.scheme === 'vscode-userdata') return;
  const key = document.uri.toString();
  if (offered.has(key)) return;
  offered.add(key);
  if (await sidecarExists(document.uri)) {
    log().info(`${document.uri.path}: has an annotations sidecar, reading it as Policy Text`);
    await vscode.languages.setTextDocumentLanguage(document, LanguageId);
    return;
  }
  const mode = config().detection;
  if (mode === 'off' || !looksLikePolicyText(document.getText())) return;
  if (mode === 'switch') {
    await vscode.languages.setTextDocumentLanguage(document, LanguageId);
    return;
  }
  const read = vscode.l10n.t('Read as Policy Text');
  const always = vscode.l10n.t('Always');
  const never = vscode.l10n.t('Never Ask');
  const name = document.uri.path.split('/').pop() ?? '';
  const choice = await vscode.window.showInformationMessage(
    vscode.l10n.t('{0} looks like a policy text (speakers, resolutions, figures). Read it as Policy Text?', name), read, always, never);
  if (choice === read || choice === always) await vscode.languages.setTextDocumentLanguage(document, LanguageId);
  if (choice === always) await updateConfig('detection', 'switch');
  if (choice === never) await updateConfig('detection', 'off');
}

export function registerLanguageDetection(): vscode.Disposable {
  const offered = new Set<string>();
  const check = (document: vscode.TextDocument): void => {
    consider(document, offered).catch((err: unknown) => log().error('language detection failed', err));
  };
  for (const editor of vscode.window.visibleTextEditors) check(editor.document);
  return vscode.Disposable.from(
    vscode.window.onDidChangeActiveTextEditor((editor) => editor && check(editor.document)),
    // A language change closes and reopens the document: forget it only once it is really closed, so that
    // a user who switches it back is not switched again.
    vscode.workspace.onDidCloseTextDocument((document) => {
      const key = document.uri.toString();
      setTimeout(() => {
        if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === key)) offered.delete(key);
      }, 0);
    }),
  );
}
