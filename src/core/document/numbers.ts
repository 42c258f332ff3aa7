// Numbers as policy texts write them: `1.4 million`, `700,000`, `Seventy-five`, `One hundred`, `half a billion`.

const UNITS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
export const SCALES: Record<string, number> = {
  hundred: 1e2, thousand: 1e3, lakh: 1e5, crore: 1e7, million: 1e6, billion: 1e9, trillion: 1e12, bn: 1e9, mn: 1e6, m: 1e6, k: 1e3,
};

const H = String.raw`[\-\u2010\u2011]`;
const UNIT_WORDS = 'two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen';
const TEN_WORDS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
/**
 * A spelled-out number. `one` only counts before `hundred`/`thousand`/…: on its own it is a pronoun far more often
 * than a quantity (`one of the`, `no one country`).
 */
const BELOW_HUNDRED = String.raw`(?:(?:${TEN_WORDS})(?:${H}(?:one|${UNIT_WORDS}))?|${UNIT_WORDS})`;
export const SPELLED = String.raw`(?:${BELOW_HUNDRED}|one(?=[ \t\u00a0\n]+(?:hundred|thousand|million|billion)))(?:[ \t\u00a0\n]+hundred(?:[ \t\u00a0\n]+and[ \t\u00a0\n]+(?:${BELOW_HUNDRED}|one))?)?`;
// Thousands are grouped with commas, or with (no-break, thin) spaces in texts of French or OCR origin: `150 000`.
// A vulgar fraction may follow (`$6½ million`). South African and continental texts write a decimal comma
// (`R1,26 trillion`, `21,4%`): a comma before one or two digits and a scale or a per cent sign can be nothing else.
const DECIMAL_COMMA = String.raw`\d{1,3},\d{1,2}(?=[ \u00a0]?(?:%|per[ \u00a0]cent\b|percent\b|million\b|billion\b|trillion\b|bn\b|m\b))`;
export const DIGITS = String.raw`(?:${DECIMAL_COMMA}|\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)|\d+)(?:\.\d+|[½¼¾⅓⅔⅛])?`;
const FRACTIONS: Record<string, number> = { '½': 0.5, '¼': 0.25, '¾': 0.75, '⅓': 1 / 3, '⅔': 2 / 3, '⅛': 0.125 };

/** Value of a digit string (`700,000`, `1.4`) or a spelled number (`Seventy-five`, `one hundred`). */
export function numberValue(s: string): number | undefined {
  const t = s.trim().toLowerCase().replace(/[\u2010\u2011]/g, '-').replace(/\s+/g, ' ');
  const fraction = FRACTIONS[t.at(-1) ?? ''];
  if (fraction !== undefined && /^\d/.test(t)) {
    const whole = numberValue(t.slice(0, -1));
    return whole === undefined ? undefined : whole + fraction;
  }
  if (/^\d{1,3},\d{1,2}$/.test(t)) return Number(t.replace(',', '.'));
  if (/^[\d,. \u00a0\u202f]+$/.test(t)) {
    const v = Number(t.replace(/[, \u00a0\u202f]/g, ''));
    return Number.isFinite(v) ? v : undefined;
  }
  let total = 0;
  let current = 0;
  for (const part of t.split(/[ -]/)) {
    if (part in UNITS) current += UNITS[part];
    else if (part in TENS) current += TENS[part];
    else if (part === 'hundred') current = (current || 1) * 100;
    else if (part === 'a' || part === 'and') continue;
    else if (part in SCALES) {
      total += (current || 1) * SCALES[part];
      current = 0;
    } else return undefined;
  }
  return total + current;
}

export function scaleValue(word: string | undefined): number {
  return word ? SCALES[word.toLowerCase()] ?? 1 : 1;
}

export const CURRENCY_OF: Record<string, string> = {
  '$': 'USD', 'US$': 'USD', 'USD': 'USD', 'dollars': 'USD', '€': 'EUR', 'EUR': 'EUR', 'euros': 'EUR', '£': 'GBP',
  '₤': 'GBP', 'GBP': 'GBP', 'pounds': 'GBP', '¥': 'JPY', 'JPY': 'JPY', 'yen': 'JPY', '₹': 'INR', 'CHF': 'CHF',
  'francs': 'CHF', 'CAD': 'CAD', 'AUD': 'AUD', 'A$': 'AUD', 'C$': 'CAD', 'NZ$': 'NZD', 'NZD': 'NZD', 'yuan': 'CNY', 'RMB': 'CNY', 'R': 'ZAR', 'Rs': 'INR', 'Rs.': 'INR', 'rupees': 'INR', 'rand': 'ZAR',
};

/** Avoids float noise in `1.4 * 1e6`. */
export function scaled(v: number, scale: number): number {
  return Number((v * scale).toPrecision(12));
}
