// Figures written with words rather than digits: durations with an article (`after a decade`, `about a year`, `one
// more year`, `half an hour`), repetitions (`twice`, `three times`, `once each`), `half a billion` and `the past
// decade`. A bare `a year` after an amount is a rate (`$100 billion a year`), not a duration.
import type { Figure } from './types';
import { nounPhrase } from './nouns';
import { scaleValue } from './numbers';
import { anchoredMatches } from './scan';

const WS = String.raw`[\s\u00a0]`;
const UNIT_WORDS = ['year', 'decade', 'month', 'week', 'day', 'hour', 'century', 'fortnight'];
// Headlines capitalise the unit (`a Decade after Resolution 2178`, `within One Year`).
const UNIT_FORMS = [...UNIT_WORDS, ...UNIT_WORDS.map((u) => u[0].toUpperCase() + u.slice(1))];
const UNIT = String.raw`(${UNIT_FORMS.join('|')})`;
// An article makes a duration only after a word that measures time with it; `one` always does.
// `a decade after`, `A decade ago`: an article with a word of time distance after the unit measures it too.
const ARTICLE_DURATION = new RegExp(
  String.raw`\b((?:(?:[Aa]bout|[Nn]early|[Aa]lmost|[Oo]ver|[Uu]nder|[Mm]ore${WS}+than|[Ll]ess${WS}+than|[Ww]ithin|[Ff]or|[Aa]fter|[Ii]n|[Bb]arely|[Oo]nly|[Jj]ust|[Jj]ust${WS}+over|[Ww]ell${WS}+over|[Rr]oughly|[Aa]round)${WS}+(?:a|an|another|one|One)|(?:[Oo]ne|ONE|[Aa]nother)(?:${WS}+more)?|[Hh]alf${WS}+an?)${WS}+${UNIT}|(?:a|an|A|An)${WS}+${UNIT}(?=${WS}+(?:ago|after|before|later|earlier|on|late|too${WS}+late|overdue|behind)\b))\b`, 'gu');
// `a one‑year pilot`: one with a hyphen (also U+2011) before the unit.
const HYPHENED_ONE = new RegExp(String.raw`\b([Oo]ne[\-\u2010\u2011](year|decade|month|week|day|hour))\b`, 'gu');
// Fractions and shares: `less than a third`, `two-thirds`, `about one in four`.
const FRACTION = new RegExp(
  String.raw`\b((?:(?:[Ll]ess|[Mm]ore|[Ff]ewer)${WS}+than|[Aa]bout|[Aa]lmost|[Nn]early|[Oo]ver|[Uu]nder|[Ss]ome|[Rr]oughly|[Aa]round|[Oo]nly|[Jj]ust)${WS}+(?:a|one)${WS}+(half|third|quarter|fifth|tenth)|(?:two|three|four)[\-\u2010\u2011 ](thirds|quarters|fifths|tenths))\b`, 'gu');
const ONE_IN = new RegExp(
  String.raw`\b((?:(?:[Aa]bout|[Aa]lmost|[Nn]early|[Rr]oughly|[Aa]round|[Oo]nly|[Jj]ust|[Uu]p${WS}+to)${WS}+)?(one|two|three|\d{1,3})${WS}+in${WS}+(two|three|four|five|six|seven|eight|nine|ten|\d{1,4}))\b(?!${WS}+(?:the|a|an|this|that|its|their|our)\b)`, 'gu');
const SMALL: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  half: 2, third: 3, quarter: 4, fifth: 5, tenth: 10, thirds: 3, quarters: 4, fifths: 5, tenths: 10 };
// Found by indexOf on their tails and checked in place: a pattern with case alternatives at its start is slow.
const REPEATS = /([Tt]wice|[Tt]hrice|[Oo]nce each|[Oo]nce a (?:year|month|week))\b/y;
const REPEAT_WORDS = ['wice', 'hrice', 'nce each', 'nce a '];
const HALF = new RegExp(String.raw`\bhalf a${WS}+(million|billion|trillion)\b`, 'giu');
// `half a percentage point`, `a quarter of a percentage point`.
const POINT = new RegExp(String.raw`\b([Hh]alf${WS}+a|[Aa]${WS}+quarter${WS}+of${WS}+a|[Oo]ne|[Aa])${WS}+percentage${WS}+point\b`, 'gu');
const DECADE = new RegExp(String.raw`\b(?:the${WS}+)?(?:past|last|next|coming|previous)${WS}+(decade|century)\b`, 'giu');

export function findWordFigures(text: string): Figure[] {
  return [...findArticleDurations(text), ...findRepeats(text), ...findHalves(text), ...findDecades(text), ...findShares(text),
    ...findPoints(text)];
}

function findPoints(text: string): Figure[] {
  return anchoredMatches(text, /percentage[\s\u00a0]+point\b/g, POINT, 28, 20).map(({ index, match: m }) => ({
    surface: m[0], range: { start: index, end: index + m[0].length }, kind: 'percent' as const,
    value: /^half/i.test(m[1]) ? 0.5 : /quarter/i.test(m[1]) ? 0.25 : 1,
  }));
}

function findShares(text: string): Figure[] {
  const out: Figure[] = [];
  for (const { index, match: m } of anchoredMatches(text, /[\-\u2010\u2011](?:year|decade|month|week|day|hour)/g, HYPHENED_ONE, 4, 8)) {
    out.push({ surface: m[1], range: { start: index, end: index + m[1].length }, kind: 'duration', value: isoDuration(1, m[2].toLowerCase()), noun: m[2].toLowerCase() });
  }
  for (const { index, match: m } of anchoredMatches(text, /(?:half|third|quarter|fifth|tenth)s?\b/g, FRACTION, 24, 8)) {
    const den = SMALL[(m[2] ?? m[3]).toLowerCase()];
    const num = m[3] ? SMALL[m[1].split(/[\-\u2010\u2011 ]/)[0].toLowerCase()] ?? 1 : 1;
    out.push({ surface: m[1], range: { start: index, end: index + m[1].length }, kind: 'ratio', value: `${num}:${den}` });
  }
  for (const { index, match: m } of anchoredMatches(text, / in (?:two|three|four|five|six|seven|eight|nine|ten|\d)/g, ONE_IN, 24, 8)) {
    const a = SMALL[m[2].toLowerCase()] ?? Number(m[2]);
    const b = SMALL[m[3].toLowerCase()] ?? Number(m[3]);
    if (!(b > a)) continue;
    out.push({ surface: m[1], range: { start: index, end: index + m[1].length }, kind: 'ratio', value: `${a}:${b}` });
  }
  return out;
}

function findArticleDurations(text: string): Figure[] {
  const out: Figure[] = [];
  // One indexOf pass per unit word is far cheaper than a pattern tried at every `a` of the text.
  for (const unit of UNIT_FORMS) {
    for (let at = text.indexOf(unit); at >= 0; at = text.indexOf(unit, at + unit.length)) {
      const from = Math.max(0, at - 32);
      ARTICLE_DURATION.lastIndex = 0;
      // The window reaches past the unit for the lookahead of `a decade after`.
      const window = text.slice(from, at + unit.length + 12);
      for (let m = ARTICLE_DURATION.exec(window); m; m = ARTICLE_DURATION.exec(window)) {
        if (from + m.index + m[0].length !== at + unit.length || (m.index === 0 && from > 0 && /[\p{L}]/u.test(text[from - 1]))) continue;
        const u = (m[2] ?? m[3]).toLowerCase();
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
