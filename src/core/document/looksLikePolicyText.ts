// A cheap guess, on the first ~20 KB, whether a plain-text or Markdown file is a policy text worth parsing as one.
const SAMPLE = 20_000;
const SIGNALS: RegExp[] = [
  /\b[Rr]esolutions? \d{1,4}(?: ?\(\d{4}\)|\/\d{1,4})/g,
  /(?<![\w/])[AS]\/(?:RES\/|PV\.|\d{2,4}\/)\S*\d/g,
  /^(?:The President|The Secretary-General|Mr\. [A-Z][\w’'-]+(?: [A-Z][\w’'-]+)? \([^)]{2,60}\)):/gm,
  /\b(?:Security Council|General Assembly|Economic and Social Council|Member States|Secretary[-\u2011]General|United Nations)\b/g,
  /\b(?:delegate|representative|Ambassador|Minister|Parliament|Hansard|Executive Order|Sec\. \d+\.)\b/g,
  /\b\d+ (?:votes? )?in favou?r\b/g,
  /^(?:[A-Z][A-Z.'’\- ]{1,40}|(?:Mr|Mrs|Ms|Hon|HON|MR|MRS|MS)\.? ?[A-Z][\w’'.\- ]{1,40}):[ \t\u00a0]/gm,
  /\b(?:Administration|Government|Budget|Congress|Senate|Parliament|Committee|Bill|treaty|sanctions|humanitarian|Ministry|delegation|legislation|appropriations?|policy|President|multilateral|sovereignty|peacekeeping)\b/g,
  /[$€£₤¥]\s?\d|\bper cent\b|\d percent\b/g,
];

export function looksLikePolicyText(text: string): boolean {
  const sample = text.slice(0, SAMPLE);
  if (sample.trim().length < 200) return false;
  let score = 0;
  for (const re of SIGNALS) {
    const hits = sample.match(re)?.length ?? 0;
    score += Math.min(hits, 5);
  }
  // Roughly: a couple of strong signals (symbols, labels) or many weak ones (institutions, roles, amounts).
  return score >= 7;
}
