import * as vscode from 'vscode';
import { LanguageId, WalkthroughIds } from './commandIds';
import { itemAt } from './hovers';
import { log } from './log';
import type { PolicyDocuments } from './policyDocuments';

// The "Get Started with Policy Lens" walkthrough (contributes.walkthroughs): opened once, on the first
// activation, and helped to see the one event VS Code cannot report to it.
const OPENED_KEY = 'policyLens.walkthroughOpened';

/**
 * Walkthrough steps complete on commands, views, settings and context keys, not on hovers. This provider adds
 * nothing to a hover; it only notices that one was asked for on a reference and sets the context key that the
 * "Hover a resolution" step waits for.
 */
class ReferenceHoverWatcher implements vscode.HoverProvider {
  private seen = false;

  constructor(private readonly documents: PolicyDocuments) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): undefined {
    if (!this.seen && itemAt(this.documents.get(document).references, document.offsetAt(position))) {
      this.seen = true;
      void vscode.commands.executeCommand('setContext', WalkthroughIds.hoveredReferenceContext, true);
    }
    return undefined;
  }
}

async function openOnFirstActivation(context: vscode.ExtensionContext): Promise<void> {
  // Integration tests drive the editors themselves; a person who turned walkthroughs off keeps them off.
  if (context.extensionMode === vscode.ExtensionMode.Test || context.globalState.get<boolean>(OPENED_KEY)) return;
  if (vscode.workspace.getConfiguration('workbench').get<boolean>('welcomePage.walkthroughs.openOnInstall') === false) return;
  await context.globalState.update(OPENED_KEY, true);
  try {
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${context.extension.id}#${WalkthroughIds.walkthrough}`, false);
  } catch (err) {
    log().warn(`could not open the walkthrough: ${err instanceof Error ? err.message : String(err)}`);
  }
}

export function registerWalkthrough(context: vscode.ExtensionContext, documents: PolicyDocuments): vscode.Disposable {
  void openOnFirstActivation(context);
  return vscode.languages.registerHoverProvider({ language: LanguageId }, new ReferenceHoverWatcher(documents));
}
