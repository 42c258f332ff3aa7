// Fuzzing the grammar on the real TextMate engine: generated lines (test/grammar/hostile.ts) of every
// shape that makes regular expressions backtrack, not only the fixed ones of performance.test.ts. Each
// line is tokenized from the initial state and, like a line in a document, from the state the previous
// generated line left. Set FUZZ_SEED to explore other lines; a failure names its seed and line.
import * as assert from 'node:assert/strict';
import { INITIAL, type StateStack } from 'vscode-textmate';
import { loadGrammar } from './harness';
import { hostileLine, seeded } from './hostile';

const BUDGET_MS = 5;
const LINES = Number(process.env.FUZZ_LINES ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
/** VS Code stops tokenizing a line after this many characters (editor.maxTokenizationLineLength). */
const MAX_LINE = 20_000;

describe('policytext grammar fuzz (generated lines)', function () {
  this.timeout(180_000);

  it(`tokenizes ${LINES} generated lines of up to ${MAX_LINE.toLocaleString('en-US')} characters in under ${BUDGET_MS} ms each (seed ${SEED})`, async () => {
    const grammar = await loadGrammar();
    const rand = seeded(SEED);
    // Warm-up, so that compiling the scanners is not timed.
    for (let i = 0; i < 20; i++) grammar.tokenizeLine(hostileLine(seeded(i), 2000), INITIAL);
    let worst = { ms: 0, line: -1, length: 0 };
    let state: StateStack = INITIAL;
    for (let i = 0; i < LINES; i++) {
      const line = hostileLine(rand, 1 + Math.floor(rand() * rand() * MAX_LINE));
      const from = state;
      const time = (runs: number) => {
        let best = Infinity;
        for (let r = 0; r < runs && best >= 0.5; r++) {
          const t0 = performance.now();
          grammar.tokenizeLine(line, INITIAL);
          grammar.tokenizeLine(line, from);
          best = Math.min(best, (performance.now() - t0) / 2);
        }
        return best;
      };
      let ms = time(3);
      // A slow-looking line is timed again, many times: a descheduled run is not a slow rule.
      if (ms > 1) ms = Math.min(ms, time(25));
      if (ms > worst.ms) worst = { ms, line: i, length: line.length };
      state = grammar.tokenizeLine(line, from).ruleStack;
    }
    assert.ok(worst.ms < BUDGET_MS, `seed ${SEED}, line ${worst.line} (${worst.length} characters): ${worst.ms.toFixed(2)} ms`);
  });
});
