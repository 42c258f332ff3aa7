// `npm run bench`: every benchmark, each measured against its peer or its own scaling in the same run.
//   1. analyze throughput on the corpus and on a 20 MB concatenation (must scale linearly)
//   2. Sessions view refresh on the 312 KB record (parse + outline, what a refresh recomputes)
//   3. grammar tokenization: Policy Text vs VS Code's Markdown grammar on the same text
//   4. re-anchoring 500 annotations after 2% word edits: Policy Lens vs a Hypothesis-style baseline
//   5. analysis of a generated 1,000-document folder: index build vs reading and YAML-parsing the sidecars,
//      incremental update, a query and each matrix
//   6. hostile text at 1, 5 and 20 MB: analyze per MB, Sessions refresh, keystrokes, worst grammar line
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import { findCorpus } from './shared.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpusFound = findCorpus();
if (!corpusFound.present) {
  // Every benchmark measures the real corpus (its sizes and forms are what the budgets are about).
  console.log(`npm run bench: skipped: ${corpusFound.reason}`);
  process.exit(0);
}
const docsDir = corpusFound.docs;
const { parsePolicyDocument } = await tsImport(pathToFileURL(join(root, 'src/core/document/index.ts')).href, import.meta.url);
const { buildOutline } = await tsImport(pathToFileURL(join(root, 'src/core/outline.ts')).href, import.meta.url);

const mb = (text) => Buffer.byteLength(text, 'utf8') / 1e6;
function best(runs, fn) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { best: times[0], median: times[Math.floor(times.length / 2)] };
}

const docs = readdirSync(docsDir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(docsDir, f), 'utf8'));
const corpus = docs.join('\n');

console.log('1. analyze (parsePolicyDocument) throughput');
for (const text of docs) parsePolicyDocument(text); // warm-up
const small = best(9, () => docs.forEach((t) => parsePolicyDocument(t)));
const smallRate = mb(corpus) / (small.median / 1000);
console.log(`   corpus: ${docs.length} documents, ${mb(corpus).toFixed(2)} MB in ${small.median.toFixed(1)} ms (median of 9) = ${smallRate.toFixed(1)} MB/s`);
// Linearity: one text of the whole corpus against one text of 30 copies of it, so that both runs pay the
// same per-document costs.
const once = best(9, () => parsePolicyDocument(corpus));
const onceRate = mb(corpus) / (once.median / 1000);
const copies = Math.ceil(20 / mb(corpus));
const large = Array.from({ length: copies }, () => corpus).join('\n');
const largeRun = best(3, () => parsePolicyDocument(large));
const largeRate = mb(large) / (largeRun.median / 1000);
console.log(`   corpus as one text: ${mb(corpus).toFixed(2)} MB in ${once.median.toFixed(1)} ms = ${onceRate.toFixed(1)} MB/s`);
console.log(`   20 MB: ${copies} copies as one text, ${mb(large).toFixed(1)} MB in ${largeRun.median.toFixed(0)} ms (median of 3) = ${largeRate.toFixed(1)} MB/s`);
console.log(`   linearity: time per MB at 20 MB / time per MB of the corpus as one text = ${(onceRate / largeRate).toFixed(2)} (1.00 = linear)`);

console.log('\n2. Sessions view refresh on the 312 KB record (parse + outline)');
const record = readFileSync(join(docsDir, '03-sc-pv8699-un-charter-open-debate.txt'), 'utf8');
const refresh = best(21, () => buildOutline(parsePolicyDocument(record)));
const typed = best(21, () => {
  const edited = `${record.slice(0, 150000)}x${record.slice(150000)}`;
  buildOutline(parsePolicyDocument(edited));
});
console.log(`   refresh: median ${refresh.median.toFixed(1)} ms, best ${refresh.best.toFixed(1)} ms (${(record.length / 1024).toFixed(0)} KB)`);
console.log(`   after a keystroke in the middle: median ${typed.median.toFixed(1)} ms; the view refreshes once typing pauses for 150 ms, so keystrokes never wait for it`);

console.log('\n3. grammar tokenization');
const { benchGrammar } = await import('./bench-grammar.mjs');
await benchGrammar({ log: (line) => console.log(`   ${line}`) });

console.log('\n4. re-anchoring after edits (Policy Lens vs Hypothesis-style baseline)');
const anchoring = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/bench-anchoring.mjs')], { cwd: root, encoding: 'utf8' });
process.stdout.write(anchoring.stdout.replace(/^/gm, '   '));
if (anchoring.status !== 0) {
  process.stderr.write(anchoring.stderr);
  process.exitCode = anchoring.status ?? 1;
}

console.log('\n5. analysis: index, query and matrices on a generated 1,000-document folder (20,000 annotations)');
const analysis = spawnSync(process.execPath, [join(root, 'scripts/bench-analysis.mjs')], { cwd: root, encoding: 'utf8' });
process.stdout.write(analysis.stdout.replace(/^/gm, '   '));
if (analysis.status !== 0) {
  process.stderr.write(analysis.stderr);
  process.exitCode = analysis.status ?? 1;
}

console.log('\n6. hostile text (scripts/bench-hostile.mjs)');
const hostile = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/bench-hostile.mjs')], { cwd: root, encoding: 'utf8' });
process.stdout.write(hostile.stdout.replace(/^/gm, '   '));
if (hostile.status !== 0) {
  process.stderr.write(hostile.stderr);
  process.exitCode = hostile.status ?? 1;
}
