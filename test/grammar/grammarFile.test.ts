// The grammar source itself: what the build makes of it, the scope names it uses, and the language
// configuration that ships beside it.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { builtGrammarJson, grammarSourcePath, loadGrammar, repoRoot } from './harness';

interface Rule {
  [key: string]: unknown;
}

/** Every scope name the grammar can assign: `name` and `contentName` of rules and captures. */
function scopeNames(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) {
    for (const n of node) scopeNames(n, out);
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node as Rule)) {
      if ((key === 'name' || key === 'contentName') && typeof value === 'string') out.push(...value.split(' '));
      else scopeNames(value, out);
    }
  }
  return out;
}

/** Every regular expression of the grammar. */
function regexes(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) {
    for (const n of node) regexes(n, out);
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node as Rule)) {
      if (['match', 'begin', 'end', 'while'].includes(key) && typeof value === 'string') out.push(value);
      else regexes(value, out);
    }
  }
  return out;
}

describe('policytext grammar file', () => {
  const source = parseYaml(readFileSync(grammarSourcePath, 'utf8')) as Rule;

  it('survives the build conversion (YAML parse + JSON.stringify) unchanged', () => {
    assert.deepEqual(JSON.parse(builtGrammarJson()), source);
    assert.equal(source.scopeName, 'text.policytext');
  });

  it('is the grammar the manifest contributes for the policytext language', () => {
    const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
    const contributed = manifest.contributes.grammars.find((g: { language: string }) => g.language === 'policytext');
    assert.equal(contributed.scopeName, source.scopeName);
    assert.equal(contributed.path, './dist/syntaxes/policytext.tmLanguage.json');
  });

  it('ends every scope name in .policytext and starts it with a standard TextMate root', () => {
    const names = [...new Set(scopeNames([source.patterns, source.repository]))];
    assert.ok(names.length > 15, `found ${names.length} scope names`);
    const roots = ['comment', 'constant', 'entity', 'keyword', 'markup', 'meta', 'punctuation', 'string'];
    for (const n of names) {
      assert.match(n, /\.policytext$/, n);
      assert.ok(roots.includes(n.split('.')[0]), `${n} starts with a standard root`);
    }
  });

  it('names the kinds the design asks for', () => {
    const names = new Set(scopeNames(source));
    for (const n of [
      'markup.heading.section.policytext',
      'entity.name.tag.speaker.policytext',
      'constant.other.reference.resolution.policytext',
      'constant.other.reference.document.policytext',
      'constant.numeric.figure.money.policytext',
      'constant.numeric.figure.percent.policytext',
      'constant.numeric.figure.vote.policytext',
      'constant.numeric.figure.count.policytext',
      'constant.numeric.figure.range.policytext',
      'constant.numeric.figure.duration.policytext',
      'string.quoted.double.policytext',
    ]) {
      assert.ok(names.has(n), n);
    }
  });

  it('has no unbounded wildcard (.* or .+): every run of "anything" is bounded, e.g. [^\\n]{0,200}', () => {
    for (const re of regexes(source)) assert.ok(!/(?<!\\)\.[*+]/.test(re), `no .* or .+ in ${re.slice(0, 60)}`);
  });

  it('compiles in the TextMate engine', async () => {
    const grammar = await loadGrammar();
    assert.ok(grammar.tokenizeLine('Mr. Nebenzia (Russian Federation): resolution 2504 (2020)', null).tokens.length > 3);
  });
});

describe('policytext language configuration', () => {
  const config = JSON.parse(readFileSync(join(repoRoot, 'syntaxes', 'language-configuration.json'), 'utf8'));
  const word = new RegExp(config.wordPattern.pattern, `${config.wordPattern.flags}g`);
  const words = (s: string) => s.match(word) ?? [];

  it('auto-closes parentheses and curly quotes, and straight quotes outside strings', () => {
    const pairs = config.autoClosingPairs.map((p: { open: string; close: string }) => p.open + p.close);
    for (const p of ['()', '[]', '“”', '""']) assert.ok(pairs.includes(p), p);
    assert.ok(!pairs.includes("''") && !pairs.includes('‘’'), 'apostrophes are not auto-closed');
  });

  it('keeps hyphenated words (U+2011 or ASCII), apostrophes and UN symbols whole', () => {
    assert.deepEqual(words('the Secretary‑General said'), ['the', 'Secretary‑General', 'said']);
    assert.deepEqual(words('Mlambo-Ngcuka’s capacity‑building'), ['Mlambo-Ngcuka’s', 'capacity‑building']);
    assert.deepEqual(words('document S/2020/24, and S/2022/10/Add.10*'), ['document', 'S/2020/24', 'and', 'S/2022/10/Add.10*']);
    assert.deepEqual(words('ISIL/Da’esh'), ['ISIL', 'Da’esh']);
    assert.deepEqual(words('$5,000.50 (Kőrösi)'), ['5,000.50', 'Kőrösi']);
  });
});
