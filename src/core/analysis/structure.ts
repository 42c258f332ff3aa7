/**
 * The part of the document model that analysis needs: sections and speaker turns. References and figures take
 * more than half of a full parse and say nothing about where a passage lies, so an index of a large folder
 * skips them. The passes and their order are those of `parsePolicyDocument`, so the results are the same.
 */
import type { PolicyDocument } from '../document';
import { findLabels } from '../document/labels';
import { analyseLayout } from '../document/layout';
import { findSections } from '../document/sections';
import { findSpeakers } from '../document/speakers';

export type DocumentStructure = Pick<PolicyDocument, 'text' | 'sections' | 'speakers' | 'people' | 'lineOf'> & {
  /** Whether a 0-based line is page furniture (running header or footer, page number), which no paragraph holds. */
  readonly isFurniture?: (line: number) => boolean;
};

export function documentStructure(text: string): DocumentStructure {
  const layout = analyseLayout(text);
  const labels = findLabels(text, layout);
  const labelLines = new Set(labels.map((l) => layout.lines.lineOf(l.start)));
  const sections = findSections(layout, labelLines);
  const { speakers, people } = findSpeakers(text, layout, labels, sections);
  const lines = layout.lines;
  return { text, sections, speakers, people, lineOf: (offset: number) => lines.lineOf(offset), isFurniture: (line: number) => layout.furniture[line] === 1 };
}
