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
// Also Holyrood's `For 29, Against 88, Abstentions 0`, the US House's `yeas 217, nays 206, not voting 10`, South
// Africa's `AYES - 264:` / `NOES - 98:`, dotted leaders (`Ayes ...... 31`), and New Zealand's party vote, where each
// side's line goes on with the parties (`Ayes 68<TAB>New Zealand National 49; …` / `Noes 55<TAB>…`).
const TALLY_SEP = String.raw`[ \t\u00a0]*(?:[:.,]|\.{2,}|[-–—]{1,2})?[ \t\u00a0]*`;
const DIVISION = new RegExp(
  String.raw`\b(?:Ayes|AYES|Contents|CONTENTS|Yeas|YEAS|yeas|Tá|TÁ|For)${TALLY_SEP}(\d{1,3})(?![\d,.]\d)(?:[^\n]{0,100}?\n[ \t\u00a0]*|[,;]?[ \t\u00a0]*\n?[ \t\u00a0]*)(?:Noes|NOES|Not-Contents|NOT-CONTENTS|Nays|NAYS|nays|Níl|NÍL|Against)${TALLY_SEP}(\d{1,3})(?![\d,.]\d)(?:[,;]?[ \t\u00a0]*\n?[ \t\u00a0]*(?:Abstentions|ABSTAIN|Abstain|not voting|Not Voting|NOT VOTING|Abstained)${TALLY_SEP}(\d{1,3})(?!\d))?`, 'g');

export function findVotes(text: string): Figure[] {
  const out: Figure[] = [];
  for (const { index, match: m } of anchoredMatches(text, /Noes|NOES|Not-Contents|NOT-CONTENTS|Nays|NAYS|nays|Níl|NÍL|Against/g, DIVISION, 140, 60)) {
    // `For` and `Against` are ordinary words: a tally of them has both numbers right after them.
    if (/^For\b/.test(m[0]) && !/^For[ \t\u00a0]*\d/.test(m[0])) continue;
    out.push(vote(m[0], index, [Number(m[1]), Number(m[2]), m[3] === undefined ? 0 : Number(m[3])]));
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
