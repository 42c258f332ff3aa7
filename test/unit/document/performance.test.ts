// Parsing must stay linear: 8x the text may cost at most ~12x the time (robust to noise: best of several runs).
import * as assert from 'node:assert/strict';
import { parsePolicyDocument } from '../../../src/core/document';
import { corpusOrOwnDocuments } from '../../support/corpus';

const texts = corpusOrOwnDocuments();

function bestTime(text: string, runs: number): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    parsePolicyDocument(text);
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

describe('parse time', () => {
  it('scales linearly with the text (8x text < 12x time)', function () {
    this.timeout(120_000);
    const base = texts.docs.map((d) => d.text).join('\n');
    const big = Array(8).fill(base).join('\n');
    bestTime(base, 3); // warm up the JIT and the regular-expression compiler
    // Interleaved rounds, best of each: a garbage collection or a busy machine during one run does not decide.
    let small = Infinity;
    let large = Infinity;
    for (let round = 0; round < 6 && !(large < 12 * small); round++) {
      small = Math.min(small, bestTime(base, 3));
      large = Math.min(large, bestTime(big, 1));
    }
    assert.ok(large < 12 * small, `8x text took ${(large / small).toFixed(1)}x the time (${small.toFixed(1)} ms -> ${large.toFixed(1)} ms)`);
  });

  it(`parses a 20 MB concatenation of ${texts.source} in linear time`, function () {
    this.timeout(120_000);
    const base = texts.docs.map((d) => d.text).join('\n');
    const copies = Math.ceil(20e6 / base.length);
    const twenty = Array(copies).fill(base).join('\n');
    const perMb = bestTime(base, 3) / (base.length / 1e6);
    const t = bestTime(twenty, 1);
    assert.ok(t / (twenty.length / 1e6) < 3 * perMb, `20 MB: ${t.toFixed(0)} ms, ${(t / (twenty.length / 1e6)).toFixed(1)} ms/MB vs ${perMb.toFixed(1)} ms/MB`);
  });

  it('stays linear on a whole text written on one line (8x the line < 12x the time)', function () {
    this.timeout(120_000);
    const line = texts.docs.map((d) => d.text).join(' ').replace(/\n/g, ' ').slice(0, 100_000);
    const long = Array(8).fill(line).join(' ');
    bestTime(line, 2);
    let small = Infinity;
    let large = Infinity;
    for (let round = 0; round < 6 && !(large < 12 * small); round++) {
      small = Math.min(small, bestTime(line, 3));
      large = Math.min(large, bestTime(long, 1));
    }
    assert.ok(large < 12 * small, `8x the line took ${(large / small).toFixed(1)}x the time (${small.toFixed(1)} ms -> ${large.toFixed(1)} ms)`);
  });
});
