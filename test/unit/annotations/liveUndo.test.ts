import * as assert from 'node:assert/strict';
import { describeWithCorpus } from '../../support/corpus';
import { emptySidecar } from '../../../src/core/annotations';
import { LiveSession } from '../../../src/core/annotations/liveSession';
import { corpusDoc } from './support/corpus';

describeWithCorpus('LiveSession: a deleted line and Undo (issue 11, first defect)', () => {
  it('orphans both overlapping annotations of a deleted line rather than moving one to a similar sentence, and Undo restores both', () => {
    const text = corpusDoc('00-press');
    const a = 'resolution 2396 (2017), which called on States to notify other countries';
    const b = 'notify other countries of the travel, arrival, deportation or detention of individuals they believed to be terrorists, he emphasized';
    const s = new LiveSession(emptySidecar('press.txt', ''), text);
    const created = '2026-01-05T10:00:00Z';
    const idA = s.add(text, text.indexOf(a), text.indexOf(a) + a.length, { themes: ['travel'], created }).id;
    const idB = s.add(text, text.indexOf(b), text.indexOf(b) + b.length, { themes: ['notification'], created }).id;
    const lineStart = text.lastIndexOf('\n', text.indexOf(a)) + 1;
    const lineEnd = text.indexOf('\n', text.indexOf(a)) + 1;
    const deleted = text.slice(0, lineStart) + text.slice(lineEnd);
    s.applyEdits([{ rangeOffset: lineStart, rangeLength: lineEnd - lineStart, text: '' }], () => deleted);
    s.refreshTargets(deleted);
    s.reanchorOrphans(deleted);
    assert.deepEqual(s.annotations.map((x) => x.status), ['orphan', 'orphan']);
    // Undo: the line comes back as one insertion.
    s.applyEdits([{ rangeOffset: lineStart, rangeLength: 0, text: text.slice(lineStart, lineEnd) }], () => text);
    s.refreshTargets(text);
    s.reanchorOrphans(text);
    const placed = new Map(s.placed.map((x) => [x.annotation.id, text.slice(x.start, x.end)]));
    assert.equal(placed.get(idA), a);
    assert.equal(placed.get(idB), b);
  });
});
