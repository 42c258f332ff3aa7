// Which dollar a bare `$` is. UN texts and White House texts count in US dollars; an Australian, Canadian or New
// Zealand record counts in its own. The document says which: its parliament's words and places, or a `US$` written
// out for American amounts (which only a non-US text needs).
import type { Figure } from './types';

const SAMPLE = 50_000;
const SIGNS: { currency: string; pattern: RegExp }[] = [
  { currency: 'AUD', pattern: /\b(?:Australia|Australians?|Canberra|Commonwealth Parliament|House of Representatives|Senate estimates|New South Wales|Victoria|Queensland|Tasmania|Medicare|Centrelink)\b/g },
  { currency: 'CAD', pattern: /\b(?:Canada|Canadians?|Ottawa|Ontario|Quebec|Québec|Alberta|British Columbia|Manitoba|Saskatchewan|Nova Scotia|riding|CMHC|NDP)\b/g },
  { currency: 'NZD', pattern: /\b(?:New Zealand(?:ers?)?|Aotearoa|Wellington|Auckland|Waitangi|Māori)\b/g },
];
const UN_OR_US = /\b(?:United Nations|Security Council|General Assembly|Secretary[-\u2011]General|United States|Americans?|Congress|White House|Washington)\b/g;

export interface DollarReading {
  currency: string;
  /** Why: the country the document is from. */
  reason: string;
}

/** The currency of a bare `$` in this document, when it is not the US dollar. */
export function inferDollar(text: string): DollarReading | undefined {
  const sample = text.slice(0, SAMPLE);
  const usOrUn = sample.match(UN_OR_US)?.length ?? 0;
  let best: { currency: string; hits: number } | undefined;
  for (const { currency, pattern } of SIGNS) {
    const hits = sample.match(pattern)?.length ?? 0;
    if (hits && (!best || hits > best.hits)) best = { currency, hits };
  }
  // `US$` written out for some amounts says that the bare `$` is another dollar.
  const explicitUs = /US\$|U\.S\.\s?\$/.test(sample);
  if (!best || best.hits < 2 || (best.hits <= usOrUn && !explicitUs)) return undefined;
  return { currency: best.currency, reason: { AUD: 'Australia', CAD: 'Canada', NZD: 'New Zealand' }[best.currency]! };
}

/** Re-reads the bare-`$` amounts of a document as its own dollar. */
export function applyDollar(figures: Figure[], reading: DollarReading | undefined): void {
  if (!reading) return;
  for (const f of figures) {
    if (f.currency === 'USD' && /(?:^|[^A-Z])\$/.test(f.surface) && !/US\$|U\.S\./.test(f.surface)) {
      f.currency = reading.currency;
      f.currencyInferred = reading.reason;
    }
  }
}
