// `npm run soak [-- --sequences N] [--seed S]`: the anchoring soak, outside `npm test` (it takes minutes).
// Random edit sequences on the real corpus documents (test/unit/annotations/support/soak.ts says which
// edits), each one re-found after the fact (anchorAll, as after a git checkout) and live (a LiveSession
// fed the edits as change events, with Undo). Invariants: never lost, never wrong, and Undo brings back
// what an edit orphaned. A seed that breaks one is printed; replay it in test/unit/annotations/soak.test.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runSoakSequence, soakDoc } from '../test/unit/annotations/support/soak.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const docsDir = join(root, '..', 'shared', 'corpus', 'docs');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const sequences = opt('sequences', 10000);
const firstSeed = opt('seed', 1);

const names = readdirSync(docsDir).filter((f) => f.endsWith('.txt')).sort();
const docs = names.map((n) => soakDoc(n, readFileSync(join(docsDir, n), 'utf8')));
const total = { annotations: 0, correct: 0, orphanGone: 0, orphanIntact: 0, ops: 0 };
const live = { correct: 0, orphanGone: 0, orphanIntact: 0 };
const problems = { wrong: [], lost: [], notRestored: [] };
const opCounts = {};
const started = performance.now();
for (let i = 0; i < sequences; i++) {
  const seed = firstSeed + i;
  const r = runSoakSequence(docs, seed);
  total.annotations += r.annotations;
  total.correct += r.correct;
  total.orphanGone += r.orphanGone;
  total.orphanIntact += r.orphanIntact;
  total.ops += r.ops.length;
  for (const k of Object.keys(live)) live[k] += r.live[k];
  for (const op of r.ops) opCounts[op] = (opCounts[op] ?? 0) + 1;
  for (const k of Object.keys(problems)) for (const p of r[k]) problems[k].push(`seed ${seed} (${r.document}): ${p}`);
  if ((i + 1) % 1000 === 0) {
    const s = ((performance.now() - started) / 1000).toFixed(0);
    console.error(`  ${i + 1} sequences, ${s} s: ${problems.wrong.length} wrong, ${problems.lost.length} lost, ${problems.notRestored.length} not restored by Undo`);
  }
}
const pct = (n, d) => `${((100 * n) / Math.max(1, d)).toFixed(2)}%`;
const alive = total.correct + total.orphanIntact;
console.log(`Anchoring soak: ${sequences} sequences (seeds ${firstSeed}-${firstSeed + sequences - 1}) on ${docs.length} corpus documents, ${total.annotations} annotations, ${total.ops} edits`);
console.log(`  edits: ${Object.entries(opCounts).sort().map(([k, v]) => `${k} ${v}`).join(', ')}`);
console.log(`  after the fact (anchorAll on the final text):`);
console.log(`    correct ${total.correct}, wrong place ${problems.wrong.filter((p) => p.includes('after the fact')).length}, orphans of gone or rewritten passages ${total.orphanGone}, false orphans (at least half the passage left) ${total.orphanIntact} = ${pct(total.orphanIntact, alive)} of passages still there`);
console.log(`  live (LiveSession through the edits, with Undo and the orphan search of a typing pause):`);
console.log(`    placed ${live.correct}, wrong place ${problems.wrong.filter((p) => p.includes('live')).length}, orphans of gone or rewritten passages ${live.orphanGone}, orphans with at least half the passage left ${live.orphanIntact}`);
console.log(`  lost ${problems.lost.length}, not restored by Undo ${problems.notRestored.length}`);
console.log(`  ${((performance.now() - started) / 1000).toFixed(0)} s`);
for (const [k, list] of Object.entries(problems)) {
  for (const p of list.slice(0, 20)) console.log(`  ${k}: ${p}`);
  if (list.length > 20) console.log(`  … and ${list.length - 20} more ${k}`);
}
if (problems.wrong.length || problems.lost.length || problems.notRestored.length) process.exitCode = 1;
