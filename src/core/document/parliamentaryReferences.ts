// A parliament's own document numbers: the European Parliament's texts adopted, session documents and procedure
// files, US House and Senate resolutions, South African bill numbers. None of them is a UN symbol, so none links
// to the UN's document system; the European Parliament's link to its own register.
import type { Reference } from './types';

const SP = String.raw`[ \u00a0]`;
const EP = 'European Parliament';
const EP_DOC = 'https://www.europarl.europa.eu/doceo/document/';

interface Form {
  pattern: RegExp;
  make(m: RegExpMatchArray): Pick<Reference, 'symbol' | 'organ' | 'year' | 'url'> | undefined;
  /** The capture group that is the surface, when the match includes brackets around it. */
  group?: number;
}

// Procedure types of the Legislative Observatory: COD (ordinary legislative procedure), RSP (resolution on a topical
// subject), INI (own-initiative report), and the rest.
const PROCEDURES = 'COD|RSP|INI|NLE|BUD|APP|CNS|INL|DEC|IMM|RPS|REG|DEL|ACI|AVC|BUI|RSO|SYN|COS|DCE|INS|ITS|DEA|RPS';

const FORMS: Form[] = [
  {
    // Texts adopted: `P10_TA(2024)0015`, provisional `P9_TA-PROV(2022)0123`.
    pattern: /\bP(\d{1,2})_TA(?:-PROV)?\(((?:19|20)\d\d)\)(\d{4})(?![\p{L}\p{N}])/gu,
    make: (m) => ({ symbol: m[0], organ: EP, year: m[2], url: `${EP_DOC}TA-${m[1]}-${m[2]}-${m[3]}_EN.html` }),
  },
  {
    // Session documents: reports `A10-0021/2025`, motions for resolutions `B10-0123/2025`, Council texts `C10-…`.
    pattern: /(?<![\p{L}\p{N}/-])([ABC])(\d{1,2})-(\d{4})\/((?:19|20)\d\d)(?![\p{L}\p{N}/])/gu,
    make: (m) => ({ symbol: m[0], organ: EP, year: m[4], url: `${EP_DOC}${m[1]}-${m[2]}-${m[4]}-${m[3]}_EN.html` }),
  },
  {
    // Procedure files: `2025/2561(RSP)`, `2023/0123(COD)`.
    pattern: new RegExp(String.raw`(?<![\p{L}\p{N}/])((?:19|20)\d\d)\/(\d{4})\((?:${PROCEDURES})\)`, 'gu'),
    make: (m) => ({ symbol: m[0], organ: EP, year: m[1],
      url: `https://oeil.secure.europarl.europa.eu/oeil/en/procedure-file?reference=${encodeURIComponent(m[0])}` }),
  },
  {
    // US simple, joint and concurrent resolutions: `H. Res. 241`, `S.J. Res. 7`, `H. Con. Res. 14`.
    pattern: new RegExp(String.raw`\b([HS])\.${SP}?(?:(J|Con)\.${SP}?)?Res\.${SP}?(\d{1,4})(?![\p{L}\p{N}])`, 'gu'),
    make: (m) => usResolution(m[1], m[2], m[3]),
  },
  {
    // The same named in words: `House Resolution 241`, `Senate Joint Resolution 7`.
    pattern: new RegExp(String.raw`\b(House|Senate)${SP}(?:(Joint|Concurrent)${SP})?Resolution${SP}(\d{1,4})(?![\p{L}\p{N}/])`, 'gu'),
    make: (m) => usResolution(m[1][0], m[2] && (m[2] === 'Joint' ? 'J' : 'Con'), m[3]),
  },
  {
    // South African bill numbers in brackets: `[B 4—2025]`, `[B 18B–2023]`.
    pattern: new RegExp(String.raw`\[(B${SP}?(\d{1,3}[A-F]?)${SP}?[-–—]${SP}?((?:19|20)\d\d))\]`, 'gu'),
    group: 1,
    make: (m) => ({ symbol: `B ${m[2]}-${m[3]}`, year: m[3] }),
  },
];

function usResolution(chamber: string, type: string | undefined, number: string): Pick<Reference, 'symbol' | 'organ'> {
  const symbol = type === 'J' ? `${chamber}.J. Res. ${number}` : type ? `${chamber}. Con. Res. ${number}` : `${chamber}. Res. ${number}`;
  return { symbol, organ: chamber === 'H' ? 'US House of Representatives' : 'US Senate' };
}

export function findParliamentaryReferences(text: string): Reference[] {
  const out: Reference[] = [];
  for (const form of FORMS) {
    for (const m of text.matchAll(form.pattern)) {
      const made = form.make(m);
      if (!made) continue;
      const surface = form.group ? m[form.group] : m[0];
      const start = m.index + (form.group ? m[0].indexOf(surface) : 0);
      const ref: Reference = { surface, range: { start, end: start + surface.length }, symbol: made.symbol, symbols: [made.symbol],
        kind: form.group ? 'bill' : 'parliamentary' };
      if (made.organ) ref.organ = made.organ;
      if (made.year) ref.year = made.year;
      if (made.url) ref.url = made.url;
      out.push(ref);
    }
  }
  return out;
}
