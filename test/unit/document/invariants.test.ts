import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { looksLikePolicyText, parsePolicyDocument, toAnalyzeJson } from '../../../src/core/document';
import type { PolicyDocument } from '../../../src/core/document';
import { ownDocuments } from '../../support/fixtures';
import { corpusDoc, itForEachCorpusDoc, itWithCorpus } from './corpus';

function assertRangesSliceSurfaces(doc: PolicyDocument, where: string): void {
  const { text } = doc;
  for (const s of doc.sections) {
    const lineStart = s.range.start === 0 || text[s.range.start - 1] === '\n';
    const lineEnd = s.range.end === text.length || text[s.range.end] === '\n';
    assert.ok(lineStart && lineEnd, `${where}: section ${s.title} covers its whole line`);
    assert.ok(s.end >= s.range.end && s.end <= text.length, `${where}: section ${s.title} ends after its heading`);
  }
  for (const t of doc.speakers) {
    assert.equal(text.slice(t.range.start, t.range.end), t.surface, `${where}: speaker`);
    if (t.labelRange) assert.equal(text.slice(t.labelRange.start, t.labelRange.end), t.label, `${where}: label`);
    assert.ok(t.end > t.range.start && t.end <= text.length, `${where}: turn ${t.surface} ends after it starts`);
  }
  for (const r of doc.references) assert.equal(text.slice(r.range.start, r.range.end), r.surface, `${where}: reference`);
  for (const f of doc.figures) assert.equal(text.slice(f.range.start, f.range.end), f.surface, `${where}: figure`);
  const starts = (items: { range: { start: number; end: number } }[]) => items.every((x, i) => i === 0 || x.range.start >= items[i - 1].range.end);
  assert.ok(starts(doc.references) && starts(doc.figures) && starts(doc.speakers), `${where}: items in order, no overlaps`);
}

describe('document model invariants', () => {
  itForEachCorpusDoc((name) => `every range slices exactly its surface: ${name}`, ({ name, text }) => assertRangesSliceSurfaces(parsePolicyDocument(text), name));
  for (const { name, text } of ownDocuments()) {
    it(`every range slices exactly its surface: ${name} (the project's own)`, () => assertRangesSliceSurfaces(parsePolicyDocument(text), name));
  }

  it('holds on arbitrary text built from policy-text fragments (property)', () => {
    const fragment = fc.constantFrom('resolution 2504 (2020)', 'S/PV.8700', 'Mr. Nebenzia (Russian Federation):', '\n', ' ',
      '$5 billion to $70 billion', 'In favour:', 'Session III', '‑', '\u00a0', '“', '”', '12 months', 'Mr. STEINER said',
      'ANTÓNIO GUTERRES, Secretary‑General of the United Nations, said', '**Bold** ', '2/12\u0008 20-00806', 'five', '(', ')', ':');
    fc.assert(fc.property(fc.array(fc.oneof(fragment, fc.string({ maxLength: 8 })), { maxLength: 60 }), (parts) => {
      assertRangesSliceSurfaces(parsePolicyDocument(parts.join('')), 'generated');
    }), { numRuns: 300 });
  });

  it('counts lines on LF only', () => {
    const doc = parsePolicyDocument('a\r\nb\u2028c\nd');
    assert.deepEqual([0, 1, 3, 5, 7].map((o) => doc.lineOf(o)), [0, 0, 1, 1, 2]);
  });

  itWithCorpus('serialises the analyze JSON with 1-based lines and verbatim surfaces', () => {
    const json = toAnalyzeJson('00.txt', parsePolicyDocument(corpusDoc('00')));
    assert.deepEqual(json.sections[1], { line: 12, text: 'Session III', level: 2, title: 'Session III' });
    assert.deepEqual(json.references[0], { line: 5, surface: 'resolution 2396 (2017)', symbol: 'S/RES/2396(2017)', kind: 'resolution', organ: 'Security Council' });
    assert.deepEqual(json.figures[0].value, [5e9, 7e10]);
    assert.equal(json.speakers[0].name, 'Achim Steiner');
  });

  itWithCorpus('recognises policy texts and leaves ordinary notes alone', () => {
    for (const prefix of ['00', '02', '06', '16']) assert.ok(looksLikePolicyText(corpusDoc(prefix)), prefix);
    const notes = 'Shopping list\n\n- milk\n- bread\n\nCall the plumber on Tuesday about the kitchen sink. '.repeat(10);
    assert.equal(looksLikePolicyText(notes), false);
    assert.equal(looksLikePolicyText('# README\n\nnpm install && npm test\n'.repeat(20)), false);
  });
});
