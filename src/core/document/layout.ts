// What kind of page the text came from: hard-wrapped or one paragraph per line, and which lines are page furniture.
import { LineIndex } from './lineIndex';

export interface Layout {
  lines: LineIndex;
  /**
   * Non-zero where a line is not text: 1 for page furniture (a running header or footer, a page number, a job or
   * barcode number, a web page's or a transcription service's furniture), 2 for a division list (its title and
   * the names under it).
   */
  furniture: Uint8Array;
  /** Hard-wrapped (PDF text, transcripts at 72 columns) rather than one paragraph per line. */
  wrapped: boolean;
}

// Running headers of UN records carry the symbol and the date (`S/PV.8700 The situation … 10/01/2020`, or mirrored
// on even pages; General Assembly records may omit the title: `A/79/PV.6 24/09/2024`); footers carry the page and
// the job number, often glued (`20-008063/12`) or with a U+0008 between.
const FURNITURE: RegExp[] = [
  /^[A-Z]{1,6}\/[\w./-]+(?: \([^)]{1,20}\))?(?: .{0,200})? \d{2}\/\d{2}\/\d{4}$/,
  /^\d{2}\/\d{2}\/\d{4}(?: .{0,200})? [A-Z]{1,6}\/[\w./-]+(?: \([^)]{1,20}\))?$/,
  /^\d{1,4}\/\d{1,4}[\u0008\s]*\d{2}-\d{5}$/,
  /^\d{2}-\d{5}[\u0008\s]*\d{1,4}\/\d{1,4}$/,
  /^\d{2}-\d{5}[\u0008\s]*\([A-Z]\)$/,
  /^\*\d{5,}\*$/,
  /^Page \d{1,5}(?: of \d{1,5})?$/i,
  /^[-–]?\s*\d{1,5}\s*[-–]?$/,
];
// Web pages and transcription services add their own lines: `Source: New Zealand Parliament – Hansard`, `Link to
// this: Individually | In context`, `• Printer-friendly version`, `START OF DAY`, `Take: 375`, a `.doc` file name.
// A site's name (`GOV.UK`) and its breadcrumbs (`Home  International  Foreign affairs`, `Home > News`) too.
const SERVICE_FURNITURE = /^(?:[A-Z0-9-]{2,}(?:\.[A-Z]{2,3}){1,2}$|Home(?:[ \t\u00a0]{2,}|[ \t\u00a0]*[>›»/|][ \t\u00a0]*)\S|Source:|Post sponsored by|Sponsored by|Link to this:|Share this|Skip to (?:main )?content|[^|\n]{1,40}(?: \| [^|\n]{1,40}){2,}$|(?:[•*][ \t\u00a0]*)?Printer-friendly version|[•»·|_*]+$|(?:START|END) OF (?:DAY|TAKE|TAPE|SITTING)$|.*\bTake:[ \t]*\d{1,5}$|.*\[Take-?\d{1,5}\]"?$|.*\.doc"?$)/i;
// The title page of a US congressional hearing (GPO): its serial number, the lines of the form `BEFORE THE` / `UNITED
// STATES SENATE` / `ONE HUNDRED EIGHTEENTH CONGRESS` / `SECOND SESSION`, the printer's imprint and job number.
const GPO_FURNITURE = /^(?:[SH]\.[ \u00a0]?Hrg\.[ \u00a0]?\d{2,3}-\d{1,4}|Serial No\.[ \u00a0]?\d{2,3}-\d{1,4}|BEFORE THE|UNITED STATES SENATE|HOUSE OF REPRESENTATIVES|(?:ONE HUNDRED(?: AND)? )?(?:[A-Z]+-)?(?:[A-Z]+TH|FIRST|SECOND|THIRD) CONGRESS|(?:FIRST|SECOND|THIRD) SESSION|U\.S\. GOVERNMENT (?:PUBLISHING|PRINTING) OFFICE|Printed for the use of the .{4,80}|Available (?:via|on|at) .{0,30}(?:World Wide Web|www\.|https?:).*|\d{2}-\d{3}(?:[ \u00a0]?PDF)?[ \u00a0]+WASHINGTON[ \u00a0]?:[ \u00a0]?\d{4}|=+|_+|-{4,})$/;
// Division lists of Westminster parliaments: a title, then names, one or several a line (`Afriyie, Adam`,
// `Addington, L.`, `Wells, A. S.<TAB>Wilkie, A. D.`, `Allen (Welland)<TAB>Andrews`, a teller starred: `Burkett, T.*`);
// voters, never speakers.
// Holyrood's `For` / `Against` / `Abstentions` and Ireland's `Tá` / `Níl` are list titles only above names.
const LIST_TITLE = /^(?:AYES|NOES|CONTENTS|NOT-CONTENTS|NOT CONTENTS|YEAS|NAYS|PAIRS|PAIRED|TELLERS(?: FOR THE (?:AYES|NOES))?|Tellers for the (?:Ayes|Noes):?|TÁ|NÍL|Tá|Níl|For|Against|Abstentions)$/;
// The words that are list titles only above names; the capitals of Westminster titles are one even when empty.
const WORD_TITLE = /^(?:Tellers for the (?:Ayes|Noes):?|Tá|Níl|For|Against|Abstentions)$/;
const LIST_CELL = /^(?:\p{Lu}[\p{L}\p{M}'’.\-]*(?:[ \u00a0]+(?:\p{Lu}[\p{L}\p{M}'’.\-]*|of|de|van|von|rh|la|le|du))*(?:,[ \u00a0]*(?:rh[ \u00a0]+)?(?:\p{Lu}[\p{L}\p{M}'’.\-]*[ \u00a0]*){1,5})?(?:[ \u00a0]*\([^()\n]{1,80}\)){0,2}|\(Teller\)|Members|Nil)\*?(?:[ \u00a0]+and)?\.?$/u;
// Parliamentary records repeat the sitting date on every page.
const DATE_LINE = /^(?:\w+day,? )?\d{1,2}(?:st|nd|rd|th)? [A-Z][a-z]{2,8},? \d{4}$|^[A-Z][a-z]{2,8} \d{1,2},? \d{4}$/;

export function analyseLayout(text: string): Layout {
  const lines = new LineIndex(text);
  const n = lines.lineCount;
  const furniture = new Uint8Array(n);
  const dateLines = new Map<string, number[]>();
  let nonEmpty = 0;
  let long = 0;
  for (let i = 0; i < n; i++) {
    const raw = lines.line(i);
    const t = raw.trim();
    if (!t) continue;
    nonEmpty++;
    if (raw.length > 120) long++;
    const c0 = t.charCodeAt(0);
    if (t.length > 260 || (c0 >= 97 && c0 <= 122)) continue;
    if (FURNITURE.some((re) => re.test(t)) || (t.length <= 100 && (SERVICE_FURNITURE.test(t) || GPO_FURNITURE.test(t)))) furniture[i] = 1;
    else if (DATE_LINE.test(t)) {
      const list = dateLines.get(t) ?? [];
      list.push(i);
      dateLines.set(t, list);
    }
  }
  for (const list of dateLines.values()) {
    if (list.length >= 3) for (const i of list) furniture[i] = 1;
  }
  // Division lists are many short lines of names in records that are one paragraph per line: not text.
  nonEmpty -= markDivisionLists(lines, furniture);
  return { lines, furniture, wrapped: nonEmpty > 0 && long / nonEmpty < 0.1 };
}

/** Marks division lists; returns how many non-empty lines they hold. */
function markDivisionLists(lines: LineIndex, furniture: Uint8Array): number {
  let marked = 0;
  for (let i = 0; i < lines.lineCount; i++) {
    // Titles are one or two words: most lines are ruled out by their length alone.
    if (lines.end(i) - lines.start(i) > 24 || !LIST_TITLE.test(lines.line(i).trim())) continue;
    let j = i + 1;
    let names = 0;
    for (; j < lines.lineCount; j++) {
      const t = lines.line(j).trim();
      if (!t) continue;
      const cells = t.split(/\t|[ \u00a0]{2,}/).map((c) => c.trim()).filter(Boolean);
      const title = LIST_TITLE.test(t);
      // `The Presiding Officer` after the list is the chair speaking again, not a voter.
      if (!title && !cells.every((c) => c.length <= 80 && LIST_CELL.test(c) && !/^The\s/.test(c))) break;
      if (!title) names++;
      furniture[j] = 2;
      marked++;
    }
    // A word such as `For` with no name under it is text, not a list.
    if (names || !WORD_TITLE.test(lines.line(i).trim())) {
      furniture[i] = 2;
      marked++;
    } else {
      for (let k = i + 1; k < j; k++) if (furniture[k] === 2) { furniture[k] = 0; marked--; }
    }
    i = j - 1;
  }
  return marked;
}
