// The gold set as a regression test that ratchets: it fails when a category falls below the floor recorded in
// corpus-floor.json, and each improvement raises that floor in the same commit (`npm run eval -- --write-floor`),
// until the floor is the targets.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parsePolicyDocument, toAnalyzeJson } from '../../../src/core/document';
import { describeWithCorpus, docsDir, goldDir, repoRoot } from './corpus';

interface Totals { tp: number; fp: number; fn: number; precision: number; recall: number }
interface EvalModule {
  CATS: string[];
  scoreCorpus(options: { goldDir: string; docsDir: string; analyze: (path: string, text: string) => unknown }): Promise<{
    summary: Record<string, Totals>; symbolAccuracy: number; failures: string[];
  }>;
}
type Scores = Record<string, { precision: number; recall: number } | number>;

const floorFile = JSON.parse(readFileSync(join(__dirname, 'corpus-floor.json'), 'utf8')) as { floor: Scores; targets: Scores };

describeWithCorpus('gold corpus (scripts/eval.mjs scoring)', () => {
  it('stays at or above the recorded floor in every category', async function () {
    this.timeout(60_000);
    // A computed specifier: the scorer is plain ESM JavaScript shared with `npm run eval`.
    const specifier = pathToFileURL(join(repoRoot, 'scripts', 'eval.mjs')).href;
    const { scoreCorpus, CATS } = (await import(specifier)) as EvalModule;
    const result = await scoreCorpus({ goldDir, docsDir, analyze: (path, text) => toAnalyzeJson(path, parsePolicyDocument(text)) });
    assert.deepEqual(result.failures, []);
    const below: string[] = [];
    for (const cat of CATS) {
      const floor = floorFile.floor[cat] as { precision: number; recall: number } | undefined;
      assert.ok(floor, `corpus-floor.json has no floor for ${cat}`);
      const { precision, recall } = result.summary[cat];
      // The floor is written rounded down to three decimals.
      if (precision < floor.precision) below.push(`${cat} precision ${precision.toFixed(3)} < ${floor.precision}`);
      if (recall < floor.recall) below.push(`${cat} recall ${recall.toFixed(3)} < ${floor.recall}`);
    }
    const symbols = floorFile.floor.symbols as number;
    if (result.symbolAccuracy < symbols) below.push(`symbol accuracy ${result.symbolAccuracy.toFixed(3)} < ${symbols}`);
    assert.deepEqual(below, []);
  });

});
