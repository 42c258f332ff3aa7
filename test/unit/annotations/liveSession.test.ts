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

  it('lets changes made here win over a sidecar changed on disk, and keeps what was removed here removed', () => {
    const { s, id } = session();
    const other = s.add(text, text.indexOf('The President'), text.indexOf('The President') + 13, { themes: ['chair'], created });
    const onDisk: Sidecar = s.toSidecar(text);
    s.update(id, { note: 'written here' });
    s.remove(other.id, text);
    const disk: Sidecar = { ...onDisk, annotations: onDisk.annotations.map((a) => ({ ...a, note: 'written elsewhere' })) };
    s.replaceFrom(disk, text, { changed: new Set([id]), removed: new Set([other.id]) });
    assert.deepEqual(s.annotations.map((a) => [a.annotation.id, a.annotation.note]), [[id, 'written here']]);
  });

  it('takes the disk version of annotations not changed here', () => {
    const { s, id } = session();
    const disk = s.toSidecar(text);
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
