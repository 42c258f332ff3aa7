// Dates a policy reader cares about: meeting dates, deadlines (`by 31 March 2025`), mandate periods, years and
// ranges, times of day; each with an ISO 8601 value where the text fixes one. A day and month without a year take
// the document's year (the masthead's date, the sitting's date), as a reader would.
import type { DateKind, DateMention, TextRange } from './types';
import { anchoredMatches } from './scan';
import { numberValue } from './numbers';

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December'];
const ABBREVIATIONS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9,
  oct: 10, nov: 11, dec: 12 };
// Title case or capitals only: `may` and `march` in lower case are a verb far more often than a month.
const MONTH = String.raw`(?:${MONTH_NAMES.join('|')}|${MONTH_NAMES.map((m) => m.toUpperCase()).join('|')}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.)`;
const WEEKDAY = String.raw`(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY)`;
// Space that may hold one line break: hard-wrapped records split dates (`1\nMay 2013`, `19 and\n20 December`).
const S = String.raw`(?:[ \t\u00a0]+\n?[ \t\u00a0]*|\n[ \t\u00a0]*)`;
const S0 = String.raw`[ \t\u00a0]*\n?[ \t\u00a0]*`;
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th|ST|ND|RD|TH)?`;
const YEAR4 = String.raw`(1[6-9]\d\d|20\d\d)`;
const JOIN = String.raw`(?:${S}(?:and|to|until)${S}|${S0}[-–]${S0})`;

// `Monday, 13 January 2020`, `30th of June 2003`, `2 to 13 July 1979`, `19 and 20 December 2019`, `22 MAY 2013`.
const DAY_MONTH = String.raw`(?:(${WEEKDAY}),?${S}(?:the${S})?)?${DAY}(?:${JOIN}${DAY})?(?:${S}of)?${S}(${MONTH})(?:,?${S}${YEAR4})?`;
// `October 7, 2023`, `May 12`, `December 21-22, 2024`.
const MONTH_DAY = String.raw`(?:(${WEEKDAY}),?${S})?(${MONTH})${S}${DAY}(?:${S0}[-–]${S0}${DAY})?(?:,${S}${YEAR4})?`;
// `October 2023`, `December, 1972`.
const MONTH_YEAR = String.raw`(${MONTH}),?${S}${YEAR4}`;
// A month on its own is a date only after a word that makes it one: `in July`, `by December`, `last December`.
// A month followed by a number is a fuller date (`In October 2023`), found by the forms above.
const MONTH_AFTER = String.raw`(in|In|IN|since|Since|by|By|until|Until|from|From|during|During|before|Before|after|After|last|Last|next|Next|this|This|early|Early|late|Late|mid-|end of|beginning of|middle of)${S}(${MONTH})(?!,?${S}\d)`;
const MONTH_PATTERN = new RegExp(
  String.raw`(?<![\p{L}\p{N}/.])(?:${DAY_MONTH}|${MONTH_DAY}|${MONTH_YEAR}|${MONTH_AFTER})(?![\p{L}\p{N}]|:\d)`, 'gu');
const MONTH_ANCHOR = new RegExp(String.raw`${MONTH}(?![\p{L}])`, 'gu');

const NUMERIC_DATE = /(?<![\w/.\-])(\d{1,2})\/(\d{1,2})\/(\d{4})(?![\w/])/g;
const ISO_DATE = /(?<![\w/.\-])(\d{4})-(\d{2})-(\d{2})(?![\w/\-])/g;
// Older press releases stamp their decks `19951103 Forty Amendments …`.
const STAMP = /(?<![\w/.\-])(19\d\d|20\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?![\w/.\-])/g;
const CLOCK = /(?<![\w.:])(\d{1,2})(?:[:.](\d{2}))?[ \u00a0]?([AaPp])\.?[ \u00a0]?[Mm]\.?(?![\p{L}])(?:[ \u00a0]+(?:EDT|EST|CDT|CST|PDT|PST|GMT|UTC|BST|CET|CEST|AEST|AEDT|NZST|NZDT))?/gu;
const CLOCK24 = /(?<![\w.:/])([01]?\d|2[0-3]):([0-5]\d)(?![\w:])(?:[ \u00a0]+(?:hrs|hours|GMT|UTC))?/g;
// Canadian Hansard stamps the time on its own line: `(1710)`; the Congressional Record writes `{time}  1415`.
const TIME_LINE = /^[ \t]*\(([01]\d|2[0-3])([0-5]\d)\)[ \t]*$/gm;
const TIME_MARK = /\{time\}[ \t\u00a0]+([01]\d|2[0-3])([0-5]\d)(?!\d)/g;
// European and Commonwealth records write the clock with a dot (`suspended at 11.52`); after a word of time only, so
// that `at 3.45 per cent` stays a figure.
const DOT_CLOCK = /(?<=\b(?:at|until|till)[ \u00a0])([01]?\d|2[0-3])\.([0-5]\d)(?![\d.,%]|[ \u00a0]*(?:per|percent|million|billion|trillion|bn|m|euros?|dollars?|pounds?|[A-Z]{3})\b)/g;
// Records of Indian and older Commonwealth parliaments give the hour in words: `met at eleven of the clock`,
// `adjourned at twenty-eight minutes past five of the clock`, `half past two o'clock`.
const HOUR_WORDS = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve';
const MINUTE_WORDS = String.raw`(?:(?:twenty|thirty|forty|fifty)(?:[-\u2010\u2011 ](?:one|two|three|four|five|six|seven|eight|nine))?|${HOUR_WORDS}|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|\d{1,2})`;
const WORD_CLOCK = new RegExp(String.raw`\b(?:(?:(${MINUTE_WORDS})[ \u00a0]+minutes?|(a[ \u00a0]+quarter|half))[ \u00a0]+(past|to)[ \u00a0]+)?(${HOUR_WORDS}|[1-9]|1[0-2])[ \u00a0]+(?:of[ \u00a0]+the[ \u00a0]+clock|o['’]clock)(?:[ \u00a0]+in[ \u00a0]+the[ \u00a0]+(morning|afternoon|evening))?`, 'giu');
// A year, a decade (`1940s`), a range (`2011-2012`, `2021/2022`, `2018–19`), a fiscal year (`FY 2025`).
// A year, a decade (`1940s`), a range (`2011-2012`, `2021/2022`, `2018–19`). The pattern starts with its digits so
// that the engine can skip to them; what may stand before a year (`FY 2025`, `mid-2026`, not `A330-2000`) is
// checked by hand.
const YEARISH = /(?:1[6-9]|20)\d\d(?:([’']?s\b)|[ \u00a0]?([-‐‑–—/])[ \u00a0]?(\d{4}|\d{2})(?![\d/]))?(?![\w/%]|[.,]\d|[-‐‑]\d|[ \u00a0]*(?:hours|hrs|GMT|UTC)\b)/g;
const NOT_BEFORE_YEAR = /[\w/.–$€£¥#§]/;
const FISCAL_BEFORE = /(?:\bFY[ \u00a0]?|\b[Ff]iscal [Yy]ear[ \u00a0]|\b[Ff]inancial [Yy]ear[ \u00a0])$/;
const DEADLINE_BEFORE = /(?:^|[^\p{L}])((?:[Bb]y|[Uu]ntil|[Tt]ill|[Nn]o later than|[Nn]ot later than|[Bb]efore|[Uu]p to)(?: the end of)?[ \t\u00a0]+)$/u;
const YEAR_PREPOSITION = /(?:^|[^\p{L}])((?:[Ii]n|IN|[Ss]ince|[Dd]uring|[Ff]rom|[Ss]ince|[Tt]hroughout)[ \t\u00a0]+)$/u;
const NAME_BEFORE_YEAR = new RegExp(
  String.raw`(?:^|[^\p{L}])((?!(?:${MONTH}|${WEEKDAY}|The|A|An|This|That|These|Those|Its|Our|Their|His|Her|Each|Every|By|Until|Before|After|For|On|At|Of|To|And|Or|But)[ \u00a0])\p{Lu}\p{Ll}+[ \u00a0])$`, 'u');
const BETWEEN = new RegExp(String.raw`^(?:[Bb]etween|[Ff]rom)${S}$`);
const SECOND_YEAR = new RegExp(String.raw`${S}(?:and|to)${S}(1[6-9]\d\d|20\d\d)(?![\w/])`, 'y');
// Numbers after these words name a rule, an item or a page, not a year.
const ID_BEFORE = /\b(?:[Rr]ule|[Pp]aragraphs?|[Pp]ara|[Ii]tems?|[Aa]rticles?|[Ss]ections?|[Cc]hapter|[Cc]lauses?|[Aa]nnex|[Nn]o|[Nn]os|[Nn]umber|[Pp]ages?|[Vv]olume|[Vv]ol|[Pp]art|[Rr]oom|[Dd]ivision|[Tt]ake|[Qq]uestion|[Ss]upplement)\.?[ \u00a0]*$/;

interface Found extends DateMention {
  /** Full dates fix the document's year; a bare day and month take it. */
  partial?: { month: number; days: number[]; weekday?: number };
  year?: number;
  /** `by the end of next year`: the month of a year counted from the document's. */
  relative?: { years: number; month: number };
}

// `by the end of next year`, `before the end of the fiscal year`, `by the middle of the decade`: a deadline a reader
// must resolve against the document's date; only the calendar year is resolved (a fiscal year ends on a date that
// depends on the country).
const RELATIVE_DEADLINE = new RegExp(String.raw`\b(?:[Bb]y|[Uu]ntil|[Bb]efore|[Nn]o[ \u00a0]+later[ \u00a0]+than)${S}the${S}(end|close|beginning|start|middle)${S}of${S}(?:(next|this|the${S}(?:current|next|coming|present)|the)${S})(?:(fiscal|financial|calendar|budget)${S})?(year|biennium|decade|quarter|month|session|week|century|parliament|term)\b`, 'g');

function relativeYear(m: RegExpMatchArray): Found['relative'] {
  if (m[4] !== 'year' || (m[3] && m[3] !== 'calendar')) return undefined;
  const which = m[2].replace(/\s+/g, ' ');
  const years = /next|coming/.test(which) ? 1 : 0;
  const month = /end|close/.test(m[1]) ? 12 : /middle/.test(m[1]) ? 6 : 1;
  return { years, month };
}

/** `twenty-eight minutes past five of the clock` is 17:28: a sitting's hour from one to seven is in the afternoon. */
function wordClock(m: RegExpMatchArray): string | undefined {
  const [, minuteWords, part, direction, hourWords, daypart] = m;
  let hour = numberValue(hourWords.toLowerCase().replace(/^one$/, '1'));
  const minutes = part ? (/half/i.test(part) ? 30 : 15) : minuteWords ? numberValue(minuteWords.toLowerCase().replace(/^one$/, '1')) : 0;
  if (hour === undefined || minutes === undefined || minutes > 59) return undefined;
  let minute = minutes;
  if (/^to$/i.test(direction ?? '')) {
    hour = hour === 1 ? 12 : hour - 1;
    minute = 60 - minutes;
  }
  if (daypart ? !/morning/i.test(daypart) && hour < 12 : hour < 8) hour += 12;
  return clock(hour, minute);
}

export function findDates(text: string, blocked: TextRange[]): DateMention[] {
  const found: Found[] = [];
  for (const { index, match: m } of anchoredMatches(text, MONTH_ANCHOR, MONTH_PATTERN, 70, 40)) found.push(...monthDate(text, index, m));
  for (const m of text.matchAll(NUMERIC_DATE)) {
    const [a, b, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    // UN records write day/month; a first number over 12 can only be a day, a second one only a day.
    const [day, month] = b > 12 ? [b, a] : [a, b];
    const value = iso(y, month, day);
    if (value) found.push(mention(m.index, m[0], 'date', value, { year: y }));
  }
  for (const m of text.matchAll(ISO_DATE)) {
    const value = iso(Number(m[1]), Number(m[2]), Number(m[3]));
    if (value) found.push(mention(m.index, m[0], 'date', value, { year: Number(m[1]) }));
  }
  for (const m of text.matchAll(STAMP)) {
    const value = iso(Number(m[1]), Number(m[2]), Number(m[3]));
    if (value) found.push(mention(m.index, m[0], 'date', value, { year: Number(m[1]) }));
  }
  for (const m of text.matchAll(CLOCK)) {
    let hour = Number(m[1]);
    const minute = m[2] ? Number(m[2]) : 0;
    if (hour < 1 || hour > 12 || minute > 59) continue;
    if (/p/i.test(m[3]) && hour < 12) hour += 12;
    else if (/a/i.test(m[3]) && hour === 12) hour = 0;
    found.push(mention(m.index, m[0], 'time', clock(hour, minute)));
  }
  for (const m of text.matchAll(CLOCK24)) found.push(mention(m.index, m[0], 'time', clock(Number(m[1]), Number(m[2]))));
  for (const m of text.matchAll(TIME_LINE)) {
    const start = m.index + m[0].indexOf('(');
    found.push(mention(start, `(${m[1]}${m[2]})`, 'time', clock(Number(m[1]), Number(m[2]))));
  }
  for (const m of text.matchAll(TIME_MARK)) {
    found.push(mention(m.index + m[0].length - 4, `${m[1]}${m[2]}`, 'time', clock(Number(m[1]), Number(m[2]))));
  }
  for (const m of text.matchAll(DOT_CLOCK)) found.push(mention(m.index, m[0], 'time', clock(Number(m[1]), Number(m[2]))));
  for (const m of text.matchAll(WORD_CLOCK)) {
    const value = wordClock(m);
    if (value) found.push(mention(m.index, m[0], 'time', value));
  }
  for (const m of text.matchAll(RELATIVE_DEADLINE)) found.push(mention(m.index, m[0], 'deadline', undefined, { relative: relativeYear(m) }));
  for (const m of text.matchAll(YEARISH)) {
    const prev = text[m.index - 1] ?? '';
    const fiscal = FISCAL_BEFORE.exec(text.slice(Math.max(0, m.index - 16), m.index))?.[0];
    const glued = NOT_BEFORE_YEAR.test(prev) || (/[-‐‑]/.test(prev) && !/[Mm]id-$/.test(text.slice(Math.max(0, m.index - 4), m.index)));
    if (glued && fiscal === undefined) continue;
    const f = yearMention(text, m, fiscal);
    if (f) found.push(f);
  }

  const kept = withoutOverlaps(found, blocked);
  const anchor = documentDate(text, kept);
  for (const f of kept) {
    if (f.partial && anchor) f.value = completed(f.partial, anchor);
    if (f.relative && anchor) f.value = `${anchor.getUTCFullYear() + f.relative.years}-${pad(f.relative.month)}`;
  }
  return kept.map(({ surface, range, kind, value }) => (value === undefined ? { surface, range, kind } : { surface, range, kind, value }));
}

function monthDate(text: string, index: number, m: RegExpExecArray): Found[] {
  const g = m.slice(1);
  // Groups: DAY_MONTH 0-4, MONTH_DAY 5-9, MONTH_YEAR 10-11, MONTH_AFTER 12-13.
  if (g[3] !== undefined) {
    const month = monthNumber(g[3]);
    const days = [Number(g[1]), ...(g[2] ? [Number(g[2])] : [])];
    return [dayMonth(text, index, m[0], month, days, g[4], /\b(?:to|until)\b|[-–]/.test(m[0]) && days.length > 1)];
  }
  if (g[6] !== undefined) {
    const month = monthNumber(g[6]);
    const days = [Number(g[7]), ...(g[8] ? [Number(g[8])] : [])];
    return [dayMonth(text, index, m[0], month, days, g[9], days.length > 1)];
  }
  if (g[10] !== undefined) {
    const y = Number(g[11]);
    return [withDeadline(text, mention(index, m[0], 'month', `${y}-${pad(monthNumber(g[10]))}`, { year: y }))];
  }
  const word = g[12];
  const month = monthNumber(g[13]);
  const relative = /^(?:last|next|this)$/i.test(word);
  const deadline = /^(?:by|until|before)$/i.test(word);
  const kind: DateKind = relative ? 'relative-date' : deadline ? 'deadline' : 'month';
  return [mention(index, m[0], kind, undefined, { partial: { month, days: [0] } })];
}

function dayMonth(text: string, index: number, surface: string, month: number, days: number[], yearText: string | undefined,
  range: boolean): Found {
  if (days.some((d) => d < 1 || d > 31)) return mention(index, surface, 'date');
  const kind: DateKind = range ? 'date-range' : 'date';
  if (yearText === undefined) {
    const weekday = /^\p{L}+/u.exec(surface)?.[0];
    const w = weekday ? WEEKDAYS.indexOf(weekday.toLowerCase()) : -1;
    return withDeadline(text, mention(index, surface, kind, undefined, { partial: { month, days, ...(w >= 0 ? { weekday: w } : {}) } }));
  }
  const y = Number(yearText);
  const values = days.map((d) => iso(y, month, d));
  const value = values.every(Boolean) ? (values.length === 1 ? values[0]! : (values as string[])) : undefined;
  return withDeadline(text, mention(index, surface, kind, value, { year: y }));
}

function yearMention(text: string, m: RegExpExecArray, fiscal: string | undefined): Found | undefined {
  const [whole, decade, sep, second] = m;
  const yearText = whole.slice(0, 4);
  const year = Number(yearText);
  const before = text.slice(Math.max(0, m.index - 24), m.index);
  if (!fiscal && ID_BEFORE.test(before)) return undefined;
  if (fiscal) return mention(m.index - fiscal.length, fiscal + yearText, 'fiscal-year', String(year));
  if (decade) return mention(m.index, m[0], 'decade', `${String(year).slice(0, 3)}`);
  if (sep && second) {
    const end = second.length === 2 ? Number(String(year).slice(0, 2) + second) : Number(second);
    // `2011-2012`, `2021/2022`, `2018–19`; a hyphen between unrelated numbers (`1967-1999` is still a range) must go
    // forward, and a slash pair reads as a term only between consecutive years (`2019/2020`).
    if (end > year && end - year <= 100 && (sep !== '/' || end - year <= 1)) {
      return mention(m.index, m[0], 'year-range', `${year}/${end}`, { year });
    }
    return mention(m.index, yearText, 'year', yearText, { year });
  }
  SECOND_YEAR.lastIndex = m.index + yearText.length;
  const pair = BETWEEN.test(before.slice(-12).replace(/^.*?(?=[Bb]etween|[Ff]rom)/s, '')) ? SECOND_YEAR.exec(text) : null;
  if (pair && Number(pair[1]) > year) {
    return mention(m.index, text.slice(m.index, SECOND_YEAR.lastIndex), 'year-range', `${year}/${pair[1]}`, { year });
  }
  // `in 2007`, `Since 2014`: the preposition belongs to the date as a reader quotes it; in `Budget 2013` or `Finance
  // Bill 2024` the year is part of a name.
  const prep = YEAR_PREPOSITION.exec(before) ?? NAME_BEFORE_YEAR.exec(before);
  const start = prep ? m.index - prep[1].length : m.index;
  return withDeadline(text, mention(start, text.slice(start, m.index + yearText.length), 'year', yearText, { year }));
}

/** `by 31 March 2025`, `until 15 July`, `by 2025`: the preposition makes a deadline of the date. */
function withDeadline(text: string, f: Found): Found {
  const d = DEADLINE_BEFORE.exec(text.slice(Math.max(0, f.range.start - 24), f.range.start));
  if (!d) return f;
  const start = f.range.start - d[1].length;
  return { ...f, kind: 'deadline', surface: text.slice(start, f.range.end), range: { start, end: f.range.end } };
}

function mention(start: number, surface: string, kind: DateKind, value?: string | string[], extra: Partial<Found> = {}): Found {
  return { surface, range: { start, end: start + surface.length }, kind, ...(value === undefined ? {} : { value }), ...extra };
}

/** Longer and earlier first; nothing inside a reference, a symbol or a URL. */
function withoutOverlaps(found: Found[], blocked: TextRange[]): Found[] {
  found.sort((a, b) => a.range.start - b.range.start || b.range.end - a.range.end);
  const taken = [...blocked].sort((a, b) => a.start - b.start);
  const out: Found[] = [];
  let t = 0;
  for (const f of found) {
    while (t < taken.length && taken[t].end <= f.range.start) t++;
    if (t < taken.length && taken[t].start < f.range.end) continue;
    const last = out[out.length - 1];
    if (last && f.range.start < last.range.end) continue;
    out.push(f);
  }
  return out;
}

/**
 * The date the document is of: a full date on a short line of its masthead or dateline, or on a line of its own (a
 * sitting's date); none where the text does not say, and then a day and month keep no year rather than a guessed one.
 */
function documentDate(text: string, dates: Found[]): Date | undefined {
  let line = 0;
  let pos = 0;
  let lineStart = 0;
  // The line's end is found once per line, not once per date: a whole text on one line stays linear.
  let lineEnd = -1;
  for (const d of dates) {
    for (; pos < d.range.start; pos++) {
      if (text.charCodeAt(pos) === 10) {
        line++;
        lineStart = pos + 1;
      }
    }
    if (d.kind !== 'date' || d.partial || typeof d.value !== 'string') continue;
    if (lineEnd < d.range.end) {
      const found = text.indexOf('\n', d.range.end);
      lineEnd = found < 0 ? text.length : found;
    }
    // A date alone on its line is on a short line: a long one (a whole text on one line) is not read again per date.
    const alone = lineEnd - lineStart < 200 && /^[\s\p{P}]*$/u.test(text.slice(lineStart, d.range.start).replace(/\p{L}+,?/gu, '') + text.slice(d.range.end, lineEnd).replace(/[\p{L}\d.:, ]+/gu, ''));
    if ((line < 15 && lineEnd - lineStart < 100) || alone) return new Date(`${d.value}T00:00:00Z`);
  }
  return undefined;
}

/** A day and month (or a month) in the year that puts it nearest the document's date, on the weekday it names. */
function completed(partial: NonNullable<Found['partial']>, anchor: Date): string | string[] | undefined {
  const y0 = anchor.getUTCFullYear();
  let best: { year: number; distance: number } | undefined;
  for (let y = y0 - (partial.weekday === undefined ? 1 : 7); y <= y0 + (partial.weekday === undefined ? 1 : 7); y++) {
    const day = partial.days[0] || 15;
    const when = Date.UTC(y, partial.month - 1, day);
    if (partial.weekday !== undefined && new Date(when).getUTCDay() !== partial.weekday) continue;
    const distance = Math.abs(when - anchor.getTime());
    if (!best || distance < best.distance) best = { year: y, distance };
  }
  if (!best) return undefined;
  const year = best.year;
  if (!partial.days[0]) return `${year}-${pad(partial.month)}`;
  const values = partial.days.map((d) => iso(year, partial.month, d));
  if (!values.every(Boolean)) return undefined;
  return values.length === 1 ? values[0]! : (values as string[]);
}

function monthNumber(s: string): number {
  const i = MONTH_NAMES.findIndex((m) => m.toLowerCase() === s.toLowerCase());
  return i >= 0 ? i + 1 : ABBREVIATIONS[s.replace('.', '').toLowerCase()];
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const pad = (n: number) => String(n).padStart(2, '0');

function iso(y: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1) return undefined;
  const days = new Date(Date.UTC(y, month, 0)).getUTCDate();
  return day <= days ? `${y}-${pad(month)}-${pad(day)}` : undefined;
}

function clock(hour: number, minute: number): string {
  return `${pad(hour)}:${pad(minute)}`;
}
