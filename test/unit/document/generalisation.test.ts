// Generalisation: documents of the corpus's kinds but written for these tests (fixtures/generalisation and
// fixtures/generalisation-2), with gold files in the corpus's format, scored by the same rules as `npm run eval`. The
// parser must find every item and nothing else: these forms come from real UN, White House and parliamentary texts
// that are not in the dev set.
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { parsePolicyDocument, toAnalyzeJson } from '../../../src/core/document';
import { repoRoot } from './corpus';

interface Item { line: number; surface?: string; text?: string }
interface Result { misses: Item[]; falsePositives: Item[]; wrongSymbols: { line: number; surface: string }[] }
interface EvalModule {
  CATS: string[];
  goldItems(gold: unknown, cat: string): unknown[];
  score(gold: unknown[], pred: unknown[], lines: string[]): Result;
}

const show = (items: Item[]) => items.map((i) => `${i.line}: ${JSON.stringify(i.surface ?? i.text)}`).join(', ');

/**
 * What the scorer cannot credit, by document. It places the k-th prediction of a surface on a line at the k-th
 * occurrence of that surface there, so the short form `L.12/Rev.1` (found at its own place, after the full symbol
 * `A/C.1/69/L.12/Rev.1` that contains the same letters) is scored as if it stood inside the full symbol.
 */
const SCORER_LIMITS: Record<string, string[]> = {
  'un-press-2014-first-committee-revised-drafts': ['references missed 8: "L.12/Rev.1"', 'references false positives 8: "L.12/Rev.1"'],
};

for (const set of ['generalisation', 'generalisation-2']) describe(`${set}: unseen documents of the same kinds`, () => {
  const fixtures = join(__dirname, 'fixtures', set);
  let scorer: EvalModule;
  before(async () => {
    // A computed specifier: the scorer is plain ESM JavaScript shared with `npm run eval`.
    scorer = (await import(pathToFileURL(join(repoRoot, 'scripts', 'eval.mjs')).href)) as EvalModule;
  });

  for (const name of readdirSync(join(fixtures, 'gold')).filter((f) => f.endsWith('.yaml')).sort()) {
    it(name.replace(/\.yaml$/, ''), () => {
      const gold = parseYaml(readFileSync(join(fixtures, 'gold', name), 'utf8')) as { document: string };
      const text = readFileSync(join(fixtures, 'docs', gold.document), 'utf8');
      const out = toAnalyzeJson(gold.document, parsePolicyDocument(text)) as unknown as Record<string, unknown[]>;
      const problems: string[] = [];
      for (const cat of scorer.CATS) {
        const r = scorer.score(scorer.goldItems(gold, cat), out[cat] ?? [], text.split('\n'));
        if (r.misses.length) problems.push(`${cat} missed ${show(r.misses)}`);
        if (r.falsePositives.length) problems.push(`${cat} false positives ${show(r.falsePositives)}`);
        if (r.wrongSymbols.length) problems.push(`${cat} wrong symbols ${show(r.wrongSymbols)}`);
      }
      assert.deepEqual(problems, SCORER_LIMITS[name.replace(/\.yaml$/, '')] ?? []);
    });
  }
});
