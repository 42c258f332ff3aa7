// `node scripts/validate-gold.mjs [-v] [--gold DIR] [--docs DIR] [FILE.yaml ...]`: checks hand-made gold files against
// their documents, as ../shared/corpus/tools/validate_gold.py does (that tool needs PyYAML; this one needs only the
// `yaml` package): every `surface` is a verbatim substring that starts on its 1-based `line` (LF-only line splitting;
// the `nth` occurrence starting there), every section `text` is that whole line, a speaker `label` starts on the line
// and contains the surface. It adds checks of its own that the gold conventions imply: `spans_lines` exactly when a
// surface (for a speaker, its label) crosses a line break, items of each category in line order, known speaker kinds, `vote` values of the
// form for-against-abstain, ISO-shaped date values. With -v it lists regex hits for symbols, money and percentages
// that no gold item covers: a recall aid for the annotator to review by hand, never a source of gold.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const CATEGORIES = ['speakers', 'resolutions', 'figures', 'dates'];
const SPEAKER_KINDS = new Set(['turn', 'issuer', 'reported', 'mention', 'listed']);
// ISO 8601 shapes: a calendar date or a part of one, a time of day, a year range; ranges may list their ends.
const ISO_VALUE = /^(\d{4}(-\d{2}(-\d{2})?)?|\d{2}:\d{2}|\d{4}\/\d{4})$/;
const RECALL_PATTERNS = {
  resolutions: /(?:[Rr]esolutions?\s+\d{1,4}(?:\/\d+)?(?:\s*\(\d{4}\))?|\b[ASE]\/(?:RES\/|PV\.|PRST\/|C\.\d\/|HRC\/)?[\w.\-/]*\d[\w.\-/]*)/g,
  figures: /\d[\d,.]*\s*(?:per cent|percent|%|million|billion|trillion|votes?)|(?:US|A|NZ|C|FJ)?[$€£₤¥₹]\s?\d[\d,.]*|\bR\d[\d,.]*/g,
};

/** Offsets at which each line starts. */
function lineStarts(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

export function validate(gold, text) {
  const lines = text.split('\n');
  const starts = lineStarts(text);
  const errors = [];
  const covered = {};

  /** Offset of the nth occurrence of `surface` that starts on `line`, or null (with an error). */
  const at = (surface, line, where, nth = 1) => {
    if (!Number.isInteger(line) || line < 1 || line > lines.length) {
      errors.push(`${where}: bad line ${JSON.stringify(line)}`);
      return null;
    }
    if (typeof surface !== 'string' || !surface) {
      errors.push(`${where}: missing surface`);
      return null;
    }
    const lineStart = starts[line - 1];
    const lineEnd = lineStart + lines[line - 1].length;
    let k = 0;
    for (let idx = text.indexOf(surface, lineStart); idx !== -1 && idx <= lineEnd; idx = text.indexOf(surface, idx + 1)) {
      if (++k === nth) return idx;
    }
    errors.push(`${where}: ${JSON.stringify(surface)} (nth ${nth}) does not start on line ${line}: ${JSON.stringify(lines[line - 1])}`);
    return null;
  };

  for (const key of ['sections', ...CATEGORIES]) {
    if (!Array.isArray(gold[key])) errors.push(`${key}: missing (write [] for none)`);
  }

  let previous = 0;
  (gold.sections ?? []).forEach((sec, i) => {
    const where = `sections[${i}]`;
    if (!Number.isInteger(sec.line) || sec.line < 1 || sec.line > lines.length) {
      errors.push(`${where}: bad line ${JSON.stringify(sec.line)}`);
      return;
    }
    if (lines[sec.line - 1] !== sec.text) errors.push(`${where}: line ${sec.line} is ${JSON.stringify(lines[sec.line - 1])}, gold says ${JSON.stringify(sec.text)}`);
    if (![0, 1, 2, 3].includes(sec.level)) errors.push(`${where}: level ${JSON.stringify(sec.level)}`);
    if (sec.line <= previous) errors.push(`${where}: line ${sec.line} out of document order`);
    previous = sec.line;
  });

  for (const key of CATEGORIES) {
    const seen = new Set();
    covered[key] = [];
    let last = 0;
    (gold[key] ?? []).forEach((it, i) => {
      const where = `${key}[${i}] line ${it.line}`;
      const idx = at(it.surface, it.line, where, it.nth ?? 1);
      if (idx === null) return;
      const spanned = key === 'speakers' && it.label !== undefined ? it.label : it.surface;
      const crosses = spanned.includes('\n');
      if (crosses !== Boolean(it.spans_lines)) errors.push(`${where}: spans_lines must be ${crosses ? 'true' : 'absent'} for ${JSON.stringify(spanned)}`);
      if (it.line < last) errors.push(`${where}: ${JSON.stringify(it.surface)} out of line order`);
      last = it.line;
      const id = `${idx}\u0000${it.surface}`;
      if (seen.has(id)) errors.push(`${where}: duplicate ${JSON.stringify(it.surface)}`);
      seen.add(id);
      covered[key].push([idx, idx + it.surface.length]);
      if (key === 'speakers') {
        if (!SPEAKER_KINDS.has(it.kind ?? 'turn')) errors.push(`${where}: unknown kind ${JSON.stringify(it.kind)}`);
        if (it.label !== undefined) {
          if (at(it.label, it.line, `${where} label`) !== null && !it.label.includes(it.surface)) errors.push(`${where}: label does not contain the surface`);
        }
      }
      if (key === 'resolutions' && (it.symbol === undefined || it.symbol === null || it.symbol === '')) errors.push(`${where}: no symbol`);
      if (key === 'figures') {
        if (!it.type) errors.push(`${where}: no type`);
        if (it.type === 'vote' && it.value !== undefined && !/^[\d?]+(-[\d?]+){0,2}$/.test(String(it.value))) errors.push(`${where}: vote value ${JSON.stringify(it.value)} is not for-against-abstain`);
        if (it.type === 'money' && !it.currency && !it.optional) errors.push(`${where}: money without currency`);
      }
      if (key === 'dates') {
        if (!it.type) errors.push(`${where}: no type`);
        const values = it.value === undefined || it.value === null ? [] : [it.value].flat();
        if (values.some((v) => !ISO_VALUE.test(String(v)))) errors.push(`${where}: value ${JSON.stringify(it.value)} is not ISO-shaped`);
      }
    });
  }

  const uncovered = [];
  for (const [key, pattern] of Object.entries(RECALL_PATTERNS)) {
    for (const m of text.matchAll(pattern)) {
      if (!covered[key].some(([a, b]) => a <= m.index && m.index < b)) {
        uncovered.push(`[${key}? uncovered] line ${text.slice(0, m.index).split('\n').length}: ${JSON.stringify(m[0])}`);
      }
    }
  }
  return { errors, uncovered };
}

function main(argv) {
  const verbose = argv.includes('-v');
  const opt = (name, fallback) => {
    const i = argv.indexOf(name);
    return i >= 0 && argv[i + 1] ? resolve(argv[i + 1]) : fallback;
  };
  const goldDir = opt('--gold', join(root, '..', 'shared', 'corpus', 'gold'));
  const docsDir = opt('--docs', join(goldDir, '..', 'docs'));
  const skip = new Set(['--gold', '--docs'].flatMap((o) => (argv.includes(o) ? [argv[argv.indexOf(o) + 1]] : [])));
  const named = argv.filter((a) => a.endsWith('.yaml') && !skip.has(a)).map((a) => resolve(a));
  const files = named.length ? named : readdirSync(goldDir).filter((f) => f.endsWith('.yaml')).sort().map((f) => join(goldDir, f));
  let ok = true;
  for (const file of files) {
    const gold = parseYaml(readFileSync(file, 'utf8'));
    const doc = join(docsDir, String(gold.document));
    const errors = [];
    if (basename(file, '.yaml') !== basename(String(gold.document), '.txt')) errors.push(`document ${JSON.stringify(gold.document)} does not match the file name`);
    let result = { errors: [], uncovered: [] };
    if (existsSync(doc)) result = validate(gold, readFileSync(doc, 'utf8'));
    else errors.push(`no document ${doc}`);
    errors.push(...result.errors);
    const counts = ['sections', ...CATEGORIES].map((k) => `${k} ${(gold[k] ?? []).length}`).join(', ');
    console.log(`${basename(file)}: ${errors.length ? 'ERRORS' : 'OK'} (${counts})`);
    for (const e of errors) console.log(`    ${e}`);
    if (verbose) for (const u of result.uncovered) console.log(`    ${u}`);
    ok &&= !errors.length;
  }
  process.exitCode = ok ? 0 : 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
