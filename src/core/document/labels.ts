// Speaker labels at the start of a line: `Mr. Nebenzia (Russian Federation) (spoke in\nRussian):`, `The President:`,
// `PRESIDENT BIDEN:`, `HON.  P.  POKINO:`. Labels may wrap, so the patterns allow line breaks inside them.
import type { Layout } from './layout';
import { HONORIFIC } from './people';
import { lineShape } from './front';

export type LabelForm = 'honorific' | 'role' | 'caps' | 'title' | 'name' | 'collective';

export interface Label {
  form: LabelForm;
  /** The introducing string: honorific + name, `The President`, `PRESIDENT BIDEN`. */
  surface: string;
  start: number;
  labelEnd: number;
  country?: string;
  language?: string;
  /** The office holder named in brackets after a role: `The DEPUTY SPEAKER (Ms Claydon):`. */
  holder?: string;
  /** The capacity a label gives after the name: `Karel Dvořák, President-in-Office of the Council. –`. */
  office?: string;
}

const SP = String.raw`[ \t\u00a0]`;
// `of` joins a peer's title to its place: `Lord Astley of Hever:`.
const NAME_TOKEN = String.raw`(?:\p{Lu}[\p{L}\p{M}’'.\-\u2011]*|de|da|di|del|della|van|von|der|den|bin|ibn|al|el|le|la|du|dos|das|y|of)`;
const LANGUAGE = String.raw`\(\s*(?:spoke|speaking|interpretation from|interpreted from)(?:\s+in)?\s+(\p{Lu}\p{Ll}+)\s*\)`;
// Parliaments stamp the time a member rose and the party: `Mr DUTTON (Dickson—Leader of the Opposition) (14:02):`,
// `Mr FORRESTER (Mallee) (2.09 p.m.)—`,
// `Douglas Ross (Highlands and Islands) (Con):`.
const TIME = String.raw`(?:${SP}*\(\d{1,2}[:.]\d{2}(?:${SP}?[ap]\.?m\.?)?\))?`;
const PARTY = String.raw`(?:${SP}*\(\p{Lu}[\p{L}&/ ]{0,12}\))?`;
// Fiji's Hansard ends a label with a full stop and a dash: `HON. C.J. SINGH.-`.
// Older Australian Hansards run the speech on after an em dash: `Mr Tanfield—What about the cables?`.
const END = String.raw`(?:(?:\s*:|\.[-–])(?=\s|$)|—(?=[\p{Lu}"“‘(]))`;
// The brackets may hold a long office: `Ms McBRIDE (Dobell—Assistant Minister for Mental Health and … Health) (17:09):`.
// Honorifics come in sequences (`The Hon.`, `Right Hon.`, `Rt Hon`, `Hon. Dr`).
// Kenya's Hansard puts the courtesy title in brackets: `Hon. (Ms.) Millie Achieng`, `Hon. (Dr.) Robert Kiprop`.
const HONORIFICS = String.raw`(?:(?:The|THE|Right|RIGHT|Rt\.?|RT\.?)${SP}+)?${HONORIFIC}\.?(?:${SP}+${HONORIFIC}\.?|${SP}+\((?:Ms|Mr|Mrs|Dr|Prof|Eng|Amb|Capt|Gen|Maj|Col|Lt)\.?\))?`;
const HONORIFIC_LABEL = new RegExp(
  String.raw`(${HONORIFICS}${SP}+${NAME_TOKEN}(?:${SP}+${NAME_TOKEN}){0,5})(?:\s*\((?!\s*(?:spoke|speaking|interpret))([^():]{1,200})\))?(?:\s*${LANGUAGE})?${TIME}${END}`, 'uy');
// The Senedd's chair is the Llywydd and its business manager the Trefnydd; Holyrood's committees have a Convener.
const ROLE = String.raw`(?:Acting |Temporary |Deputy |Vice[-\u2011 ]|Co[-\u2011])?(?:President|Secretary[-\u2011]General|Chair|Chairman|Chairperson|Chairwoman|Speaker|Presiding Officer|Moderator|Spokesperson|Rapporteur|First Minister|Prime Minister|Minister|Clerk|High Commissioner|Special Envoy|Special Representative|Llywydd|Trefnydd|Convener|Cabinet Secretary|Chief Whip|Counsel General|Leader of the House)`;
// A portfolio after the office: `The Cabinet Secretary for Health and Social Care`, `The Trefnydd and Chief Whip`.
const PORTFOLIO = String.raw`(?:,?${SP}+(?:for|of|and)${SP}+\p{Lu}[\p{L}’'\-]*(?:,?${SP}+(?:\p{Lu}[\p{L}’'\-]*|and|of|for|the|in|on)){0,10})?`;
// The office holder may follow in brackets (`The Acting Speaker (Mr. Barry Devolin):`), and a motion its verb
// (`The CHIEF WHIP OF THE MAJORITY PARTY moved:`).
const MOVED = String.raw`(?:${SP}+(?:moved|asked|replied|said))?`;
// The chairs of Ireland's houses: `An Ceann Comhairle:`, `An Leas-Cheann Comhairle:`, `An Cathaoirleach:`.
const IRISH_CHAIR = String.raw`An${SP}+(?:Leas-Cheann${SP}+Comhairle|Ceann${SP}+Comhairle|Leas-Chathaoirleach|Cathaoirleach)`;
// Singapore adds whom a Minister of State answers for: `(Ms Lim Hui Shan) (for the Minister for …):`.
const ROLE_LABEL = new RegExp(String.raw`((?:The|THE)${SP}+${ROLE}${PORTFOLIO}(?:${SP}+pro${SP}+tempore)?|${IRISH_CHAIR})(?:${SP}*\(([^():\n]{2,60})\)(?:${SP}*\((?:for|on${SP}+behalf${SP}+of)${SP}[^():\n]{2,100}\))?)?(?:\s*${LANGUAGE})?${TIME}${MOVED}\s*:(?=\s|$)`, 'uy');
// Hansards print the office in capitals after `The`, with the holder in brackets: `The SPEAKER:`, `The DEPUTY SPEAKER
// (Ms Claydon):`, `The SECRETARY of STATE for FOREIGN AFFAIRS (Mr. Michael Stewart):`.
const OFFICE_WORD = String.raw`\p{Lu}{2,}[\p{Lu}\-\u2011]*`;
// The office may list portfolios (`THE MINISTER OF PORTS, SHIPPING AND WATERWAYS (SHRI …):`); the US House writes
// `The SPEAKER pro tempore (Mr. Dunmore).`
const OFFICE_LABEL = new RegExp(
  String.raw`((?:The|THE)${SP}+${OFFICE_WORD}(?:,?${SP}+(?:of|for|and|the|${OFFICE_WORD})){0,8}(?<=\p{Lu})(?:${SP}+pro${SP}+tempore)?)(?:${SP}*\(([^():\n]{2,60})\))?${TIME}${MOVED}(?:(?:\s*:|\.(?=${SP}+\p{Lu}))(?=\s|$)|—(?=[\p{Lu}"“‘(]))`, 'uy');
// An office without an article, its holder in brackets: `Minister of State at the Department of Housing, Local
// Government and Heritage (Deputy Niall Brogan):`.
const OFFICE_HOLDER_LABEL = new RegExp(
  String.raw`((?:Minister|Minister of State|Secretary of State|Parliamentary Secretary|Taoiseach|Tánaiste|Attorney General|Leader of the House|Chief Whip|Cabinet Secretary)\b[^():\n]{0,140}?)${SP}*\(([^():\n]{2,60})\)${TIME}${SP}*:(?=\s|$)`, 'uy');

// The House of Lords' written questions name their author on a line of their own: `Asked by Lord Tennant of Kirkby`.
const ASKED_BY = new RegExp(String.raw`Asked${SP}+by${SP}+((?:${HONORIFIC}\.?${SP}+)?${NAME_TOKEN}(?:${SP}+${NAME_TOKEN}){0,5})[ \t\u00a0]*(?=\n|$)`, 'uy');
// A congressional hearing (GPO) opens an indented paragraph with the speaker and a full stop: `The Chairman. This
// hearing will come to order.`, `Senator Okafor. Thank you.`, `Ambassador Dubois. Chairman Whitaker, …`.
const HEARING_LABEL = new RegExp(String.raw`((?:The${SP}+(?:Acting${SP}+)?(?:Chairman|Chairwoman|Chair|Chairperson|Clerk))|(?:Senator|Ambassador|Secretary|General|Admiral|Governor|Representative|Administrator|Director|Commissioner|Chairman|Chairwoman|Mr\.|Ms\.|Mrs\.|Dr\.)${SP}+\p{Lu}[\p{Ll}’'\-]+(?:[\-${SP.slice(1, -1)}]\p{Lu}[\p{Ll}’'\-]+)?)\.(?=${SP}+\p{Lu})`, 'uy');
// Many members at once: `Some hon. members:`, `Hon. Members:`, `Opposition members:`.
// One unnamed member: `An HON MEMBER:`, `An hon. Member:`.
const COLLECTIVE_LABEL = new RegExp(String.raw`((?:(?:Some|Several|Many|All|Other|Opposition|Government)${SP}+)?(?:hon\.|Hon\.|honourable|Honourable|HON\.?)?${SP}*(?:[Mm]embers|MEMBERS|[Ss]enators|SENATORS)|(?:An|AN)${SP}+(?:hon\.|Hon\.|HON\.?|honourable|Honourable)${SP}+(?:[Mm]ember|MEMBER))${SP}*(?::(?=\s|$)|—(?=\p{Lu}))`, 'uy');
// `Members: No.`: the house answering with one voice (not a cover page's list of members, which has dot leaders).
const MEMBERS_REPLY = /(Members|MEMBERS):[ \t\u00a0]+(?=[^.\n]{1,24}[.!]?[ \t]*(?:\n|$))(?![^\n]*\. \.)/y;
// A numbered question on notice names the member and the minister asked: `1. NICOLA WILLIS (Deputy Leader—National)
// to the Prime Minister:`.
// Or in reported form: `1 Mr Gerald Tan Wei Ming asked the Minister for …`, `2. Ms Carron-Keogh asked the Minister …`,
// a topical question `T1. Mr O'Hanlon asked …`.
const NUMBERED_ASKED = new RegExp(
  String.raw`T?\d{1,3}\.?${SP}+(${HONORIFICS}${SP}+${NAME_TOKEN}(?:${SP}+${NAME_TOKEN}){0,5})(?:${SP}*\(([^()\n]{1,80})\))?(?=${SP}+asked${SP}+(?:the|whether|if|what|how|why|when)\b)`, 'uy');
const NUMBERED_QUESTION = new RegExp(
  String.raw`\d{1,3}\.${SP}+(\p{Lu}[\p{Lu}\p{M}’'\-\u2011]+(?:${SP}+\p{Lu}[\p{Lu}\p{M}’'\-\u2011]+){1,4})(?:${SP}*\(([^()\n]{1,80})\))?${SP}+to${SP}+the${SP}+[^:\n]{2,80}:(?=\s|$)`, 'uy');
// A member's name as written, with optional constituency and party (`Nicola Willis:`, `Douglas Ross (Highlands and
// Islands) (Con):`); trusted only in a record that has other labels (see findLabels).
// `Follett`, `Lees-Galloway`, `O'Rourke`, `McBride`.
// A capital inside a word only after a prefix (`McBride`), so that a name printed twice and glued
// (`Pat MoylanPat Moylan`) stays two words.
const NAME_WORD = String.raw`(?:\p{Lu}[’']\p{Lu}\p{Ll}+|(?:Mc|Mac|Fitz|De|Di|Da|Du|Le|La)\p{Lu}\p{Ll}+|\p{Lu}\p{Ll}+(?:[’'\-\u2011]\p{Lu}?\p{Ll}+)?)`;
// The Congressional Record: `Mr. HALVERSON. Mr. Speaker, …`, `Mr. KOWALCZYK of Texas. Mr. Speaker, …`; the
// Philippine Senate's record: `SEN. DELA PEÑA. Mr. President, …`.
const US_LABEL = new RegExp(
  String.raw`((?:Mr|Ms|Mrs|Miss|Dr|SEN|REP)\.${SP}+(?:Mc|Mac|De|Di|Van|Von)?\p{Lu}{2}[\p{Lu}\p{M}’'\-]*(?:${SP}+\p{Lu}{2}[\p{Lu}\p{M}’'\-]*)?(?:${SP}+of${SP}+\p{Lu}\p{Ll}+(?:${SP}+\p{Lu}\p{Ll}+)?)?)\.(?=${SP}+\p{Lu})`, 'uy');
// The European Parliament's verbatim report: `President. – `, `Karel Dvořák, President-in-Office of the Council. – `,
// `Anneli Rask (The Left), blue-card question. – `.
const DASH_LABEL = new RegExp(
  String.raw`((?:President|Vice-President)|${NAME_WORD}(?:${SP}+(?:${NAME_WORD}|de|van|von|der|da|del)){1,3})(?:${SP}*\(([^():\n]{1,40})\))?(?:,${SP}+([^.–\n]{2,100}?))?\.${SP}+[–—](?=${SP})`, 'uy');
const NAME_LABEL = new RegExp(
  String.raw`(${NAME_WORD}(?:${SP}+${NAME_WORD}){1,2})(?:${SP}*\(([^():\n]{1,60})\))?${PARTY}${SP}*:${SP}+(?=\S)`, 'uy');
const CAPS_WORD = String.raw`\p{Lu}[\p{Lu}\p{M}’'.\-\u2011]*`;
const CAPS_LABEL = new RegExp(String.raw`(${CAPS_WORD}(?:${SP}+${CAPS_WORD}){0,5})(?:${SP}*\(([^():\n]{1,80})\))?${TIME}(?:${SP}*:(?=\s|$)|\.[-–](?=\s))`, 'uy');
// White House briefings write a question as `Q    Thank you` (no colon) or `Q:  …`.
const QUESTION_LABEL = /(Q)(?::[ \t\u00a0]|[ \t\u00a0]{2,}|\t)(?=\S)/y;
const TITLE_LABEL = new RegExp(
  String.raw`((?:President|Vice President|Prime Minister|Deputy Prime Minister|Foreign Minister|Secretary|Ambassador|Senator|Minister|Chancellor|Governor|Speaker|Chairman|Chairwoman|Representative|Director|General|Admiral|Commissioner|Mayor|Administrator|Leader)${SP}+\p{Lu}[\p{L}’'\-]+(?:${SP}+\p{Lu}[\p{L}’'\-]+){0,3})(?:\s*\((?!\s*(?:spoke|speaking|interpret))([^():]{1,90})\))?(?:\s*${LANGUAGE})?${TIME}${SP}*:(?=\s|$)`, 'uy');

// ALL-CAPS words that end in a colon without being anybody: memo headers, vote lists, datelines.
const NOT_SPEAKERS = new Set(['NOTE', 'NOTES', 'SOURCE', 'SOURCES', 'SUBJECT', 'DATE', 'TO', 'FROM', 'RE', 'CC', 'ANNEX',
  'AGENDA', 'WHEREAS', 'PRESENT', 'ABSENT', 'IN FAVOUR', 'IN FAVOR', 'AGAINST', 'ABSTAINING', 'ABSTENTIONS', 'YES', 'NO',
  'AYES', 'NOES', 'CONTACT', 'MEDIA CONTACT', 'UPDATE', 'BACKGROUND', 'SUMMARY', 'LOCATION', 'TIME', 'WHAT', 'WHEN',
  'WHERE', 'WHO', 'WHY', 'HOW', 'FACT SHEET', 'EMBARGOED', 'FOR IMMEDIATE RELEASE', 'ATTENTION', 'WARNING', 'IMPORTANT',
  'PS', 'P.S.', 'NB', 'N.B.', 'TEL', 'FAX', 'EMAIL', 'E-MAIL', 'URL', 'AM', 'PM', 'EDT', 'EST', 'GMT', 'UTC', 'IN THE CHAIR',
  'EDITOR’S NOTE', "EDITOR'S NOTE", 'CORRECTION', 'ADVISORY', 'MEDIA ADVISORY', 'PRESS RELEASE', 'READ MORE']);

// Words that start headings, sentences and institutions (a wrapped `Security Council: …`) before a colon, never names.
const NOT_NAME_WORDS = /^(?:The|This|That|These|Those|Note|Notes|Source|Subject|Date|From|To|Re|Annex|Agenda|Summary|Update|Background|Contact|Question|Questions|Answer|Answers|Part|Section|Chapter|Article|Item|Example|Figure|Table|Key|Next|Step|Phase|Goal|Target|Result|Results|Action|Decision|Resolution|Motion|Amendment|Clause|In|On|At|For|And|But|As|If|When|While|We|Our|It|He|She|They|You|Your|My|His|Her|Their|Its|Today|Yesterday|Tomorrow|United|Security|General|Human|Economic|European|African|International|Member|Council|Assembly|Committee|Government|Republic|Secretary|Prime|Foreign|Special|Executive)\b/;

export function findLabels(text: string, layout: Layout): Label[] {
  const { lines, furniture } = layout;
  const out: Label[] = [];
  const names: Label[] = [];
  const hearing: Label[] = [];
  for (let i = 0; i < lines.lineCount; i++) {
    if (furniture[i]) continue;
    // The Congressional Record indents each paragraph by two spaces.
    let start = lines.start(i);
    for (let k = 0; k < 4 && (text.charCodeAt(start) === 32 || text.charCodeAt(start) === 9); k++) start++;
    const c = text.charCodeAt(start);
    if (c >= 48 && c <= 57) {
      const m = exec(NUMBERED_QUESTION, text, start);
      if (m) out.push({ form: 'caps', surface: m[1], start: start + m[0].indexOf(m[1]), labelEnd: start + m[0].length, country: m[2] });
      const asked = m ? null : exec(NUMBERED_ASKED, text, start);
      if (asked) out.push({ form: 'honorific', surface: asked[1], start: start + asked[0].indexOf(asked[1]), labelEnd: start + asked[0].length, country: asked[2] });
      continue;
    }
    // Every other label starts with a capital letter; checking the first character keeps this loop cheap.
    if (!(c >= 65 && c <= 90) && c < 0xc0) continue;
    const topical = c === 84 && /\d/.test(text[start + 1] ?? '') ? exec(NUMBERED_ASKED, text, start) : null;
    if (topical) {
      out.push({ form: 'honorific', surface: topical[1], start: start + topical[0].indexOf(topical[1]), labelEnd: start + topical[0].length, country: topical[2] });
      continue;
    }
    const label = matchLabel(text, start) ?? ownLineName(layout, i);
    const hearingLabel = !label && layout.wrapped && start - lines.start(i) >= 2 ? exec(HEARING_LABEL, text, start) : null;
    if (hearingLabel) {
      hearing.push({ form: 'title', surface: hearingLabel[1], start, labelEnd: start + hearingLabel[0].length });
      continue;
    }
    // A page title may start like a label: `NA: Debate on Use of Air Force Base Waterkloof by GUPTA Family: …`.
    if (label && !out.length && !names.length && isFirstLine(text, lines.start(i)) && titleAfter(text.slice(label.labelEnd, lines.end(i)))) continue;
    if (label) out.push(label);
    else {
      const name = matchName(text, start, lines.end(i));
      if (name) names.push(name);
    }
  }
  // One `Senator Okafor.` at a paragraph's start may be a sentence; a hearing has several.
  if (hearing.length >= 2) out.push(...hearing);
  out.push(...ownLineRepeats(layout, out));
  out.sort((a, b) => a.start - b.start);
  // A capitalised phrase before a colon is a speaker only where the text is a labelled record; elsewhere it is a
  // title (`Adapt Now: A Global Call`).
  if (out.length < 2 || !names.length) return out;
  return [...out, ...names].sort((a, b) => a.start - b.start);
}

function matchLabel(text: string, start: number): Label | undefined {
  let m = exec(ROLE_LABEL, text, start);
  if (m) return { form: 'role', surface: m[1], start, labelEnd: start + m[0].length, holder: m[2], language: m[3] };
  m = exec(ASKED_BY, text, start);
  if (m) return { form: 'title', surface: m[1], start: start + m[0].indexOf(m[1], 8), labelEnd: start + m[0].length };
  m = exec(COLLECTIVE_LABEL, text, start);
  if (m && /\p{L}/u.test(m[1]) && m[1].trim().split(/\s+/).length >= 2) return { form: 'collective', surface: m[1], start, labelEnd: start + m[0].length };
  m = exec(MEMBERS_REPLY, text, start);
  if (m) return { form: 'collective', surface: m[1], start, labelEnd: start + m[1].length + 1 };
  m = exec(OFFICE_HOLDER_LABEL, text, start);
  if (m) return { form: 'role', surface: m[1].trim(), start, labelEnd: start + m[0].length, holder: m[2] };
  m = exec(US_LABEL, text, start);
  if (m) return { form: 'honorific', surface: m[1], start, labelEnd: start + m[0].length };
  m = exec(DASH_LABEL, text, start);
  if (m && !NOT_NAME_WORDS.test(m[1])) {
    return { form: /^(?:Vice-)?President$/.test(m[1]) ? 'role' : 'name', surface: m[1], start, labelEnd: start + m[0].length, country: m[2], office: m[3] };
  }
  m = exec(HONORIFIC_LABEL, text, start);
  if (m) return { form: 'honorific', surface: m[1], start, labelEnd: start + m[0].length, country: m[2], language: m[3] };
  m = exec(OFFICE_LABEL, text, start);
  if (m && !NOT_SPEAKERS.has(m[1].replace(/^(?:The|THE)\s+/, '').toUpperCase())) {
    return { form: 'role', surface: m[1], start, labelEnd: start + m[0].length, holder: m[2] };
  }
  m = exec(CAPS_LABEL, text, start);
  if (m && isCapsSpeaker(m[1])) return { form: 'caps', surface: m[1], start, labelEnd: start + m[0].length, country: m[2] };
  m = exec(TITLE_LABEL, text, start);
  if (m) return { form: 'title', surface: m[1], start, labelEnd: start + m[0].length, country: m[2], language: m[3] };
  m = exec(QUESTION_LABEL, text, start);
  if (m) return { form: 'caps', surface: m[1], start, labelEnd: start + m[0].length };
  return undefined;
}

/** `Nicola Willis: Why …`: a name, then a sentence (a title after a colon has no closing punctuation). */
function matchName(text: string, start: number, lineEnd: number): Label | undefined {
  const m = exec(NAME_LABEL, text, start);
  if (!m || NOT_NAME_WORDS.test(m[1])) return undefined;
  const rest = text.slice(start + m[0].length, lineEnd).trim();
  if (rest.length < 100 && !/[.?!…”"’)]$/.test(rest)) return undefined;
  return { form: 'name', surface: m[1], start, labelEnd: start + m[0].length - (m[0].length - m[0].trimEnd().length), country: m[2] };
}

// A member's name on a line of its own, the speech on the next lines (House of Lords, web Hansards): a peer's title
// (`Lord Hunt of Wirral`, `Baroness Royall of Blaisdon`, `The Earl of Listowel`), or a name with a party or
// constituency (`Margaret Cox (Fianna Fail)`), the name printed twice where a photo's alt text is glued to it
// (`Photo of Mary O'RourkeMary O'Rourke (Fianna Fail)`).
const PEER = String.raw`(?:The${SP}+)?(?:Lord|Baroness|Lady|Baron|Viscount|Viscountess|Earl|Countess|Marquess|Duke|Duchess|Bishop|Archbishop|Lord${SP}+Bishop)(?:${SP}+of)?(?:${SP}+${NAME_WORD})(?:${SP}+(?:of|and)${SP}+${NAME_WORD}(?:${SP}+${NAME_WORD})?)?`;
// A member named with constituency and party (`Helen Marsh (Taunton and Wellington) (LD)`), or an office with its
// holder (`Madam Deputy Speaker (Joan Pemberton)`, `The Cabinet Secretary for Housing (Callum Reid)`).
const OWN_LINE_NAME = new RegExp(
  String.raw`^(?:Photo${SP}+of${SP}+)?(?:(${PEER})|(?!(?:The|Madam)${SP})((?:${HONORIFIC}\.?${SP}+)?${NAME_WORD}(?:${SP}+${NAME_WORD}){1,3})\2?${SP}*\(([^():\n]{2,60})\)(?:${SP}*\(([^():\n]{1,30})\))?|((?:The|Madam|Mr\.?)${SP}+(?:\p{Lu}[\p{L}\-]+${SP}+){0,5}?(?:Speaker|Presiding${SP}+Officer|Chair|Chairman|Deputy${SP}+Speaker|Secretary|Minister|Leader|Whip|Chancellor|Solicitor${SP}+General|Attorney${SP}+General|President)(?:${SP}+(?:of|for|to|at)${SP}+(?:the${SP}+)?(?:\p{Lu}[\p{L}\-]+(?:${SP}+(?:and|of|the)${SP}+|${SP}+)?){1,6})?)${SP}*\((\p{Lu}[^():\n]{2,50})\))[ \t\u00a0]*$`, 'u');

const OWN_LINE_START = /(?:The[ \t\u00a0]+)?(?:Lord|Baroness|Lady|Baron|Viscount|Viscountess|Earl|Countess|Marquess|Duke|Duchess|Bishop|Archbishop)\b/y;

function startsLikePeer(text: string, at: number): boolean {
  OWN_LINE_START.lastIndex = at;
  return OWN_LINE_START.test(text);
}

/** The speech follows: the next line of text (past furniture and blank lines) is a paragraph, not another short line. */
function speechFollows(layout: Layout, i: number): boolean {
  const { lines, furniture } = layout;
  for (let j = i + 1; j < lines.lineCount && j <= i + 6; j++) {
    if (furniture[j]) continue;
    const next = lines.line(j).trim();
    if (!next) continue;
    return next.length >= 40 || /[.?!…]$/.test(next);
  }
  return false;
}

function ownLineName(layout: Layout, i: number): Label | undefined {
  const { lines } = layout;
  const end = lines.end(i);
  if (end - lines.start(i) > 160) return undefined;
  // The name ends the line, or its party in brackets does: most lines of a record are ruled out here.
  let last = end - 1;
  while (last > lines.start(i) && /[ \t\u00a0]/.test(lines.text[last])) last--;
  if (lines.text[last] !== ')' && !startsLikePeer(lines.text, lines.start(i))) return undefined;
  const line = lines.line(i);
  const m = OWN_LINE_NAME.exec(line);
  if (!m || (m[2] && NOT_NAME_WORDS.test(m[2])) || !speechFollows(layout, i)) return undefined;
  const labelEnd = lines.start(i) + line.trimEnd().length;
  if (m[5]) return { form: 'role', surface: m[5].trim(), start: lines.start(i) + line.indexOf(m[5]), labelEnd, holder: m[6] };
  const surface = m[1] ?? m[2];
  // Where the name is printed twice, the second copy is the visible one.
  const at = lines.start(i) + line.lastIndexOf(surface, m[1] ? undefined : line.indexOf('('));
  return { form: m[1] ? 'title' : 'name', surface, start: at, labelEnd, country: m[4] ? `${m[3]}, ${m[4]}` : m[3] };
}

/**
 * A name or office on its own line that an own-line label already gave in full (`Helen Marsh` after `Helen Marsh
 * (Taunton and Wellington) (LD)`, `The Presiding Officer` after `The Presiding Officer (Elspeth Morrow)`).
 */
function ownLineRepeats(layout: Layout, labels: Label[]): Label[] {
  const known = new Set(labels.filter((l) => l.labelEnd > l.start + l.surface.length && lineIsOwn(layout, l)).map((l) => l.surface));
  if (!known.size) return [];
  const out: Label[] = [];
  const { lines } = layout;
  const taken = new Set(labels.map((l) => lines.lineOf(l.start)));
  for (let i = 0; i < lines.lineCount; i++) {
    if (taken.has(i) || layout.furniture[i] || lines.end(i) - lines.start(i) > 80) continue;
    const t = lines.line(i).trim();
    if (!known.has(t) || !speechFollows(layout, i)) continue;
    const start = lines.start(i) + lines.line(i).indexOf(t);
    const role = /^(?:The|Madam|Mr\.?)\s/.test(t) && !/^(?:Mr\.?)\s+\p{Lu}\p{Ll}+$/u.test(t);
    out.push({ form: role ? 'role' : 'name', surface: t, start, labelEnd: start + t.length });
  }
  return out;
}

/** The label fills its line (a name on its own line rather than `Name: text`). */
function lineIsOwn(layout: Layout, l: Label): boolean {
  const i = layout.lines.lineOf(l.start);
  return layout.lines.line(i).trimEnd().length <= l.labelEnd - layout.lines.start(i) && !/:\s*$/.test(layout.lines.line(i));
}

function isFirstLine(text: string, start: number): boolean {
  return !text.slice(0, start).trim();
}

/** The rest of a first line is a title (heading casing, six words or more, no closing punctuation), not speech. */
function titleAfter(rest: string): boolean {
  const t = rest.trim();
  return t.split(/[ \t\u00a0]+/).length >= 6 && !/[.?!…”"]$/.test(t) && lineShape(t) === 'heading';
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
