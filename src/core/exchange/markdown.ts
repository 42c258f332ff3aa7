/**
 * The Markdown digest: a report to read, send or paste. Per theme, in codebook order (children under their
 * parents), its description and its passages as quotations, each with who said it, in which section, and a link
 * to the document at its line; theme ids used in sidecars but missing from the codebook follow, then the
 * passages without a theme, then the orphans.
 */
import type { CodedPassage } from '../analysis';
import type { Theme } from '../annotations';
import type { ExportInput } from './types';

export interface MarkdownOptions {
  /** The link to a document at a line. Default: its path relative to the folder, with `#L<line>`. */
  readonly link?: (path: string, line: number) => string;
}

export function writeMarkdown(input: ExportInput, options: MarkdownOptions = {}): string {
  const link = options.link ?? ((path, line) => `${path.split('/').map(encodeURIComponent).join('/')}#L${line}`);
  const passages = input.documents.flatMap((d) => d.passages);
  const orphans = input.documents.flatMap((d) => d.orphans);
  const byTheme = new Map<string, CodedPassage[]>();
  for (const p of passages) for (const t of p.themes) byTheme.set(t, [...(byTheme.get(t) ?? []), p]);
  const known = new Set(input.codebook.themes.map((t) => t.id));
  const unknown = [...byTheme.keys()].filter((id) => !known.has(id));
  const untagged = passages.filter((p) => p.themes.length === 0);
  const documentsWith = new Set(passages.map((p) => p.document));

  const out: string[] = [`# ${inline(input.title)}: coded passages`, ''];
  out.push(
    `${count(passages.length, 'coded passage')} in ${count(documentsWith.size, 'document')}, ` +
      `${count(byTheme.size, 'theme')} used` +
      (orphans.length ? `; ${count(orphans.length, 'orphan')} (passages no longer found) listed at the end` : '') +
      `. Exported ${input.now.slice(0, 10)} by ${inline(input.generator)}.`,
    '',
  );
  const themes = ordered(input.codebook.themes);
  if (themes.length || unknown.length) {
    out.push('| Theme | Passages | Documents |', '|---|---:|---:|');
    for (const { theme, depth } of themes) out.push(summaryRow(`${'\u2003'.repeat(depth)}${theme.label}`, byTheme.get(theme.id) ?? []));
    for (const id of unknown) out.push(summaryRow(`${id} (not in the codebook)`, byTheme.get(id)!));
    out.push('');
  }
  for (const { theme, depth } of themes) {
    out.push(`${'#'.repeat(Math.min(2 + depth, 6))} ${inline(theme.label)}`, '');
    if (theme.description) out.push(`*${inline(theme.description)}*`, '');
    section(byTheme.get(theme.id) ?? []);
  }
  for (const id of unknown) {
    out.push(`## ${inline(id)} (not in the codebook)`, '');
    section(byTheme.get(id)!);
  }
  if (untagged.length) {
    out.push('## Passages without a theme', '');
    section(untagged);
  }
  if (orphans.length) {
    out.push('## Orphans', '', 'These annotations could not be found in the current text; their last known quote is shown.', '');
    for (const p of orphans) {
      out.push(...quotation(p.quote));
      out.push(`— ${inline(p.document)}${p.themes.length ? `; themes: ${p.themes.map(inline).join(', ')}` : ''}`, '');
      if (p.note) out.push(`Note: ${inline(p.note)}`, '');
    }
  }
  return out.join('\n').replace(/\n+$/, '\n');

  function section(list: readonly CodedPassage[]): void {
    if (!list.length) {
      out.push('No passages.', '');
      return;
    }
    out.push(`${count(list.length, 'passage')} in ${count(new Set(list.map((p) => p.document)).size, 'document')}.`, '');
    for (const p of list) {
      out.push(...quotation(p.quote));
      const details = p.speaker ? [p.speaker.role, p.speaker.country].filter((s): s is string => !!s && !p.speaker!.name.includes(s)) : [];
      const who = p.speaker ? `**${inline(p.speaker.name)}**${details.length ? ` (${details.map(inline).join(', ')})` : ''}` : undefined;
      const where = p.section.length ? p.section.map(inline).join(' › ') : undefined;
      const at = `[${inline(p.document)}, line ${p.line}](${link(p.document, p.line)})`;
      out.push(`— ${[who, where, at].filter(Boolean).join(' · ')}`, '');
      if (p.note) out.push(`Note: ${inline(p.note)}`, '');
    }
  }
}

function summaryRow(label: string, list: readonly CodedPassage[]): string {
  return `| ${inline(label).replace(/\|/g, '\\|')} | ${list.length} | ${new Set(list.map((p) => p.document)).size} |`;
}

/** Themes in codebook order, each followed by its children (a child listed before its parent still nests). */
function ordered(themes: readonly Theme[]): { theme: Theme; depth: number }[] {
  const ids = new Set(themes.map((t) => t.id));
  const children = new Map<string | undefined, Theme[]>();
  for (const t of themes) {
    const parent = t.parent && ids.has(t.parent) ? t.parent : undefined;
    children.set(parent, [...(children.get(parent) ?? []), t]);
  }
  const out: { theme: Theme; depth: number }[] = [];
  const visit = (parent: string | undefined, depth: number) => {
    for (const t of children.get(parent) ?? []) {
      out.push({ theme: t, depth });
      visit(t.id, depth + 1);
    }
  };
  visit(undefined, 0);
  return out;
}

/** A blockquote keeping the quote's own line breaks. */
function quotation(quote: string): string[] {
  return [...quote.split(/\r?\n/).map((line) => (line.trim() ? `> ${inline(line)}` : '>')), ''];
}

/**
 * Text from documents and notes, escaped so that it reads as written: policy texts are full of asterisks,
 * brackets, numbered paragraphs ("1.") and underscores that Markdown would otherwise turn into markup.
 */
export function inline(s: string): string {
  return s
    .replace(/\s*\r?\n\s*/g, ' ')
    .replace(/([\\`*_{}[\]<>#|~!$])/g, '\\$1')
    .replace(/^(\d+)\.(\s)/, '$1\\.$2')
    .replace(/^([-+])(\s)/, '\\$1$2');
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
