// Speaker turns: labels at line starts (records, transcripts, Hansard) or, where a text has none, speakers named
// in running text (meetings coverage); each resolved to a person where the text introduces one.
import type { Person, Section, SpeakerTurn } from './types';
import type { Layout } from './layout';
import type { Label } from './labels';
import { findAttributions } from './attributions';
import { findIntroductions } from './introductions';
import { HONORIFIC, PeopleRegistry, organisationOf } from './people';
import { cleanText, isAllCaps, titleCase } from './text';

const HONORIFIC_PREFIX = new RegExp(`^${HONORIFIC}\\.?[ \\t\\u00a0]+`);
const TITLE_PREFIX = /^(?:THE[ \t\u00a0]+)?(PRESIDENT|VICE[ -]PRESIDENT|SECRETARY[-\u2011]GENERAL|PRIME MINISTER|DEPUTY PRIME MINISTER|FOREIGN MINISTER|MINISTER|AMBASSADOR|SENATOR|CHANCELLOR|GOVERNOR|SPEAKER|CHAIRMAN|CHAIRWOMAN|CHAIR|SECRETARY|ADMINISTRATOR|DIRECTOR|GENERAL|ADMIRAL|COMMISSIONER|MAYOR|LEADER|President|Vice President|Prime Minister|Deputy Prime Minister|Foreign Minister|Secretary|Ambassador|Senator|Minister|Chancellor|Governor|Speaker|Chairman|Chairwoman|Representative|Director|General|Admiral|Commissioner|Mayor|Administrator|Leader|MEMBERS?|Members?)(?=[ \t\u00a0]|$)/;

export interface SpeakerResult {
  speakers: SpeakerTurn[];
  people: Person[];
}

export function findSpeakers(text: string, layout: Layout, labels: Label[], sections: Section[]): SpeakerResult {
  const { registry, organ } = findIntroductions(text, layout);
  const parliamentary = isParliamentary(text, labels, organ);
  const turns: SpeakerTurn[] = labels.map((l) => fromLabel(text, l, registry, organ, parliamentary));
  // In records with labels, a name in running text is somebody being talked about, not a new turn.
  if (labels.length < 2) {
    for (const a of findAttributions(text)) {
      // The apposition may run on into circumstances: `Secretary-General of the United Nations, in a video message`.
      const role = a.role && /^\p{Lu}/u.test(a.role.trim())
        ? cleanText(a.role.split(/,[ \u00a0]+(?:in|via|by|through|speaking|briefing|delivering|addressing|on behalf|who|which)\b/)[0]) : undefined;
      const turn: SpeakerTurn = {
        surface: a.surface,
        range: { start: a.start, end: a.start + a.surface.length },
        label: text.slice(a.start, a.labelEnd),
        labelRange: { start: a.start, end: a.labelEnd },
        kind: a.issuer ? 'issuer' : 'turn',
        end: text.length,
      };
      if (a.delegation) turn.country = cleanText(a.delegation.replace(/^the /, ''));
      else if (a.issuer && a.name) {
        // A cover writes the office in capitals (`MINISTER FOR FOREIGN AFFAIRS OF COSTA VERDE`); its country ends it.
        const office = role && isAllCaps(role) ? titleCase(role).replace(/ (Of|For|And|The|To|On|In) /g, (w) => w.toLowerCase()) : role;
        const country = a.country ?? (office ? / of (?:the )?(?:(?:Republic|Kingdom|State|Commonwealth|Principality|Sultanate) of (?:the )?)?(\p{Lu}[\p{L}’' -]{2,40})$/u.exec(office)?.[1] : undefined);
        const person = registry.resolve(a.name) ?? registry.add(a.name, { role: office, country });
        attach(turn, person, office, country);
      } else if (a.issuer) turn.role = cleanText(a.surface);
      else {
        // A full name in capitals introduces the person; a title and surname (`Mr. STEINER`) refers back to one.
        const fullName = !/^(?:Mr|Mrs|Ms|Dr|Sir|Dame)\b/.test(a.surface) && a.surface.trim().includes(' ');
        const person = (fullName ? undefined : registry.resolve(a.surface)) ?? registry.add(a.surface, { role, country: a.country }, !fullName);
        if (role && !person.role) person.role = role;
        if (a.country && !person.country) person.country = cleanText(a.country);
        attach(turn, person, role, a.country);
      }
      turns.push(turn);
    }
    turns.sort((x, y) => x.range.start - y.range.start);
  }
  setEnds(turns, sections, text.length);
  const people = new Map<string, Person>();
  for (const t of turns) if (t.person) people.set(t.person.key, t.person);
  return { speakers: turns, people: [...people.values()] };
}

function fromLabel(text: string, l: Label, registry: PeopleRegistry, organ: string | undefined, parliamentary: boolean): SpeakerTurn {
  const turn: SpeakerTurn = {
    surface: l.surface,
    range: { start: l.start, end: l.start + l.surface.length },
    label: text.slice(l.start, l.labelEnd),
    labelRange: { start: l.start, end: l.labelEnd },
    kind: 'turn',
    end: text.length,
  };
  if (l.language) turn.language = l.language;
  const surface = cleanText(l.surface);
  let person: Person | undefined;
  let role: string | undefined;
  const { country, office, constituency, party } = bracketDetails(l.country, parliamentary);
  if (constituency) turn.constituency = constituency;
  if (party) turn.party = party;
  if (l.form === 'collective') {
    // `Some hon. members:` are many people: a turn without a person.
  } else if (l.form === 'role') {
    role = surface.replace(/^The /i, '');
    // Hansard capitals (`SECRETARY of STATE for FOREIGN AFFAIRS`) are typography, not an acronym.
    if (/\p{Lu}{2}/u.test(role)) role = titleCase(role).replace(/ (Of|For|And|The) /g, (w) => w.toLowerCase());
    person = l.holder ? registry.resolve(l.holder) ?? registry.add(l.holder, { role }, true) : registry.byRoleName(role);
    if (person?.role?.startsWith(role)) role = person.role;
    else if (role === 'President' && organ) role = `President of the ${organ}`;
  } else if (surface === 'Q') {
    role = 'Questioner';
  } else {
    const title = TITLE_PREFIX.exec(surface);
    const rest = title ? surface.slice(title[0].length).trim() : surface.replace(HONORIFIC_PREFIX, '');
    if (title) role = titleCase(title[1]);
    if (title && !rest) {
      person = registry.byRoleName(role!);
    } else if (rest && HONORIFIC_PREFIX.test(surface) && TITLE_PREFIX.test(rest)) {
      role = titleCase(rest); // `MR CHAIRMAN`: an office, not a name
      person = registry.byRoleName(role);
    } else {
      role ??= office ?? (l.office ? cleanText(l.office) : undefined);
      person = registry.resolve(surface) ?? registry.add(l.form === 'honorific' ? surface : rest || surface, { role, country }, true);
      // `President Petro Urrego:` is the `President of the Republic of Colombia` introduced earlier.
      if (role && person.role?.startsWith(role)) role = person.role;
      if (role) registry.bindRole(role, person);
    }
  }
  attach(turn, person, role, country);
  return turn;
}

const OFFICE = /\b(?:Minister|Leader|Treasurer|Speaker|Secretary|President|Chair|Chairman|Whip|Attorney|Premier|Deputy)\b/;
// Parties as Hansards abbreviate or name them: `(CPC)`, `(Con)`, `(Lab)`, `(National—Ilam)`, `(Fianna Fail)`.
const PARTY = /^(?:\p{Lu}{2,6}|Con|Lab|LD|Lib Dem|Ind|Green|Greens|National|Labour|Liberal|Conservative|Democrat|Democratic|Republican|Independent|Fianna F[aá]il|Fine Gael|Sinn F[eé]in|Alliance|Reform|Progressive|Socialist|Social Democrat|Coalition|Crossbench)\b.*$|\bParty\b/u;
// A chair's label, a member's courtesy or a division: the marks of a parliament's record.
const CHAIR = /^(?:The )?(?:Acting |Deputy |Temporary )?(?:Speaker|SPEAKER|Chairman|CHAIRMAN|Chair|Presiding Officer|Cathaoirleach|Leas-Chathaoirleach)$/;

/** A parliamentary record rather than a UN one: chairs and members, not delegations. */
function isParliamentary(text: string, labels: Label[], organ: string | undefined): boolean {
  if (organ) return false;
  const chairs = labels.filter((l) => CHAIR.test(cleanText(l.surface).replace(/^(?:MR|Mr|MADAM|Madam)\.? /, ''))).length;
  if (chairs > 0) return true;
  const sample = text.slice(0, 100_000);
  return /\b(?:hon\. [Mm]embers?|honourable [Mm]embers|Hansard|the House divided|Standing Order|Senators|Seanad|Dáil|Lok Sabha|Rajya Sabha|Order Paper|Order of Business|Verbatim report of proceedings|blue-card)\b/.test(sample)
    && !/\b(?:United Nations|Security Council|General Assembly|Member States)\b/.test(sample);
}

interface BracketDetails { country?: string; office?: string; constituency?: string; party?: string }

/**
 * What the brackets after a name hold: a delegation in UN records (`(Russian Federation)`); in a parliament's record
 * an electorate, a party and an office (`(Dickson—Leader of the Opposition)`, `(Kitchener—Conestoga, CPC)`,
 * `(National—Ilam)`, `(Cuttack)`, `(Fianna Fail)`), which are no country.
 */
function bracketDetails(bracket: string | undefined, parliamentary: boolean): BracketDetails {
  if (!bracket) return {};
  const dashed = cleanText(bracket).split(/\s*[—–]\s*/);
  const office = dashed.find((p) => OFFICE.test(p));
  if (!parliamentary) {
    if (office) return { office };
    return dashed.length > 1 ? {} : { country: bracket };
  }
  // A dash separates a party or an office from the electorate (`National—Ilam`, `Dickson—Leader of the
  // Opposition`), but is also part of a riding's name (`Kitchener—Conestoga`).
  const parts = cleanText(bracket).split(/\s*,\s*/).flatMap((p) => {
    const d = p.split(/\s*[—–]\s*/);
    return d.some((x) => OFFICE.test(x) || PARTY.test(x)) ? d : [p];
  }).filter(Boolean);
  const out: BracketDetails = {};
  if (office) out.office = office;
  for (const p of parts) {
    if (p === office) continue;
    if (PARTY.test(p) && !out.party) out.party = p;
    else if (!out.constituency) out.constituency = p;
  }
  return out;
}

function attach(turn: SpeakerTurn, person: Person | undefined, role: string | undefined, country: string | undefined): void {
  if (person) {
    turn.person = person;
    turn.name = person.name;
  }
  const r = role ?? person?.role;
  if (r) turn.role = cleanText(r);
  const org = person?.organisation ?? (r ? organisationOf(r) : undefined);
  if (org) turn.organisation = org;
  const given = country ? cleanText(country) : undefined;
  // Labels shorten country names (`United Kingdom`); the cover page gives the long form.
  const c = person?.country && (!given || person.country.startsWith(given)) ? person.country : given;
  if (c) turn.country = c;
}

function setEnds(turns: SpeakerTurn[], sections: Section[], length: number): void {
  let s = 0;
  for (let i = 0; i < turns.length; i++) {
    const start = turns[i].range.start;
    while (s < sections.length && sections[s].range.start <= start) s++;
    const nextTurn = i + 1 < turns.length ? turns[i + 1].range.start : length;
    const nextSection = s < sections.length ? sections[s].range.start : length;
    turns[i].end = Math.min(nextTurn, nextSection);
  }
}
