import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { anchorAll, codePointIndex, createTarget } from '../../../src/core/annotations';
import { corpus } from '../../support/corpus';
import { demoDocuments } from '../../support/fixtures';
import { corpusDoc } from './support/corpus';
import { EditTracker, vocabulary, wordEdit, type WordEditKind } from './support/editing';

// Real documents of different kinds: a press release, a resolution, a debate record (sliced to keep
// a run fast), a parliamentary debate with OCR noise. A clone without the corpus uses the demo documents,
// which are of the same kinds, so that the property holds on every run.
const docs = corpus.present ? [
  corpusDoc('00-press'),
  corpusDoc('01-sc-pv8701'),
  corpusDoc('02-sc-pv8700').slice(0, 30000),
  corpusDoc('19-cook-islands'),
] : demoDocuments().map((d) => d.text);
const vocabularies = docs.map(vocabulary);

interface Placed {
  id: string;
  start: number;
  end: number;
}

/**
 * Annotations on passages whose selector is unique in the text (otherwise no one could tell copies
 * apart) and that hold a letter or digit (a "." in a dot leader ". . . ." has no identity to keep).
 */
function annotate(text: string, spans: { at: number; length: number }[]) {
  const cps = codePointIndex(text);
  const out: (Placed & { target: ReturnType<typeof createTarget> })[] = [];
  spans.forEach(({ at, length }, i) => {
    let s = Math.floor(at * text.length);
    let e = Math.min(text.length, s + length);
    // People select words, not the spaces around them.
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e <= s) return;
    const target = createTarget(text, s, e, cps);
    const selector = target.prefix + target.quote + target.suffix;
    const first = text.indexOf(selector);
    if (text.indexOf(selector, first + 1) >= 0 || !/[\p{L}\p{N}]/u.test(target.quote)) return;
    out.push({ id: `a${i}`, start: s, end: e, target });
  });
  return out;
}

const editArb = fc.record({
  kind: fc.constantFrom<WordEditKind>('insert', 'delete', 'replace'),
  at: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
  word: fc.nat(),
});
const spanArb = fc.record({ at: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), length: fc.integer({ min: 1, max: 300 }) });

/** Annotates document `d`, applies the word edits, and anchors the annotations in the edited text. */
function anchorAfterEdits(d: number, spans: { at: number; length: number }[], edits: { kind: WordEditKind; at: number; word: number }[]) {
  const text = docs[d];
  const annotations = annotate(text, spans);
  const t = new EditTracker(text);
  const vocab = vocabularies[d];
  for (const e of edits) wordEdit(t, e.kind, Math.floor(e.at * t.text.length), vocab[e.word % vocab.length]);
  return { text, annotations, t, results: anchorAll(t.text, annotations) };
}

describe('anchorAll under random edits (property)', () => {
  it('places every annotation on text its passage became, or orphans it; never loses or misplaces one', () => {
    fc.assert(
      fc.property(
        fc.nat(docs.length - 1),
        fc.array(spanArb, { minLength: 1, maxLength: 25 }),
        fc.array(editArb, { maxLength: 80 }),
        (d, spans, edits) => {
          const { annotations, t, results } = anchorAfterEdits(d, spans, edits);
          assert.deepEqual(results.map((r) => r.id), annotations.map((a) => a.id));
          results.forEach((r, i) => {
            if (r.status === 'orphan') return;
            const truth = t.mapRange(annotations[i].start, annotations[i].end);
            const where = `${r.id} "${annotations[i].target.quote}" -> ${JSON.stringify(t.text.slice(r.start, r.end))}`;
            assert.ok(truth, `${where}: passage was deleted, but placed (${r.status})`);
            assert.ok(r.start! < truth[1] && r.end! > truth[0], `${where}: placed off its passage ${JSON.stringify(t.text.slice(...truth))}`);
          });
        },
      ),
      { numRuns: Number(process.env.RUNS ?? 150) },
    );
  });

  it('finds an annotation whose passage and context no edit touched exactly where it went', () => {
    fc.assert(
      fc.property(
        fc.nat(docs.length - 1),
        fc.array(spanArb, { minLength: 1, maxLength: 25 }),
        fc.array(editArb, { maxLength: 40 }),
        (d, spans, edits) => {
          const { text, annotations, t, results } = anchorAfterEdits(d, spans, edits);
          results.forEach((r, i) => {
            const { target } = annotations[i];
            const cps = codePointIndex(text);
            const outer = t.mapRange(cps.toUtf16(target.start - target.prefix.length), cps.toUtf16(target.end) + target.suffix.length);
            const truth = t.mapRange(annotations[i].start, annotations[i].end);
            const untouched = outer && truth && t.text.slice(outer[0], outer[1]) === target.prefix + target.quote + target.suffix;
            if (!untouched) return;
            assert.ok(r.status === 'exact' || r.status === 'moved', `${r.id} "${target.quote}": ${r.status}`);
            assert.deepEqual([r.start, r.end], truth, `${r.id} "${target.quote}"`);
          });
        },
      ),
      { numRuns: Number(process.env.RUNS ?? 100) },
    );
  });

  it('finds every annotation exactly in the unchanged text', () => {
    fc.assert(
      fc.property(fc.nat(docs.length - 1), fc.array(spanArb, { minLength: 1, maxLength: 40 }), (d, spans) => {
        const annotations = annotate(docs[d], spans);
        for (const [i, r] of anchorAll(docs[d], annotations).entries()) {
          assert.deepEqual(r, { id: annotations[i].id, status: 'exact', start: annotations[i].start, end: annotations[i].end, score: 1 });
        }
      }),
      { numRuns: 50 },
    );
  });
});
