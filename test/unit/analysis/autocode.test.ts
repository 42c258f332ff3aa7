import * as assert from 'node:assert/strict';
import {
  documentStructure, matchProposals, matcherFor, paragraphs, passageSpeaker, PatternError, sectionParagraphProposals, turnProposals,
} from '../../../src/core/analysis';
import { corpusDoc } from './support/corpus';
import { describeWithCorpus } from '../../support/corpus';

// Read in a hook, not when the file loads: a clone without the corpus skips these suites and says why.
let record = '';
let press = '';
let recordDoc: ReturnType<typeof documentStructure>;
let pressDoc: ReturnType<typeof documentStructure>;
function load(): void {
  if (record) return;
  record = corpusDoc('02-sc');
  press = corpusDoc('00-press');
  recordDoc = documentStructure(record);
  pressDoc = documentStructure(press);
}

describeWithCorpus('Tag All Matches proposals', () => {
  before(load);
  it('finds a phrase across the line breaks of a hard-wrapped record', () => {
    const found = matchProposals(record, recordDoc, { text: 'humanitarian principles', mode: 'phrase' }, 'humanitarian', []);
    assert.ok(found.length >= 2);
    assert.ok(found.some((p) => p.quote === 'humanitarian\nprinciples' && p.line === 59));
  });

  it('whole words leave out longer words; a phrase does not', () => {
    const words = matchProposals(record, recordDoc, { text: 'aid', mode: 'words' }, 't', []);
    const phrase = matchProposals(record, recordDoc, { text: 'aid', mode: 'phrase' }, 't', []);
    assert.ok(words.every((p) => !/[a-z]/i.test(record[p.start - 1] ?? ' ') && !/[a-z]/i.test(record[p.end] ?? ' ')));
    assert.ok(phrase.length > words.length, '"said" contains "aid"');
  });

  it('takes a regular expression, case-insensitive unless asked', () => {
    const found = matchProposals(record, recordDoc, { text: 'resolution \\d{4} \\(\\d{4}\\)', mode: 'regex' }, 't', []);
    assert.ok(found.length > 5);
    assert.ok(found.every((p) => /^resolution \d{4} \(\d{4}\)$/i.test(p.quote)));
    const sensitive = matchProposals(record, recordDoc, { text: 'Resolution', mode: 'words', caseSensitive: true }, 't', []);
    assert.ok(sensitive.every((p) => p.quote === 'Resolution'));
  });

  it('refuses a broken or empty-matching pattern with a reason', () => {
    assert.throws(() => matcherFor({ text: '(unclosed', mode: 'regex' }), (e: unknown) => e instanceof PatternError && /not a regular expression/.test(e.message));
    assert.throws(() => matcherFor({ text: 'a*', mode: 'regex' }), /matches empty text/);
    assert.throws(() => matcherFor({ text: '', mode: 'phrase' }), /empty/);
  });

  it('marks matches already tagged with the theme, and shows each in its line', () => {
    const [first] = matchProposals(record, recordDoc, { text: 'the only path forward', mode: 'phrase' }, 'humanitarian', []);
    const again = matchProposals(record, recordDoc, { text: 'the only path forward', mode: 'phrase' }, 'humanitarian', [{ start: first.start, end: first.end, themes: ['humanitarian'] }]);
    assert.equal(again[0].alreadyTagged, true);
    assert.equal(again[0].preview.match, 'the only path forward');
    assert.equal(again[0].preview.before, 'text of resolution 2504 (2020) was ');
    assert.equal(again[0].column, 'text of resolution 2504 (2020) was '.length + 1);
  });
});

describeWithCorpus('Tag Speaker Turns proposals', () => {
  before(load);
  it('proposes the speech of every turn of the chosen speaker, without the label', () => {
    const keys = recordDoc.speakers.map((t) => passageSpeaker(t).key);
    const nebenzia = keys[recordDoc.speakers.findIndex((t) => t.surface === 'Mr. Nebenzia')];
    const found = turnProposals(recordDoc, new Set([nebenzia]), (i) => keys[i], 'russia', []);
    assert.deepEqual(found.map((p) => p.line), [54, 475, 1044], 'the label wraps onto the next line: "Russian):"');
    assert.ok(found.every((p) => p.quote.startsWith('The Russian Federation') || /^[A-Z“]/.test(p.quote)));
    assert.ok(!found.some((p) => p.quote.includes('Mr. Nebenzia')));
  });

  it('proposes every paragraph of the chosen sections, headings and labels left out', () => {
    const session = pressDoc.sections.findIndex((s) => s.title === 'Session IV');
    const found = sectionParagraphProposals(pressDoc, new Set([session]), 'session-iv', []);
    assert.deepEqual(found.map((p) => p.line), [17, 18, 19, 20]);
    assert.ok(found.every((p) => !p.quote.includes('\n')));
  });

  it('splits a hard-wrapped record into paragraphs at short sentence-ending lines', () => {
    const from = record.indexOf('Mr. Pecsteen de Buytswerve (Belgium):');
    const to = record.indexOf('The President:', from);
    const paras = paragraphs(record, from, to, (at) => recordDoc.isFurniture!(recordDoc.lineOf(at))).map(([s, e]) => record.slice(s, e));
    assert.ok(paras.length >= 3, `${paras.length} paragraphs`);
    assert.ok(paras.every((p) => /[.:;!?"”)]$/.test(p)));
  });
});
