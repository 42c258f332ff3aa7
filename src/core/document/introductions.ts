// Where texts introduce people in full: the cover page of a verbatim record, appositions (`Achim Steiner,
// Administrator of the United Nations Development Programme (UNDP)`), titles before names
// (`Secretary‑General António Guterres`) and parliamentary calls (`the Honourable Member Norman George`).
import type { Layout } from './layout';
import { HONORIFIC, PeopleRegistry, organisationOf } from './people';
import { cleanText } from './text';
import { anchoredMatches } from './scan';

const ROLE_HEAD = String.raw`(?:Secretary|Under|Assistant|Deputy|Special|Executive|Administrator|President|Vice|Director|Chair|Chairman|Chairperson|Chairwoman|Co|Head|High|Permanent|Minister|Prime|Foreign|Ambassador|Representative|Envoy|Coordinator|Commissioner|Chief|Founder|Professor|Member|Senator|Governor|Mayor|King|Queen|Emir|Sultan|Spokesperson|Spokesman|Spokeswoman|Observer|Rapporteur|Committee|Judge|Registrar|Prosecutor|Managing|Leader|Speaker|Acting|Senior|Lead|Officer|Adviser|Advisor|Counsellor|Consul|Emergency|Resident|Humanitarian|Force|Police)`;
// Names and roles wrap across lines in hard-wrapped records (`Ms. Rosemary` / `DiCarlo, Under-Secretary-General …`);
// where each line is a paragraph, a line break ends the name.
const nameOf = (sp: string) => String.raw`\p{Lu}\p{Ll}[\p{L}\p{M}’'\-\u2011]*(?:${sp}(?:\p{Lu}\.|(?!The\b)\p{Lu}[\p{L}\p{M}’'\-\u2011]+|de|van|von|da|bin|ibn|al|del|der|dos)){0,3}`;
const NAME = nameOf(String.raw`\s`);
const LINE_NAME = nameOf(String.raw`[ \u00a0]`);
// `Name, Role (ACRONYM)`: the role runs to the next comma, semicolon or full stop, or to `, who`.
const apposition = (name: string) => new RegExp(
  String.raw`(?:(?:His|Her)\sExcellency\s+)?(?:(${HONORIFIC})\.?\s+)?(${name}),\s+(?:the\s+)?(${ROLE_HEAD}[^,;.:“”"]{0,200})`, 'gu');
const APPOSITION = apposition(NAME);
const LINE_APPOSITION = apposition(LINE_NAME);
const TITLE_FIRST = new RegExp(
  String.raw`\b((?:Assistant |Deputy |Under[-\u2011])?Secretary[-\u2011]General|President|Vice[-\u2011]President|Prime Minister|Foreign Minister|Minister|Ambassador|Senator|High Commissioner|Special Envoy|Special Representative|Administrator|Executive Director|Director[-\u2011]General|Chancellor|King|Queen|Emir)\s+(\p{Lu}\p{Ll}[\p{L}\p{M}’'\-\u2011]*(?:[ \u00a0]\p{Lu}[\p{L}\p{M}’'\-\u2011]+){0,2})\b`, 'gu');
const HONOURABLE = /\bHonourable(?:[ \u00a0]+(Minister|Member|Prime Minister|Deputy Prime Minister|Leader of the Opposition|Speaker))?,?[ \u00a0]+(\p{Lu}\p{Ll}+(?:[ \u00a0]\p{Lu}\p{Ll}+){1,2})\b/gu;
const ROLE_THEN_NAME = new RegExp(
  String.raw`\bthe\s(Secretary[-\u2011]General|Deputy\sSecretary[-\u2011]General|President\sof\sthe\s[A-Z][\w\s]{3,40}?),\s+(?:His|Her)\s+Excellency\s+(?:${HONORIFIC}\.?\s+)?(${NAME})`, 'gu');
const COVER_PRESIDENT = /^President:[ \t\u00a0]+(.+?)[ .]*\.[ .]*\(([^()]+)\)\s*$/;
const COVER_MEMBER = new RegExp(String.raw`^(?:Members:[ \t\u00a0]+)?(\p{Lu}[^.]{1,60}?)[ \t]*(?:\.[ \t]?){2,}[ \t\u00a0]*(${HONORIFIC}\.?[ \t\u00a0].+?)\s*$`, 'u');
const NOT_A_NAME = /^(?:The|This|That|These|Those|It|In|On|At|For|And|But|As|If|When|While|Some|Many|All|Another|Other|Such|Several|United|General|Security|Member|States?|Council|Assembly|Committee|Government|Office|Department|Republic|Kingdom|Union|Nations|Today|Yesterday|Also|Accordingly|However|Indeed|Meanwhile|Mr|Ms|Mrs)\b/;

export interface Introductions {
  registry: PeopleRegistry;
  /** The organ whose record this is, from the cover (`Security Council`, `General Assembly`). */
  organ?: string;
}

export function findIntroductions(text: string, layout: Layout): Introductions {
  const registry = new PeopleRegistry();
  const organ = readCover(layout, registry);
  const roleAfterComma = new RegExp(String.raw`,\s+(?:the\s+)?${ROLE_HEAD}\b`, 'g');
  for (const { match: m } of anchoredMatches(text, roleAfterComma, layout.wrapped ? APPOSITION : LINE_APPOSITION, 120, 260)) {
    if (NOT_A_NAME.test(m[2]) || (!m[1] && !/ /.test(m[2]))) continue;
    const role = trimRole(m[3]);
    if (!role) continue;
    registry.add(m[2], { role, organisation: organisationOf(role) });
  }
  for (const m of text.matchAll(TITLE_FIRST)) {
    if (NOT_A_NAME.test(m[2])) continue;
    // A title before a name in running text (`President Macron`) says who the person is, not who chairs here.
    const role = cleanText(m[1]);
    registry.add(m[2], { role, organisation: role.includes('Secretary') ? 'United Nations' : undefined });
  }
  for (const m of text.matchAll(ROLE_THEN_NAME)) {
    const role = cleanText(m[1]);
    const p = registry.add(m[2], { role, organisation: role.includes('Secretary') ? 'United Nations' : undefined });
    registry.bindRole(role, p);
  }
  for (const m of text.matchAll(HONOURABLE)) {
    registry.add(m[2], { role: m[1] ?? 'Honourable Member' });
  }
  return { registry, organ };
}

/** The cover page of a verbatim record names the President and each member's representative. */
function readCover(layout: Layout, registry: PeopleRegistry): string | undefined {
  const { lines } = layout;
  const last = Math.min(lines.lineCount, 60);
  let organ: string | undefined;
  for (let i = 0; i < last; i++) {
    const t = lines.line(i).trim();
    if (!organ && /^(?:Security Council|General Assembly|Economic and Social Council|Human Rights Council)$/.test(t)) organ = t;
    let m = COVER_PRESIDENT.exec(t);
    if (m) {
      const name = m[1].split('/')[0].trim();
      const role = `President of the ${organ ?? 'Council'}`;
      const p = registry.add(name, { role, country: m[2], organisation: organ }, true);
      registry.bindRole('President', p);
      continue;
    }
    m = COVER_MEMBER.exec(t);
    if (m && !/^President\b/.test(m[1])) registry.add(m[2], { country: m[1].trim() }, true);
  }
  return organ;
}

/** Cuts a role before a relative clause or a verb phrase that the pattern could not stop at. */
function trimRole(raw: string): string | undefined {
  // In a hard-wrapped record the role may run into the next label (`…, President` / `of Colombia` / `The President:`).
  const role = cleanText(raw.split(/ (?:who|which|that|said|says|stressed|noted|added|described|urged|cited)\b|\n(?=The |Mr\.? |Mrs\.? |Ms\.? )/)[0]);
  if (role.length < 4 || role.split(' ').length > 25) return undefined;
  return role;
}
