import * as assert from 'node:assert/strict';
import { emptySidecar, textHash, type Sidecar } from '../../../src/core/annotations';
import { LiveSession } from '../../../src/core/annotations/liveSession';

const text = 'The Council adopted resolution 2505 (2020) unanimously. The President thanked members for their work.';
const created = '2026-11-28T00:00:00Z';

function session(): { s: LiveSession; id: string } {
  const s = new LiveSession(emptySidecar('doc.txt', ''), text);
  const start = text.indexOf('resolution 2505 (2020)');
  const { id } = s.add(text, start, start + 'resolution 2505 (2020)'.length, { themes: ['adoption'], created });
  return { s, id };
}

describe('LiveSession', () => {
  it('places a new annotation and writes it with fresh selectors and the text hash', () => {
    const { s, id } = session();
    const sidecar = s.toSidecar(text);
    assert.equal(sidecar.textHash, textHash(text));
    assert.equal(sidecar.annotations[0].id, id);
    assert.equal(sidecar.annotations[0].target.quote, 'resolution 2505 (2020)');
  });

  it('follows an edit before the passage and saves the new position', () => {
    const { s } = session();
    const edited = `Summary. ${text}`;
    s.applyEdits([{ rangeOffset: 0, rangeLength: 0, text: 'Summary. ' }]);
    const [a] = s.placed;
    assert.equal(edited.slice(a.start, a.end), 'resolution 2505 (2020)');
    assert.equal(s.toSidecar(edited).annotations[0].target.start, text.indexOf('resolution') + 9);
  });

  it('orphans a passage whose text is replaced as a whole, and finds it again when the text comes back', () => {
    const { s } = session();
    const start = text.indexOf('resolution 2505 (2020)');
    const replaced = `${text.slice(0, start)}a text${text.slice(start + 22)}`;
    s.applyEdits([{ rangeOffset: start, rangeLength: 22, text: 'a text' }]);
    assert.equal(s.orphans.length, 1);
    assert.equal(s.toSidecar(replaced).annotations[0].status, 'orphan');
    assert.equal(s.reanchorOrphans(text), true);
    assert.equal(s.orphans.length, 0);
  });

  it('merges a sidecar changed on disk by id: both edits of one annotation kept, a removal held where the other side did not edit', () => {
    const { s, id } = session();
    const other = s.add(text, text.indexOf('The President'), text.indexOf('The President') + 13, { themes: ['chair'], created });
    const third = s.add(text, text.indexOf('their work'), text.indexOf('their work') + 10, { themes: ['thanks'], created });
    const onDisk: Sidecar = s.toSidecar(text);
    s.written(onDisk);
    s.update(id, { note: 'written here' });
    s.remove(other.id, text);
    s.remove(third.id, text);
    // Another window wrote meanwhile: a note on the first and the third; the second left alone.
    const disk: Sidecar = { ...onDisk, annotations: onDisk.annotations.map((a) => (a.id === other.id ? a : { ...a, note: 'written elsewhere' })) };
    s.replaceFrom(disk, text);
    const byId = new Map(s.annotations.map((a) => [a.annotation.id, a.annotation]));
    assert.equal(byId.get(id)?.note, 'written here\n\nwritten elsewhere');
    assert.match(byId.get(id)?.review ?? '', /both branches edited/);
    assert.equal(byId.has(other.id), false, 'removed here, untouched there: stays removed');
    assert.equal(byId.get(third.id)?.note, 'written elsewhere', 'removed here but edited there: kept');
    assert.deepEqual(s.placed.find((a) => a.annotation.id === id) && text.slice(s.placed.find((a) => a.annotation.id === id)!.start, s.placed.find((a) => a.annotation.id === id)!.end), 'resolution 2505 (2020)');
  });

  it('takes the disk version of annotations not changed here', () => {
    const { s, id } = session();
    const disk = s.toSidecar(text);
    s.written(disk);
    s.replaceFrom({ ...disk, annotations: disk.annotations.map((a) => ({ ...a, note: 'from git pull' })) }, text);
    assert.equal(s.find(id)?.annotation.note, 'from git pull');
  });

  it('restores a removed annotation where its passage is now, not at its old offsets', () => {
    const { s, id } = session();
    const removed = s.remove(id, text)!;
    const edited = `A long preamble added later. ${text}`;
    s.restore(removed, edited);
    const [a] = s.placed;
    assert.equal(edited.slice(a.start, a.end), 'resolution 2505 (2020)');
  });

  it('keeps passages in document order after one is found elsewhere', () => {
    const s = new LiveSession(emptySidecar('doc.txt', ''), text);
    s.add(text, 4, 11, { themes: [], created });
    s.add(text, text.indexOf('President'), text.indexOf('President') + 9, { themes: [], created });
    // Cut "Council" and paste it at the end: the first passage is found again after the second.
    const cut = text.slice(0, 4) + text.slice(11);
    s.applyEdits([{ rangeOffset: 4, rangeLength: 7, text: '' }]);
    const pasted = `${cut} Council`;
    s.applyEdits([{ rangeOffset: cut.length, rangeLength: 0, text: ' Council' }]);
    s.reanchorOrphans(pasted);
    const starts = s.placed.map((a) => a.start);
    assert.deepEqual(starts, [...starts].sort((x, y) => x - y));
  });
});
