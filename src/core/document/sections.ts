// Headings: the outline of a document, from explicit markup where it exists and from layout where it does not.
import type { Section } from './types';
import type { Layout } from './layout';
import { cleanText, foldKey, isAllCaps } from './text';
import { beforeDateline, DATE_ONLY, isField, REPORT_CHAPTER, isMasthead, lineShape, MASTHEAD, MEETING_LINE, readFrontMatter, SALUTATION, TIME_ONLY } from './front';

interface Candidate {
  line: number;
  level: number;
  title: string;
  /** Last line of a heading that wraps (bold runs closed on a later line). */
  lastLine?: number;
  /** Later lines that continue the heading after blank lines (a press release's wrapped headline or deck). */
  continuation?: number[];
}

const MD_ATX = /^(#{1,6})[ \t]+(.+?)[ \t#]*$/;
const MD_EMPHASIS_OPEN = /^[ \t]*(\*{2,3}|__)(?=\S)/;
const NUMBERED_EMPHASIS = /^[ \t\u00a0]*\d{1,2}\.[ \t\u00a0]+(_|\*{1,2})([^_*]{2,120})\1[ \t\u00a0]*$/;
const LEGAL_SECTION = /^[ \t\u00a0]*(?:Section|SECTION|Sec\.|SEC\.)[ \t\u00a0]*\d{1,3}[A-Za-z]?\./;
// `Part II.-  Imposition of Tax.` or `Part III.  Clauses 12-14.`: a separator must follow the number, so that a
// wrapped sentence starting with `Article 2 of the Charter` is not taken for a heading.
const LEGAL_PART = /^(?:Part|PART|Chapter|CHAPTER|Annex|ANNEX|Appendix|APPENDIX|Schedule|SCHEDULE)[ \t\u00a0]+(?:[IVXLC]{1,7}|\d{1,3}[A-Z]?)(?:[ \t\u00a0]*[.\-–—:]+[ \t\u00a0]*(?=$|[A-Z])|[ \t\u00a0]*$)/;
// Named parts of a bill stand alone or end in a full stop (`Long Title.  An Act to …`); in wrapped prose the same
// words start ordinary lines (`Preamble of the Charter to establish …`).
const LEGAL_NAMED = /^(?:Short [Tt]itle|Long [Tt]itle|Preamble|(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth) Schedule)(?: and [a-z]+)?(?:[.:]|$)/;
const RESOLUTION_TITLE = /^\d{1,3}\/\d{1,4}\.[ \t\u00a0]+[A-Z]/;
const PREAMBLE = /^The (?:General Assembly|Security Council|Economic and Social Council|Human Rights Council|Trusteeship Council|Assembly|Council|Conference of the Parties),$/;
// An order-paper or agenda item with its number: `23 Obituary Reference`, `24. Oral Answers`, `5.1. Voting time`.
const NUMBERED_ITEM = /^(\d{1,3}(?:\.\d{1,2})*)(\.?)[ \t\u00a0]+(\p{Lu}[^\n]{2,150}?)$/u;
const BILL_TITLE = /^(?:The[ \t\u00a0]+)?\p{Lu}[^\n.:;!?]{2,140}?[ \t\u00a0](?:Bill|Act)(?:,?[ \t\u00a0]+(?:\(No\.?[ \t\u00a0]?\d{1,2}\)|No\.?[ \t\u00a0]?\d{1,2}))?(?:,?[ \t\u00a0]+\d{4})?$/u;
const AGENDA_ADOPTION = /^Adoption of the agenda$/i;
const AGENDA_ITEM = /^Agenda items? \d{1,3}(?: ?\([a-z]\))?(?:(?:,| and) \d{1,3}(?: ?\([a-z]\))?)*(?: \(continued\))?$/;
const ADDRESS_BY = /^(?:Address|Statement) by (?:His |Her )?(?:Excellency |Majesty |Royal Highness )?(?:Mr|Mrs|Ms|Dr|Sir|Dame|King|Queen|Prince|Princess|Sheikh|Sheikha|Emir)\.? \p{Lu}/u;
const HEADING_WORDS = /^(?:Agenda|Briefers?|Speakers|Statements|Opening [Rr]emarks|Closing [Rr]emarks|Introductory [Rr]emarks|Background|Introduction|Summary|Conclusions?|Recommendations|Action on [Dd]raft [Rr]esolutions?|Action on [Dd]raft [Dd]ecisions?|Explanations? of [Vv]ote|Introduction of [Dd]raft|Adoption of the [Aa]genda|Other [Mm]atters|Right of [Rr]eply|Interactive [Dd]ialogue|Round[- ]?[Tt]able|Observations|Findings|Notes to [Ee]ditors|Note to [Ee]ditors|Next [Ss]teps|Quick [Ff]acts|Key [Ff]acts|Key [Ff]eatures|Related (?:[Ll]inks|[Pp]roducts|[Ii]nformation)|Associated [Ll]inks|Further [Ii]nformation|Media [Cc]ontacts?|Contacts?)$/;
const SENTENCE_STARTERS = new Set(['that', 'this', 'these', 'those', 'it', 'i', 'we', 'he', 'she', 'they', 'you', 'there', 'if', 'when', 'thank', 'our', 'my']);
const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'into', 'of', 'on', 'or', 'the', 'to', 'with', 'vs', 'via', 'de', 'du', 'des', 'la', 'le', 'et']);

/** `labelLines`: lines on which a speaker label starts (they end an S/PV heading block). */
export function findSections(layout: Layout, labelLines: ReadonlySet<number>, labelSurfaces: ReadonlySet<string> = new Set()): Section[] {
  const { lines, furniture } = layout;
  const n = lines.lineCount;
  const repeats = countRepeats(layout);
  const found: Candidate[] = [];
  const titles = new Map<string, number>();
  const labelFirstWords = new Set([...labelSurfaces].map(firstWord));
  const front = readFrontMatter(layout, labelLines);
  const frontHeadings = new Map(front.headings.map((h) => [h.line, h]));
  const continued = new Set(front.headings.flatMap((h) => [...h.continuation, ...h.wrapped]));
  let firstContent = -1;
  // Records: the cover (symbol, organ, date, meeting) comes before the first heading.
  let coverOpen = layout.wrapped;
  let skipUntil = -1;
  for (let i = 0; i < n; i++) {
    if (i <= skipUntil || furniture[i] || continued.has(i)) continue;
    const raw = lines.line(i);
    const inFront = i < front.end;
    // No heading starts with a lower-case letter: in wrapped records that settles most lines at once.
    const c0 = raw.charCodeAt(0);
    if (c0 >= 97 && c0 <= 122 && firstContent >= 0) {
      coverOpen = false;
      continue;
    }
    const t = raw.trim();
    if (!t) continue;
    const masthead: boolean = (coverOpen || inFront) && isMasthead(t);
    if (!masthead && firstContent < 0) firstContent = i;
    if (labelLines.has(i)) {
      coverOpen = false;
      continue;
    }
    // The cover of a verbatim record (`6th plenary meeting`, the date) is masthead, not outline.
    if (masthead && layout.wrapped) continue;
    coverOpen = false;
    const head = frontHeadings.get(i);
    if (inFront && !head && !masthead) continue;
    // `The CHIEF WHIP OF THE OPPOSITION` alone (with the reporter's initials: `… / A N N`) announces a turn.
    if (labelFirstWords.has(firstWord(t)) && t.length <= 100 && labelSurfaces.has(t.replace(/[ \t\u00a0]*\/[ \t\u00a0A-Z]{1,12}$/, '').replace(/[ \t\u00a0]+/g, ' '))) continue;
    const c: Candidate | undefined = head
      ? { line: i, level: head.level, title: head.title, continuation: head.continuation }
      : classify(layout, i, raw, t, firstContent, labelLines, repeats.get(t) ?? 0, found.at(-1)?.line === i - 1 ? found.at(-1) : undefined, found.at(-1));
    if (!c) continue;
    // A running page header that leaked into the body repeats an earlier title; the front of a press release
    // prints its headline twice (in capitals, then in sentence case) and both are kept.
    const key = foldKey(c.title.replace(/^\d{1,3}\/\d{1,4}\.\s*/, ''));
    const seen = titles.get(key);
    if (!head && seen !== undefined && i - seen > 2 && c.level <= 1 && !isAllCaps(t)) continue;
    titles.set(key, i);
    found.push(c);
    if (c.lastLine !== undefined) skipUntil = c.lastLine;
    // The lines a heading continues on are its own, not headings again.
    for (const l of c.continuation ?? []) continued.add(l);
  }
  return finish(layout, found);
}

function classify(layout: Layout, i: number, raw: string, t: string, firstContent: number,
  labelLines: ReadonlySet<number>, repeat: number, above: Candidate | undefined, found?: Candidate): Candidate | undefined {
  const { lines } = layout;
  let m: RegExpExecArray | null;
  if (PROCEDURAL.test(t) || afterChairLine(layout, i) || SALUTATION.test(t)) return undefined;
  // The lines under `Contacts` are an address block: an office, a department, a telephone number.
  if (underContacts(layout, i)) return undefined;
  // `Question` over `Asked by Lord …` (the Lords' written answers) names what follows; it heads nothing.
  if (/^(?:Questions?|Answers?)$/.test(t) && labelLines.has(i + 1)) return undefined;
  // A masthead line (`Third Committee`, `Security Council`) is no heading; only the meeting it names may be one.
  if (isMasthead(t) && !MEETING_LINE.test(t) && !PREAMBLE.test(t)) return undefined;
  if ((m = MD_ATX.exec(t)) && !t.startsWith('\\')) return { line: i, level: m[1].length === 1 ? 1 : 2, title: cleanText(m[2]) };
  if ((m = MD_EMPHASIS_OPEN.exec(raw))) return emphasisHeading(layout, i, m[1]);
  if ((m = NUMBERED_EMPHASIS.exec(raw))) return { line: i, level: 1, title: cleanText(m[2]) };
  if (LEGAL_SECTION.test(raw)) return { line: i, level: 1, title: legalTitle(layout, i) };
  if ((m = LEGAL_PART.exec(t))) {
    // `Part III.  Clauses 12-14.`: a bare full stop closes the heading; a dash or colon (`Part IV-  Returns and
    // payments.`) introduces its title.
    const bare = /^[^.\-–—:]*\.[ \t\u00a0]*$/.test(m[0]);
    return { line: i, level: 1, title: cleanText(bare ? m[0] : upToPeriod(t, m[0].length)) };
  }
  if (LEGAL_NAMED.test(t)) return { line: i, level: 1, title: cleanText(upToPeriod(t, 0)) };
  if (RESOLUTION_TITLE.test(t)) return { line: i, level: 1, title: cleanText(t) };
  if (PREAMBLE.test(t) || MEETING_LINE.test(t)) return { line: i, level: 2, title: cleanText(t) };
  if (t === 'Agenda' && i < 80) return { line: i, level: 0, title: t };
  if (AGENDA_ADOPTION.test(t)) return { line: i, level: 1, title: t };
  // General Assembly records: `Agenda item 8 (continued)`, then the item's title, then `Address by Mr. …, President`
  // wrapped over two lines.
  if (AGENDA_ITEM.test(t)) return { line: i, level: 1, title: cleanText(t) };
  if (above && AGENDA_ITEM.test(above.title) && looksLikeHeadingLine(t, 14)) return { line: i, level: 1, title: cleanText(wrappedHeading(layout, i)) };
  if (ADDRESS_BY.test(t)) return { line: i, level: 2, title: cleanText(wrappedHeading(layout, i)) };
  if (startsRecordHeading(layout, i, labelLines)) return { line: i, level: 1, title: cleanText(wrappedHeading(layout, i)) };
  // Running heads of a PDF repeat on every page; a Hansard repeats a question's heading for its supplementaries.
  if ((repeat > 1 && (layout.wrapped || repeat > 3)) || MASTHEAD.test(t)) return undefined;
  if (isAllCaps(t) && capsHeading(t)) {
    const more = capsContinuation(layout, i, t);
    // `THE WHITE HOUSE,` signs off a document: a heading in capitals stops at a comma only where it goes on.
    if (more || !/,$/.test(t)) return { line: i, level: 1, title: cleanText(t), ...more };
  }
  // A qualifier in brackets under a heading: `USE OF SA AIR-FORCE BASE …` / `(Matter of Public Importance)`,
  // `APPROPRIATION BILL` / `(Second Reading debate)`.
  if ((m = /^\((\p{Lu}[^()]{2,80})\)$/u.exec(t)) && m[1].split(/\s+/).length <= 6 && !SPEECH_WORDS.test(m[1]) && !/\d/.test(m[1])
    && found && found.line === previousLine(layout, i)) {
    return { line: i, level: 2, title: t };
  }
  // Numbered items of an order paper or an agenda: `23 Obituary Reference`, `4. Humanitarian situation in Sudan
  // (debate)`, `5.1. Protection of minors online (A10-0021/2025 - Sofia Lindqvist) (vote)`.
  // A numbered question (`1. What assessment has the Minister made …? OQ62318`, `2. Ms X asked the Minister …`) is
  // not an item of business. In minutes the item's text follows its heading without a blank line.
  if (!layout.wrapped && (m = NUMBERED_ITEM.exec(t)) && (standsAlone(layout, i) || opensBlock(layout, i)) && !DATE_ONLY.test(t)
    && !/[.;:,]$/.test(t) && !/\?/.test(m[3]) && !/^\p{Lu}[\p{L}.’'\- ]{1,60}?\basked\b/u.test(m[3])
    && (m[1].includes('.') || m[2] !== '' || isTitleCase(m[3]))) {
    return { line: i, level: m[1].includes('.') ? 2 : 1, title: cleanText(m[3]) };
  }
  // A UN report under its cover (`Distr.: General`, the date, `Original: English`, the job number): its title.
  if (layout.wrapped && afterDocumentCover(layout, i) && t.length <= 120 && !/[.:;,]$/.test(t) && /^\p{Lu}/u.test(t)) {
    return { line: i, level: 1, title: cleanText(t) };
  }
  // Chapters and sub-chapters of a UN report: `I. Introduction`, `II. Political and security developments`,
  // `A. Political process` (sentence case, no final stop; the numbered paragraphs follow).
  if ((m = REPORT_CHAPTER.exec(t)) && t.split(/\s+/).length <= 14 && !SPEECH_WORDS.test(m[2])) {
    return { line: i, level: /^[A-H]$/.test(m[1]) ? 2 : 1, title: cleanText(t) };
  }
  // A centred line standing apart in a hard-wrapped record (`Prepared Statement of Ambassador …` in a hearing).
  if (layout.wrapped && /^[ \t]{8,}\S/.test(raw) && standsAlone(layout, i) && standaloneHeading(t) && isTitleCase(t) && t.split(/\s+/).length >= 3) {
    return { line: i, level: 2, title: cleanText(t) };
  }
  // A bill's title is the heading of its debate: `Treasury Laws Amendment (Payday Super) Bill 2025`, `The Coastal
  // Vessels (Regulation) Bill, 2025`.
  if (!layout.wrapped && BILL_TITLE.test(t)) return { line: i, level: 2, title: cleanText(t) };
  // A short line standing apart, with blank lines around it, that does not end a sentence: a sub-heading of a text
  // printed a paragraph to a line (`Written statements (Rule 178)`, `Housing (Scotland) Bill: Stage 1`).
  if (!layout.wrapped && standsAlone(layout, i) && standaloneHeading(t) && !beforeDateline(layout, i)) return { line: i, level: 2, title: cleanText(t) };
  if (!layout.wrapped && looksLikeHeadingLine(t, 10) && (HEADING_WORDS.test(t) || isTitleCase(t)) && !isField(t)) {
    // The line above, past a floor-language or time marker (`[English]`, `(1710)`).
    let p = i - 1;
    while (p >= 0 && /^[[(][^\])]{1,30}[\])]$/.test(lines.line(p).trim())) p--;
    const prev = p >= 0 ? lines.line(p).trim() : '';
    // A short line right under another short line is a list item or an address block, not a heading; under a
    // heading it is a sub-heading (Hansard: `Questions to Ministers` / `Economy—Inflation`), and after a line of
    // procedure (`Motion negatived`) it starts the next business.
    const underHeading = above !== undefined || found?.line === p;
    // A table's last row (columns apart, figures in them) ends the table: a heading may follow.
    const tableRow = /\S[ \t]{3,}\S/.test(prev) && /\d/.test(prev);
    const boundary = PROCEDURAL.test(prev) || isMasthead(prev) || labelLines.has(p) || tableRow;
    if (prev && prev.length < 60 && !/[.:;!?”"]$/.test(prev) && !boundary && p !== firstContent && !underHeading) return undefined;
    if (beforeDateline(layout, i)) return undefined;
    return { line: i, level: 2, title: cleanText(t) };
  }
  return undefined;
}

function firstWord(t: string): string {
  const space = t.search(/[ \t\u00a0]/);
  return space < 0 ? t : t.slice(0, space);
}

// A time of day in a line makes it a time stamp (`END 2:58 P.M. EDT`), not a heading.
const CLOCK_TIME = /\b\d{1,2}[:.]\d{2}[ \t\u00a0]*[AaPp]\.?[Mm]\b/;

/** ALL-CAPS headings may hold numbers and commas (`ASSEMBLY ADOPTS 37 RESOLUTIONS`, `… H.R. 1964, RURAL …`). */
function capsHeading(t: string): boolean {
  const words = t.split(/[ \t\u00a0]+/);
  return t.length >= 2 && t.length <= 150 && words.length <= 18 && /^\p{Lu}/u.test(t) && !/[.;:!?]$/.test(t) && !/[“”"[\]]|--/.test(t)
    && /\p{L}{3}/u.test(t) && !isMasthead(t) && !CLOCK_TIME.test(t) && !SENTENCE_STARTERS.has(words[0].toLowerCase());
}

/** A heading in capitals wrapped at a comma or mid-phrase goes on on the next line (listed as a line of its own). */
function capsContinuation(layout: Layout, i: number, t: string): Pick<Candidate, 'continuation' | 'title'> | undefined {
  if (!/(?:,|\b(?:OF|THE|AND|FOR|TO|IN|ON|WITH|BY))$/.test(t)) return undefined;
  const j = i + 1;
  if (j >= layout.lines.lineCount) return undefined;
  const next = layout.lines.line(j).trim();
  if (!next || !isAllCaps(next) || !capsHeading(next)) return undefined;
  return { continuation: [j], title: cleanText(`${t} ${next}`) };
}

/** Heading shape for a line standing alone: short, starting with a capital, not a sentence, a label or a time. */
function standaloneHeading(t: string): boolean {
  const words = t.split(/[ \t\u00a0]+/);
  if (words.length > 12 || t.length > 100 || !/^[\p{Lu}\d]/u.test(t) || /[.,;:!?—–-]$/.test(t)) return false;
  if (/^[[(].*[\])]$/.test(t) || /^[^\p{L}]*$/u.test(t) || !/\p{L}{3}/u.test(t)) return false;
  if (isMasthead(t) || DATE_ONLY.test(t) || TIME_ONLY.test(t) || /^\d{1,2}[.:]\d{2}\b/.test(t) || CLOCK_TIME.test(t)) return false;
  if (SENTENCE_STARTERS.has(words[0].toLowerCase()) || SPEECH_WORDS.test(t) || /[.,;:]\d{1,2}$/.test(t)) return false;
  return !isField(t) && lineShape(t) !== 'prose';
}

/** `IN THE CHAIR: MARTA ZIELIŃSKA` / `Vice-President`: the chair's office under the chair's name. */
function afterChairLine(layout: Layout, i: number): boolean {
  const p = previousLine(layout, i);
  return p >= 0 && p === i - 1 && /^IN THE CHAIR\b/.test(layout.lines.line(p).trim());
}

/** The nearest line above with text on it, past blank lines and furniture. */
function previousLine(layout: Layout, i: number): number {
  let p = i - 1;
  while (p >= 0 && (layout.furniture[p] || !layout.lines.line(p).trim())) p--;
  return p;
}

/** Blank lines (or the text's edge) above and below: a heading printed as a paragraph of its own. */
function standsAlone(layout: Layout, i: number): boolean {
  const { lines } = layout;
  const blank = (j: number) => j < 0 || j >= lines.lineCount || !lines.line(j).trim();
  return blank(i - 1) && blank(i + 1);
}

/** The line after a UN document's cover: `Original: English`, then perhaps the job number and the barcode. */
function afterDocumentCover(layout: Layout, i: number): boolean {
  const { lines } = layout;
  for (let j = i - 1, k = 0; j >= 0 && k < 4; j--) {
    const p = lines.line(j).trim();
    if (!p) continue;
    k++;
    if (/^Original:[ \t\u00a0]*\p{Lu}\p{Ll}+$/u.test(p)) return true;
    if (!/^\d{2}-\d{5}\b|^\*\d{5,}\*$/.test(p)) return false;
  }
  return false;
}

const CONTACTS = /^(?:Contacts?|Media (?:contacts?|enquiries|inquiries|relations)|For (?:more|further) information(?: contact)?|Enquiries|Inquiries)[ \t\u00a0]*:?$/i;

function underContacts(layout: Layout, i: number): boolean {
  for (let j = i - 1, k = 0; j >= 0 && k < 5; j--) {
    const p = layout.lines.line(j).trim();
    if (!p) continue;
    if (CONTACTS.test(p)) return true;
    if (p.length > 60) return false;
    k++;
  }
  return false;
}

/** After a blank line, with a line of text under it that is not another numbered line: the head of a block. */
function opensBlock(layout: Layout, i: number): boolean {
  const { lines } = layout;
  if (i > 0 && lines.line(i - 1).trim()) return false;
  const next = i + 1 < lines.lineCount ? lines.line(i + 1).trim() : '';
  return next !== '' && !/^\d{1,3}(?:\.\d{1,2})*\.?[ \t\u00a0]/.test(next);
}

function looksLikeHeadingLine(t: string, maxWords: number): boolean {
  if (t.length < 2 || t.length > 90 || /\d/.test(t) || /[.,;:!?—–-]$/.test(t)) return false;
  if (!/^\p{Lu}/u.test(t) || /[“”"()[\]]/.test(t)) return false;
  const words = t.split(/[\s\u00a0]+/);
  return words.length <= maxWords && !SENTENCE_STARTERS.has(words[0].toLowerCase());
}

function isTitleCase(t: string): boolean {
  const words = t.split(/[\s\u00a0]+/).filter((w) => /\p{L}/u.test(w));
  return words.length > 0 && words.every((w, k) => (k > 0 && SMALL_WORDS.has(w.toLowerCase())) || /^[\p{Lu}\d]/u.test(w));
}

// Agenda items are noun phrases; a speech cut off before the next label (`My country … will continue to defend
// those`) has pronouns and finite verbs.
// Stage directions (`… and some other hon. Members then left the House`) have verbs too.
const SPEECH_WORDS = /\b(?:I|we|my|our|us|me|you|your|he|she|they|will|would|must|should|can|could|is|are|was|were|has|have|had|remains?|continues?|believes?|then|left|walked|withdrew|interjecting)\b/;
// Procedure recorded on a line of its own is no heading: `Moved by Lord Lloyd of Berwick`, `Question agreed to.`,
// `Amendment 60 withdrawn.`, `Bill read a third time.`, `Motion negatived`.
export const PROCEDURAL = /^(?:Moved by\b.*|That\b.*|IN THE CHAIR\b.*|Division No\.? \d{1,4}\]?|\[?(?:THE |The )?[^\]\n]{2,60} in the Chair\]?|(?:Question|Motion|Amendments?|Bill|Clauses?|Schedule|Resolution|Report|Division)\b[^.:]{0,100}?\b(?:put|agreed(?: to)?|negatived|withdrawn|disagreed|carried|lost|defeated|adopted|not moved|read(?: a| the)? (?:first|second|third) time(?: and passed)?)\.?|(?:Agreed to|Motion agreed to|Question agreed to)\.?)$/;

/**
 * Verbatim records print agenda items and procedural headings as a block of short lines between a finished sentence
 * and the President's first label (`The situation in the Middle East` / `Letter dated …` / `The President: …`).
 */
function startsRecordHeading(layout: Layout, i: number, labelLines: ReadonlySet<number>): boolean {
  const { lines, furniture } = layout;
  const t = lines.line(i).trim();
  // A line ending in a dash is a stage direction (`Opposition members interjecting—`) or a cut-off sentence.
  if (t.length > 90 || !/^\p{Lu}/u.test(t) || /[.,;:—–-]$/.test(t)) return false;
  let p = i - 1;
  while (p >= 0 && (furniture[p] || !lines.line(p).trim())) p--;
  if (p < 0 || !/[.!?”"]$/.test(lines.line(p).trim())) return false;
  let block = t;
  for (let j = i + 1, k = 0; j < lines.lineCount && k < 7; j++) {
    if (furniture[j]) continue;
    const s = lines.line(j).trim();
    if (!s) continue;
    if (labelLines.has(j) || /^The agenda was adopted\.$/.test(s)) return !SPEECH_WORDS.test(block);
    if (s.length > 90 || /[.,;:]$/.test(s)) return false;
    block += ` ${s}`;
    k++;
  }
  return false;
}

/**
 * An agenda heading that wraps: `The situation in the Middle East, including the` / `Palestinian question`, or
 * `Expression of welcome to the new members` / `of the Security Council …`. A next line in capitals after a complete
 * phrase is a sub-title (`Upholding the United Nations Charter`) and stays out.
 */
function wrappedHeading(layout: Layout, i: number): string {
  const { lines, furniture } = layout;
  let title = lines.line(i).trim();
  for (let j = i + 1, k = 0; j < lines.lineCount && k < 3; j++) {
    if (furniture[j]) continue;
    const next = lines.line(j).trim();
    const continues = /^\p{Ll}/u.test(next) || /\b(?:the|of|and|to|for|in|on|including|between|from|concerning|regarding)$/i.test(title);
    if (!next || !continues || /[.:;]$/.test(next) || /\(/.test(title)) break;
    title += ` ${next}`;
    k++;
  }
  return title;
}

/** Markdown bold or bold-italic at the start of a line; the closing marker may sit on a later line. */
function emphasisHeading(layout: Layout, i: number, marker: string): Candidate | undefined {
  const { lines } = layout;
  const first = lines.line(i);
  const open = first.indexOf(marker);
  let joined = first.slice(open + marker.length);
  let close = joined.indexOf(marker.slice(0, 2));
  let last = i;
  while (close < 0 && last + 1 < lines.lineCount && last - i < 4) {
    const next = lines.line(last + 1);
    if (!next.trim()) return undefined;
    last++;
    joined += ' ' + next;
    close = joined.indexOf(marker.slice(0, 2));
  }
  if (close <= 0) return undefined;
  const title = cleanText(joined.slice(0, close).replace(/[*_]+$/, ''));
  if (!title || title.length > 200) return undefined;
  const after = joined.slice(close).replace(/^[*_]+/, '').trim();
  const nextBlank = last + 1 >= lines.lineCount || !lines.line(last + 1).trim();
  const standalone = after === '' || /^[.:]$/.test(after);
  const level = marker === '***' || (standalone && nextBlank && last === i) ? 1 : 2;
  return { line: i, level, title, lastLine: last };
}

/** `Sec. 3.` with its title `Funding.` on the next line, or `Sec. 2.  UNHRC and UNESCO` / `Participation.`. */
function legalTitle(layout: Layout, i: number): string {
  const { lines } = layout;
  const t = cleanText(lines.line(i));
  if (/\.$/.test(t) && !/^\S+\s+\d+[A-Za-z]?\.$/.test(t)) return t;
  const next = i + 1 < lines.lineCount ? cleanText(lines.line(i + 1)) : '';
  const dot = next.indexOf('.');
  if (dot > 0 && dot < 60) return `${t} ${next.slice(0, dot + 1)}`;
  return t;
}

function upToPeriod(t: string, from: number): string {
  const dot = t.indexOf('.', Math.max(from, 1));
  if (dot > 0 && dot < 100 && (dot + 1 >= t.length || /\s/.test(t[dot + 1]))) return t.slice(0, dot + 1);
  return t;
}

function countRepeats(layout: Layout): Map<string, number> {
  const counts = new Map<string, number>();
  const { lines } = layout;
  for (let i = 0; i < lines.lineCount; i++) {
    const c0 = lines.text.charCodeAt(lines.start(i));
    if ((c0 >= 97 && c0 <= 122) || lines.end(i) - lines.start(i) > 100) continue;
    const t = lines.line(i).trim();
    if (t && t.length <= 90) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  return counts;
}

function finish(layout: Layout, found: Candidate[]): Section[] {
  const { lines } = layout;
  const sections: Section[] = found.map((c) => ({
    title: c.title,
    level: c.level,
    range: { start: lines.start(c.line), end: lines.end(c.line) },
    end: lines.text.length,
    ...(c.continuation?.length ? { continuation: c.continuation.map((l) => ({ start: lines.start(l), end: lines.end(l) })) } : {}),
  }));
  // Each section ends where the next one of the same or a higher level starts: a stack keeps this linear.
  const open: Section[] = [];
  for (const s of sections) {
    while (open.length && open[open.length - 1].level >= s.level) open.pop()!.end = s.range.start;
    open.push(s);
  }
  return sections;
}
