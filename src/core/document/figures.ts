// Figures a policy reader cares about: money, counts with their noun, percentages, durations, ranges, ratios and
// vote tallies; and not the numbers that only identify things (years, dates, times, rules, paragraphs, symbols).
import type { Figure, FigureKind, TextRange } from './types';
import type { Layout } from './layout';
import { CURRENCY_OF, DIGITS, SPELLED, numberValue, scaleValue, scaled } from './numbers';
import { findVotes } from './votes';
import { findWordFigures, isoDuration, unitName } from './wordFigures';
import { cleanText } from './text';
import { nounPhrase, NO_COUNT_BEFORE, singularNounPhrase } from './nouns';
import { anchoredMatches } from './scan';

const WS = String.raw`[\s\u00a0]`;
// Two cheap ASCII scans (digits, spelled numbers) instead of one Unicode-aware pattern: this is the hottest loop.
// Both start with their literal alternatives (no look-behind), so the engine can skip ahead; the boundary before
// the number is checked by hand.
// `$1.5bn`, `£3bn`: a scale glued to the number.
const DIGIT_NUMBER = new RegExp(String.raw`${DIGITS}(?:(?![A-Za-z0-9/])|(?=(?:bn|mn|m|k)\b))`, 'g');
const SPELLED_NUMBER = new RegExp(String.raw`${SPELLED}(?![A-Za-z0-9/])`, 'gi');
const GLUED_BEFORE = /[A-Za-z0-9_/@#^[.,:\-\u2010\u2011]/;
const NON_ASCII_LETTER = /[\p{L}\p{N}]/u;
// `R200 million` (South African rand) and `Rs 500 crore` (Indian rupees) as well as the symbols.
const CURRENCY_BEFORE = /(US\$|A\$|C\$|NZ\$|\$|€|£|₤|¥|₹|USD|EUR|GBP|JPY|CHF|(?<![A-Za-z0-9])R|(?<![A-Za-z0-9])Rs\.?)[ \u00a0]?$/;
const MODIFIER_BEFORE = /(?:^|[^\p{L}])((?:more|less|fewer)[\s\u00a0]+than|over|under|up to|at least|almost|nearly|approximately|roughly|only|just|some|as (?:many|much) as|upwards of|in excess of|close to|not|within|(?:the )?(?:past|last|next)|another|top|all)[\s\u00a0]+$/iu;
const SCALE_AFTER = new RegExp(String.raw`${WS}*(?:${WS}(million|billion|trillion|thousand|crore|lakh|Million|Billion|Trillion|Thousand|MILLION|BILLION|TRILLION)|(bn|mn|m|k))\b`, 'y');
const PERCENT_AFTER = new RegExp(String.raw`${WS}*(?:%|per${WS}*cent\b|percent\b|percentage${WS}+points?\b)`, 'y');
const CURRENCY_AFTER = new RegExp(String.raw`${WS}+(dollars|euros|pounds|yen|francs|yuan|USD|EUR|GBP|CHF)\b`, 'y');
const UNIT_AFTER = new RegExp(String.raw`(?:${WS}+|[\-\u2010\u2011])(days?|weeks?|months?|years?|decades?|hours?|minutes?|centuries|century)\b(?:${WS}+(ago|on|old|long))?`, 'yi');
const TO_NUMBER = new RegExp(String.raw`${WS}+(?:to|or)${WS}+|${WS}*[-–—]${WS}*`, 'y');
const AND_NUMBER = new RegExp(String.raw`${WS}+and${WS}+`, 'y');
const BETWEEN_BEFORE = /\bbetween[\s\u00a0]+$/i;
const SECOND = new RegExp(String.raw`(US\$|\$|€|£|₤|¥)?${WS}?(?:(${DIGITS})|(${SPELLED}))(?![\p{L}\p{N}/])`, 'iuy');
const HYPHEN_WORD = /[\-\u2010\u2011](\p{L}[\p{L}\-\u2010\u2011]*)/uy;
const RATIO = new RegExp(String.raw`(?<![\p{L}\p{N}])(\$|€|£)?(\d+|one)${WS}+(?:for every|in every|out of)${WS}+(\$|€|£)?(\d+|${SPELLED})(?![\p{L}\p{N}])`, 'giu');
const MONTH = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?`;
const DATE_AFTER = new RegExp(String.raw`(?:${WS}+(?:and|to|-|–)${WS}+\d{1,2})?(?:st|nd|rd|th)?(?:${WS}+of)?${WS}+${MONTH}\b|${WS}*(?:a\.m\.|p\.m\.|A\.M\.|P\.M\.|am\b|pm\b|hrs\b|GMT\b|UTC\b)|:\d{2}`, 'y');
const MONTH_BEFORE = new RegExp(String.raw`\b${MONTH}${WS}+$`);
// Words after which a number names something rather than quantifying it.
const ID_BEFORE = /\b(?:rule|rules|paragraph|paragraphs|para|paras|item|items|article|articles|section|sections|sec|chapter|chapters|clause|clauses|annex|no|nos|number|page|pages|resolution|resolutions|decision|decisions|supplement|volume|vol|part|room|goal|target|phase|law|title|division|level|step|stage|option|point|principle|principles|protocol|amendment|ch|fig|figure|table|box|footnote|note|session|meeting|FY|COP)[.\s\u00a0]*$/i;
const YEAR = /^(?:1[89]\d\d|20\d\d)$/;
const ELIDED_AFTER = new RegExp(String.raw`${WS}+(?:of${WS}+them|in${WS}+all|in${WS}+total|(?:were|was|are|remain(?:ed)?|had${WS}+been|have${WS}+been)${WS}+(?:still${WS}+|now${WS}+|also${WS}+)?(?:\p{Ll}{3,}ed|held|kept|taken|seen|given|known|found|left|lost|born|made|sent|built|won)|(?:approved|adopted|rejected|defeated|withdrawn))\b`, 'uy');
// `the 63 who gave their lives`: the number is the people.
const WHO_AFTER = new RegExp(String.raw`${WS}+who\b`, 'y');
const OF_WHICH_BEFORE = /\bof which[\s\u00a0]+$/i;
// `the department's own figure, which is 32,000.`, `the total reached 1,450;`: a number that is what a clause says
// something amounts to; `brought 11 back on schedule`, `sent 300 home`: a number moved by a verb.
const AMOUNTS_TO_BEFORE = /\b(?:is|was|are|were|be|been|reached|totalled|totaled|stood[\s\u00a0]+at|stands[\s\u00a0]+at|(?:rose|fell|dropped|increased|decreased|climbed|grew)[\s\u00a0]+to)[\s\u00a0]+$/;
const CLAUSE_END_AFTER = /[\s\u00a0]*(?:[.;,)](?![\d])|[\s\u00a0](?:and|but|last|this|in[\s\u00a0]+(?:total|all|\d{4})|by[\s\u00a0]+\d{4})\b)/y;
// `So far, just six have done so`: a verb right after a count whose noun the sentence already gave.
const VERB_AFTER = new RegExp(String.raw`${WS}+(?:have|has|had|did|do|does|will|would|can|could|must|voted|signed|ratified|agreed|abstained)\b`, 'y');
const MOVED_AFTER = new RegExp(String.raw`${WS}+(?:back|home|forward|online)\b`, 'y');
const OR_MORE = new RegExp(String.raw`${WS}+or${WS}+more(?=${WS})`, 'y');

export function findFigures(text: string, layout: Layout, blocked: TextRange[]): Figure[] {
  const special = [...findVotes(text), ...findRatios(text), ...findWordFigures(text), ...findSingleCounts(text)];
  const taken = mergeRanges([...blocked, ...furnitureRanges(layout)]);
  const out: Figure[] = [];
  let t = 0;
  const isBlocked = (start: number, end: number): boolean => {
    while (t < taken.length && taken[t].end <= start) t++;
    return t < taken.length && taken[t].start < end;
  };
  special.sort((a, b) => a.range.start - b.range.start);
  const specialRanges = special.map((f) => f.range);
  let s = 0;
  let lastDuration: { end: number; unit: string } | undefined;
  for (const m of numbers(text)) {
    const start = m.index;
    const end = start + m[0].length;
    while (s < specialRanges.length && specialRanges[s].end <= start) s++;
    if (s < specialRanges.length && specialRanges[s].start < end) continue;
    if (isBlocked(start, end)) continue;
    const f = readFigure(text, m, lastDuration);
    if (!f) continue;
    if (f.kind === 'duration' && f.noun) lastDuration = { end: f.range.end, unit: f.noun };
    out.push(f);
  }
  t = 0;
  for (const f of special) if (!isBlocked(f.range.start, f.range.end)) out.push(f);
  out.sort((a, b) => a.range.start - b.range.start);
  return out.filter((f, i) => i === 0 || f.range.start >= out[i - 1].range.end);
}

/** Digit and spelled numbers in text order; `spelled` tells which. */
function numbers(text: string): (RegExpExecArray & { spelled: boolean })[] {
  const tag = (spelled: boolean) => (m: RegExpExecArray) => Object.assign(m, { spelled });
  const all = [...[...text.matchAll(DIGIT_NUMBER)].map(tag(false)), ...[...text.matchAll(SPELLED_NUMBER)].map(tag(true))];
  all.sort((a, b) => a.index - b.index);
  const glued = (ch: string | undefined) => ch !== undefined && (ch.charCodeAt(0) < 0x80 ? GLUED_BEFORE.test(ch) : NON_ASCII_LETTER.test(ch));
  const letterAfter = (ch: string | undefined) => ch !== undefined && ch.charCodeAt(0) >= 0x80 && NON_ASCII_LETTER.test(ch);
  // A digit scan also stops inside longer numbers (`1,979`); keep only matches that start a token.
  // `R200 million`, `Rs.500 crore`: a currency glued to the number is not a word.
  const currencyGlued = (i: number) => /[Rs.]/.test(text[i - 1]) && /(?:^|[^A-Za-z0-9])Rs?\.?$/.test(text.slice(Math.max(0, i - 4), i));
  return all.filter((m) => (!glued(text[m.index - 1]) || currencyGlued(m.index)) && !letterAfter(text[m.index + m[0].length]));
}

function readFigure(text: string, m: RegExpExecArray & { spelled: boolean }, lastDuration: { end: number; unit: string } | undefined): Figure | undefined {
  const numStart = m.index;
  let end = numStart + m[0].length;
  const digits = m.spelled ? undefined : m[0];
  const base = numberValue(m[0]);
  if (base === undefined) return undefined;
  const before = text.slice(Math.max(0, numStart - 40), numStart);
  let currencyM = CURRENCY_BEFORE.exec(before);
  // A capital R before a number is a rand only with a scale or thousands (`R200 million`, `R1,500`), not `R2`.
  if (currencyM?.[1] === 'R' && !/,/.test(m[0]) && !at(SCALE_AFTER, text, end)?.[1]) currencyM = null;
  const start = currencyM ? numStart - currencyM[0].length : numStart;
  if (digits && !currencyM) {
    if (lineStartMarker(text, numStart, end) || ID_BEFORE.test(before) || MONTH_BEFORE.test(before)) return undefined;
    if (YEAR.test(digits)) return undefined;
    // `02 6100 4321`: a group of a telephone number or an identifier, not a quantity.
    if (/\d[ \u00a0]$/.test(before)) return undefined;
  }
  if (at(DATE_AFTER, text, end)) return undefined;
  const modifier = MODIFIER_BEFORE.exec(text.slice(Math.max(0, start - 30), start));
  const surfaceStart = modifier ? start - modifier[0].length + modifier[0].indexOf(modifier[1]) : start;
  const scaleM = at(SCALE_AFTER, text, end);
  const scale = scaleValue(scaleM?.[1] ?? scaleM?.[2]);
  if (scaleM && (scaleM[1] || currencyM)) end = SCALE_AFTER.lastIndex;
  else if (scaleM && !scaleM[1]) return undefined; // `5m` without a currency is a distance or a label
  const value = scaled(base, scaleM && (scaleM[1] || currencyM) ? scale : 1);
  const make = (kind: FigureKind, to: number, extra: Partial<Figure> = {}): Figure => ({
    surface: text.slice(surfaceStart, to), range: { start: surfaceStart, end: to }, kind, value, ...extra,
  });

  const percent = at(PERCENT_AFTER, text, end);
  if (percent) return make('percent', PERCENT_AFTER.lastIndex, { value: base });
  const currencyWord = at(CURRENCY_AFTER, text, end);
  if (currencyM || currencyWord) {
    const currency = CURRENCY_OF[(currencyM?.[1] ?? currencyWord![1])];
    const afterMoney = currencyWord ? CURRENCY_AFTER.lastIndex : end;
    const range = readSecond(text, afterMoney, BETWEEN_BEFORE.test(text.slice(Math.max(0, start - 12), start)));
    if (range && (range.currency || currencyM)) {
      const low = scaled(base, scaleM ? scale : range.scale);
      return make('money-range', range.end, { value: [low, range.value], currency });
    }
    return make('money', afterMoney, { currency });
  }
  const unit = at(UNIT_AFTER, text, end);
  if (unit) {
    const u = unit[1].toLowerCase();
    return make('duration', UNIT_AFTER.lastIndex, { value: isoDuration(base, u), noun: unitName(u) });
  }
  const hyphen = at(HYPHEN_WORD, text, end);
  if (hyphen) {
    // `35-nation Committee` counts; `two-State solution` and `twenty-fifth anniversary` do not.
    return digits ? make('count', HYPHEN_WORD.lastIndex, { noun: cleanText(hyphen[1]) }) : undefined;
  }
  const range = readSecond(text, end, BETWEEN_BEFORE.test(text.slice(Math.max(0, start - 12), start)));
  if (range && !range.currency) {
    const noun = nounPhrase(text, range.end);
    const rangeUnit = at(UNIT_AFTER, text, range.end);
    if (rangeUnit) return make('duration', UNIT_AFTER.lastIndex, { value: [value, range.value], noun: unitName(rangeUnit[1].toLowerCase()) });
    if (noun) return make('range', noun.end, { value: [value, range.value], noun: noun.noun });
    // `30-40 per cent`, `between 5 and 10 per cent`.
    if (at(PERCENT_AFTER, text, range.end)) return make('range', PERCENT_AFTER.lastIndex, { value: [value, range.value], noun: 'per cent' });
  }
  // A count whose noun the sentence already gave: `34 of them`, `15 were approved`, `19 defeated`, `of which five`.
  const elided = at(ELIDED_AFTER, text, end);
  if (elided) return make('count', ELIDED_AFTER.lastIndex);
  if (digits && at(WHO_AFTER, text, end)) return make('count', end);
  if (OF_WHICH_BEFORE.test(before)) return make('count', end);
  if (digits && ((AMOUNTS_TO_BEFORE.test(before) && at(CLAUSE_END_AFTER, text, end)) || (/\p{Ll}[\s\u00a0]+$/u.test(before) && at(MOVED_AFTER, text, end)))) {
    return make('count', end);
  }
  if ((digits || modifier) && at(VERB_AFTER, text, end)) return make('count', end);
  if (!digits && NO_COUNT_BEFORE.test(before)) return undefined;
  // `five or more members`: the count is a lower bound.
  const orMore = at(OR_MORE, text, end);
  const noun = nounPhrase(text, orMore ? OR_MORE.lastIndex : end);
  if (noun) return make('count', noun.end, { noun: noun.noun });
  if (scaleM && scaleM[1]) return make('count', end);
  // `from a duration of 12 months to a duration of only 6`, `six months, not 12`: the unit is elided after a duration,
  // and a contrasting word says so; a bare number near a duration (`for six months by 13 votes`) is something else.
  if (lastDuration && modifier && numStart - lastDuration.end < 80 && !/[.;!?][\s\u00a0]/.test(text.slice(lastDuration.end, numStart))) {
    return make('duration', end, { value: isoDuration(base, lastDuration.unit), noun: lastDuration.unit });
  }
  return undefined;
}

// `one` is a pronoun far more often than a count (`one of the`, `no one`, `on the one hand`); after `only`, `just`, `at
// least` or a list number (`and (2) one motion to recommit`) it counts the noun after it.
const ONE = /(?:\b(?:[Oo]nly|[Jj]ust|[Aa]t[ \u00a0]+least|[Ee]xactly|[Nn]o[ \u00a0]+more[ \u00a0]+than|[Nn]ot[ \u00a0]+even)|\((?:\d{1,2}|[a-z]|[ivx]{1,4})\))[ \u00a0]+(one)(?=[ \u00a0])/g;

function findSingleCounts(text: string): Figure[] {
  const out: Figure[] = [];
  for (const m of text.matchAll(ONE)) {
    const noun = singularNounPhrase(text, m.index + m[0].length);
    if (!noun) continue;
    const start = m[0].startsWith('(') ? m.index + m[0].length - 3 : m.index;
    out.push({ surface: text.slice(start, noun.end), range: { start, end: noun.end }, kind: 'count', value: 1, noun: noun.noun });
  }
  return out;
}

interface Second { end: number; value: number; scale: number; currency?: string }

/** The upper end of `$5 billion to $70 billion`, `8 to 10 trucks`, `between 8 and 10`. */
function readSecond(text: string, pos: number, between: boolean): Second | undefined {
  const joiner = between ? AND_NUMBER : TO_NUMBER;
  if (!at(joiner, text, pos)) return undefined;
  const m = at(SECOND, text, joiner.lastIndex);
  if (!m) return undefined;
  const v = numberValue(m[2] ?? m[3]);
  if (v === undefined || (m[2] && YEAR.test(m[2]) && !m[1])) return undefined;
  let end = SECOND.lastIndex;
  const scaleM = at(SCALE_AFTER, text, end);
  const scale = scaleM?.[1] || (scaleM && m[1]) ? scaleValue(scaleM[1] ?? scaleM[2]) : 1;
  if (scale !== 1) end = SCALE_AFTER.lastIndex;
  const word = at(CURRENCY_AFTER, text, end);
  if (word) end = CURRENCY_AFTER.lastIndex;
  const currency = m[1] ? CURRENCY_OF[m[1]] : word ? CURRENCY_OF[word[1]] : undefined;
  // `$410 million to two cyclones`: a number in words with its own noun is not the top of a range.
  if (m[3] && !currency && scale === 1 && nounPhrase(text, end)) return undefined;
  return { end, value: scaled(v, scale), scale, currency };
}

function at(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

/** `1.` or `2)` opening a line is list numbering. */
function lineStartMarker(text: string, start: number, end: number): boolean {
  if (!/[.)]/.test(text[end] ?? '') || /\d/.test(text[end + 1] ?? '')) return false;
  for (let i = start - 1; i >= 0 && text[i] !== '\n'; i--) if (!/[\s\u00a0(]/.test(text[i])) return false;
  return true;
}

function findRatios(text: string): Figure[] {
  return anchoredMatches(text, /every |out of /g, RATIO, 24, 40).map(({ index, match: m }) => ({
    surface: m[0], range: { start: index, end: index + m[0].length }, kind: 'ratio' as const,
    value: `${numberValue(m[2]) ?? 1}:${numberValue(m[4]) ?? ''}`, ...(m[1] ? { currency: CURRENCY_OF[m[1]] } : {}),
  }));
}

function furnitureRanges(layout: Layout): TextRange[] {
  const out: TextRange[] = [];
  for (let i = 0; i < layout.lines.lineCount; i++) {
    if (layout.furniture[i]) out.push({ start: layout.lines.start(i), end: layout.lines.end(i) });
  }
  return out;
}

function mergeRanges(ranges: TextRange[]): TextRange[] {
  ranges.sort((a, b) => a.start - b.start);
  const out: TextRange[] = [];
  for (const r of ranges) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}
