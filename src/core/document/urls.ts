// Links: their paths hold date-like and number-like strings (`2023/10/20`, `fy-2024`) that are neither.
import type { TextRange } from './types';
import { anchoredMatches } from './scan';

export function urlRanges(text: string): TextRange[] {
  const links = anchoredMatches(text, /\]\(/g, /\]\([^)\s]{1,2000}\)/g, 1, 2002).map((f) => ({ start: f.index, end: f.index + f.match[0].length }));
  const urls = [...text.matchAll(/https?:\/\/[^\s)\]>]+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  return [...urls, ...links];
}
