import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { codePointIndex, codePointLength, createTarget, textHash } from '../../../src/core/annotations';
import { corpusOrOwnDocuments } from '../../support/corpus';

describe('code points and UTF-16', () => {
  it('converts offsets both ways around astral characters', () => {
    const text = 'a😀b𝄞c';
    const idx = codePointIndex(text);
    assert.deepEqual([0, 1, 2, 3, 4, 5].map((cp) => idx.toUtf16(cp)), [0, 1, 3, 4, 6, 7]);
    assert.deepEqual([0, 1, 2, 3, 4, 5, 6, 7].map((u) => idx.toCodePoint(u)), [0, 1, 1, 2, 3, 3, 4, 5]);
    assert.equal(idx.codePointLength, 5);
    assert.equal(codePointLength(text), 5);
  });

  it('agrees with Array.from on any string (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', 'é', '😀', '\uD800', '\uDC00', '𝄞') , maxLength: 40 }), (s) => {
        const idx = codePointIndex(s);
        const cps = Array.from(s);
        let u = 0;
        cps.forEach((c, cp) => {
          assert.equal(idx.toUtf16(cp), u);
          assert.equal(idx.toCodePoint(u), cp);
          u += c.length;
        });
        assert.equal(idx.toUtf16(cps.length), s.length);
        assert.equal(idx.codePointLength, cps.length);
      }),
    );
  });

  it('makes selectors of about 32 code points of context, never splitting a pair', () => {
    const text = '😀'.repeat(40) + 'the quote' + '😀'.repeat(40);
    const t = createTarget(text, 80, 89);
    assert.deepEqual([t.quote, Array.from(t.prefix).length, Array.from(t.suffix).length, t.start, t.end], ['the quote', 32, 32, 40, 49]);
    const inside = createTarget(text, 3, 89);
    assert.equal(inside.prefix, '😀', 'a start inside a pair rounds down to the pair');
    assert.ok(inside.quote.startsWith('😀😀'));
  });
});

describe('textHash (SHA-256 of UTF-8)', () => {
  it('matches node:crypto on edge lengths, non-ASCII text and a long policy text', () => {
    const long = corpusOrOwnDocuments().docs.map((d) => d.text).join('\n');
    for (const s of ['', 'abc', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'Secretary‑General António “😀”', long]) {
      assert.equal(textHash(s), `sha256:${createHash('sha256').update(s, 'utf8').digest('hex')}`);
    }
  });

  it('encodes a lone surrogate as U+FFFD, like TextEncoder', () => {
    assert.equal(textHash('a\uD800b'), textHash('a\uFFFDb'));
  });
});
