/**
 * Auto-coding proposals: the passages that "Tag All Matches…" and "Tag Speaker Turns…" would tag, for a preview
 * in which the user ticks what to keep. Nothing here writes: the host turns the ticked proposals into
 * annotations. Offsets are UTF-16 into the text given.
 */
import type { DocumentStructure } from './structure';

export interface Proposal {
  readonly start: number;
  readonly end: number;
  /** 1-based line and column (UTF-16) of the start: two matches on one line are told apart by it. */
  readonly line: number;
  readonly column: number;
  readonly quote: string;
  /** A line of context for the preview: the text around the match on its line. */
  readonly preview: { readonly before: string; readonly match: string; readonly after: string };
  /** The proposal's passage is already tagged with the theme: shown, not ticked. */
  readonly alreadyTagged: boolean;
}

export type MatchMode = 'phrase' | 'words' | 'regex';

export interface MatchPattern {
  readonly text: string;
  readonly mode: MatchMode;
  readonly caseSensitive?: boolean;
}

/** An existing annotation's range and themes, to tell what is already tagged. */
export interface TaggedRange {
  readonly start: number;
  readonly end: number;
  readonly themes: readonly string[];
}

/** A pattern that cannot be used (an invalid regular expression, one that matches the empty string). */
export class PatternError extends Error {}

export function matcherFor(pattern: MatchPattern): RegExp {
  const flags = `gu${pattern.caseSensitive ? '' : 'i'}`;
  if (!pattern.text) throw new PatternError('the pattern is empty');
  let source: string;
  if (pattern.mode === 'regex') source = pattern.text;
  else {
    // Line breaks and no-break spaces of wrapped PDF text are spaces to a reader: any run of white space matches any other.
    const escaped = pattern.text.trim().split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s\\u00a0]+');
    source = pattern.mode === 'words' ? `(?<![\\p{L}\\p{N}_])${escaped}(?![\\p{L}\\p{N}_])` : escaped;
  }
  let re: RegExp;
  try {
    re = new RegExp(source, flags);
  } catch (e) {
    throw new PatternError(`not a regular expression: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (re.test('')) throw new PatternError('the pattern matches empty text');
  return re;
}

/** Every match of the pattern in the text, at most `limit`. */
export function matchProposals(text: string, doc: Pick<DocumentStructure, 'lineOf'>, pattern: MatchPattern, theme: string, existing: readonly TaggedRange[], limit = 5000): Proposal[] {
  const re = matcherFor(pattern);
  const out: Proposal[] = [];
  for (const m of text.matchAll(re)) {
    if (!m[0]) continue;
    out.push(proposal(text, doc, m.index, m.index + m[0].length, theme, existing));
    if (out.length >= limit) break;
  }
  return out;
}

/** The speech of each turn of the chosen speakers (by PassageSpeaker key): from after the label to the turn's end. */
export function turnProposals(doc: DocumentStructure, speakerKeys: ReadonlySet<string>, keyOf: (turnIndex: number) => string, theme: string, existing: readonly TaggedRange[]): Proposal[] {
  const out: Proposal[] = [];
  doc.speakers.forEach((turn, i) => {
    if (!speakerKeys.has(keyOf(i))) return;
    const from = skipSpace(doc.text, turn.labelRange?.end ?? turn.range.end, turn.end);
    const to = trimEnd(doc.text, from, turn.end);
    if (to > from) out.push(proposal(doc.text, doc, from, to, theme, existing));
  });
  return out;
}

/** Each paragraph of the chosen sections (by index into doc.sections), headings and speaker labels left out. */
export function sectionParagraphProposals(doc: DocumentStructure, sectionIndexes: ReadonlySet<number>, theme: string, existing: readonly TaggedRange[]): Proposal[] {
  const out: Proposal[] = [];
  const headings = doc.sections.map((s) => s.range);
  const seen = new Set<number>();
  for (const i of [...sectionIndexes].sort((a, b) => a - b)) {
    const s = doc.sections[i];
    if (!s) continue;
    for (const [from, to] of paragraphs(doc.text, s.range.end, s.end, doc.isFurniture && ((at) => doc.isFurniture!(doc.lineOf(at))))) {
      if (seen.has(from) || headings.some((h) => h.start <= from && from < h.end + 1)) continue;
      seen.add(from);
      // A paragraph that opens with a speaker label is tagged from after the label: the label is not speech.
      const label = doc.speakers.find((t) => t.range.start >= from && t.range.start < to && (t.labelRange?.end ?? t.range.end) < to && t.range.start - from < 3);
      const start = label ? skipSpace(doc.text, label.labelRange?.end ?? label.range.end, to) : from;
      if (to > start) out.push(proposal(doc.text, doc, start, to, theme, existing));
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Paragraphs of text[from, to): blocks between blank lines; in hard-wrapped records without blank lines (Security
 * Council verbatim records), a line that ends a sentence well short of the typical line width ends a paragraph.
 */
export function paragraphs(text: string, from: number, to: number, isFurniture?: (lineStart: number) => boolean): [number, number][] {
  const lines: [number, number][] = [];
  for (let at = from; at < to;) {
    let nl = text.indexOf('\n', at);
    if (nl < 0 || nl > to) nl = to;
    lines.push([at, nl]);
    at = nl + 1;
  }
  const widths = lines.map(([s, e]) => e - s).filter((w) => w > 0).sort((a, b) => a - b);
  const typical = widths[Math.floor(widths.length * 0.9)] ?? 0;
  const out: [number, number][] = [];
  let start = -1;
  let end = -1;
  const flush = (): void => {
    if (start >= 0) out.push([start, end]);
    start = -1;
  };
  for (const [s, e] of lines) {
    const line = text.slice(s, e);
    // A page break inside a paragraph leaves the running header in it; one between paragraphs ends the paragraph.
    if (isFurniture?.(s)) continue;
    if (!line.trim()) {
      flush();
      continue;
    }
    if (start < 0) start = s + (line.length - line.trimStart().length);
    end = s + line.trimEnd().length;
    // Only hard-wrapped text (most lines within a few characters of the width) ends paragraphs at short lines.
    if (typical > 0 && typical < 120 && line.trimEnd().length < typical * 0.75 && /[.:;!?"”)]$/.test(line.trimEnd())) flush();
    else if (typical >= 120) flush();
  }
  flush();
  return out;
}

function proposal(text: string, doc: Pick<DocumentStructure, 'lineOf'>, start: number, end: number, theme: string, existing: readonly TaggedRange[]): Proposal {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = text.indexOf('\n', start);
  if (lineEnd < 0) lineEnd = text.length;
  const before = text.slice(Math.max(lineStart, start - 40), start);
  const matchEnd = Math.min(end, lineEnd, start + 120);
  return {
    start,
    end,
    line: doc.lineOf(start) + 1,
    column: start - lineStart + 1,
    quote: text.slice(start, end),
    preview: { before: before.trimStart(), match: text.slice(start, matchEnd) + (matchEnd < end ? '…' : ''), after: matchEnd < end ? '' : text.slice(end, Math.min(lineEnd, end + 40)) },
    alreadyTagged: existing.some((a) => a.start === start && a.end === end && a.themes.includes(theme)),
  };
}

function skipSpace(text: string, at: number, limit: number): number {
  while (at < limit && /[\s\u00a0:]/.test(text[at])) at++;
  return at;
}

function trimEnd(text: string, from: number, to: number): number {
  while (to > from && /[\s\u00a0\u0008]/.test(text[to - 1])) to--;
  return to;
}
