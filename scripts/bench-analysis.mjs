// Analysis benchmark: a generated folder of 1,000 documents (the corpus texts, each copy made distinct) with
// 20,000 annotations over 50 themes, written to a temporary directory; then, in the same run:
//   - the floor: reading every sidecar and parsing it with the `yaml` package, nothing else;
//   - building the index the way `policy-lens passages` does (read sidecars and documents, parse, place);
//   - their ratio (target <= 3x);
//   - an incremental update after one sidecar changes (target <= 20 ms);
//   - a query and each matrix (target <= 50 ms).
//
// The code measured is bundled by esbuild as the CLI and the extension are, not run through a TypeScript loader.
//
//   node scripts/bench-analysis.mjs [--documents N] [--annotations N] [--keep]
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { parse as parseYaml } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundleDir = await mkdtemp(join(tmpdir(), 'policy-lens-bench-bundle-'));
await esbuild.build({
  stdin: {
    contents: [
      "export * from './src/core/annotations/index.ts';",
      "export * from './src/core/analysis/index.ts';",
      "export { loadFolder } from './src/cli/passages.ts';",
      "export { mulberry32, passageAt } from './test/unit/annotations/support/editing.ts';",
    ].join('\n'),
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true, platform: 'node', format: 'cjs', target: 'es2022', outfile: join(bundleDir, 'bench.cjs'), logLevel: 'warning',
});
const {
  addTheme, createTarget, emptyCodebook, emptySidecar, serializeCodebook, serializeSidecar, textHash, codePointIndex,
  buildMatrix, parseThemeExpression, runQuery, loadFolder, mulberry32, passageAt,
} = createRequire(import.meta.url)(join(bundleDir, 'bench.cjs'));
await rm(bundleDir, { recursive: true, force: true });
const docsDir = join(root, '..', 'shared', 'corpus', 'docs');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const DOCUMENTS = opt('documents', 1000);
const ANNOTATIONS = opt('annotations', 20_000);
const THEMES = 50;
const RUNS = 5;

const ms = (t) => `${t.toFixed(t < 10 ? 2 : 0)} ms`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function timed(runs, fn) {
  const times = [];
  let value;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    value = await fn(i);
    times.push(performance.now() - t);
  }
  return { median: median(times), best: Math.min(...times), value };
}

// The workspace: corpus texts cycled, each copy given its own first line so that no two documents share a text.
const corpus = readdirSync(docsDir).filter((f) => f.endsWith('.txt')).sort().map((f) => ({ name: f, text: readFileSync(join(docsDir, f), 'utf8') }));
const dir = await mkdtemp(join(tmpdir(), 'policy-lens-bench-analysis-'));
const rand = mulberry32(2026);
let codebook = emptyCodebook();
for (let i = 0; i < THEMES; i++) {
  const r = addTheme(codebook, { id: `theme-${i}`, label: `Theme ${i}` });
  codebook = r.value;
}
await mkdir(join(dir, '.policy-lens'), { recursive: true });
await writeFile(join(dir, '.policy-lens', 'codebook.yaml'), serializeCodebook(codebook));
const files = [];
let bytes = 0;
let sidecarBytes = 0;
for (let d = 0; d < DOCUMENTS; d++) {
  const source = corpus[d % corpus.length];
  const text = `Generated copy ${d} of ${source.name}\n${source.text}`;
  const cps = codePointIndex(text);
  const path = `folder-${d % 20}/${String(d).padStart(4, '0')}-${source.name}`;
  const n = Math.floor(ANNOTATIONS / DOCUMENTS) + (d < ANNOTATIONS % DOCUMENTS ? 1 : 0);
  const annotations = [];
  const ids = new Set();
  while (annotations.length < n) {
    const span = passageAt(text, Math.floor(rand() * text.length), 20 + Math.floor(rand() * 300));
    if (!span) continue;
    const id = Math.floor(rand() * 0xffffff).toString(16).padStart(6, '0');
    if (ids.has(id)) continue;
    ids.add(id);
    const themes = [...new Set(Array.from({ length: 1 + Math.floor(rand() * 2.5) }, () => `theme-${Math.floor(rand() * rand() * THEMES)}`))];
    annotations.push({ id, themes, target: createTarget(text, span[0], span[1], cps), created: '2026-11-28T09:12:00Z' });
  }
  const sidecar = serializeSidecar({ ...emptySidecar(path.split('/').pop(), textHash(text)), annotations });
  await mkdir(dirname(join(dir, path)), { recursive: true });
  await writeFile(join(dir, path), text);
  await writeFile(join(dir, `${path}.annotations.yaml`), sidecar);
  files.push({ path, text, sidecar });
  bytes += Buffer.byteLength(text);
  sidecarBytes += Buffer.byteLength(sidecar);
}
console.log(`workspace: ${DOCUMENTS} documents (${(bytes / 1e6).toFixed(1)} MB), ${ANNOTATIONS} annotations in ${DOCUMENTS} sidecars (${(sidecarBytes / 1e6).toFixed(1)} MB), ${THEMES} themes, in ${dir}`);

const quiet = { stdout: () => {}, stderr: (s) => { throw new Error(s); } };
// Warm-up of both paths, so that neither pays for the JIT alone.
await loadFolder(dir, quiet, 'bench');
for (const f of files.slice(0, 50)) parseYaml(await readFile(join(dir, `${f.path}.annotations.yaml`), 'utf8'));

const floor = await timed(RUNS, async () => {
  let n = 0;
  for (const f of files) n += parseYaml(await readFile(join(dir, `${f.path}.annotations.yaml`), 'utf8')).annotations.length;
  return n;
});
const build = await timed(RUNS, async () => {
  const { index } = await loadFolder(dir, quiet, 'bench');
  index.passages();
  return index;
});
const index = build.value;
console.log(`floor (read + yaml.parse every sidecar): median ${ms(floor.median)} of ${RUNS} (${floor.value} annotations)`);
console.log(`index build (read sidecars and documents, parse sidecars, sections and turns, place every passage): median ${ms(build.median)} (${index.passages().length} passages, ${index.orphans().length} orphans)`);
const ratio = build.median / floor.median;
console.log(`ratio index / floor: ${ratio.toFixed(2)}x (target <= 3x) ${ratio <= 3 ? 'MET' : 'NOT MET'}`);

// Incremental: one sidecar changes (a note added to one of its annotations), as a watcher event delivers it.
const updates = await timed(25, async (i) => {
  const f = files[(i * 37) % files.length];
  const changed = f.sidecar.replace('    created:', `    note: edited ${i}\n    created:`);
  const source = await readFile(join(dir, `${f.path}.annotations.yaml`), 'utf8');
  index.setFromFiles(f.path, f.text, source === f.sidecar ? changed : f.sidecar);
  return index.passages().length;
});
console.log(`incremental update after one sidecar changes (re-read it, parse, place, relist the folder): median ${ms(updates.median)}, best ${ms(updates.best)} of 25 (target <= 20 ms) ${updates.median <= 20 ? 'MET' : 'NOT MET'}`);
const edited = await timed(9, async (i) => {
  const f = files[(i * 41) % files.length];
  index.setFromFiles(f.path, `${f.text}\nA paragraph added ${i}.`, f.sidecar);
  return index.passages().length;
});
console.log(`  for comparison, after a document's text changes (structure parsed again): median ${ms(edited.median)}`);

// After a change the index hands out a new passage list (its columnar table merged from the documents' parts, within
// the update measured above); the first query or matrix on it also runs the overlap sweep ("cold"); later ones on the
// same list reuse it ("warm"). Both are measured; "cold" follows a real one-sidecar update each time.
const themes = index.themes();
const verdict = (t) => (t <= 50 ? 'MET' : 'NOT MET');
const expr = parseThemeExpression('theme-1 AND (theme-2 OR theme-3) AND NOT theme-4', themes).expr;
const queryOf = { themes: expr, speaker: 'president', document: 'folder-1*/**' };
let bump = 0;
const freshList = () => {
  const f = files[(bump++ * 53) % files.length];
  index.setFromFiles(f.path, f.text, f.sidecar.replace('    created:', `    note: bench ${bump}\n    created:`));
  return index.passages();
};
async function coldAndWarm(fn) {
  const cold = [];
  const warm = [];
  let value;
  for (let i = 0; i < 9; i++) {
    const list = freshList();
    let t = performance.now();
    value = fn(list);
    cold.push(performance.now() - t);
    t = performance.now();
    fn(list);
    warm.push(performance.now() - t);
  }
  return { cold: median(cold), warm: median(warm), value };
}
const q = await coldAndWarm((list) => runQuery(list, queryOf));
console.log(`query (theme-1 AND (theme-2 OR theme-3) AND NOT theme-4, speaker "president", document glob): ${q.value.length} results; cold median ${ms(q.cold)}, warm median ${ms(q.warm)} (target <= 50 ms) ${verdict(q.cold)}`);
const fromScratch = await timed(9, () => runQuery([...index.passages()], queryOf));
console.log(`  for comparison, on a copy of the list (table built from scratch, no index): median ${ms(fromScratch.median)}`);
for (const by of ['speaker', 'section', 'document', 'theme']) {
  for (const count of ['passages', 'documents', 'chars']) {
    const m = await coldAndWarm((list) => buildMatrix(list, themes, { by, count }));
    console.log(`matrix themes x ${by} (${count}): ${m.value.rows.length} x ${m.value.columns.length}; cold median ${ms(m.cold)}, warm median ${ms(m.warm)} (target <= 50 ms) ${verdict(m.cold)}`);
  }
}
if (!args.includes('--keep')) await rm(dir, { recursive: true, force: true });

// The Matrix webview's page with 50 themes x 200 speakers, in headless Chromium (needs `npm run build` first).
const { existsSync } = await import('node:fs');
if (existsSync(join(root, 'dist/media/matrix.js'))) {
  const { benchMatrixWebview } = await import('./bench-matrix-webview.mjs');
  await benchMatrixWebview({ log: (line) => console.log(`matrix webview, ${line}`) });
} else {
  console.log('matrix webview: dist/media/matrix.js is missing, run `npm run build` first');
}
