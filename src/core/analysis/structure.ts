/**
 * The part of the document model that analysis needs: sections and speaker turns. References and figures take
 * more than half of a full parse and say nothing about where a passage lies, so an index of a large folder
 * skips them. Both share `parseStructure`, so the results are the same.
 */
import type { PolicyDocument } from '../document';
import { parseStructure } from '../document/parse';

export type DocumentStructure = Pick<PolicyDocument, 'text' | 'sections' | 'speakers' | 'people' | 'lineOf'> & {
  /** Whether a 0-based line is page furniture (running header or footer, page number), which no paragraph holds. */
  readonly isFurniture?: (line: number) => boolean;
};

export function documentStructure(text: string): DocumentStructure {
  const { layout, sections, speakers, people } = parseStructure(text);
  const lines = layout.lines;
  return { text, sections, speakers, people, lineOf: (offset: number) => lines.lineOf(offset), isFurniture: (line: number) => layout.furniture[line] === 1 };
}
