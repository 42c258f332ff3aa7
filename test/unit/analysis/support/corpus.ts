/** Corpus documents and their gold labels, read in place from ../shared/corpus (never copied into the project). */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { createTarget, emptySidecar, textHash, type Annotation, type Sidecar } from '../../../../src/core/annotations';
import { docsDir, goldDir } from '../../document/corpus';

export { corpusDoc } from '../../document/corpus';

export interface GoldSpeaker {
  line: number;
  surface: string;
  name?: string;
  country?: string;
  kind?: string;
  optional?: boolean;
  spans_lines?: boolean;
}

export interface GoldSection {
  line: number;
  text: string;
  heading?: string;
  level: number;
  note?: string;
}

export interface GoldDocument {
  name: string;
  text: string;
  speakers: GoldSpeaker[];
  sections: GoldSection[];
}

export function goldDocuments(): GoldDocument[] {
  return readdirSync(goldDir).filter((f) => f.endsWith('.yaml')).sort().flatMap((f) => {
    const gold = parse(readFileSync(join(goldDir, f), 'utf8')) as { document?: string; speakers?: GoldSpeaker[]; sections?: GoldSection[] } | null;
    if (!gold?.document) return [];
    const text = readFileSync(join(docsDir, gold.document), 'utf8');
    return [{ name: gold.document, text, speakers: gold.speakers ?? [], sections: gold.sections ?? [] }];
  });
}

/** UTF-16 offset of the start of a 1-based line. */
export function lineStart(text: string, line: number): number {
  let at = 0;
  for (let l = 1; l < line; l++) at = text.indexOf('\n', at) + 1;
  return at;
}

export interface Quote {
  id: string;
  themes: string[];
  /** The passage: its text, and which of its occurrences (1-based) when it repeats. */
  quote: string;
  nth?: number;
  note?: string;
}

/** A sidecar made in the test, as Policy Lens would write it for `text`. */
export function sidecarFor(name: string, text: string, quotes: readonly Quote[]): Sidecar {
  const annotations = quotes.map((q): Annotation => {
    let at = -1;
    for (let n = 0; n < (q.nth ?? 1); n++) at = text.indexOf(q.quote, at + 1);
    if (at < 0) throw new Error(`"${q.quote}" is not in ${name}`);
    return { id: q.id, themes: q.themes, ...(q.note && { note: q.note }), target: createTarget(text, at, at + q.quote.length) };
  });
  return { ...emptySidecar(name, textHash(text)), annotations };
}

/** An annotation on text[start, end) (UTF-16 offsets). */
export function annotationAt(text: string, id: string, themes: string[], start: number, end: number): Annotation {
  return { id, themes, target: createTarget(text, start, end) };
}
