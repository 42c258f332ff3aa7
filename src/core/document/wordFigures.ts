// Figures written with words rather than digits: durations with an article (`after a decade`, `about a year`, `one
// more year`, `half an hour`), repetitions (`twice`, `three times`, `once each`), `half a billion` and `the past
// decade`. A bare `a year` after an amount is a rate (`$100 billion a year`), not a duration.
import type { Figure } from './types';
import { nounPhrase } from './nouns';
import { scaleValue } from './numbers';
import { anchoredMatches } from './scan';

const WS = String.raw`[\s\u00a0]`;
const UNIT = String.raw`(year|decade|month|week|day|hour|century|fortnight)`;
// An article makes a duration only after a word that measures time with it; `one` always does.
const ARTICLE_DURATION = new RegExp(
  String.raw`\b((?:(?:about|nearly|almost|over|under|more${WS}+than|less${WS}+than|within|for|after|in|barely|only|just|just${WS}+over|well${WS}+over|roughly|around)${WS}+(?:a|an|another)|(?:[Oo]ne|[Aa]nother)(?:${WS}+more)?|[Hh]alf${WS}+an?)${WS}+${UNIT})\b`, 'gu');
const REPEATS = /\b(twice|thrice|once each|once a (?:year|month|week))\b/giu;
const HALF = new RegExp(String.raw`\bhalf a${WS}+(million|billion|trillion)\b`, 'giu');
const DECADE = new RegExp(String.raw`\b(?:the${WS}+)?(?:past|last|next|coming|previous)${WS}+(decade|century)\b`, 'giu');

export function findWordFigures(text: string): Figure[] {
  return [...findArticleDurations(text), ...findRepeats(text), ...findHalves(text), ...findDecades(text)];
}

function findArticleDurations(text: string): Figure[] {
  return anchoredMatches(text, /\b(?:year|decade|month|week|day|hour|century|fortnight)\b/g, ARTICLE_DURATION, 40, 12)
    .map(({ index, match: m }) => {
      const unit = m[2].toLowerCase();
      const half = /^half/i.test(m[1]);
      return {
        surface: m[1], range: { start: index, end: index + m[1].length }, kind: 'duration' as const,
        value: half && unit === 'hour' ? 'PT30M' : isoDuration(half ? 0.5 : 1, unit), noun: unitName(unit),
      };
    });
}

function findRepeats(text: string): Figure[] {
  return [...text.matchAll(REPEATS)].map((m) => ({
    surface: m[1], range: { start: m.index, end: m.index + m[1].length }, kind: 'count' as const,
    value: /^twice/i.test(m[1]) ? 2 : /^thrice/i.test(m[1]) ? 3 : 1, noun: 'times',
  }));
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
