// Speaker labels at the start of a line: `Mr. Nebenzia (Russian Federation) (spoke in\nRussian):`, `The President:`,
// `PRESIDENT BIDEN:`, `HON.  P.  POKINO:`. Labels may wrap, so the patterns allow line breaks inside them.
import type { Layout } from './layout';
import { HONORIFIC } from './people';

export type LabelForm = 'honorific' | 'role' | 'caps' | 'title';

export interface Label {
  form: LabelForm;
  /** The introducing string: honorific + name, `The President`, `PRESIDENT BIDEN`. */
  surface: string;
  start: number;
  labelEnd: number;
  country?: string;
  language?: string;
}

const SP = String.raw`[ \t\u00a0]`;
const NAME_TOKEN = String.raw`(?:\p{Lu}[\p{L}\p{M}’'.\-\u2011]*|de|da|di|del|della|van|von|der|den|bin|ibn|al|el|le|la|du|dos|das|y)`;
const LANGUAGE = String.raw`\(\s*(?:spoke|speaking|interpretation from|interpreted from)(?:\s+in)?\s+(\p{Lu}\p{Ll}+)\s*\)`;
const HONORIFIC_LABEL = new RegExp(
  String.raw`(${HONORIFIC}\.?${SP}+${NAME_TOKEN}(?:${SP}+${NAME_TOKEN}){0,5})(?:\s*\(([^():]{1,90})\))?(?:\s*${LANGUAGE})?\s*:(?=\s|$)`, 'uy');
const ROLE = String.raw`(?:Acting |Temporary |Deputy |Vice[-\u2011 ]|Co[-\u2011])?(?:President|Secretary[-\u2011]General|Chair|Chairman|Chairperson|Chairwoman|Speaker|Presiding Officer|Moderator|Spokesperson|Rapporteur|Prime Minister|Minister|Clerk|High Commissioner|Special Envoy|Special Representative)`;
const ROLE_LABEL = new RegExp(String.raw`((?:The|THE)${SP}+${ROLE})(?:\s*${LANGUAGE})?\s*:(?=\s|$)`, 'uy');
const CAPS_WORD = String.raw`\p{Lu}[\p{Lu}\p{M}’'.\-\u2011]*`;
const CAPS_LABEL = new RegExp(String.raw`(${CAPS_WORD}(?:${SP}+${CAPS_WORD}){0,5})${SP}*:(?=\s|$)`, 'uy');
// White House briefings write a question as `Q    Thank you` (no colon) or `Q:  …`.
const QUESTION_LABEL = /(Q)(?::[ \t\u00a0]|[ \t\u00a0]{2,}|\t)(?=\S)/y;
const TITLE_LABEL = new RegExp(
  String.raw`((?:President|Vice President|Prime Minister|Deputy Prime Minister|Foreign Minister|Secretary|Ambassador|Senator|Minister|Chancellor|Governor|Speaker|Chairman|Chairwoman|Representative|Director|General|Admiral|Commissioner|Mayor|Administrator|Leader)${SP}+\p{Lu}[\p{L}’'\-]+(?:${SP}+\p{Lu}[\p{L}’'\-]+)?)${SP}*:(?=\s|$)`, 'uy');

// ALL-CAPS words that end in a colon without being anybody: memo headers, vote lists, datelines.
const NOT_SPEAKERS = new Set(['NOTE', 'NOTES', 'SOURCE', 'SOURCES', 'SUBJECT', 'DATE', 'TO', 'FROM', 'RE', 'CC', 'ANNEX',
  'AGENDA', 'WHEREAS', 'PRESENT', 'ABSENT', 'IN FAVOUR', 'IN FAVOR', 'AGAINST', 'ABSTAINING', 'ABSTENTIONS', 'YES', 'NO',
  'AYES', 'NOES', 'CONTACT', 'MEDIA CONTACT', 'UPDATE', 'BACKGROUND', 'SUMMARY', 'LOCATION', 'TIME', 'WHAT', 'WHEN',
  'WHERE', 'WHO', 'WHY', 'HOW', 'FACT SHEET', 'EMBARGOED', 'FOR IMMEDIATE RELEASE', 'ATTENTION', 'WARNING', 'IMPORTANT',
  'PS', 'P.S.', 'NB', 'N.B.', 'TEL', 'FAX', 'EMAIL', 'E-MAIL', 'URL', 'AM', 'PM', 'EDT', 'EST', 'GMT', 'UTC']);

export function findLabels(text: string, layout: Layout): Label[] {
  const { lines, furniture } = layout;
  const out: Label[] = [];
  for (let i = 0; i < lines.lineCount; i++) {
    if (furniture[i]) continue;
    const start = lines.start(i);
    const c = text.charCodeAt(start);
    // Every label starts with a capital letter; checking the first character keeps this loop cheap.
    if (!(c >= 65 && c <= 90) && c < 0xc0) continue;
    const label = matchLabel(text, start);
    if (label) out.push(label);
  }
  return out;
}

function matchLabel(text: string, start: number): Label | undefined {
  let m = exec(ROLE_LABEL, text, start);
  if (m) return { form: 'role', surface: m[1], start, labelEnd: start + m[0].length, language: m[2] };
  m = exec(HONORIFIC_LABEL, text, start);
  if (m) return { form: 'honorific', surface: m[1], start, labelEnd: start + m[0].length, country: m[2], language: m[3] };
  m = exec(CAPS_LABEL, text, start);
  if (m && isCapsSpeaker(m[1])) return { form: 'caps', surface: m[1], start, labelEnd: start + m[0].length };
  m = exec(TITLE_LABEL, text, start);
  if (m) return { form: 'title', surface: m[1], start, labelEnd: start + m[0].length };
  m = exec(QUESTION_LABEL, text, start);
  if (m) return { form: 'caps', surface: m[1], start, labelEnd: start + m[0].length };
  return undefined;
}

function exec(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

function isCapsSpeaker(s: string): boolean {
  const words = s.replace(/[ \t\u00a0]+/g, ' ').trim();
  if (words === 'Q') return true;
  if (NOT_SPEAKERS.has(words.replace(/[.:]$/, ''))) return false;
  return (words.match(/\p{Lu}/gu) ?? []).length >= 2 && !/^[\d\W]+$/.test(words);
}
