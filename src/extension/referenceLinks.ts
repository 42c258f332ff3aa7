import * as vscode from 'vscode';
import { LanguageId } from './commandIds';
import { config } from './config';
import { toRange, type PolicyDocuments } from './policyDocuments';
import type { Reference } from '../core/document';

// Every resolution or document symbol links to the UN Official Document System (undocs.org by default).
export function documentUrl(symbol: string): vscode.Uri {
  const base = config().referenceLinkBase.replace(/\/?$/, '/');
  return vscode.Uri.parse(base + symbol.split('/').map(encodeURIComponent).join('/'));
}

/** A parliament's own numbers link to its register where the symbol says where; bills and US resolutions do not. */
export function isUnReference(reference: Reference): boolean {
  return reference.kind !== 'bill' && reference.kind !== 'parliamentary';
}

class ReferenceLinks implements vscode.DocumentLinkProvider {
  constructor(private readonly documents: PolicyDocuments) {}

  provideDocumentLinks(document: vscode.TextDocument): vscode.DocumentLink[] {
    const links: vscode.DocumentLink[] = [];
    for (const reference of this.documents.get(document).references) {
      const range = toRange(document, reference.range.start, reference.range.end);
      if (!isUnReference(reference)) {
        if (!reference.url) continue;
        const link = new vscode.DocumentLink(range, vscode.Uri.parse(reference.url));
        link.tooltip = vscode.l10n.t('Open {0} on the website of the {1}', reference.symbol, reference.organ ?? '');
        links.push(link);
        continue;
      }
      const link = new vscode.DocumentLink(range, documentUrl(reference.symbol));
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
