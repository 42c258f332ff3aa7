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

/** `MLAMBO-NGCUKA` -> `Mlambo-Ngcuka`, `DE RIVIÈRE` -> `De Rivière`, `O'ROURKE` -> `O'Rourke`, `EDITOR'S` -> `Editor's`. */
export function titleCase(s: string): string {
  // Initials keep their capitals: `C.J. SINGH` -> `C.J. Singh`. After an apostrophe a letter is capital only when
  // one letter stands before it (`O'Rourke`, `D'Souza`), not in a possessive or a contraction (`Editor's`, `Don't`).
  return s.toLowerCase().replace(/(^|[\s\-\u2010\u2011'\u2019.])(\p{L})/gu, (m, sep: string, ch: string, at: number, all: string) =>
    (/['\u2019]/.test(sep) && !/(?:^|[^\p{L}])\p{L}$/u.test(all.slice(0, at)) ? m : sep + ch.toUpperCase()));
}

/**
 * How a name or an office printed in capitals reads in a list: `MR  CHAIRMAN` -> `Mr Chairman`, `Madam SPEAKER` ->
 * `Madam Speaker`. In a label partly in capitals only words of four letters or more are typography; shorter ones
 * may be acronyms (`the UK representative`).
 */
export function displayCase(s: string): string {
  const clean = cleanText(s);
  const cased = isAllCaps(clean) ? titleCase(clean) : clean.replace(/\p{Lu}{4,}(?:['’\-]\p{Lu}+)*/gu, (w) => titleCase(w));
  return cased.replace(/ (Of|For|And|The|To|On|In|De|Du|La)(?= )/g, (w) => w.toLowerCase());
}
