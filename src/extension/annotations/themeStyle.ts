import * as vscode from 'vscode';
import { themeFor, type Codebook, type Theme } from '../../core/annotations';

// Theme colours wherever a theme is shown: a filled circle as an icon (quick picks, tree items) and as
// a swatch in hovers. Codicons cannot take arbitrary colours, so the icon is a tiny SVG data URI.
const icons = new Map<string, vscode.Uri>();

export function colorIcon(color: string): vscode.Uri {
  let icon = icons.get(color);
  if (!icon) {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16"><circle cx="8" cy="8" r="6" fill="${color}" stroke="#00000033"/></svg>`;
    icon = vscode.Uri.parse(`data:image/svg+xml;utf8,${encodeURIComponent(svg)}`);
    icons.set(color, icon);
  }
  return icon;
}

export function swatch(color: string): string {
  return `<span style="color:${color};">■</span>`;
}

export function themesOf(codebook: Codebook, ids: readonly string[]): (Theme & { uncategorised?: true })[] {
  return ids.map((id) => themeFor(codebook, id));
}

export function themeLabel(theme: Theme & { uncategorised?: true }): string {
  return theme.uncategorised ? vscode.l10n.t('{0} (not in the codebook)', theme.id) : theme.label;
}
