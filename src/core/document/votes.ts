// Vote tallies: `137 in favour to 12 against, with 17 abstentions`, `three votes in favour, seven against and five
// abstentions` (wrapped), `15 votes in favour`, and the compact `100 (Australia) - 2 (China) - 11 (France, India)`.
import type { Figure } from './types';
import { DIGITS, SPELLED, numberValue } from './numbers';
import { anchoredMatches } from './scan';

const W = String.raw`[\s\u00a0]+`;
const O = String.raw`[\s\u00a0]*`;
const N = String.raw`(${DIGITS}|${SPELLED}|one|none|no)`;
// Separators are written so that no two optional white-space runs touch: the patterns stay linear.
const SEP = String.raw`(?:${O},${O}(?:(?:to|and)${W})?|${W}(?:(?:to|and)${W})?)`;
const IN_FAVOUR = new RegExp(
  String.raw`(?<![\p{L}\p{N}])${N}(?:${W}votes?)?${W}in${W}favou?r(?:${SEP}${N}${W}(?:votes?${W})?against)?(?:${SEP}(?:with${W})?${N}${W}abstentions?)?`, 'giu');
const VOTES_TO = new RegExp(
  String.raw`(?<![\p{L}\p{N}])${N}${W}votes?${W}to${W}${N}(?:${SEP}with${W}${N}${W}abstentions?)?`, 'giu');
const DASHED = /(?<![\p{L}\p{N}.])(\d{1,3})[-–](\d{1,3})[-–](\d{1,3})(?![\p{L}\p{N}])/gu;
const COMPACT = /^(\d{1,3}) \(([^()\n]{1,80})\) [-–] (\d{1,3}|\p{Lu}\p{Ll}+)(?: \(([^()\n]{1,80})\))? [-–] (\d{1,3})(?: \(([^()\n]{1,80})\))?/gmu;

// Westminster divisions: `The House having divided: Ayes 234, Noes 289.`, `Contents 69; Not-Contents 118.`, the
// Australian `Ayes 58` / `Noes 82` on two lines, Canada's `Yeas` and `Nays`, Ireland's `Tá` and `Níl`.
const DIVISION = /\b(?:Ayes|AYES|Contents|CONTENTS|Yeas|YEAS|Tá|TÁ)[ \t\u00a0]*[:.]?[ \t\u00a0]*(\d{1,3})(?:[,;]?[ \t\u00a0]*\n?[ \t\u00a0]*)(?:Noes|NOES|Not-Contents|NOT-CONTENTS|Nays|NAYS|Níl|NÍL)[ \t\u00a0]*[:.]?[ \t\u00a0]*(\d{1,3})(?!\d)/g;

export function findVotes(text: string): Figure[] {
  const out: Figure[] = [];
  for (const { index, match: m } of anchoredMatches(text, /Noes|NOES|Not-Contents|NOT-CONTENTS|Nays|NAYS|Níl|NÍL/g, DIVISION, 40, 12)) {
    out.push(vote(m[0], index, [Number(m[1]), Number(m[2]), 0]));
  }
  for (const { index, match: m } of anchoredMatches(text, /favo/gi, IN_FAVOUR, 130, 220)) {
    const parts = [m[1], m[2], m[3]].map(count);
    if (parts[0] === undefined) continue;
    out.push(vote(m[0], index, parts));
  }
  for (const { index, match: m } of anchoredMatches(text, /vote/gi, VOTES_TO, 60, 160)) {
    const parts = [m[1], m[2], m[3]].map(count);
    if (parts[0] === undefined || parts[1] === undefined) continue;
    out.push(vote(m[0], index, parts));
  }
  for (const { index, match: m } of anchoredMatches(text, /\d[-–]\d{1,3}[-–]\d/g, DASHED, 4, 8)) {
    // `11-0-4` is a tally only where the text says it is one; elsewhere it is a date or an identifier.
    if (!/\bvot(?:e|es|ing)\b[^.]{0,30}$|\(\s*$/i.test(text.slice(Math.max(0, index - 40), index))) continue;
    out.push(vote(m[0], index, [m[1], m[2], m[3]].map(count)));
  }
  for (const { index, match: m } of anchoredMatches(text, /(?:^|\n)\d{1,3} \(/g, COMPACT, 0, 300)) {
    // The compact form names a lone opponent instead of writing `1 (Albania)`.
    const against = /^\d/.test(m[3]) ? Number(m[3]) : 1;
    out.push(vote(m[0], index, [Number(m[1]), against, Number(m[5])]));
  }
  out.sort((a, b) => a.range.start - b.range.start);
  return out.filter((f, i) => i === 0 || f.range.start >= out[i - 1].range.end);
}

function count(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  if (/^(?:none|no)$/i.test(s)) return 0;
  if (/^one$/i.test(s)) return 1;
  return numberValue(s);
}

function vote(surface: string, start: number, parts: (number | undefined)[]): Figure {
  const known = parts.filter((p): p is number => p !== undefined);
  const value = known.length > 1 ? parts.map((p) => p ?? 0).join('-') : known[0];
  return { surface, range: { start, end: start + surface.length }, kind: 'vote', value, noun: 'votes' };
}
