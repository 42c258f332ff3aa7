// Who is who: people introduced with their full name and role, so that a later short form resolves to them.
import type { Person, SpeakerTurn } from './types';
import { cleanText, displayCase, foldKey, isAllCaps, titleCase } from './text';

export const HONORIFIC = String.raw`(?:Rt|Madam|MADAM|Mr|Mrs|Ms|Miss|Mme|Mlle|Dr|Sir|Dame|Lord|Lady|Baroness|Baron|Archbishop|Bishop|Cardinal|Monsignor|Msgr|Prince|Princess|Sheikh|Sheikha|Rev|Judge|Justice|Prof|Professor|Assoc|Asst|Hon|HON|MR|MRS|MS|MISS|DR|SIR|DAME|U|Daw|Deputy|Senator|Shri|SHRI|Smt|SMT|Shrimati|SHRIMATI|Kumari|KUMARI|Sardar|SARDAR|Sushri|SUSHRI)`;
// `(Ms.)` in Kenya's `Hon. (Ms.) Millie Achieng` is a courtesy too.
const HONORIFIC_WORD = new RegExp(`^\\(?${HONORIFIC}\\.?\\)?$`);
/** A written-out title (`Mr.`, `Mrs.`, `Dr.`, `Sir`) as opposed to Hansard's capitals (`HON.`, `MR`). */
const TITLED = /^((?:Mr|Mrs|Ms|Miss|Mme|Mlle|Dr|Prof)\.|Sir|Dame|Lord|Lady|Baroness|Archbishop|Cardinal|Sheikh|Sheikha|Prince|Princess)\s/;

/** Name particles written in lower case inside surnames (`Pecsteen de Buytswerve`, `van der Berg`). */
export const PARTICLES = new Set(['de', 'da', 'di', 'del', 'della', 'van', 'von', 'der', 'den', 'bin', 'binti', 'ibn', 'al', 'el', 'le', 'la', 'du', 'dos', 'das', 'y', 'e']);

export class PeopleRegistry {
  private readonly byKey = new Map<string, Person>();
  /** Folded one-, two- and three-word name endings -> people whose name ends so. */
  private readonly bySurname = new Map<string, Person[]>();
  private readonly byRole = new Map<string, Person>();
  private readonly boundRoles = new Map<string, Person>();

  get all(): Person[] {
    return [...this.byKey.values()];
  }

  /**
   * Adds a person or completes the one already known under the same key; returns the stored person. `asWritten`:
   * the name comes from a label or a cover page (`Mr. Nebenzia`), where the title and surname are all the text
   * gives, so the title stays in the display name until an introduction supplies the full name.
   */
  add(name: string, details: Omit<Person, 'key' | 'name'> = {}, asWritten = false): Person {
    const display = displayName(name);
    const key = personKey(display);
    const titled = TITLED.exec(cleanText(name));
    const shown = asWritten && titled ? `${titled[1]} ${display}` : display;
    // A bare surname (`Assistant Secretary-General Mueller`) or the end of a full name (`President Petro Urrego`
    // for Gustavo Petro Urrego) is the person already introduced in full.
    let p = this.byKey.get(key) ?? this.bySurname.get(key)?.at(-1);
    if (p && TITLED.test(p.name) && !titled && display.includes(' ')) p.name = display;
    if (!p) {
      p = { key, name: shown };
      this.byKey.set(key, p);
      const words = nameWords(display);
      for (let k = 1; k <= Math.min(3, words.length); k++) {
        const tail = words.slice(words.length - k).join(' ');
        const list = this.bySurname.get(tail) ?? [];
        list.push(p);
        this.bySurname.set(tail, list);
      }
    }
    if (details.role && !p.role) p.role = cleanText(details.role);
    if (details.organisation && !p.organisation) p.organisation = cleanText(details.organisation);
    if (details.country && !p.country) p.country = cleanText(details.country);
    if (p.role) this.byRole.set(roleKey(p.role), p);
    return p;
  }

  /**
   * Binds a role (`president`) to a person so that `The President` resolves to them. The first binding wins: the
   * cover page of a record, or the first label that names the office holder (`PRESIDENT BIDEN:`).
   */
  bindRole(role: string, p: Person): void {
    const key = roleKey(role);
    if (!this.boundRoles.has(key)) this.boundRoles.set(key, p);
  }

  byRoleName(role: string): Person | undefined {
    const key = roleKey(role);
    return this.boundRoles.get(key) ?? this.byRole.get(key);
  }

  /**
   * The person a short form names: `Mr. STEINER`, `Ms. MLAMBO-NGCUKA` (ASCII hyphen for a U+2011 one),
   * `HON. P. POKINO` (initial + surname). Ambiguous surnames resolve to the most recently introduced person.
   */
  resolve(shortName: string): Person | undefined {
    const words = nameWords(displayName(shortName));
    if (!words.length) return undefined;
    const initials = words.filter((w) => /^\p{L}\.?$/u.test(w)).map((w) => w[0]);
    const rest = words.filter((w) => !/^\p{L}\.?$/u.test(w));
    for (let k = Math.min(3, rest.length); k >= 1; k--) {
      const list = this.bySurname.get(rest.slice(rest.length - k).join(' '));
      if (!list) continue;
      const fit = list.filter((p) => !initials.length || foldKey(p.name).startsWith(initials[0]));
      if (fit.length) return fit[fit.length - 1];
    }
    return undefined;
  }
}

/** Strips honorifics and caps: `Mr. STEINER` -> `Steiner`, `HON.  P.  POKINO` -> `P. Pokino`. */
export function displayName(name: string): string {
  // `H.E.` and `His Excellency` are courtesies; `MP`, `MSP`, `TD`, `MEP` after a name are letters of office.
  const words = cleanText(name).replace(/^(?:His|Her|HIS|HER) (?:Excellency|EXCELLENCY) /, '').split(' ')
    .filter((w, k, all) => w && !HONORIFIC_WORD.test(w) && !/^H\.\s?E\.$/.test(w) && !(k === all.length - 1 && k > 1 && /^(?:MP|MPs|MSP|MS|MLA|MHA|MEP|TD|QC|KC)$/.test(w)));
  const joined = words.join(' ');
  // `ROSEMARY DiCARLO`, `Mr. McLEOD`: capitals for the surname, but a prefix keeps its lower-case letters.
  const prefixed = /^(\p{Lu}\p{Ll}{1,2})(\p{Lu}{2,}[\p{Lu}\p{M}’'\-\u2011]*)$/u;
  if (!words.every((w) => isAllCaps(w) || prefixed.test(w) || /^\p{Lu}\.?$/u.test(w))) return joined;
  if (!/\p{Lu}{2}/u.test(joined)) return joined;
  return words.map((w) => w.replace(prefixed, (_m, pre: string, rest: string) => pre + titleCase(rest).toLowerCase().replace(/^\p{L}/u, (c) => c.toUpperCase()))).map((w) => (isAllCaps(w) ? titleCase(w) : w)).join(' ');
}

export function personKey(display: string): string {
  return foldKey(display);
}

function nameWords(display: string): string[] {
  return foldKey(display).split(' ').filter(Boolean);
}

function roleKey(role: string): string {
  return foldKey(role).replace(/^the /, '').split(/ of | for |,|\(/)[0].trim();
}

/** The organisation a role names: the acronym in brackets if given, else what follows the first `of the`. */
export function organisationOf(role: string): string | undefined {
  const r = cleanText(role);
  const acronym = /\(([A-Z][A-Za-z-]{1,15})\)\s*$/.exec(r);
  if (acronym) return acronym[1];
  // `Secretary of State for Foreign Affairs` names an office, not an organisation.
  const m = / of (?:the )?(?!State\b)([A-Z][^,;]*)$/.exec(r);
  if (m) return m[1].replace(/\s*\([^)]*\)\s*$/, '');
  // `Under-Secretary-General for Political and Peacebuilding Affairs`: the portfolio is not the organisation.
  return /^(?:(?:Under|Assistant|Deputy)[- ])?Secretary-General\b/.test(r) ? 'United Nations' : undefined;
}

/** What lists call a turn's speaker: the name the model gave, or the label as it reads (`MR  CHAIRMAN` -> `Mr Chairman`). */
export function turnName(turn: SpeakerTurn): string {
  return turn.name ?? turn.person?.name ?? displayCase(turn.surface);
}
