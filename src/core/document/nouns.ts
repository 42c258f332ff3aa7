// The noun a count counts: `27 projects`, `35 capacity‑building projects`, `four of the five permanent members`.
import { DIGITS, SPELLED } from './numbers';
import { cleanText } from './text';

const WORD = /[\s\u00a0]+([\p{L}][\p{L}\p{M}’'\-\u2010\u2011]*)/uy;
const SUSPENDED = /[\s\u00a0]+(and|or|to)(?=[\s\u00a0])/y;
const PARTITIVE = new RegExp(String.raw`[\s\u00a0]+of[\s\u00a0]+(?:the|these|those|its|their|our)(?:[\s\u00a0]+(?:${DIGITS}|${SPELLED}))?(?=[\s\u00a0])`, 'iuy');
/** A spelled number after these is anaphoric or negated (`these two areas`, `no ten countries`), not a figure. */
export const NO_COUNT_BEFORE = /\b(?:these|those|the|our|my|his|her|their|its|your|whose|no|every|each|any|first|last)[\s\u00a0]+$/i;

const STOP = new Set(['of', 'in', 'to', 'the', 'a', 'an', 'and', 'or', 'for', 'that', 'which', 'who', 'with', 'on', 'at',
  'by', 'from', 'as', 'were', 'was', 'are', 'is', 'have', 'has', 'had', 'will', 'would', 'could', 'should', 'can', 'may',
  'must', 'be', 'been', 'not', 'per', 'than', 'more', 'less', 'ago', 'its', 'their', 'our', 'this', 'these', 'those', 'it',
  'he', 'she', 'they', 'we', 'i', 'you', 'his', 'her', 'also', 'only', 'each', 'every', 'about', 'after', 'before',
  'into', 'since', 'until', 'while', 'under', 'over', 'between', 'vote', 'against', 'abstentions',
  'percent', 'cent', 'but', 'if', 'so', 'yet', 'do', 'does', 'did', 'there', 'here', 'out', 'up', 'down', 'through',
  'during', 'among', 'within', 'without', 'against', 'toward', 'towards', 'upon', 'via', 'per', 'whose', 'what', 'all',
  'both', 'either', 'neither', 'nor', 'than', 'then', 'when', 'where', 'why', 'how', 'now', 'just', 'very', 'too']);
const IRREGULAR = new Set(['people', 'children', 'women', 'men', 'staff', 'personnel', 'police', 'livestock', 'cattle',
  'youth', 'feet', 'teeth', 'mice', 'geese', 'data', 'media', 'criteria', 'aircraft', 'sheep', 'fish', 'deer', 'offspring']);

function isPlural(w: string): boolean {
  const lw = w.toLowerCase();
  if (IRREGULAR.has(lw)) return true;
  // Headlines write nouns in capitals (`31 TEXTS`).
  return w.length >= 3 && /s$/i.test(w) && !/(?:ss|us|is|[’']s)$/i.test(w);
}

/**
 * Reads up to three words after `pos` and returns the phrase up to the first plural noun: `elected colleagues`,
 * `Sustainable Development Goals`, `UN organizations`. A partitive (`of the five permanent members`) is followed.
 */
export function nounPhrase(text: string, pos: number): { end: number; noun: string } | undefined {
  PARTITIVE.lastIndex = pos;
  const partitive = PARTITIVE.exec(text);
  let p = partitive ? PARTITIVE.lastIndex : pos;
  const words: string[] = [];
  for (let k = 0; k < 4; k++) {
    WORD.lastIndex = p;
    const m = WORD.exec(text);
    if (!m) return undefined;
    const w = m[1];
    // A suspended hyphen joins two modifiers: `40 low- and middle-income countries`.
    SUSPENDED.lastIndex = WORD.lastIndex;
    const joined = /[\-\u2010\u2011]$/.test(w) ? SUSPENDED.exec(text) : null;
    if (joined) {
      words.push(`${w} ${joined[1]}`);
      p = SUSPENDED.lastIndex;
      continue;
    }
    if (STOP.has(w.toLowerCase())) return undefined;
    words.push(w);
    p = WORD.lastIndex;
    // `United Nations` is a name used as a modifier (`11 United Nations peacekeeping operations`), not the noun.
    const proper = w === 'Nations' && words[words.length - 2] === 'United';
    if (isPlural(w) && !proper) return { end: p, noun: cleanText(words.join(' ')) };
  }
  return undefined;
}

/**
 * The singular noun phrase after `one` (`one motion`, `one antibiotic prescription`): up to two words, ending before
 * a word that cannot be part of it; none after a pronoun use (`one of`, `one another`, `one hand`).
 */
export function singularNounPhrase(text: string, pos: number): { end: number; noun: string } | undefined {
  const words: string[] = [];
  let p = pos;
  for (let k = 0; k < 2; k++) {
    WORD.lastIndex = p;
    const m = WORD.exec(text);
    if (!m || STOP.has(m[1].toLowerCase()) || /^\p{Lu}/u.test(m[1]) || isPlural(m[1]) || /(?:ly|ing|ed)$/.test(m[1])) break;
    words.push(m[1]);
    p = WORD.lastIndex;
  }
  if (!words.length || NOT_AFTER_ONE.has(words[0].toLowerCase())) return undefined;
  return { end: p, noun: cleanText(words.join(' ')) };
}
const NOT_AFTER_ONE = new Set(['another', 'hand', 'thing', 'way', 'voice', 'day', 'side', 'point', 'time', 'third', 'half',
  'quarter', 'fifth', 'tenth']);
