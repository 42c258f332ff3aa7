// Entry point: text in, PolicyDocument out. Every pass is a single forward scan, so the whole parse is linear.
import type { Person, PolicyDocument, Section, SpeakerTurn } from './types';
import type { Layout } from './layout';
import { analyseLayout } from './layout';
import { findLabels } from './labels';
import { findSections } from './sections';
import { findSpeakers } from './speakers';
import { findReferences } from './references';
import { findFigures } from './figures';
import { findDates } from './dates';
import { urlRanges } from './urls';
import { applyDollar, inferDollar } from './currency';

/** The structure of a document: its layout, sections and speaker turns (what analysis needs, without the rest). */
export interface Structure {
  layout: Layout;
  sections: Section[];
  speakers: SpeakerTurn[];
  people: Person[];
}

export function parseStructure(text: string): Structure {
  const layout = analyseLayout(text);
  const labels = findLabels(text, layout);
  const labelLines = new Set(labels.map((l) => layout.lines.lineOf(l.start)));
  // A speaker's label printed alone before the speech is announced (a Hansard catch-line) is no heading.
  const labelSurfaces = new Set(labels.map((l) => l.surface.replace(/[ \t\u00a0]+/g, ' ')));
  const sections = findSections(layout, labelLines, labelSurfaces);
  const { speakers, people } = findSpeakers(text, layout, labels, sections);
  return { layout, sections, speakers, people };
}

export function parsePolicyDocument(text: string): PolicyDocument {
  const { layout, sections, speakers, people } = parseStructure(text);
  const references = findReferences(text);
  // A symbol's digits (`S/2020/24`, `resolution 2504 (2020)`) are neither dates nor figures, nor are a URL's.
  const urls = urlRanges(text);
  const dates = findDates(text, [...references.map((r) => r.range), ...urls]);
  // The item number of a numbered heading (`24 Oral Answers`) counts nothing.
  const itemNumbers = sections.flatMap((s) => {
    const n = /^[ \t]*\d{1,3}\.?(?=[ \t]+\p{Lu})/u.exec(text.slice(s.range.start, s.range.end));
    return n ? [{ start: s.range.start, end: s.range.start + n[0].length }] : [];
  });
  const figures = findFigures(text, layout, [...references.map((r) => r.range), ...urls, ...dates.map((d) => d.range), ...itemNumbers]);
  applyDollar(figures, inferDollar(text));
  const lines = layout.lines;
  return { text, sections, speakers, references, figures, dates, people, lineOf: (offset: number) => lines.lineOf(offset) };
}
