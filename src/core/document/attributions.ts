// Speakers named inside running text, as meetings coverage writes them: `Mr. STEINER said`,
// `ANTÓNIO GUTERRES, Secretary‑General of the United Nations, said`, `The representative of France said`,
// `“…,” Szilvia Balázs (Hungary), Committee Rapporteur, said.`
import { HONORIFIC } from './people';
import { anchoredMatches } from './scan';
import { countryOfAdjective } from './demonyms';

export interface Attribution {
  surface: string;
  issuer?: boolean;
  /** A person named with the office (`Council President Vanessa Frazier`): the name, when the surface is wider. */
  name?: string;
  start: number;
  /** End of the whole attribution (`…, said`), for `label`. */
  labelEnd: number;
  country?: string;
  role?: string;
  /** For `The representative of France`: the delegation. */
  delegation?: string;
}

export const SPEECH_VERBS = String.raw`(?:said|says|stated|stressed|noted|added|emphasi[sz]ed|underscored|underlined|highlighted|urged|called|welcomed|expressed|voiced|observed|pointed|recalled|reiterated|asked|warned|declared|agreed|disagreed|explained|described|cited|outlined|announced|reported|argued|affirmed|reaffirmed|insisted|maintained|acknowledged|commended|condemned|deplored|regretted|lamented|echoed|questioned|proposed|suggested|recommended|told|briefed|introduced|concluded|spoke|went on|continued|cautioned|contended|remarked|indicated|reminded|requested|applauded|praised|thanked|congratulated|drew|shared|raised|encouraged|appealed|asserted|claimed|rejected|supported|pledged|hoped|recogni[sz]ed|hailed|denounced|critici[sz]ed|presented|informed|detailed|spotlighted|underlined|began|opened|put forward|moved|tabled)`;

const NAME_WORD = String.raw`(?:\p{Lu}[\p{L}\p{M}’'\-\u2011]+|de|van|von|da|bin|ibn|al|del|der|dos)`;
// Meetings coverage capitalises surnames but keeps the lower-case part of a prefix: `DiCARLO`, `McLEOD`.
const CAPS_NAME_WORD = String.raw`(?:\p{Lu}\p{Ll}{1,2})?\p{Lu}[\p{Lu}\p{M}’'\-\u2011]+`;
const CAPS_SURNAME_WORD = String.raw`(?:\p{Lu}\p{Ll}{1,2})?\p{Lu}{2,}[\p{Lu}\p{M}’'\-\u2011]*`;
// An optional delegation in brackets, then an optional apposition (`, Secretary‑General of the United Nations,`).
const TAIL = String.raw`(?:[ \u00a0]*\(([^()\n]{1,80})\))?(?:,[ \u00a0]([^.;:\n]{1,250}?),)?`;

const CAPS_SURNAME = new RegExp(
  String.raw`(?<![\p{L}\p{M}.])((?:Mr|Mrs|Ms|Dr|Sir|Dame)\.?[ \u00a0]+${CAPS_SURNAME_WORD}(?:[ \u00a0]${CAPS_SURNAME_WORD}){0,3})(?![\p{L}\p{M}])(?:${TAIL}[ \u00a0]+${SPEECH_VERBS}\b)?`, 'gu');
// At the start of a paragraph, or after an opening phrase (`Introducing the draft, KAREL VANDERPOOL (Netherlands)
// said`).
const CAPS_FULL_NAME = new RegExp(
  String.raw`(?:^|(?<=,[ \u00a0]))(${CAPS_NAME_WORD}(?:[ \u00a0](?:${CAPS_NAME_WORD}|\p{Lu}\.)){1,4})(?![\p{L}\p{M}])${TAIL}[ \u00a0]+${SPEECH_VERBS}\b`, 'gmu');
// Delegation names: `Côte d’Ivoire`, `Lao People’s Democratic Republic`, `Democratic Republic of the Congo`.
const COUNTRY = String.raw`\p{Lu}[\p{L}’'\-\u2011]*(?:[ \u00a0](?:\p{Lu}[\p{L}’'\-\u2011]*|d[’']\p{Lu}\p{L}+|and|of|the|da|de|del|du)){0,6}`;
const REPRESENTATIVE = new RegExp(
  String.raw`\b([Tt]he (?:representatives?|delegates?|observers?|speakers?) (?:of|for) (?:the )?(${COUNTRY}))(?:,[^.;:\n]{1,200}?,)?[ \u00a0]+${SPEECH_VERBS}\b`, 'gu');
const POSSESSIVE = new RegExp(
  String.raw`\b((\p{Lu}\p{Ll}+(?:[ \u00a0]\p{Lu}\p{Ll}+){0,3})[’']s (?:representative|delegate))(?:,[^.;:\n]{1,200}?,)?[ \u00a0]+${SPEECH_VERBS}\b`, 'gu');
const QUOTE_FIRST = new RegExp(
  String.raw`[,.!?…][ \u00a0]*[”"][ \u00a0]+((?:${HONORIFIC}\.?[ \u00a0]+)?\p{Lu}\p{Ll}[\p{L}\p{M}’'\-\u2011]*(?:[ \u00a0]${NAME_WORD}){0,3})${TAIL}[ \u00a0]+${SPEECH_VERBS}\b`, 'gu');
// The verb may come first after a quotation: `“…,” said the representative of Switzerland.`, `“…,” said Volker
// Türk, United Nations High Commissioner for Human Rights.` (a name needs its office, as in QUOTE_FIRST).
const OFFICE_HEAD = String.raw`United Nations|UN|Secretary|Under|Assistant|Deputy|Special|Executive|Director|President|Minister|Prime|Foreign|Ambassador|Permanent|High|Chair|Head|Chief|Coordinator|Envoy|Representative|Commissioner|Administrator|Spokes`;
const VERB_FIRST = new RegExp(
  String.raw`[,!?…][ \u00a0]*[”"][ \u00a0]+${SPEECH_VERBS}[ \u00a0]+((?:the|The) (?:representative|delegate|observer|speaker) (?:of|for) (?:the )?(${COUNTRY})|(${COUNTRY})[’']s (?:representative|delegate)|(?:Mr|Mrs|Ms|Dr)\.?[ \u00a0]+${CAPS_SURNAME_WORD}(?:[ \u00a0]${CAPS_SURNAME_WORD}){0,3}|\p{Lu}\p{Ll}[\p{L}\p{M}’'\-\u2011]*(?:[ \u00a0]${NAME_WORD}){1,3}(?=,[ \u00a0]+(?:the[ \u00a0]+)?(?:${OFFICE_HEAD})))(?![\p{L}\p{M}])(?:[ \u00a0]*\(([^()\n]{1,80})\))?`, 'gu');

// A named speaker with delegation and office in running text: `André Mernier (Belgium), the Committee Chairman,
// said`; `the Chilean representative said` (the delegation as an adjective or a name before the office).
const NAME_DELEGATION_ROLE = new RegExp(
  String.raw`(?<![\p{L}\p{M}])(\p{Lu}\p{Ll}[\p{L}\p{M}’'\-\u2011]*(?:[ \u00a0](?:\p{Lu}[\p{L}\p{M}’'\-\u2011]+|de|van|von|da|del|der|bin|al|ibn)){1,3})[ \u00a0]\(([^()\n]{2,60})\),[ \u00a0]+(?:the[ \u00a0]+)?([^.;:\n,]{2,120}),[ \u00a0]+${SPEECH_VERBS}\b`, 'gu');
const DELEGATION_FIRST = new RegExp(
  String.raw`\b([Tt]he (${COUNTRY}) (?:representative|delegate|observer))(?:,[^.;:\n]{1,200}?,)?[ \u00a0]+${SPEECH_VERBS}\b`, 'gu');

// Chairs and presidents named with their office: `Committee Chair Maria Theofili (Greece) opened the session and
// said`, `The Chair of the Committee, Maria Theofili (Greece), said`.
const OFFICE_WORDS = String.raw`(?:Chair|Chairman|Chairperson|Chairwoman|Co-Chair|Vice-Chair|Vice-Chairman|President|Vice-President|Rapporteur|Coordinator|Facilitator|Moderator)`;
// A person as running text writes one, in mixed case or (meetings coverage) in capitals: `Maria Theofili`,
// `DUBRAVKA HALAS`.
const PERSON = String.raw`(?:\p{Lu}\p{Ll}[\p{L}\p{M}’'\-\u2011]*(?:[ \u00a0](?:\p{Lu}[\p{L}\p{M}’'\-\u2011]+|de|van|von|da|del|der|bin|al|ibn)){1,3}|\p{Lu}{2}[\p{Lu}\p{M}’'\-\u2011]*(?:[ \u00a0]\p{Lu}{2}[\p{Lu}\p{M}’'\-\u2011]*){1,3})`;
const OFFICE_NAME_DELEGATION = new RegExp(
  String.raw`((?:[Tt]he[ \u00a0]+)?(?:\p{Lu}\p{Ll}+[ \u00a0]+){0,3}${OFFICE_WORDS}(?:[ \u00a0]+of[ \u00a0]+the[ \u00a0]+\p{Lu}[\p{L} ]{2,60}?)?)(?:,[ \u00a0]+|[ \u00a0]+)(${PERSON})[ \u00a0]\(([^()\n]{2,60})\),?[ \u00a0]+(?:[^.;:\n()]{0,60}?[ \u00a0]+)?${SPEECH_VERBS}\b`, 'gu');
// A message read out for its author: `Secretary-General António Guterres’s message`; the author speaks.
const MESSAGE_AUTHOR = new RegExp(
  String.raw`((?:(?:Under|Deputy|Assistant)[-\u2011 ])?Secretary[-\u2011]General|President|Prime Minister|High Commissioner|Special Envoy|Executive Director|Director[-\u2011]General)[ \u00a0]+(${PERSON})[’']s[ \u00a0]+(?:video[ \u00a0]+|written[ \u00a0]+)?message`, 'gu');

// The cover of a statement names who makes it: `Statement by` / `H.E. Ms. Leilani Tuivaga` / `Minister for Foreign
// Affairs …` on lines of their own, or `STATEMENT BY H.E. MS. ELENA VASQUEZ MORALES, MINISTER FOR FOREIGN AFFAIRS …`.
const EXCELLENCY = String.raw`(?:H\.[ \u00a0]?E\.|His[ \u00a0]+Excellency|Her[ \u00a0]+Excellency|HIS[ \u00a0]+EXCELLENCY|HER[ \u00a0]+EXCELLENCY)`;
const SPEAKER_NAME = String.raw`(?:${EXCELLENCY}[ \u00a0]+)?(?:${HONORIFIC}\.?[ \u00a0]+)?(?:\p{Lu}[\p{L}\p{M}’'\-\u2011.]*)(?:[ \u00a0](?:\p{Lu}[\p{L}\p{M}’'\-\u2011.]*|de|van|von|da|del|bin|al)){1,4}`;
const COVER_ISSUER = new RegExp(
  String.raw`(?:^|\n)[ \t\u00a0]*(?:Statement|STATEMENT|Remarks|REMARKS|Address|ADDRESS|Speech|SPEECH)[ \t\u00a0]+(?:by|BY)(?:[ \t\u00a0]*\n(?:[ \t\u00a0]*\n){0,3}[ \t\u00a0]*|[ \t\u00a0]+)(${SPEAKER_NAME})[ \t\u00a0]*(?:,[ \t\u00a0]*|\n(?:[ \t\u00a0]*\n){0,3}[ \t\u00a0]*)([A-Z][^\n,]{3,150}(?:,[^\n]{0,80})?)?`, 'gu');

// Press statements name who issues them: `The following statement was issued today by the Spokesperson for
// Secretary-General António Guterres:`.
const ISSUER = /\b(?:[Ss]tatement|[Nn]ote to [Cc]orrespondents|[Qq]uotes?|[Cc]omments?|[Rr]emarks)\s+(?:was\s+|were\s+)?(?:issued\s+(?:today\s+)?by|attributable\s+to|by(?=[^:\n]{5,200}:[ \t]*(?:\n|$)))\s+(?:the\s+)?((?:Deputy\s+)?Spokes(?:person|man|woman)\s+for\s+(?:the\s+)?(?:UN\s+|United Nations\s+)?Secretary[-\u2011]General(?:,?[ \u00a0]\p{Lu}\p{L}+(?:[ \u00a0]\p{Lu}\p{L}+){0,2})?|\p{Lu}[\p{L}\-\u2011]+(?:[ \u00a0](?:\p{Lu}[\p{L}\-\u2011]+|of|the|for|and)){0,8})/gu;

const NOT_NAMES = /^(?:The|This|That|These|Those|It|He|She|They|We|I|In|On|At|For|And|But|As|If|When|While|Some|Many|All|Another|Other|Such|Several)\b/;

// `Council President Vanessa Frazier`, `Security Council President, Pedro Comissário Afonso (Mozambique)`.
const ROLE_THEN_PERSON = new RegExp(String.raw`^(.*?\b(?:President|Chair(?:man|person|woman)?|Spokes(?:person|man|woman)(?: for (?:the )?(?:UN |United Nations )?Secretary[-\u2011]General)?|Secretary[-\u2011]General|Coordinator|Commissioner|Envoy|Representative|Director|Minister))[, \u00a0]+(${PERSON})$`, 'u');
// `…, Inés Carvallo Duarte (Argentina)`, `…, the Hon Daniel Ferraro MP`, `…, Senator the Hon Priya Natarajan`.
const AFTER_ISSUER = new RegExp(String.raw`^(?:,[ \u00a0]+(?:(?:the|Senator|Hon\.?|Dr\.?|Mr\.?|Ms\.?|Mrs\.?)[ \u00a0]+){0,3}(${PERSON})(?:[ \u00a0]+MP)?)?(?:[ \u00a0]*\(([^()\n]{2,60})\))?`, 'u');

/** The issuer of a press statement, with the name and delegation that may follow the office. */
function issuer(text: string, phrase: string, start: number, end: number): Attribution {
  const after = AFTER_ISSUER.exec(text.slice(start + phrase.length, start + phrase.length + 120));
  let surface = phrase;
  let labelEnd = end;
  const a: Attribution = { surface, start, labelEnd, issuer: true };
  if (after?.[0]) {
    if (after[1]) surface = text.slice(start, start + phrase.length + after[0].length).replace(/[ \u00a0]*\([^()]*\)$/, '');
    if (after[2]) a.country = after[2];
    labelEnd = Math.max(end, start + phrase.length + after[0].length);
  }
  // The Spokesperson for Secretary-General António Guterres speaks for him but is not him.
  const split = /^(?:Deputy )?Spokes/.test(surface) || after?.[1] ? null : ROLE_THEN_PERSON.exec(cleanFor(surface));
  if (split) {
    a.role = split[1];
    a.name = split[2];
  } else if (after?.[1]) {
    a.role = phrase;
    a.name = after[1];
  }
  return { ...a, surface, labelEnd };
}

const cleanFor = (s: string) => s.replace(/[\s\u00a0]+/g, ' ').trim();

export function findAttributions(text: string): Attribution[] {
  const out: Attribution[] = [];
  for (const m of text.matchAll(CAPS_SURNAME)) {
    // `MR CHAIRMAN:` style labels are handled as labels; a colon right after the name means one.
    if (text.startsWith(':', m.index + m[0].length)) continue;
    out.push({ surface: m[1], start: m.index, labelEnd: m.index + m[0].length, country: m[2], role: m[3] });
  }
  for (const m of text.matchAll(CAPS_FULL_NAME)) {
    const words = m[1].split(/[ \u00a0]/);
    if (words.filter((w) => w.length >= 3).length < 2) continue;
    out.push({ surface: m[1], start: m.index, labelEnd: m.index + m[0].length, country: m[2], role: m[3] });
  }
  for (const { index, match: m } of anchoredMatches(text, /\),[ \u00a0]/g, NAME_DELEGATION_ROLE, 140, 200)) {
    if (NOT_NAMES.test(m[1])) continue;
    out.push({ surface: m[1], start: index, labelEnd: index + m[0].length, country: m[2], role: m[3] });
  }
  for (const { index, match: m } of anchoredMatches(text, / (?:representative|delegate|observer)\b/g, DELEGATION_FIRST, 80, 260)) {
    // `the representative said` has no delegation; `The European Union representative` does.
    if (NOT_NAMES.test(m[2]) || /[’']s$/.test(m[2]) || /^(?:same|other|next|first|last|former|new|permanent|special|personal)$/i.test(m[2])) continue;
    out.push({ surface: m[1], start: index, labelEnd: index + m[0].length, delegation: countryOfAdjective(m[2]) });
  }
  for (const m of text.matchAll(REPRESENTATIVE)) {
    out.push({ surface: m[1], start: m.index, labelEnd: m.index + m[0].length, delegation: m[2] });
  }
  for (const { index, match: m } of anchoredMatches(text, /[’']s (?:representative|delegate)/g, POSSESSIVE, 60, 260)) {
    // `The European Union’s representative`: the article is not part of the delegation.
    const article = /^The[ \u00a0]+(?=\p{Lu})/u.exec(m[2])?.[0].length ?? 0;
    if (NOT_NAMES.test(m[2].slice(article))) continue;
    out.push({ surface: m[1], start: index, labelEnd: index + m[0].length, delegation: m[2].slice(article) });
  }
  for (const m of text.matchAll(QUOTE_FIRST)) {
    // Coverage attributes a quote with the speaker's delegation or office; a speech quoting `President Kennedy` does not.
    if (NOT_NAMES.test(m[1]) || !(m[2] || m[3])) continue;
    const start = m.index + m[0].indexOf(m[1], 1);
    out.push({ surface: m[1], start, labelEnd: m.index + m[0].length, country: m[2], role: m[3] });
  }
  for (const m of text.matchAll(VERB_FIRST)) {
    const start = m.index + m[0].lastIndexOf(m[1]);
    const delegation = m[2] ?? m[3];
    if (delegation && NOT_NAMES.test(delegation)) continue;
    // A named speaker's office follows the name: `said Volker Türk, United Nations High Commissioner …`.
    const role = delegation || /^(?:Mr|Mrs|Ms|Dr)\b/.test(m[1]) ? undefined : /^,[ \u00a0]+([^.;:\n]{3,200})/.exec(text.slice(m.index + m[0].length))?.[1];
    out.push({ surface: m[1], start, labelEnd: m.index + m[0].length, delegation, country: m[4], role });
  }
  for (const { index, match: m } of anchoredMatches(text, /\((?=[^()\n]{2,60}\))/g, OFFICE_NAME_DELEGATION, 180, 160)) {
    if (NOT_NAMES.test(m[2])) continue;
    const start = index + m[0].indexOf(m[2], m[1].length);
    out.push({ surface: m[2], start, labelEnd: index + m[0].length, country: m[3], role: m[1].replace(/^[Tt]he\s+/, '') });
  }
  for (const { index, match: m } of anchoredMatches(text, /[’']s (?:video |written )?message/g, MESSAGE_AUTHOR, 120, 30)) {
    const start = index + m[0].indexOf(m[2]);
    out.push({ surface: m[2], start, labelEnd: index + m[0].length, role: m[1] });
  }
  for (const { index, match: m } of anchoredMatches(text, /(?:Statement|STATEMENT|Remarks|REMARKS|Address|ADDRESS|Speech|SPEECH)[ \t\u00a0]+(?:by|BY)\b/g, COVER_ISSUER, 2, 320)) {
    const start = index + m[0].indexOf(m[1]);
    const role = m[2] && /\b(?:Minister|Secretary|President|Prime|Ambassador|Representative|Chair|Head|Leader|Director|Commissioner|Envoy|MINISTER|SECRETARY|PRESIDENT|PRIME|AMBASSADOR|REPRESENTATIVE)\b/.test(m[2]) ? m[2].trim() : undefined;
    out.push({ surface: m[1], start, labelEnd: start + m[1].length, issuer: true, name: m[1], role });
  }
  for (const { index, match: m } of anchoredMatches(text, /issued|attributable|[Ss]tatement by|Quotes? |Comments? |Remarks by/g, ISSUER, 40, 200)) {
    const start = index + m[0].lastIndexOf(m[1]);
    out.push(issuer(text, m[1], start, index + m[0].length));
  }
  out.sort((a, b) => a.start - b.start);
  const kept: Attribution[] = [];
  for (const a of out) {
    const last = kept[kept.length - 1];
    if (last && a.start < last.start + last.surface.length) continue;
    kept.push(a);
  }
  return kept;
}
