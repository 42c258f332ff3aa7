// The front of a press release, a statement or a fact sheet: masthead lines (symbol, date, organ, meeting), the
// headline, the headline printed again after the masthead, and the deck under it, up to the first paragraph of
// prose. Lines are judged by their shape (heading casing, no closing full stop, not a sentence), not by what they
// say, because every press office and every decade has its own template.
import type { Layout } from './layout';
import { cleanText, foldKey, isAllCaps } from './text';

export const MEETING_LINE = /^(?:[A-Z][\w -]{0,40}, )?\d{1,5}(?:st|nd|rd|th)(?: (?:&|and) \d{1,5}(?:st|nd|rd|th))? (?:(?:[Pp]lenary )?[Mm]eetings? \((?:AM|PM|AM & PM|Night)\)|plenary meeting\b)/;
// The symbol stands alone, after the organisation's name (`United Nations A/RES/78/123`, the first line of an
// extracted resolution or record) or glued to it (`Security CouncilSC/8940`, a web page's masthead).
const SYMBOL_LINE = /^(?:(?:United Nations|General Assembly|Security Council)[ \t\u00a0]+|[A-Z][A-Za-z ]{2,60}[a-z])?[A-Z]{1,8}(?:\/[\w.\-*]+)+(?:[ \t]*[-–][ \t]*[A-Z]{1,8}(?:\/[\w.\-*]+)+)?$/;
const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec';
// `26 September 2024`, `September 26, 2024`, `TUESDAY, 6TH AUGUST, 2024`, `New York, 26 September 2024`,
// `21/11/2001`, and the `19991222` stamp of old press releases.
export const DATE_ONLY = new RegExp(String.raw`^(?:(?:[A-Z][\w ]{0,30}, )?(?:\w+day,? )?(?:\d{1,2}(?:st|nd|rd|th)?(?: of)? (?:${MONTHS})|(?:${MONTHS}) \d{1,2}(?:st|nd|rd|th)?),? \d{4}\.?|\d{1,2}\/\d{1,2}\/\d{4}|(?:19|20)\d{6})$`, 'i');
export const TIME_ONLY = /^\d{1,2}[:.]\d{2}[ \t\u00a0]*[AaPp]\.?[Mm]\.?(?:[ \t\u00a0]+[A-Z]{2,4})?$|^(?:[01]?\d|2[0-3]):[0-5]\d$/;
// Organ lines of a press-release masthead besides the principal organs: `Third Committee`, `Commission on the Status
// of Women`, `Seventy-ninth Session`.
// The EU's institutions head their press pages as the UN's organs do.
const ORGAN_LINE = /^(?:Council of the (?:EU|European Union)|European Council|European Commission|European Parliament|(?:First|Second|Third|Fourth|Fifth|Sixth) Committee|Special Political and Decolonization Committee(?: \(Fourth Committee\))?|(?:Commission|Committee) on (?:the )?[A-Z][\w ]{3,60}|Peacebuilding Commission|Trusteeship Council|Conference on Disarmament|[A-Z][a-z]+(?:-[a-z]+)? [Ss]ession),?$/;
export const MASTHEAD = /^(?:Check against delivery|Embargoed[^\n]{0,60}|Security Council|General Assembly|Economic and Social Council|Human Rights Council|Secretary[-\u2011]General|Press Releases?|Media Releases?|News Releases?|Statements and Messages|Meetings Coverage(?: and Press Releases)?|Provisional|New York|Geneva)$/i;
// The session and agenda item of a General Assembly document, run together with its title by the PDF's text
// (`Eightieth session Agenda item 91 Implementation of the Declaration …`).
const SESSION_START = /^[A-Z][a-z]+(?:-[a-z]+)? [Ss]ession[ ,]/;
// `Vol. 1064 No. 2`, `Volume 171, Number 48`: the issue of a record.
const VOLUME_LINE = /^(?:Vol(?:ume)?\.?|No\.|Issue)[ \t\u00a0]*\d{1,5}\b[^\n]{0,40}$/;
// A byline of a minister's release: the minister's name with a courtesy, then the office on the next line.
const BYLINE = /^(?:(?:The|Senator the)[ \t\u00a0]+)?(?:Hon\.?|H\.E\.|Dr\.?|Senator)[ \t\u00a0]+\p{Lu}[\p{L}'’\-]+(?:[ \t\u00a0]+\p{Lu}[\p{L}'’\-]+){0,3}(?:[ \t\u00a0]+(?:MP|MLA|MSP|TD|MEP))?$/u;
const OFFICE_LINE = /^(?:Minister|Assistant Minister|Secretary|Deputy Prime Minister|Prime Minister|Treasurer|Attorney-General)\b[^.:;\n]{0,120}$/;
const DATELINE = new RegExp(String.raw`\b\d{1,2}(?:st|nd|rd|th)? (?:${MONTHS}),? \d{4}\b|\b(?:${MONTHS}) \d{1,2}, \d{4}\b`, 'i');
// A masthead of bullet-separated parts: `Department of Public Information • News and Media Division • New York`.
const BULLETED = /^[^•\n]{2,80}(?:[ \t\u00a0]•[ \t\u00a0][^•\n]{2,80}){1,5}$/;
const STAMP = /^(?:19|20)\d{6}[ \t\u00a0]+/;
const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'into', 'of', 'on', 'or', 'the', 'to', 'with',
  'vs', 'via', 'de', 'du', 'des', 'la', 'le', 'et', 'its', 'their', 'over', 'after', 'before', 'under', 'against', 'between']);

/** A line of the masthead: symbol, date, organ, meeting, the press-office line. */
export function isMasthead(t: string): boolean {
  return SYMBOL_LINE.test(t) || DATE_ONLY.test(t) || TIME_ONLY.test(t) || MASTHEAD.test(t) || MEETING_LINE.test(t) || ORGAN_LINE.test(t) || BULLETED.test(t)
    || VOLUME_LINE.test(t) || SESSION_START.test(t) || datedHeader(t);
}

/** A short line that carries a full date: `Meeting date: Wednesday, March 12, 2025`, `Tuesday, 11 March 2025 - Strasbourg`. */
function datedHeader(t: string): boolean {
  return t.length <= 90 && !/[.!?]$/.test(t) && DATELINE.test(t) && t.split(/[ \t\u00a0]+/).length <= 10;
}

/**
 * A venue right above a time or a date (`Oval Office` / `11:47 A.M. EST`, or `Intercontinental New York Barclay` /
 * `New York, New York` / `6:42 P.M. EDT`) is a dateline; a headline is longer.
 */
export function beforeDateline(layout: Layout, i: number): boolean {
  const { lines } = layout;
  const short = (t: string) => t.split(/[ \t\u00a0]+/).length <= 5;
  if (!short(lines.line(i).trim())) return false;
  for (let j = i + 1, seen = 0; j < lines.lineCount && seen < 3; j++) {
    const next = lines.line(j).trim();
    if (!next) continue;
    if (TIME_ONLY.test(next) || DATE_ONLY.test(next)) return true;
    if (!short(next) || /[.!?]$/.test(next)) return false;
    seen++;
  }
  return false;
}

export function looksLikeTitle(t: string): boolean {
  return t.length >= 12 && t.length <= 400 && /^[\p{Lu}“"\d]/u.test(t) && !/[.:;,]$/.test(t) && !DATELINE.test(t);
}

/** A chapter of a UN report: `I. Introduction`, `A. Political process`. It opens the body. */
export const REPORT_CHAPTER = /^([IVXL]{1,6}|[A-H])\.[ \t\u00a0]+(\p{Lu}[\p{L}\p{M}’'\-,() ]{2,110})$/u;

export type LineShape = 'heading' | 'prose' | 'other';

/** A field and its value: `Agenda: A, B, C`, `Joint media release with: …`, `Media enquiries: …`. */
export function isField(t: string): boolean {
  const m = /^([^:]{1,40}):[ \t\u00a0]/.exec(t);
  if (!m) return false;
  // A list of short items after the colon, not a title that happens to have commas (`FACT SHEET: … Roads, Bridges,
  // and Broadband`).
  const items = t.slice(m[0].length).split(/,[ \t\u00a0]*/);
  const list = items.length >= 3 && items.every((x) => x.split(/[ \t\u00a0]+/).length <= 6);
  // A record's metadata (`Sitting No: 146`, `Sitting Date: 5-11-2024`) and a vote's lines (`Against: Ocampo`).
  const value = t.slice(m[0].length).trim();
  const short = m[1].split(/[ \t\u00a0]+/).length <= 3 && /^[\d\p{P}\s]+$/u.test(value);
  return list || short || /\b(?:with|by|to|for|of|on|from|No\.?|Date|Speaking)$/i.test(m[1])
    || /^(?:Agenda|Media enquiries|Contact|Enquiries|Date|Subject|Location|Venue|In favou?r|Against|Abstentions?|Absent|Present)$/i.test(m[1]);
}

/** `Mr. President,`, `Excellencies,`, `Ladies and gentlemen,`: a speech begins. */
export const SALUTATION = /^(?:(?:Mr\.?|Madam|Madame|Mister|Your)[ \t\u00a0]+(?:President|Chair|Chairman|Chairperson|Speaker|Secretary[-\u2011]General|Co-Chairs?|Excellency|Excellencies)\b[^\n]{0,60}|Excellencies|Ladies and [Gg]entlemen|Distinguished (?:delegates|guests|colleagues)|Dear (?:colleagues|friends)|Colleagues|Friends)[,:]$/;

/**
 * What a line looks like: a heading (capitals or title case, at most a few lower-case content words, no closing
 * full stop after a long line), a sentence, or neither (a short line such as `Check against delivery`).
 */
export function lineShape(t: string): LineShape {
  const text = t.replace(STAMP, '');
  const words = text.split(/[ \t\u00a0]+/).filter((w) => /\p{L}/u.test(w));
  if (!words.length) return 'other';
  if (isAllCaps(text)) return 'heading';
  const content = words.filter((w, k) => k === 0 || !SMALL_WORDS.has(w.toLowerCase().replace(/[,;:]$/, '')));
  const capitalised = content.filter((w) => /^[(“"‘]?[\p{Lu}\d]/u.test(w)).length;
  const ratio = capitalised / content.length;
  const sentenceEnd = /[.!?]["”’)]?$/.test(text) && words.length >= 6;
  // `Date of Meeting:` introduces a field; `Agenda: Business Motion, …, Decision Time` and `Joint media release
  // with: …` are fields too.
  if (ratio >= 0.75 && !sentenceEnd && !/:$/.test(text) && !isField(text)) return 'heading';
  return words.length >= 5 && ratio < 0.6 ? 'prose' : 'other';
}

export interface FrontHeading {
  line: number;
  level: number;
  title: string;
  /** Later lines that continue this heading (a headline or deck wrapped over lines with blank lines between). */
  continuation: number[];
  /** Lines that continue it without a blank line between (a hard wrap): part of the heading, not items of their own. */
  wrapped: number[];
}

export interface FrontMatter {
  /** The first line after the front (its first paragraph of prose or speaker label). */
  end: number;
  headings: FrontHeading[];
}

/**
 * The headline, its repetition and the deck, for texts that are one paragraph per line. The headline must be the
 * first line after the masthead; a repetition starts like it; what follows until the first prose is the deck.
 * A line continues the heading before it when it completes the headline, starts in lower case, or follows a deck.
 */
export function readFrontMatter(layout: Layout, labelLines: ReadonlySet<number>): FrontMatter {
  const { lines, furniture } = layout;
  const headings: FrontHeading[] = [];
  let headline: FrontHeading | undefined;
  let open: FrontHeading | undefined;
  let openLast = -1;
  const limit = Math.min(lines.lineCount, 80);
  let i = 0;
  for (; i < limit; i++) {
    if (furniture[i]) continue;
    const t = lines.line(i).trim();
    if (!t) continue;
    if (labelLines.has(i) || SALUTATION.test(t) || (headline && REPORT_CHAPTER.test(t))) break;
    if (isMasthead(t)) {
      open = undefined;
      continue;
    }
    // `IN THE CHAIR: MARTA ZIELIŃSKA` / `Vice-President`: who presides, not a heading.
    if (/^IN THE CHAIR\b/.test(t) || /^IN THE CHAIR\b/.test(previousText(layout, i))) continue;
    // An editor's note in brackets: `(Reissued as received.)`.
    if (/^\(.*\)$/.test(t) && headline) continue;
    const shape = lineShape(t);
    // `EDITOR'S NOTE`, `CORRECTION`, `Media advisory` over the headline: a notice of its own, not the headline.
    if (!headline && NOTICE.test(t)) {
      headings.push({ line: i, level: 2, title: title(t), continuation: [], wrapped: [] });
      open = undefined;
      continue;
    }
    if (!headline) {
      // A minister's byline (`The Hon Daniel Ferraro MP` / `Minister for …`) is masthead.
      if (BYLINE.test(t) || (OFFICE_LINE.test(t) && i > 0 && BYLINE.test(previousText(layout, i)))) continue;
      const candidate = shape === 'heading' || sentenceHeadline(layout, i, t);
      // A headline wrapped onto the next line may stop at a comma (`… MINE CLEARANCE,` / `REJECTS 19 …`).
      const wrapsOn = /[,;]$/.test(t) && isAllCaps(t) && nextLineContinues(layout, i);
      if (!candidate || (!looksLikeTitle(t) && !wrapsOn) || beforeDateline(layout, i)) break;
      // `Secretary-General`, `Media release`: one or two words over the masthead are a kicker, not the headline.
      if (t.split(/[ \t\u00a0]+/).length < 3 && !isAllCaps(t) && mastheadFollows(layout, i)) continue;
      // A deck stamped with its date (`19951103 Forty Amendments …`) may stand where the headline is missing.
      headline = { line: i, level: STAMP.test(t) ? 2 : 1, title: title(t), continuation: [], wrapped: [] };
      headings.push(headline);
      [open, openLast] = [headline, i];
      continue;
    }
    // The headline printed again may be in sentence case (`Press Statement by Security Council President on attacks
    // against humanitarian convoys in Darfur`).
    const again = repeats(headline, t) && !/[.!?]$/.test(t);
    if (!again && shape !== 'heading' && !(shape === 'other' && open && /^\p{Ll}/u.test(t))) {
      if (shape === 'prose' || !open) break;
      continue;
    }
    if (open && continues(open, openLast, i, t, headline)) {
      // In a hard-wrapped text a mixed-case line right after is the same paragraph; in a text of one paragraph per
      // line, a line is a line of the heading as printed.
      (layout.wrapped && i === openLast + 1 && !isAllCaps(t) ? open.wrapped : open.continuation).push(i);
      open.title = cleanText(`${open.title} ${title(t)}`);
      openLast = i;
      continue;
    }
    const c: FrontHeading = { line: i, level: repeats(headline, t) ? 1 : 2, title: title(t), continuation: [], wrapped: [] };
    headings.push(c);
    [open, openLast] = [c, i];
  }
  return { end: i, headings };
}

const NOTICE = /^(?:editor[’']?s[ \u00a0]+notes?|note[ \u00a0]+to[ \u00a0]+(?:editors|correspondents)|corrections?|corrected|updated?|(?:media[ \u00a0]+)?advisory|embargoed(?:[ \u00a0]+until[^.]*)?|for[ \u00a0]+immediate[ \u00a0]+release|readout|breaking)[ \u00a0]*[:.]?$/i;

function title(t: string): string {
  return cleanText(t.replace(STAMP, ''));
}

function previousText(layout: Layout, i: number): string {
  for (let j = i - 1; j >= 0; j--) {
    const t = layout.lines.line(j).trim();
    if (t && !layout.furniture[j]) return t;
  }
  return '';
}

function nextText(layout: Layout, i: number): { line: number; text: string } | undefined {
  for (let j = i + 1; j < layout.lines.lineCount && j <= i + 4; j++) {
    const t = layout.lines.line(j).trim();
    if (t && !layout.furniture[j]) return { line: j, text: t };
  }
  return undefined;
}

function nextLineContinues(layout: Layout, i: number): boolean {
  const next = nextText(layout, i);
  return next !== undefined && isAllCaps(next.text) && lineShape(next.text) === 'heading';
}

/** A masthead line (symbol, date) comes within the next few lines. */
function mastheadFollows(layout: Layout, i: number): boolean {
  for (let j = i + 1, seen = 0; j < layout.lines.lineCount && seen < 3; j++) {
    const t = layout.lines.line(j).trim();
    if (!t || layout.furniture[j]) continue;
    if (isMasthead(t)) return true;
    seen++;
  }
  return false;
}

/**
 * A headline in sentence case (`Australia commits $120 million to Pacific climate resilience`) is known by where it
 * stands: right above the release's date, with no closing full stop.
 */
function sentenceHeadline(layout: Layout, i: number, t: string): boolean {
  const words = t.split(/[ \t\u00a0]+/).length;
  if (words < 4 || words > 25 || /[.!?:;,]$/.test(t) || !/^\p{Lu}/u.test(t)) return false;
  const next = nextText(layout, i);
  return (next !== undefined && (DATE_ONLY.test(next.text) || datedHeader(next.text))) || afterReleaseType(layout, i);
}

// Government pages say what a page is above its headline: `Press release`, `News release`, `Media release`, then
// perhaps the date and time (`14 March 2025` / `14:30`).
const RELEASE_TYPE = /^(?:Press|News|Media)[ \t\u00a0]+[Rr]eleases?$|^(?:Press|News|Media)[ \t\u00a0]+[Ss]tatement$|^Readout$/;

function afterReleaseType(layout: Layout, i: number): boolean {
  for (let j = i - 1, k = 0; j >= 0 && k < 4; j--) {
    const t = layout.lines.line(j).trim();
    if (!t || layout.furniture[j]) continue;
    k++;
    if (RELEASE_TYPE.test(t)) return true;
    if (!DATE_ONLY.test(t) && !TIME_ONLY.test(t) && !datedHeader(t)) return false;
  }
  return false;
}

/** The line starts like the headline: the headline printed again, in other casing or wrapped. */
function repeats(headline: FrontHeading, t: string): boolean {
  const a = foldKey(headline.title).split(' ');
  const b = foldKey(title(t)).split(' ');
  const n = Math.min(4, a.length, b.length);
  if (n < 2) return false;
  for (let k = 0; k < n; k++) if (a[k] !== b[k]) return false;
  const shared = new Set(a);
  return b.filter((w) => shared.has(w)).length >= b.length * 0.6;
}

function continues(open: FrontHeading, openLast: number, i: number, t: string, headline: FrontHeading): boolean {
  if (/^\p{Ll}/u.test(t)) return true;
  const midPhrase = /(?:[,;]|\b(?:of|the|and|to|in|on|for|with|by|a|an))$/i.test(open.title);
  if (open === headline) {
    // A headline wrapped onto the next line, with no blank line between: in capitals, or stopped mid-phrase.
    return i === openLast + 1 && ((isAllCaps(t) && isAllCaps(open.title)) || midPhrase);
  }
  if (open.level === 1) {
    // A repetition that is still shorter than the headline goes on until it is complete.
    const whole = foldKey(headline.title);
    const sofar = foldKey(open.title);
    return whole.length > sofar.length + 8 && whole.startsWith(sofar.slice(0, Math.min(sofar.length, 40))) && whole.includes(foldKey(title(t)).slice(0, 20));
  }
  // A deck wrapped over several paragraphs (blank lines between) is one unit; so is one that stops mid-phrase.
  if (repeats(headline, t)) return false;
  return midPhrase || (i > openLast + 1 && t.split(/[ \t\u00a0]+/).length >= 4);
}
