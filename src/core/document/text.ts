// Character classes and folding for text as it really comes out of PDFs and web pages.

/**
 * Hyphen-like characters inside words. UN texts write `Secretary‑General` with U+2011 NON-BREAKING HYPHEN in one
 * paragraph and an ASCII hyphen in the next, so every comparison must treat them as one character.
 */
export const HYPHEN_CLASS = '\\-\\u2010\\u2011';
/** Horizontal white space, including the no-break and em spaces that web transcripts put after sentences. */
export const HSPACE_CLASS = ' \\t\\u00a0\\u2002-\\u200a\\u202f';
/** Apostrophes, straight and curly (`Ja’afari`, `Council’s`). */
export const APOS_CLASS = '\'\\u2019';

const HYPHENS = /[\u2010\u2011\u2012]/g;
const SPACES = /[\s\u00a0\u2002-\u200a\u202f]+/g;
const APOSTROPHES = /[\u2018\u2019\u02bc]/g;

/** Text for display: ASCII hyphens, single spaces; curly apostrophes are typography and stay. */
export function cleanText(s: string): string {
  return s.replace(HYPHENS, '-').replace(SPACES, ' ').trim();
}

/** Comparison key: `ANTÓNIO GUTERRES`, `António Guterres` and `Antonio Guterres` fold to the same string. */
export function foldKey(s: string): string {
  return cleanText(s).replace(APOSTROPHES, '\'').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** True when every cased letter of `s` is upper case and it has at least two of them. */
export function isAllCaps(s: string): boolean {
  // The ASCII test rejects ordinary prose without allocating an upper-cased copy.
  return !/[a-z]/.test(s) && s === s.toUpperCase() && /\p{Lu}[^]*\p{Lu}/u.test(s);
}

/** `MLAMBO-NGCUKA` -> `Mlambo-Ngcuka`, `DE RIVIÈRE` -> `De Rivière`. */
export function titleCase(s: string): string {
  // Initials keep their capitals: `C.J. SINGH` -> `C.J. Singh`.
  return s.toLowerCase().replace(/(^|[\s\-\u2010\u2011'\u2019.])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}
