import * as assert from 'node:assert/strict';
import { textHash } from '../../../src/core/annotations';
import { codedPassages } from '../../../src/core/analysis';
import { parsePolicyDocument } from '../../../src/core/document';
import { foldKey } from '../../../src/core/document/text';
import { corpus, describeWithCorpus } from '../../support/corpus';
import { annotationAt, corpusDoc, goldDocuments, lineStart, sidecarFor, type GoldDocument, type GoldSpeaker } from './support/corpus';

// Without the corpus beside the clone these suites are skipped, and say why.
const press = corpus.present ? corpusDoc('00-press') : '';
const TITLE = 'Share Expertise, Resources to Prevent New Technologies from Becoming Lethal Weapons, Secretary-General Stresses as Counter-Terrorism Conference Ends';

describeWithCorpus('codedPassages', () => {
  it('places a passage in its section path and speaker turn, with its line, themes and note', () => {
    const sidecar = sidecarFor('press.txt', press, [
      { id: 'a1', themes: ['prevention', 'finance'], quote: 'violent extremism was costing billions', note: 'Cost of extremism.' },
    ]);
    const { passages, orphans } = codedPassages('reports/press.txt', press, sidecar);
    assert.deepEqual(orphans, []);
    const [p] = passages;
    assert.equal(p.document, 'reports/press.txt');
    assert.equal(p.line, 14);
    assert.equal(p.quote, 'violent extremism was costing billions');
    assert.deepEqual(p.themes, ['prevention', 'finance']);
    assert.equal(p.note, 'Cost of extremism.');
    assert.deepEqual(p.section, [TITLE, 'Session III']);
    assert.equal(p.speaker?.name, 'Achim Steiner', 'the short form Mr. STEINER resolves to the person introduced earlier');
    assert.match(p.speaker?.role ?? '', /^Administrator of the United Nations Development Programme/);
    assert.equal(p.orphan, false);
  });

  it('gives no speaker to a passage outside every turn, and the title alone as its section', () => {
    const sidecar = sidecarFor('press.txt', press, [{ id: 'lead', themes: ['technology'], quote: 'prevent new technologies from becoming lethal terrorist weapons' }]);
    const [p] = codedPassages('press.txt', press, sidecar).passages;
    assert.equal(p.line, 2);
    assert.deepEqual(p.section, [TITLE]);
    assert.equal(p.speaker, null);
  });

  it('gives a passage that spans two turns to the turn where it starts', () => {
    const from = press.indexOf('Mr. FEDOTOV said') - 40;
    const to = press.indexOf('Mr. FEDOTOV said') + 40;
    const sidecar = { ...sidecarFor('press.txt', press, []), annotations: [annotationAt(press, 'span', ['gender'], from, to)] };
    const [p] = codedPassages('press.txt', press, sidecar).passages;
    assert.equal(p.speaker?.name, 'Phumzile Mlambo-Ngcuka');
    assert.equal(p.line, 19);
  });

  it('re-anchors in memory when the text changed, never touching the sidecar, and lists what is gone as orphans', () => {
    const sidecar = sidecarFor('press.txt', press, [
      { id: 'kept', themes: ['technology'], quote: 'violent extremism was costing billions' },
      { id: 'gone', themes: ['gender'], quote: 'Highlighting progress and sharing related concerns' },
    ]);
    const before = JSON.stringify(sidecar);
    const sentence = press.slice(press.indexOf('Highlighting progress'), press.indexOf('.', press.indexOf('Highlighting progress')) + 1);
    const edited = `A line added at the top.\n${press.replace(sentence, '')}`;
    const { passages, orphans } = codedPassages('press.txt', edited, sidecar);
    assert.equal(JSON.stringify(sidecar), before);
    assert.deepEqual(passages.map((p) => [p.id, p.line, edited.slice(p.start, p.end)]), [['kept', 15, 'violent extremism was costing billions']]);
    assert.deepEqual(orphans.map((o) => [o.id, o.orphan, o.section, o.speaker]), [['gone', true, [], null]]);
    assert.equal(orphans[0].annotation.status, 'orphan');
  });

  it('keeps an annotation the sidecar marks as orphan out of the passages even when the text is unchanged', () => {
    const sidecar = sidecarFor('press.txt', press, [{ id: 'o1', themes: ['x'], quote: 'Session IV' }]);
    const marked = { ...sidecar, annotations: sidecar.annotations.map((a) => ({ ...a, status: 'orphan' as const })) };
    const { passages, orphans } = codedPassages('press.txt', press, marked);
    assert.equal(passages.length, 0);
    assert.deepEqual(orphans.map((o) => o.id), ['o1']);
  });

  it('counts start and end in code points, as the sidecar does', () => {
    const text = `\u{1F30D} Global remarks\n${press}`;
    const quote = 'violent extremism was costing billions';
    const sidecar = sidecarFor('press.txt', text, [{ id: 'cp', themes: ['x'], quote }]);
    assert.equal(sidecar.textHash, textHash(text));
    const [p] = codedPassages('press.txt', text, sidecar).passages;
    assert.equal(p.start, text.indexOf(quote) - 1, 'the globe is two UTF-16 units but one code point');
    assert.equal(p.end - p.start, quote.length);
    assert.equal(p.line, 15);
  });

  it('uses a parse the caller already has, and lists passages in text order', () => {
    const sidecar = sidecarFor('press.txt', press, [
      { id: 'z', themes: ['a'], quote: 'Closing Remarks' },
      { id: 'y', themes: ['b'], quote: 'Session III' },
    ]);
    const doc = parsePolicyDocument(press);
    assert.deepEqual(codedPassages('press.txt', press, sidecar, doc).passages.map((p) => p.id), ['y', 'z']);
  });

  it('names the delegation of a speaker in a Security Council record', () => {
    const record = corpusDoc('02-sc');
    const sidecar = sidecarFor('pv.txt', record, [{ id: 'n1', themes: ['humanitarian'], quote: 'Mr. Nebenzia (Russian Federation)' }]);
    const [p] = codedPassages('pv.txt', record, sidecar).passages;
    assert.equal(p.speaker?.country, 'Russian Federation');
    assert.equal(p.section.at(-1), 'The situation in the Middle East');
  });
});

/** Surnames agree: `Mr. Harold Albrecht` is `Harold Albrecht`, `Deputy Speaker` is `Madam Deputy Speaker`. */
function samePerson(got: string | undefined, gold: GoldSpeaker): boolean {
  const last = (s: string) => foldKey(s).replace(/[.,]/g, ' ').trim().split(/\s+/).at(-1);
  return got !== undefined && last(got) === last(gold.name ?? gold.surface);
}

/** The turns a reader sees: speakers holding the floor or issuing a text, not summaries or mentions. */
function goldTurns(doc: GoldDocument): GoldSpeaker[] {
  return doc.speakers.filter((s) => !s.optional && ['turn', 'issuer', undefined].includes(s.kind));
}

/** A sidecar with one passage in the middle of each gold turn: the last words of its middle line. */
function passagesInTurns(doc: GoldDocument) {
  const turns = goldTurns(doc);
  const lines = doc.text.split('\n');
  const annotations = turns.map((t, i) => {
    const next = Math.min(turns[i + 1]?.line ?? lines.length + 1, ...doc.sections.map((s) => s.line).filter((l) => l > t.line));
    const line = Math.max(t.line + (t.spans_lines ? 1 : 0), Math.floor((t.line + next - 1) / 2));
    const end = lineStart(doc.text, line) + lines[line - 1].length;
    return annotationAt(doc.text, String(i), ['t'], Math.max(lineStart(doc.text, line), end - 12), end);
  });
  const { passages } = codedPassages(doc.name, doc.text, { ...sidecarFor(doc.name, doc.text, []), annotations });
  return passages.map((p) => ({ passage: p, gold: turns[Number(p.id)] }));
}

describeWithCorpus('codedPassages on the gold corpus', () => {
  const docs = corpus.present ? goldDocuments() : [];

  it('attributes every passage to the gold speaker of its turn wherever the document model finds that turn', () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const doc of docs) {
      const model = parsePolicyDocument(doc.text);
      const found = new Set(model.speakers.map((s) => model.lineOf(s.range.start) + 1));
      for (const { passage, gold } of passagesInTurns(doc)) {
        if (!found.has(gold.line)) continue;
        checked++;
        if (!samePerson(passage.speaker?.name, gold)) wrong.push(`${doc.name}:${passage.line} ${passage.speaker?.name ?? 'no speaker'} (gold: ${gold.name ?? gold.surface})`);
      }
    }
    assert.ok(checked >= 60, `only ${checked} gold turns found by the document model`);
    // The document model may resolve a later label to a different person than the gold does; those are its
    // misses, listed here so a placement error of the index cannot hide among them.
    assert.ok(wrong.length <= checked * 0.1, `${wrong.length} of ${checked} misattributed:\n${wrong.join('\n')}`);
  });

  it('matches the gold speaker turns for most passages of the whole corpus', () => {
    let right = 0;
    let all = 0;
    for (const doc of docs) {
      for (const { passage, gold } of passagesInTurns(doc)) {
        all++;
        if (samePerson(passage.speaker?.name, gold)) right++;
      }
    }
    // Floor of the current document model (measured 80 of 111; 80 of the 86 turns it finds); it rises as the
    // model finds more turns.
    assert.ok(right / all >= 0.7, `${right} of ${all} passages attributed to the gold speaker`);
  });

  it('places passages in the gold section they lie in wherever the document model finds that heading', () => {
    const wrong: string[] = [];
    let checked = 0;
    let agree = 0;
    let all = 0;
    for (const doc of docs) {
      const sections = doc.sections.filter((s) => !/optional/.test(s.note ?? ''));
      const model = parsePolicyDocument(doc.text);
      const headingLines = model.sections.map((s) => model.lineOf(s.range.start) + 1);
      for (const { passage } of passagesInTurns(doc)) {
        const gold = sections.filter((s) => s.line <= passage.line).at(-1);
        if (!gold) continue;
        const title = foldKey(gold.heading ?? gold.text).replace(/[*#]/g, '').trim();
        const inPath = passage.section.some((t) => foldKey(t) === title);
        all++;
        if (inPath) agree++;
        // Only where the model's nearest heading above the passage is the gold one does the path depend on the index alone.
        if (headingLines.filter((l) => l <= passage.line).at(-1) !== gold.line) continue;
        checked++;
        if (!inPath) wrong.push(`${doc.name}:${passage.line} ${passage.section.join(' > ')} (gold: ${title})`);
      }
    }
    assert.ok(checked >= 40, `only ${checked} passages under a gold section the model finds`);
    assert.deepEqual(wrong, []);
    // Floor of the current document model (measured 43 of 65), as for speakers.
    assert.ok(agree / all >= 0.6, `${agree} of ${all} passages in their gold section`);
  });
});
