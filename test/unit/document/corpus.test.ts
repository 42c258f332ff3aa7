// The gold set as a regression test: if a change drops a category below its target, `npm test` fails.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parsePolicyDocument, toAnalyzeJson } from '../../../src/core/document';
import { docsDir, goldDir, repoRoot } from './corpus';

interface Totals { tp: number; fp: number; fn: number; precision: number; recall: number }
interface EvalModule {
  scoreCorpus(options: { goldDir: string; docsDir: string; analyze: (path: string, text: string) => unknown }): Promise<{
    summary: Record<string, Totals>; symbolAccuracy: number; failures: string[];
  }>;
}

const TARGETS: Record<string, { precision: number; recall: number }> = {
  sections: { precision: 0.9, recall: 0.9 },
  speakers: { precision: 0.9, recall: 0.9 },
  references: { precision: 0.95, recall: 0.95 },
  figures: { precision: 0.9, recall: 0.9 },
};

describe('gold corpus (scripts/eval.mjs scoring)', () => {
  it('meets the precision, recall and symbol targets', async function () {
    this.timeout(60_000);
    // A computed specifier: the scorer is plain ESM JavaScript shared with `npm run eval`.
    const specifier = pathToFileURL(join(repoRoot, 'scripts', 'eval.mjs')).href;
    const { scoreCorpus } = (await import(specifier)) as EvalModule;
    const result = await scoreCorpus({ goldDir, docsDir, analyze: (path, text) => toAnalyzeJson(path, parsePolicyDocument(text)) });
    assert.deepEqual(result.failures, []);
    for (const [cat, target] of Object.entries(TARGETS)) {
      const { precision, recall } = result.summary[cat];
      assert.ok(precision >= target.precision, `${cat} precision ${precision.toFixed(3)} < ${target.precision}`);
      assert.ok(recall >= target.recall, `${cat} recall ${recall.toFixed(3)} < ${target.recall}`);
    }
    assert.ok(result.symbolAccuracy >= 0.95, `symbol accuracy ${result.symbolAccuracy.toFixed(3)} < 0.95`);
  });
});
