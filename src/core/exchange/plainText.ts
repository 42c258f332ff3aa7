/**
 * The plain text a REFI-QDA source embeds: UTF-8 without a byte-order mark, line feeds only. Importers count a BOM
 * and each carriage return as characters, so a text written with them would shift every selection after them; the
 * positions of passages are mapped onto the normalised text instead.
 */
import { codePointIndex } from '../annotations';

export interface PlainText {
  readonly text: string;
  /** A code point offset of the original text, as an offset of `text`. */
  toPlain(codePoint: number): number;
}

export function plainText(original: string): PlainText {
  // UTF-16 offsets of the characters dropped: a leading BOM, and the CR of each CRLF (a lone CR becomes LF).
  const dropped: number[] = [];
  if (original.charCodeAt(0) === 0xfeff) dropped.push(0);
  for (let i = original.indexOf('\r'); i >= 0; i = original.indexOf('\r', i + 1)) if (original.charCodeAt(i + 1) === 0x0a) dropped.push(i);
  const text = original.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (dropped.length === 0) return { text, toPlain: (cp) => cp };
  const cps = codePointIndex(original);
  return {
    text,
    toPlain(cp) {
      const u = cps.toUtf16(cp);
      let lo = 0;
      let hi = dropped.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (dropped[mid] < u) lo = mid + 1;
        else hi = mid;
      }
      // Dropped characters are all in the BMP: one code point each.
      return cp - lo;
    },
  };
}
