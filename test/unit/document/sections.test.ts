import * as assert from 'node:assert/strict';
import { parsePolicyDocument } from '../../../src/core/document';
import { corpusDoc, describeWithCorpus, snippet } from './corpus';

const outline = (text: string) => {
  const doc = parsePolicyDocument(text);
  return doc.sections.map((s) => [doc.lineOf(s.range.start) + 1, s.level, s.title]);
};

describeWithCorpus('sections', () => {
  it('finds the headline and sub-headings of a meetings-coverage press release', () => {
    assert.deepEqual(outline(corpusDoc('00')).map(([line, level]) => [line, level]), [[1, 1], [12, 2], [16, 2], [21, 2]]);
    assert.deepEqual(outline(corpusDoc('00')).slice(1).map((s) => s[2]), ['Session III', 'Session IV', 'Closing Remarks']);
  });

  it('outlines a verbatim record and skips its running headers and footers (U+0008)', () => {
    assert.deepEqual(outline(corpusDoc('02')), [
      [23, 0, 'Agenda'], [37, 1, 'Adoption of the agenda'], [39, 1, 'The situation in the Middle East'],
    ]);
  });

  it('does not take a speech cut off before a label for an agenda heading', () => {
    assert.deepEqual(outline(snippet('03', 2240, 2250)), []);
  });

  it('reads Executive Order sections whose titles wrap or sit on the next line', () => {
    assert.deepEqual(outline(corpusDoc('16')).map((s) => s[2]), [
      'Section 1. Purpose.', 'Sec. 2. UNHRC and UNESCO Participation.', 'Sec. 3. Funding.', 'Sec. 4. Notification.',
      'Sec. 5. General Provisions.',
    ]);
  });

  it('reads Markdown bold and bold-italic headings, also when they wrap', () => {
    const titles = outline(snippet('17', 35, 51));
    assert.deepEqual(titles, [
      [1, 1, 'The President’s Budget:'],
      [3, 1, 'Confronts Threats to Global Security and Strengthens America’s Military'],
      [6, 2, 'Supports Ukraine, European Allies, and Partners.'],
      [15, 2, 'Reiterates the Administration’s Request for Immediate Funding for Urgent National Security Priorities Related to Ukraine, Israel, and the Indo-Pacific'],
    ]);
  });

  it('reads the parts of a bill in Hansard but not its page furniture or motions', () => {
    const titles = outline(snippet('19', 66, 90)).map((s) => s[2]);
    assert.deepEqual(titles, ['Part II.- Imposition of Tax.', 'Part III.', 'Part IV- Returns and payments.',
      'Part V- Assessment of Tax.', 'Part VI- Objections.']);
  });

  it('skips a running header that repeats the title of a resolution', () => {
    const lines = outline(corpusDoc('06')).map((s) => s[0]);
    assert.ok(lines.includes(11));
    assert.ok(!lines.includes(28));
  });

  it('ends a section at the next one of the same or a higher level', () => {
    const doc = parsePolicyDocument(corpusDoc('00'));
    const [title, s3, s4, closing] = doc.sections;
    assert.equal(title.end, doc.text.length);
    assert.equal(s3.end, s4.range.start);
    assert.equal(s4.end, closing.range.start);
    assert.equal(closing.end, doc.text.length);
  });
});
