// `npm run eval [-- --verbose] [--gold DIR] [--docs DIR]`: scores the analyzer against the hand-made gold labels.
// The scoring is a faithful port of ../shared/corpus/tools/score_analyze.py (same matching rules, same numbers), so
// that the project can be measured without Python; the analyzer runs in-process through tsx.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { findCorpus } from './shared.mjs';

export const CATS = ['sections', 'speakers', 'references', 'figures', 'dates'];
const GOLD_KEY = { sections: 'sections', speakers: 'speakers', references: 'resolutions', figures: 'figures', dates: 'dates' };
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\\-/#&~=!<>:,'"`@%;]/g, '\\$&');

/** Column span of the nth occurrence of a surface's first line; falls back to a whitespace-tolerant search. */
export function spans(lineText, surface, nth = 1) {
  const first = surface.split('\n')[0];
  if (!first) return null;
  let pos = -1;
  for (let k = 0; k < Math.max(1, nth); k++) {
    pos = lineText.indexOf(first, pos + 1);
    if (pos < 0) {
      // tolerate whitespace differences (no-break spaces, doubled spaces), like the Python scorer
      const m = new RegExp(escapeRe(first).replace(/ /g, '\\s+')).exec(lineText);
      return m ? [m.index, m.index + m[0].length] : null;
    }
  }
  return [pos, pos + first.length];
}

export function goldItems(gold, cat) {
  const out = [];
  for (const it of gold[GOLD_KEY[cat]] ?? []) {
    const surface = cat === 'sections' ? it.text : it.surface;
    if (surface === undefined || surface === null) continue;
    let optional = Boolean(it.optional);
    if (cat === 'speakers' && !['turn', 'issuer'].includes(it.kind ?? 'turn')) optional = true;
    if (cat === 'sections' && String(it.note ?? '').toLowerCase().includes('optional')) optional = true;
    out.push({ line: it.line, surface: String(surface), nth: it.nth ?? 1, optional, symbol: it.symbol });
  }
  return out;
}

/** Python's str() of a symbol, so that list symbols compare exactly as in the Python scorer. */
function pyStr(x) {
  if (x === undefined || x === null || x === '' || x === false || (Array.isArray(x) && !x.length)) return '';
  if (Array.isArray(x)) return `[${x.map((v) => (typeof v === 'string' ? `'${v}'` : pyStr(v))).join(', ')}]`;
  return String(x);
}
const norm = (x) => pyStr(x).replace(/\s+/g, '');

export function score(gold, pred, lines) {
  let tp = 0;
  let fp = 0;
  let symOk = 0;
  let symN = 0;
  const used = new Set();
  const seen = new Map();
  const falsePositives = [];
  const wrongSymbols = [];
  for (const p of pred) {
    const ln = p.line;
    const s = p.surface || p.text || '';
    if (!Number.isInteger(ln) || ln < 1 || ln > lines.length) {
      fp++;
      falsePositives.push(p);
      continue;
    }
    // the k-th prediction of one surface on one line is taken as its k-th occurrence there
    const key = `${ln}\u0000${s}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
    const ps = spans(lines[ln - 1], s, seen.get(key));
    let hit = null;
    for (let i = 0; i < gold.length; i++) {
      const gi = gold[i];
      if (gi.line !== ln) continue;
      const gs = spans(lines[ln - 1], gi.surface, gi.nth);
      if (ps && gs && ps[0] < gs[1] && gs[0] < ps[1] && (!used.has(i) || gi.optional)) {
        hit = i;
        break;
      }
    }
    if (hit === null) {
      fp++;
      falsePositives.push(p);
      continue;
    }
    const gi = gold[hit];
    if (gi.optional || used.has(hit)) continue;
    used.add(hit);
    tp++;
    if (gi.symbol) {
      symN++;
      if (norm(p.symbol) === norm(gi.symbol)) symOk++;
      else wrongSymbols.push({ line: ln, surface: s, got: p.symbol, want: gi.symbol });
    }
  }
  const misses = gold.filter((gi, i) => !gi.optional && !used.has(i));
  return { tp, fp, fn: misses.length, symOk, symN, misses, falsePositives, wrongSymbols };
}

/** Scores `analyze(path, text) -> analyze JSON` on every gold file; returns totals and per-document details. */
export async function scoreCorpus({ goldDir, docsDir, analyze }) {
  const totals = Object.fromEntries(CATS.map((c) => [c, { tp: 0, fp: 0, fn: 0 }]));
  const symbols = { ok: 0, n: 0 };
  const documents = [];
  const failures = [];
  for (const name of readdirSync(goldDir).sort()) {
    if (!name.endsWith('.yaml') || name.startsWith('README')) continue;
    const gold = parseYaml(readFileSync(join(goldDir, name), 'utf8'));
    const path = join(docsDir, gold.document);
    const text = readFileSync(path, 'utf8');
    const lines = text.split('\n');
    let out = {};
    try {
      out = await analyze(path, text);
    } catch (err) {
      failures.push(`${name}: ${err instanceof Error ? err.message : String(err)}`);
    }
    const doc = { name, results: {} };
    for (const c of CATS) {
      const r = score(goldItems(gold, c), out[c] ?? [], lines);
      doc.results[c] = r;
      totals[c].tp += r.tp;
      totals[c].fp += r.fp;
      totals[c].fn += r.fn;
      if (c === 'references') {
        symbols.ok += r.symOk;
        symbols.n += r.symN;
      }
    }
    documents.push(doc);
  }
  const summary = Object.fromEntries(CATS.map((c) => {
    const { tp, fp, fn } = totals[c];
    return [c, { tp, fp, fn, precision: tp + fp ? tp / (tp + fp) : 0, recall: tp + fn ? tp / (tp + fn) : 0 }];
  }));
  return { summary, symbolAccuracy: symbols.n ? symbols.ok / symbols.n : 0, symbols, documents, failures };
}

function report(result, verbose) {
  const lines = [];
  for (const c of CATS) {
    const { tp, fp, fn, precision, recall } = result.summary[c];
    lines.push(`${c.padEnd(11)} tp=${String(tp).padStart(4)} fp=${String(fp).padStart(4)} fn=${String(fn).padStart(4)}  precision=${precision.toFixed(3)} recall=${recall.toFixed(3)}`);
  }
  lines.push(`symbols    ${result.symbols.ok}/${result.symbols.n} normalised correctly (${result.symbolAccuracy.toFixed(3)})`);
  for (const f of result.failures) lines.push(`no JSON: ${f}`);
  if (verbose) {
    for (const doc of result.documents) {
      const parts = [];
      for (const c of CATS) {
        const r = doc.results[c];
        for (const m of r.misses) parts.push(`  ${c} MISS  ${m.line}: ${JSON.stringify(m.surface)}`);
        for (const p of r.falsePositives) parts.push(`  ${c} FP    ${p.line}: ${JSON.stringify(p.surface ?? p.text)}`);
        for (const w of r.wrongSymbols) parts.push(`  ${c} SYM   ${w.line}: ${JSON.stringify(w.surface)} got ${JSON.stringify(w.got)} want ${JSON.stringify(w.want)}`);
      }
      if (parts.length) lines.push(`\n${doc.name}`, ...parts);
    }
  }
  return lines.join('\n');
}

async function main(argv) {
  const verbose = argv.includes('--verbose') || argv.includes('-v');
  const opt = (name, fallback) => {
    const i = argv.indexOf(name);
    return i >= 0 && argv[i + 1] ? resolve(argv[i + 1]) : fallback;
  };
  const explicit = argv.includes('--gold') && argv.includes('--docs');
  const corpus = explicit ? undefined : findCorpus();
  if (corpus && !corpus.present) {
    console.log(`npm run eval: skipped: ${corpus.reason} (or score other documents with --gold DIR --docs DIR)`);
    return;
  }
  const goldDir = opt('--gold', corpus?.gold);
  const docsDir = opt('--docs', corpus?.docs);
  const { tsImport } = await import('tsx/esm/api');
  const core = await tsImport(pathToFileURL(join(root, 'src', 'core', 'document', 'index.ts')).href, import.meta.url);
  const analyze = (path, text) => core.toAnalyzeJson(path, core.parsePolicyDocument(text));
  const result = await scoreCorpus({ goldDir, docsDir, analyze });
  console.log(report(result, verbose));
  if (argv.includes('--write-floor')) writeFloor(result);
}

/**
 * Raises the floor that the regression test holds (test/unit/document/corpus-floor.json) to what was just measured;
 * a floor is never lowered: a category that fell must be mended, not recorded.
 */
function writeFloor(result) {
  const file = join(root, 'test', 'unit', 'document', 'corpus-floor.json');
  const data = JSON.parse(readFileSync(file, 'utf8'));
  const down = (x) => Math.floor(x * 1000 + 1e-9) / 1000;
  const changes = [];
  const raise = (obj, key, measured, label) => {
    const old = obj[key] ?? 0;
    const value = down(measured);
    if (value > old) {
      obj[key] = value;
      changes.push(`${label} ${old} -> ${value}`);
    } else if (value < old) changes.push(`${label} ${value} is below the floor ${old} (kept)`);
  };
  for (const c of CATS) {
    data.floor[c] ??= { precision: 0, recall: 0 };
    raise(data.floor[c], 'precision', result.summary[c].precision, `${c} precision`);
    raise(data.floor[c], 'recall', result.summary[c].recall, `${c} recall`);
  }
  raise(data.floor, 'symbols', result.symbolAccuracy, 'symbols');
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
  console.log(changes.length ? `\nfloor: ${changes.join('; ')}` : '\nfloor: unchanged');
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
}
