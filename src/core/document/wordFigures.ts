// Figures written with words rather than digits: durations with an article (`after a decade`, `about a year`, `one
// more year`, `half an hour`), repetitions (`twice`, `three times`, `once each`), `half a billion` and `the past
// decade`. A bare `a year` after an amount is a rate (`$100 billion a year`), not a duration.
import type { Figure } from './types';
import { nounPhrase } from './nouns';
import { scaleValue } from './numbers';
import { anchoredMatches } from './scan';

const WS = String.raw`[\s\u00a0]`;
const UNIT_WORDS = ['year', 'decade', 'month', 'week', 'day', 'hour', 'century', 'fortnight'];
const UNIT = String.raw`(${UNIT_WORDS.join('|')})`;
// An article makes a duration only after a word that measures time with it; `one` always does.
const ARTICLE_DURATION = new RegExp(
  String.raw`\b((?:(?:about|nearly|almost|over|under|more${WS}+than|less${WS}+than|within|for|after|in|barely|only|just|just${WS}+over|well${WS}+over|roughly|around)${WS}+(?:a|an|another)|(?:[Oo]ne|[Aa]nother)(?:${WS}+more)?|[Hh]alf${WS}+an?)${WS}+${UNIT})\b`, 'gu');
// Found by indexOf on their tails and checked in place: a pattern with case alternatives at its start is slow.
const REPEATS = /([Tt]wice|[Tt]hrice|[Oo]nce each|[Oo]nce a (?:year|month|week))\b/y;
const REPEAT_WORDS = ['wice', 'hrice', 'nce each', 'nce a '];
const HALF = new RegExp(String.raw`\bhalf a${WS}+(million|billion|trillion)\b`, 'giu');
const DECADE = new RegExp(String.raw`\b(?:the${WS}+)?(?:past|last|next|coming|previous)${WS}+(decade|century)\b`, 'giu');

export function findWordFigures(text: string): Figure[] {
  return [...findArticleDurations(text), ...findRepeats(text), ...findHalves(text), ...findDecades(text)];
}

function findArticleDurations(text: string): Figure[] {
  const out: Figure[] = [];
  // One indexOf pass per unit word is far cheaper than a pattern tried at every `a` of the text.
  for (const unit of UNIT_WORDS) {
    for (let at = text.indexOf(unit); at >= 0; at = text.indexOf(unit, at + unit.length)) {
      const from = Math.max(0, at - 32);
      ARTICLE_DURATION.lastIndex = 0;
      const window = text.slice(from, at + unit.length + 1);
      for (let m = ARTICLE_DURATION.exec(window); m; m = ARTICLE_DURATION.exec(window)) {
        if (from + m.index + m[0].length !== at + unit.length || (m.index === 0 && from > 0 && /[\p{L}]/u.test(text[from - 1]))) continue;
        const u = m[2].toLowerCase();
        const half = /^half/i.test(m[1]);
        out.push({
          surface: m[1], range: { start: from + m.index, end: from + m.index + m[1].length }, kind: 'duration',
          value: half && u === 'hour' ? 'PT30M' : isoDuration(half ? 0.5 : 1, u), noun: unitName(u),
        });
      }
    }
  }
  return out.sort((x, y) => x.range.start - y.range.start);
}

function findRepeats(text: string): Figure[] {
  const out: Figure[] = [];
  for (const word of REPEAT_WORDS) {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) {
      REPEATS.lastIndex = at - 1;
      const m = at > 0 ? REPEATS.exec(text) : null;
      if (!m || /\p{L}/u.test(text[at - 2] ?? '')) continue;
      out.push({ surface: m[1], range: { start: at - 1, end: at - 1 + m[1].length }, kind: 'count', noun: 'times',
        value: /^twice/i.test(m[1]) ? 2 : /^thrice/i.test(m[1]) ? 3 : 1 });
    }
  }
  return out.sort((x, y) => x.range.start - y.range.start);
}

function findHalves(text: string): Figure[] {
  return anchoredMatches(text, /[Hh]alf a\s/g, HALF, 2, 24).map(({ index, match: m }) => {
    const noun = nounPhrase(text, index + m[0].length);
    const end = noun ? noun.end : index + m[0].length;
    return { surface: text.slice(index, end), range: { start: index, end }, kind: 'count' as const,
      value: scaleValue(m[1]) / 2, ...(noun ? { noun: noun.noun } : {}) };
  });
}

function findDecades(text: string): Figure[] {
  return anchoredMatches(text, /(?:decade|century)\b/g, DECADE, 32, 10).map(({ index, match: m }) => ({
    surface: m[0], range: { start: index, end: index + m[0].length }, kind: 'duration' as const,
    value: isoDuration(1, m[1].toLowerCase()), noun: m[1].toLowerCase(),
  }));
}

export function unitName(u: string): string {
  return u === 'centuries' ? 'century' : u.replace(/s$/, '');
}

export function isoDuration(n: number, unit: string): string {
  const u = unitName(unit);
  const code: Record<string, string> = { day: 'D', week: 'W', month: 'M', year: 'Y', fortnight: 'W' };
  if (u === 'decade') return `P${n * 10}Y`;
  if (u === 'century') return `P${n * 100}Y`;
  if (u === 'fortnight') return `P${n * 2}W`;
  if (u === 'hour') return `PT${n}H`;
  if (u === 'minute') return `PT${n}M`;
  return `P${n}${code[u] ?? 'D'}`;
}
