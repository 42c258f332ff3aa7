// What kind of page the text came from: hard-wrapped or one paragraph per line, and which lines are page furniture.
import { LineIndex } from './lineIndex';

export interface Layout {
  lines: LineIndex;
  /** 1 where a line is a running page header or footer, a page number or a job/barcode number. */
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
    if (FURNITURE.some((re) => re.test(t))) furniture[i] = 1;
    else if (DATE_LINE.test(t)) {
      const list = dateLines.get(t) ?? [];
      list.push(i);
      dateLines.set(t, list);
    }
  }
  for (const list of dateLines.values()) {
    if (list.length >= 3) for (const i of list) furniture[i] = 1;
  }
  return { lines, furniture, wrapped: nonEmpty > 0 && long / nonEmpty < 0.1 };
}
