import * as assert from 'node:assert/strict';
import { parsePolicyDocument, type PolicyDocument, type Section, type SpeakerTurn } from '../../../src/core/document';
import { buildOutline, nodeAt } from '../../../src/core/outline';

function section(title: string, level: number, start: number, end: number): Section {
  return { title, level, range: { start, end: start + title.length }, end };
}

function turn(surface: string, start: number, end: number, name?: string): SpeakerTurn {
  return { surface, range: { start, end: start + surface.length }, end, name, kind: 'turn' };
}

function doc(sections: Section[], speakers: SpeakerTurn[], length = 1000): PolicyDocument {
  return { text: ' '.repeat(length), sections, speakers, references: [], figures: [], dates: [], people: [], lineOf: () => 0 };
}

describe('buildOutline', () => {
  it('nests sub-headings under the title and turns under the section they start in', () => {
    const outline = buildOutline(doc(
      [section('Title', 1, 0, 1000), section('Session III', 2, 100, 400), section('Session IV', 2, 400, 1000)],
      [turn('Mr. STEINER', 150, 400, 'Achim Steiner'), turn('Mr. VORONKOV', 450, 600), turn('Mr. FEDOTOV', 600, 1000)],
    ));
    assert.equal(outline.length, 1);
    const [title] = outline;
    assert.deepEqual(title.children.map((c) => c.label), ['Session III', 'Session IV']);
    assert.deepEqual(title.children[0].children.map((c) => c.label), ['Achim Steiner']);
    assert.deepEqual(title.children[1].children.map((c) => c.label), ['Mr. Voronkov', 'Mr. Fedotov']);
    assert.equal(title.children[1].children[0].parent, title.children[1]);
  });

  it('keeps turns before the first heading at the top level, and a turn ends where its section ends', () => {
    const outline = buildOutline(doc([section('Closing', 2, 500, 1000)], [turn('The President', 10, 800), turn('Mr. A', 600, 1000)]));
    assert.deepEqual(outline.map((n) => n.label), ['The President', 'Closing']);
    assert.equal(outline[0].end, 800);
  });

  it('gives repeated labels distinct, stable ids', () => {
    const outline = buildOutline(doc([section('Session', 2, 0, 500), section('Session', 2, 500, 1000)], []));
    assert.notEqual(outline[0].id, outline[1].id);
    const shifted = buildOutline(doc([section('Session', 2, 30, 530), section('Session', 2, 530, 1030)], [], 1030));
    assert.deepEqual(shifted.map((n) => n.id), outline.map((n) => n.id));
  });

  it('finds the deepest node at an offset', () => {
    const outline = buildOutline(doc([section('Title', 1, 0, 1000), section('Session III', 2, 100, 400)], [turn('Mr. STEINER', 150, 400)]));
    assert.equal(nodeAt(outline, 200)?.label, 'Mr. Steiner');
    assert.equal(nodeAt(outline, 120)?.label, 'Session III');
    assert.equal(nodeAt(outline, 50)?.label, 'Title');
  });

  it('lists a chair in capitals, with one space or two, as one speaker that reads like the names around it', () => {
    const text = 'MR CHAIRMAN: Order, order.\n\nSHRI RAM KUMAR (Bihar): Sir, I rise to speak on the Bill.\n\nMR  CHAIRMAN: Please conclude.\n'
      + '\nMadam SPEAKER: Order.\n';
    const labels = buildOutline(parsePolicyDocument(text)).map((n) => n.label);
    assert.deepEqual(labels, ['Mr Chairman', 'Ram Kumar', 'Mr Chairman', 'Madam Speaker']);
  });

  it('keeps a notice over a press release out of the headline, and its apostrophe intact', () => {
    const text = 'EDITOR\'S NOTE\nCoastal States Pledge to Close Early-Warning Gaps by 2034, Chair Says as Forum Ends\n'
      + 'Coastal States agreed today to link their tide gauges into one early-warning network by 2034, as the Forum closed.\n';
    const outline = buildOutline(parsePolicyDocument(text));
    assert.deepEqual(outline.map((n) => [n.label, n.level]), [
      ['EDITOR\'S NOTE', 2], ['Coastal States Pledge to Close Early-Warning Gaps by 2034, Chair Says as Forum Ends', 1],
    ]);
  });
});
