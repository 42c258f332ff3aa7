import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { anchoredBest, bestEnd, compilePattern, editDistance } from '../../../src/core/annotations/fuzzy';

/** Textbook dynamic programme, the reference the bit-vector version must agree with. */
function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

/** Fewest errors of `a` against any substring of `b` ending at each offset. */
function semiGlobal(a: string, b: string): number[] {
  let prev = Array.from({ length: b.length + 1 }, () => 0);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev;
}

const reverse = (s: string) => s.split('').reverse().join('');
// Small alphabets make matches and near-matches frequent; lengths cross the 32-row block boundary.
const word = (max: number) => fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', '“', 'é'), maxLength: max });

describe('fuzzy (Myers bit-vector matching)', () => {
  it('computes the Levenshtein distance for patterns of any length', () => {
    fc.assert(
      fc.property(word(90), word(90), (a, b) => {
        assert.equal(editDistance(compilePattern(a), b, 0, b.length), levenshtein(a, b));
      }),
      { numRuns: 400 },
    );
  });

  it('finds the best semi-global end, preferring the end nearest the hint', () => {
    fc.assert(
      fc.property(word(70), word(120), fc.nat(120), fc.nat(40), (a, b, hint, k) => {
        const table = semiGlobal(a, b);
        const min = Math.min(...table);
        const hit = bestEnd(compilePattern(a), b, 0, b.length, k, hint);
        // Offset 0 (empty text) is not a scanned boundary: only ends after a consumed unit count.
        const scanned = table.slice(1);
        const best = scanned.length ? Math.min(...scanned) : Infinity;
        if (best > k) return assert.equal(hit, undefined);
        assert.ok(hit);
        assert.equal(hit.errors, best);
        assert.ok(best >= min);
        const ends = scanned.flatMap((s, i) => (s === best ? [i + 1] : []));
        const nearest = Math.min(...ends.map((e) => Math.abs(e - hint)));
        assert.equal(Math.abs(hit.at - hint), nearest);
      }),
      { numRuns: 400 },
    );
  });

  it('aligns anchored forward and backward', () => {
    fc.assert(
      fc.property(word(50), word(80), (a, b) => {
        const fwd = anchoredBest(compilePattern(a), b, 0, b.length);
        const fwdBest = Math.min(a.length, ...Array.from({ length: b.length }, (_, j) => levenshtein(a, b.slice(0, j + 1))));
        assert.equal(fwd.errors, fwdBest);
        assert.equal(levenshtein(a, b.slice(0, fwd.at)), fwd.errors);
        const back = anchoredBest(compilePattern(a, true), b, b.length, 0);
        assert.equal(levenshtein(a, b.slice(back.at)), back.errors);
        assert.equal(back.errors, anchoredBest(compilePattern(reverse(a)), reverse(b), 0, b.length).errors);
      }),
      { numRuns: 400 },
    );
  });
});
