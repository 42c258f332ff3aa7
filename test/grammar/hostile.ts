/**
 * Generated hostile text, shared by the grammar fuzz test and `scripts/bench-hostile.mjs`: the shapes
 * that make regular expressions and line-based parsers slow (long runs of capitals and digits, deep
 * brackets and quotes, every Unicode space and dash), mixed with the real things the grammar colours
 * (speaker labels, resolution references, symbols, amounts), from a seed so that a failure replays.
 */

/** Deterministic pseudo-random numbers in [0, 1), the same generator as the anchoring tests'. */
export { mulberry32 as seeded } from '../unit/annotations/support/editing';

/** Every space and dash of Unicode that policy texts (or their PDFs) carry. */
export const SPACES = ['\u00a0', '\u1680', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u2007', '\u2008', '\u2009', '\u200a', '\u202f', '\u205f', '\u3000', '\u200b', '\t'];
export const DASHES = ['-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\ufe58', '\ufe63', '\uff0d'];

const FRAGMENTS = [
  'ABCDEFGHIJ', 'PRESIDENT', 'SECURITY COUNCIL', 'ANTÓNIO GUTERRES, ', 'Mr. Nebenzia (Russian Federation):', 'The President:', 'Mrs. Gueguen (France) (spoke in French):',
  'resolution 2396 (2017)', 'resolutions 1267 (1999) and 1989 (2011)', 'resolution ', '(2017', 'S/2020/24', 'A/RES/46/182', 'S/PV.8697', 'A/78/L.12', 'SC/', '/',
  '$5 billion to $70 billion', '€225 million', '40 per cent', '137 in favour to 12 against, with 17 abstentions', '12%', '0123456789', '1 2 3 ', '2,000',
  '(', ')', '[', ']', '{', '}', '“', '”', '‘', '’', '"', "'", '«', '»', '**', '#', '. . . . ', '...', ':', ';', ',',
  'by 31 March 2025', 'Friday, 10 January 2020', '10.20 a.m.', 'HON.  P.  POKINO:', 'Session III', 'Closing Remarks',
  'the', 'of', 'and', 'Council', 'Member States', 'humanitarian', 'A', 'B', 'Z',
];

/**
 * One line of about `length` characters: of one shape (a fragment over and over with random spaces,
 * what backtracking feeds on) or, mixed, of every shape at once.
 */
export function hostileLine(rand: () => number, length: number, shape: 'any' | 'single' | 'mixed' = 'any'): string {
  const parts: string[] = [];
  let n = 0;
  const single = shape === 'single' || (shape === 'any' && rand() < 0.3);
  const repeatOne = single ? FRAGMENTS[Math.floor(rand() * FRAGMENTS.length)] : undefined;
  const depth = !single && rand() < 0.2 ? 1 + Math.floor(rand() * 500) : 0;
  if (depth) {
    const open = ['(', '[', '“', '‘', '"', '«', '{'];
    const chosen = Array.from({ length: depth }, () => open[Math.floor(rand() * open.length)]);
    const close: Record<string, string> = { '(': ')', '[': ']', '“': '”', '‘': '’', '"': '"', '«': '»', '{': '}' };
    const inner = chosen.join('') + 'resolution 2396 (2017' + [...chosen].reverse().map((c) => close[c]).join('');
    parts.push(inner);
    n += inner.length;
  }
  while (n < length) {
    const r = rand();
    let piece: string;
    if (repeatOne && r < 0.9) piece = repeatOne;
    else if (r < 0.1) piece = SPACES[Math.floor(rand() * SPACES.length)];
    else if (r < 0.18) piece = DASHES[Math.floor(rand() * DASHES.length)];
    else piece = FRAGMENTS[Math.floor(rand() * FRAGMENTS.length)];
    const sep = rand() < 0.6 ? ' ' : rand() < 0.5 ? SPACES[Math.floor(rand() * SPACES.length)] : '';
    parts.push(piece + sep);
    n += piece.length + sep.length;
  }
  return parts.join('').slice(0, length);
}

/** Hostile documents by name, `bytes` long (UTF-16 units; near enough to bytes for these texts). */
export const HOSTILE_TEXTS: Record<string, (rand: () => number, size: number) => string> = {
  'one line of 1 MB and more': (rand, size) => hostileLine(rand, size),
  'lines of capitals and digits': (rand, size) => {
    const lines: string[] = [];
    let n = 0;
    const caps = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
    while (n < size) {
      let l = '';
      const len = 10 + Math.floor(rand() * 200);
      for (let i = 0; i < len; i++) l += rand() < 0.15 ? ' ' : caps[Math.floor(rand() * caps.length)];
      lines.push(l);
      n += l.length + 1;
    }
    return lines.join('\n');
  },
  'deeply nested brackets and quotes': (rand, size) => {
    const lines: string[] = [];
    let n = 0;
    while (n < size) {
      const d = 50 + Math.floor(rand() * 2000);
      const l = `${'(“[‘«'.repeat(d)}Mr. X (Y): resolution 1 (2${'»’]”)'.repeat(d)}`;
      lines.push(l);
      n += l.length + 1;
    }
    return lines.join('\n');
  },
  'every Unicode space and dash': (rand, size) => {
    const lines: string[] = [];
    let n = 0;
    while (n < size) {
      const words: string[] = [];
      for (let i = 0; i < 40; i++) {
        words.push(['Council', 'MLAMBO', 'NGCUKA', '2396', '(2017)', 'per', 'cent', 'Mr.', 'Secretary', 'General'][Math.floor(rand() * 10)]);
        words.push(rand() < 0.5 ? SPACES[Math.floor(rand() * SPACES.length)] : DASHES[Math.floor(rand() * DASHES.length)]);
      }
      const l = words.join('');
      lines.push(l);
      n += l.length + 1;
    }
    return lines.join('\n');
  },
  'generated lines of every shape': (rand, size) => {
    const lines: string[] = [];
    let n = 0;
    while (n < size) {
      const l = hostileLine(rand, 1 + Math.floor(rand() * rand() * 4000));
      lines.push(l);
      n += l.length + 1;
    }
    return lines.join('\n');
  },
};
