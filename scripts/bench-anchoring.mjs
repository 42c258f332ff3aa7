// Anchoring benchmark: Policy Lens against a Hypothesis-style baseline, in the same run, on the same
// edited text, judged against ground truth tracked through the edits.
//
//   node --import tsx scripts/bench-anchoring.mjs [--seed N] [--annotations N] [--edits 0.02] [--deleted N]
//
// The baseline follows Hypothesis's match-quote: every exact occurrence of the quote (indexOf), or else
// approx-string-match with up to quote-length/2 errors (capped at 256, as Hypothesis does); candidates
// scored 50 quote + 20 prefix + 20 suffix + 2 position similarity, best taken, no minimum score.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findCorpus } from './shared.mjs';
import approxSearch from 'approx-string-match';
import { anchorAll, codePointIndex, createTarget } from '../src/core/annotations/index.ts';
import { EditTracker, mulberry32, passageAt, survivingLength, vocabulary, wordEdit } from '../test/unit/annotations/support/editing.ts';

const corpus = findCorpus();
if (!corpus.present) {
  console.log(`anchoring benchmark: skipped: ${corpus.reason}`);
  process.exit(0);
}
const DOC = join(corpus.docs, '03-sc-pv8699-un-charter-open-debate.txt');

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const seed = opt('seed', 2026);
const count = opt('annotations', 500);
const editShare = opt('edits', 0.02);
const deletedCount = opt('deleted', 20);
const editedInside = opt('edited-inside', 50);
const RUNS = 15;

const original = readFileSync(DOC, 'utf8');
const rand = mulberry32(seed);
const vocab = vocabulary(original);

// Annotations: word-aligned passages of one word to a few sentences, on text that holds a letter or
// digit, whose selector occurs once (otherwise no method can tell the copies apart).
const cps = codePointIndex(original);
const annotations = [];
while (annotations.length < count) {
  const length = 3 + Math.floor(rand() * rand() * 400);
  const span = passageAt(original, Math.floor(rand() * original.length), length);
  if (!span) continue;
  const target = createTarget(original, span[0], span[1], cps);
  const selector = target.prefix + target.quote + target.suffix;
  if (!/[\p{L}\p{N}]/u.test(target.quote) || original.indexOf(selector) !== original.lastIndexOf(selector)) continue;
  annotations.push({ id: `a${annotations.length}`, span, target });
}

// Edits: word insertions, deletions and replacements over the whole text; a word replaced inside some
// annotated passages; some annotated passages deleted together with 60 characters either side.
const t = new EditTracker(original);
const kinds = ['insert', 'delete', 'replace'];
const wordCount = original.split(/\s+/).length;
for (let i = 0; i < Math.round(wordCount * editShare); i++) {
  wordEdit(t, kinds[Math.floor(rand() * 3)], Math.floor(rand() * t.text.length), vocab[Math.floor(rand() * vocab.length)]);
}
for (let i = 0; i < editedInside; i++) {
  const span = t.mapRange(...annotations[Math.floor(rand() * annotations.length)].span);
  if (span) wordEdit(t, 'replace', Math.floor((span[0] + span[1]) / 2), vocab[Math.floor(rand() * vocab.length)]);
}
for (let i = 0; i < deletedCount; i++) {
  const span = t.mapRange(...annotations[Math.floor(rand() * annotations.length)].span);
  if (!span) continue;
  const s = Math.max(0, span[0] - 60);
  t.replace(s, Math.min(t.text.length, span[1] + 60) - s, '');
}
// An editor hands over a flat string, not the rope that thousands of slices build.
const text = JSON.parse(JSON.stringify(t.text));
const truth = annotations.map((a) => t.mapRange(...a.span));
// Share of each passage's original characters still in the text (its words may all have been replaced).
const surviving = annotations.map((a) => survivingLength(t, ...a.span) / (a.span[1] - a.span[0]));

function hypothesisAnchor(text, target) {
  const { quote, prefix, suffix } = target;
  const hint = target.start;
  const search = (str, maxErrors) => {
    const exact = [];
    for (let at = text.indexOf(str); at >= 0; at = text.indexOf(str, at + 1)) exact.push({ start: at, end: at + str.length, errors: 0 });
    return exact.length ? exact : approxSearch(text, str, maxErrors);
  };
  const similarity = (slice, str) => {
    if (!str.length || !slice.length) return 0;
    const m = approxSearch(slice, str, str.length);
    return m.length ? 1 - m[0].errors / str.length : 0;
  };
  const matches = search(quote, Math.min(256, quote.length / 2));
  let best;
  for (const m of matches) {
    const q = 1 - m.errors / quote.length;
    const p = prefix ? similarity(text.slice(Math.max(0, m.start - prefix.length), m.start), prefix) : 1;
    const s = suffix ? similarity(text.slice(m.end, m.end + suffix.length), suffix) : 1;
    const pos = 1 - Math.abs(m.start - hint) / text.length;
    const score = (50 * q + 20 * p + 20 * s + 2 * pos) / 92;
    if (!best || score > best.score) best = { start: m.start, end: m.end, score };
  }
  return best;
}

/**
 * Correct: placed on text overlapping where the passage went. Wrong: placed anywhere else, or placed
 * although the passage is gone. Orphans are split by how much of their passage is left: gone or
 * mostly rewritten (orphaning is right), or mostly still there (a find was missed).
 */
function judge(placements) {
  const tally = { correct: 0, wrong: 0, orphanGone: 0, orphanMissed: 0 };
  placements.forEach((p, i) => {
    const tr = truth[i];
    if (!p) tally[surviving[i] >= 0.5 ? 'orphanMissed' : 'orphanGone']++;
    else if (tr && p.start < tr[1] && p.end > tr[0]) tally.correct++;
    else tally.wrong++;
  });
  return tally;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

// Policy Lens: a few warm-up runs, then the median of RUNS.
let results;
for (let i = 0; i < 3; i++) results = anchorAll(text, annotations);
const lensTimes = [];
for (let i = 0; i < RUNS; i++) {
  const started = performance.now();
  results = anchorAll(text, annotations);
  lensTimes.push(performance.now() - started);
}
const lens = judge(results.map((r) => (r.start === undefined ? undefined : r)));

// Baseline: one warm-up pass over a few annotations, then one timed pass over all (it takes seconds).
for (const a of annotations.slice(0, 20)) hypothesisAnchor(text, a.target);
const started = performance.now();
const baseline = annotations.map((a) => hypothesisAnchor(text, a.target));
const baseMs = performance.now() - started;
const base = judge(baseline);

const deleted = surviving.filter((x) => x === 0).length;
const rewritten = surviving.filter((x) => x > 0 && x < 0.5).length;
const statuses = {};
for (const r of results) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
const row = (name, ms, j) =>
  `${name.padEnd(22)} ${ms.toFixed(1).padStart(9)} ms   ${String(j.correct).padStart(7)}   ${String(j.wrong).padStart(11)}   ${String(j.orphanGone).padStart(23)}   ${String(j.orphanMissed).padStart(21)}`;
console.log(`Anchoring benchmark: ${(original.length / 1024).toFixed(0)} KB record, ${annotations.length} annotations, seed ${seed}`);
console.log(
  `edits: ${t.edits.length} (${(editShare * 100).toFixed(0)}% of ${wordCount} words, ${editedInside} inside passages, ${deletedCount} passages deleted with context): ${deleted} passages gone, ${rewritten} mostly rewritten`,
);
console.log('');
console.log(`${'method'.padEnd(22)} ${'time'.padStart(12)}   correct   wrong place   orphan (gone/rewritten)   orphan (mostly intact)`);
console.log(row('Policy Lens (median)', median(lensTimes), lens));
console.log(row('Hypothesis-style', baseMs, base));
console.log('');
console.log(`Policy Lens statuses: ${Object.entries(statuses).map(([k, v]) => `${v} ${k}`).join(', ')}`);
console.log(`Policy Lens is ${(baseMs / median(lensTimes)).toFixed(0)}x faster (runs: min ${Math.min(...lensTimes).toFixed(1)} ms, max ${Math.max(...lensTimes).toFixed(1)} ms)`);
if (lens.wrong > 0 || median(lensTimes) >= baseMs) {
  console.error('FAIL: Policy Lens must be faster than the baseline and place nothing on the wrong passage');
  process.exitCode = 1;
}
