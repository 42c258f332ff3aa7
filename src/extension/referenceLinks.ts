import * as vscode from 'vscode';
import { LanguageId } from './commandIds';
import { config } from './config';
import { toRange, type PolicyDocuments } from './policyDocuments';

// Every resolution or document symbol links to the UN Official Document System (undocs.org by default).
export function documentUrl(symbol: string): vscode.Uri {
  const base = config().referenceLinkBase.replace(/\/?$/, '/');
  return vscode.Uri.parse(base + symbol.split('/').map(encodeURIComponent).join('/'));
}

class ReferenceLinks implements vscode.DocumentLinkProvider {
  constructor(private readonly documents: PolicyDocuments) {}

  provideDocumentLinks(document: vscode.TextDocument): vscode.DocumentLink[] {
    const links: vscode.DocumentLink[] = [];
    for (const reference of this.documents.get(document).references) {
      // A parliament's bill is not in the UN's document system.
      if (reference.kind === 'bill') continue;
      const link = new vscode.DocumentLink(toRange(document, reference.range.start, reference.range.end), documentUrl(reference.symbol));
      link.tooltip = reference.symbols.length > 1
        ? vscode.l10n.t('Open {0} (and {1} more) in the UN Official Document System', reference.symbol, reference.symbols.length - 1)
        : vscode.l10n.t('Open {0} in the UN Official Document System', reference.symbol);
      links.push(link);
    }
    return links;
  }
}

export function registerReferenceLinks(documents: PolicyDocuments): vscode.Disposable {
  return vscode.languages.registerDocumentLinkProvider({ language: LanguageId }, new ReferenceLinks(documents));
}
