// Resolution, decision and document references with normalised symbols.
import type { Reference, ReferenceKind } from './types';
import { councilResolutionYear } from './councilYears';
import { findParliamentaryReferences } from './parliamentaryReferences';

// A symbol segment may contain dots (`PV.8697`, `Corr.1`) and inner hyphens (`ES-10`), but a hyphen followed by a
// new series (`A/57/759-S/2003/332`) starts the second half of a joint symbol.
const SEG = String.raw`[A-Za-z0-9]+(?:\.[A-Za-z0-9]+|-(?![A-Z]{1,8}\/)[A-Za-z0-9]+)*`;
// A reissued document carries an asterisk (`S/2022/10/Add.10*`); it stays part of the symbol as written.
// Press-release symbols are sometimes glued to the word before them (`Security CouncilSC/11165`), so a lower-case
// letter may precede a symbol; anything else word-like (or a URL path) may not.
// PDF text sometimes breaks a symbol after a slash (`(see A/49/ PV.14)`, `A/74/` / `PV.3`).
const SYMBOL = new RegExp(String.raw`([A-Z]{1,8}(?:\/(?:[ \u00a0]?\n?(?=[A-Z0-9]))?${SEG}){1,7})(\*?)`, 'y');
// Press-release symbols are sometimes glued to the word before them (`Security CouncilSC/11165`), so a lower-case
// letter may precede a symbol; anything else word-like (or a URL path) may not.
const NOT_BEFORE_SYMBOL = /[\p{Lu}\p{Lt}\p{Lo}\p{N}/.\-@_]/u;
const JOINT_NEXT = new RegExp(String.raw`[-–]([A-Z]{1,8}(?:\/${SEG}){1,7})`, 'y');
const YEAR_AFTER = /[ \t\u00a0]*\((\d{4})\)/y;
const ROMAN_AFTER = /[ \t\u00a0]*\(((?:E?S-)?[IVXLC]{1,6})\)/y;

const PRESS_SERIES = new Set(['SC', 'GA', 'SG', 'ECOSOC', 'HR', 'DEV', 'ENV', 'ORG', 'PI', 'OBV', 'SAG', 'DC', 'POP', 'SOC',
  'WOM', 'L', 'IHA', 'NGO', 'PAL', 'CS', 'AFR', 'BIO', 'DSG', 'EC', 'NOT', 'REF', 'SEA', 'TAG', 'USG', 'UNIS', 'ICJ', 'GAL']);
const ORGAN_OF_SERIES: Record<string, string> = {
  S: 'Security Council', SC: 'Security Council', A: 'General Assembly', GA: 'General Assembly',
  E: 'Economic and Social Council', ECOSOC: 'Economic and Social Council',
};

// `UNSCR 2334` (national statements, White House texts) is a Security Council resolution.
const KEYWORD = /\b([Rr]esolutions?|[Dd]ecisions?|RESOLUTIONS?|DECISIONS?|UNSCRs?)[ \t\u00a0\n]+/g;
// One list member: `2396 (2017)`, `2832 (XXVI)`, `377 A (V)`, `ES-10/19`, `46/182`, or a bare `1566`.
const ITEM = /(?:(\d{1,4})[ \t\u00a0\n]*\((\d{4})\)|(\d{1,4})(?:[ \t\u00a0]?[A-F])?[ \t\u00a0\n]*\(((?:E?S-)?[IVXLC]{1,6})\)|((?:E?S-)?\d{1,4}\/\d{1,4}[A-Z]?)|(\d{3,4}))(?![\p{L}\p{N}\/])/uy;
const TRAILER = /[ \t\u00a0\n]+of[ \t\u00a0\n]+(?:\d{1,2}[ \t\u00a0\n]+\p{Lu}\p{Ll}+[ \t\u00a0\n]+)?\d{4}(?![\p{N}])/uy;
const SEPARATOR = /(?:[ \t\u00a0\n]*,[ \t\u00a0\n]*(?:and[ \t\u00a0\n]+)?|[ \t\u00a0\n]+and[ \t\u00a0\n]+|[ \t\u00a0\n]*,?[ \t\u00a0\n]*as well as[ \t\u00a0\n]+)/y;
const ORGAN_BEFORE = /(General Assembly|Assembly|Security Council|UNSC|Human Rights Council|Economic and Social Council|ECOSOC|Council)(?:[’']s)?[ \t\u00a0\n]*$/;

// A General Assembly resolution opens with its own number: `80/13. Implementation of the Declaration …`.
const OWN_NUMBER = /^(\d{1,3}\/\d{1,4})(?=\.[ \t\u00a0]+[A-Z])/gm;

export function findReferences(text: string): Reference[] {
  const own = [...text.matchAll(OWN_NUMBER)].map((m): Reference => ({
    surface: m[1], range: { start: m.index, end: m.index + m[1].length }, symbol: `A/RES/${m[1]}`, symbols: [`A/RES/${m[1]}`],
    kind: 'resolution', organ: 'General Assembly', year: String(1945 + Number(m[1].split('/')[0])),
  }));
  const symbols = findSymbols(text);
  const refs: Reference[] = [...symbols, ...findShortDrafts(text, symbols), ...findKeywordReferences(text), ...own, ...findBills(text),
    ...findParliamentaryReferences(text)];
  refs.sort((a, b) => a.range.start - b.range.start || b.range.end - a.range.end);
  const kept: Reference[] = [];
  for (const r of refs) {
    const last = kept[kept.length - 1];
    if (last && r.range.start < last.range.end) continue;
    kept.push(r);
  }
  return kept;
}

// Numbered bills of parliaments: Canada's `Bill C-539` and `Bill S-209`, `Bill No. 12 of 2024`, US `H.R. 3684`.
const BILL = /\b(?:Bill|BILL)[ \u00a0]+((?:[CSTU]-\d{1,4})|No\.?[ \u00a0]?\d{1,4}(?:[ \u00a0]+of[ \u00a0]+\d{4})?)(?![\w-])|\b(H\.[ \u00a0]?R\.|S\.)[ \u00a0]?(\d{1,5})(?![\w.])/g;

function findBills(text: string): Reference[] {
  const out: Reference[] = [];
  for (const m of text.matchAll(BILL)) {
    // `S. 5` is a US Senate bill only where the text says Congress or Senate.
    if (m[2] === 'S.' && !/\b(?:Senate|Congress)\b/.test(text.slice(Math.max(0, m.index - 200), m.index))) continue;
    const symbol = m[1] ? m[1].replace(/\s+/g, ' ') : `${m[2].replace(/\s+/g, '')} ${m[3]}`;
    out.push({ surface: m[0], range: { start: m.index, end: m.index + m[0].length }, symbol, symbols: [symbol], kind: 'bill' });
  }
  return out;
}

function findSymbols(text: string): Reference[] {
  const out: Reference[] = [];
  let lastEnd = 0;
  // Every symbol has a slash: find the slashes, back up over the series letters before each, match from there.
  for (let slash = text.indexOf('/'); slash >= 0; slash = text.indexOf('/', slash + 1)) {
    if (slash < lastEnd) continue;
    let start = slash;
    while (start > 0 && slash - start < 8 && isAsciiUpper(text.charCodeAt(start - 1))) start--;
    if (start === slash || (start > 0 && NOT_BEFORE_SYMBOL.test(text[start - 1]))) continue;
    SYMBOL.lastIndex = start;
    const m = SYMBOL.exec(text);
    if (!m) continue;
    const first = m[1].replace(/\s+/g, '');
    if (!/\d/.test(first)) continue;
    let end = start + m[0].length;
    // The reissue mark stays in the surface; the symbol is the document's (`S/2022/10/Add.10*` -> `S/2022/10/Add.10`).
    const symbols = [first];
    const parts = [{ start, end, symbol: first }];
    JOINT_NEXT.lastIndex = start + m[1].length;
    for (let joint = m[2] ? null : JOINT_NEXT.exec(text); joint && /\d/.test(joint[1]); joint = JOINT_NEXT.exec(text)) {
      symbols.push(joint[1]);
      parts.push({ start: joint.index + 1, end: JOINT_NEXT.lastIndex, symbol: joint[1] });
      end = JOINT_NEXT.lastIndex;
    }
    // A release issued in several series (`SG/SM/17246-OBV/1537-ORG/1612`) is one release per series; a joint
    // document of two organs (`A/57/759-S/2003/332`) is one document.
    if (parts.length > 1 && parts.every((p) => PRESS_SERIES.has(p.symbol.split('/')[0]))) {
      for (const p of parts) out.push(makeSymbolRef(text, p.start, p.end, [p.symbol]));
      lastEnd = end;
      continue;
    }
    // Pre-1976 General Assembly resolutions carry their session: `A/RES/377(V)`.
    ROMAN_AFTER.lastIndex = end;
    const session = /^A\/RES\/\d+$/.test(first) ? ROMAN_AFTER.exec(text) : null;
    if (session) {
      symbols[0] = `${first}(${session[1]})`;
      end = ROMAN_AFTER.lastIndex;
    }
    if (/^S\/RES\/\d+$/.test(first)) {
      YEAR_AFTER.lastIndex = end;
      const y = YEAR_AFTER.exec(text);
      if (y) {
        symbols[0] = `${first}(${y[1]})`;
        end = YEAR_AFTER.lastIndex;
      } else {
        const year = councilResolutionYear(Number(first.slice(6)));
        if (year) symbols[0] = `${first}(${year})`;
      }
    }
    out.push(makeSymbolRef(text, start, end, symbols));
    lastEnd = end;
  }
  return out;
}

// A press release names a draft by its full symbol once (`A/C.1/69/L.12/Rev.1`) and then by its tail (`“L.12/Rev.1”`,
// `L.12`): the tail takes the series of the nearest full symbol before it (or else after it) that has the same draft.
const SHORT_DRAFT = /(?<![\p{L}\p{N}/.\-])L\.(\d{1,4})((?:\/(?:Rev|Add|Corr)\.\d{1,2})*)(?![\p{L}\p{N}/]|\.\d)/gu;

function findShortDrafts(text: string, symbols: Reference[]): Reference[] {
  const out: Reference[] = [];
  for (const m of text.matchAll(SHORT_DRAFT)) {
    let series: string | undefined;
    let distance = Infinity;
    for (const s of symbols) {
      const at = s.symbol.indexOf(`/L.${m[1]}`);
      if (at < 0 || !/^(?:\/|$)/.test(s.symbol.slice(at + 3 + m[1].length))) continue;
      const d = s.range.start < m.index ? m.index - s.range.start : 1e9 + s.range.start - m.index;
      if (d < distance) {
        distance = d;
        series = s.symbol.slice(0, at + 1);
      }
    }
    if (!series) continue;
    out.push(makeSymbolRef(text, m.index, m.index + m[0].length, [`${series}${m[0]}`]));
  }
  return out;
}

function isAsciiUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

function makeSymbolRef(text: string, start: number, end: number, symbols: string[]): Reference {
  const s = symbols[0];
  const series = s.split('/')[0];
  let kind: ReferenceKind = 'document';
  if (/\/(?:PV|SR)\.\d/.test(s)) kind = 'meeting-record';
  else if (/\/RES\//.test(s)) kind = 'resolution';
  else if (/\/DEC\//.test(s)) kind = 'decision';
  else if (PRESS_SERIES.has(series)) kind = 'press-release';
  const ref: Reference = { surface: text.slice(start, end), range: { start, end }, symbol: s, symbols, kind };
  const organ = /^A\/HRC\//.test(s) ? 'Human Rights Council' : ORGAN_OF_SERIES[series];
  if (organ) ref.organ = organ;
  const year = /\((\d{4})\)$/.exec(s)?.[1] ?? /^[A-Z]+\/(?:RES\/)?(19[4-9]\d|20\d\d)\//.exec(s)?.[1];
  if (year) ref.year = year;
  return ref;
}

function findKeywordReferences(text: string): Reference[] {
  const out: Reference[] = [];
  for (const k of text.matchAll(KEYWORD)) {
    const isDecision = /^d/i.test(k[1]);
    const organ = k[1].startsWith('UNSCR') ? 'Security Council' : ORGAN_BEFORE.exec(text.slice(Math.max(0, k.index - 40), k.index))?.[1];
    const items: Reference[] = [];
    let pos = k.index + k[0].length;
    let adjacentPair = true;
    for (;;) {
      ITEM.lastIndex = pos;
      const m = ITEM.exec(text);
      if (!m) break;
      const norm = normalise(m, organ, isDecision);
      if (!norm) break;
      const start = items.length ? m.index : k.index;
      const end = ITEM.lastIndex;
      items.push({ surface: text.slice(start, end), range: { start, end }, kind: isDecision ? 'decision' : 'resolution', ...norm });
      pos = end;
      TRAILER.lastIndex = pos;
      if (TRAILER.exec(text)) {
        pos = TRAILER.lastIndex;
        adjacentPair = false;
      }
      SEPARATOR.lastIndex = pos;
      const sep = SEPARATOR.exec(text);
      if (!sep) break;
      if (items.length === 1 && !/^[ \t\u00a0\n]+and[ \t\u00a0\n]+$/.test(sep[0])) adjacentPair = false;
      ITEM.lastIndex = SEPARATOR.lastIndex;
      if (!ITEM.test(text)) break;
      pos = SEPARATOR.lastIndex;
    }
    // `resolutions 2170 and 2178` is one reference naming two symbols; longer lists are one reference per member.
    if (items.length === 2 && adjacentPair) {
      const [a, b] = items;
      out.push({ ...a, surface: text.slice(a.range.start, b.range.end), range: { start: a.range.start, end: b.range.end },
        symbols: [a.symbol, b.symbol] });
    } else out.push(...items);
  }
  return out;
}

function normalise(m: RegExpExecArray, organ: string | undefined, isDecision: boolean):
  Pick<Reference, 'symbol' | 'symbols' | 'organ' | 'year'> | undefined {
  const kind = isDecision ? 'DEC' : 'RES';
  const ga = organ === 'General Assembly' || organ === 'Assembly';
  let symbol: string;
  let body: string;
  let year: string | undefined;
  if (m[1]) {
    if (isDecision) return undefined;
    symbol = `S/RES/${m[1]}(${m[2]})`;
    body = 'Security Council';
    year = m[2];
  } else if (m[3]) {
    symbol = `A/${kind}/${m[3]}(${m[4]})`;
    body = 'General Assembly';
    const session = romanValue(m[4].replace(/^E?S-/, ''));
    if (session && !/^E?S-/.test(m[4])) year = String(1945 + session);
  } else if (m[5]) {
    const first = m[5].split('/')[0];
    if (organ === 'Human Rights Council') {
      symbol = `A/HRC/${kind}/${m[5]}`;
      body = organ;
    } else if (organ === 'Economic and Social Council' || organ === 'ECOSOC' || (/^\d{4}$/.test(first) && !ga)) {
      symbol = `E/${kind}/${m[5]}`;
      body = 'Economic and Social Council';
      if (/^\d{4}$/.test(first)) year = first;
    } else {
      symbol = `A/${kind}/${m[5]}`;
      body = 'General Assembly';
      if (/^\d{1,2}$/.test(first)) year = String(1945 + Number(first));
    }
  } else {
    if (isDecision) return undefined;
    // A Council resolution cited without its year still has one: they are numbered consecutively.
    const councilYear = ga ? undefined : councilResolutionYear(Number(m[6]));
    symbol = ga ? `A/RES/${m[6]}` : councilYear ? `S/RES/${m[6]}(${councilYear})` : `S/RES/${m[6]}`;
    body = ga ? 'General Assembly' : 'Security Council';
    if (councilYear) year = String(councilYear);
  }
  const out: Pick<Reference, 'symbol' | 'symbols' | 'organ' | 'year'> = { symbol, symbols: [symbol], organ: body };
  if (year) out.year = year;
  return out;
}

function romanValue(s: string): number | undefined {
  const v: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const cur = v[s[i]];
    const next = v[s[i + 1]] ?? 0;
    if (!cur) return undefined;
    total += cur < next ? -cur : cur;
  }
  return total;
}
