import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { mapThroughEdits, type ContentChange } from '../../../src/core/annotations/liveEdits';

const text = 'The Council adopted resolution 2505 (2020) unanimously.';
//            0         1         2         3         4         5
//            0123456789012345678901234567890123456789012345678901234
const passage = { start: 20, end: 42 }; // "resolution 2505 (2020)"

function apply(t: string, changes: ContentChange[]): string {
  for (const c of changes) t = t.slice(0, c.rangeOffset) + c.text + t.slice(c.rangeOffset + c.rangeLength);
  return t;
}

function mapped(changes: ContentChange[]) {
  const [r] = mapThroughEdits([passage], changes);
  return { ...r, text: apply(text, changes).slice(r.start, r.end) };
}

describe('mapThroughEdits (live edits)', () => {
  it('shifts a range past an edit before it and ignores an edit after it', () => {
    assert.deepEqual(mapped([{ rangeOffset: 4, rangeLength: 7, text: 'Security Council' }]), {
      start: 29, end: 51, touched: false, collapsed: false, text: 'resolution 2505 (2020)',
    });
    assert.equal(mapped([{ rangeOffset: 43, rangeLength: 11, text: 'by consensus' }]).text, 'resolution 2505 (2020)');
  });

  it('keeps text typed at either edge outside the range', () => {
    assert.equal(mapped([{ rangeOffset: 20, rangeLength: 0, text: 'draft ' }]).text, 'resolution 2505 (2020)');
    assert.equal(mapped([{ rangeOffset: 42, rangeLength: 0, text: ',' }]).text, 'resolution 2505 (2020)');
  });

  it('grows with text typed inside and reports the range as touched', () => {
    const r = mapped([{ rangeOffset: 35, rangeLength: 0, text: ' [as amended]' }]);
    assert.equal(r.text, 'resolution 2505 [as amended] (2020)');
    assert.equal(r.touched, true);
    assert.equal(r.collapsed, false);
  });

  it('cuts back to the untouched part when an edit covers one edge', () => {
    assert.equal(mapped([{ rangeOffset: 12, rangeLength: 18, text: 'passed text' }]).text, ' 2505 (2020)');
    assert.equal(mapped([{ rangeOffset: 31, rangeLength: 20, text: '' }]).text, 'resolution ');
  });

  it('collapses a range whose whole passage is deleted or replaced', () => {
    const deleted = mapped([{ rangeOffset: 19, rangeLength: 24, text: '' }]);
    assert.equal(deleted.collapsed, true);
    assert.equal(deleted.start, deleted.end);
    const replaced = mapped([{ rangeOffset: 20, rangeLength: 22, text: 'the text' }]);
    assert.equal(replaced.collapsed, true);
    assert.equal(replaced.text, 'the text');
  });

  it('applies the several changes of one event in the order VS Code gives them (descending)', () => {
    const changes = [
      { rangeOffset: 43, rangeLength: 11, text: 'by vote' },
      { rangeOffset: 31, rangeLength: 4, text: '2506' },
      { rangeOffset: 0, rangeLength: 3, text: 'A' },
    ];
    assert.equal(mapped(changes).text, 'resolution 2506 (2020)');
  });

  it('never ends before it starts and never leaves the text (property)', () => {
    const change = fc.record({ rangeOffset: fc.nat(80), rangeLength: fc.nat(20), text: fc.string({ maxLength: 10 }) });
    fc.assert(
      fc.property(fc.array(change, { maxLength: 6 }), fc.nat(60), fc.nat(30), (changes, s, len) => {
        let t = 'x'.repeat(90);
        const valid: ContentChange[] = [];
        for (const c of changes) {
          const off = Math.min(c.rangeOffset, t.length);
          const v = { rangeOffset: off, rangeLength: Math.min(c.rangeLength, t.length - off), text: c.text };
          valid.push(v);
          t = apply(t, [v]);
        }
        const [r] = mapThroughEdits([{ start: s, end: s + len }], valid);
        assert.ok(r.start <= r.end && r.start >= 0 && r.end <= t.length);
        if (!r.touched) assert.equal(r.end - r.start, len);
      }),
    );
  });
});
