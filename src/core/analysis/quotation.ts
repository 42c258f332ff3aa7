/**
 * Passages as Markdown quotations with attribution, for pasting into a report:
 *
 *   > violent extremism was costing billions
 *   >
 *   > — Achim Steiner, Administrator of the United Nations Development Programme (UNDP); reports/press.txt, line 14
 */
import type { CodedPassage } from './types';

export function markdownQuotations(passages: readonly CodedPassage[]): string {
  return passages.map(markdownQuotation).join('\n\n') + (passages.length ? '\n' : '');
}

export function markdownQuotation(p: CodedPassage): string {
  const body = p.quote.replace(/\r\n?/g, '\n').split('\n').map((l) => `> ${escapeMarkdown(l.trim())}`.trimEnd());
  const who = p.speaker ? [p.speaker.name, p.speaker.role, p.speaker.country].filter((s): s is string => !!s).join(', ') : undefined;
  const where = `${p.document}, line ${p.line}`;
  const out = [...body, '>', `> — ${escapeMarkdown(who ? `${who}; ${where}` : where)}`];
  if (p.note) out.push('', `*Note:* ${escapeMarkdown(p.note)}`);
  return out.join('\n');
}

/** Characters that would turn quoted policy text into markup (`*`, `_`, `[`, a leading `#` or `1.`). */
function escapeMarkdown(s: string): string {
  return s.replace(/([\\`*_[\]<>|])/g, '\\$1').replace(/^(#{1,6}\s|\d+[.)]\s|[-+]\s)/, '\\$1');
}
