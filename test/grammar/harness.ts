// Loads the policytext grammar into the real TextMate engine (vscode-textmate + vscode-oniguruma, the
// pair VS Code itself uses) and tokenizes text line by line, carrying the rule stack across lines as
// the editor does. The grammar is read from the YAML source and passed through the same conversion as
// scripts/build.mjs (YAML parse, then JSON), so the tests exercise exactly what ships.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, type IGrammar, type IRawGrammar, type StateStack } from 'vscode-textmate';
import { parse as parseYaml } from 'yaml';
import { corpusDoc } from '../support/corpus';

export const repoRoot = join(__dirname, '..', '..');
export const grammarSourcePath = join(repoRoot, 'syntaxes', 'policytext.tmLanguage.yaml');

/** The grammar as the build writes it to dist/syntaxes/policytext.tmLanguage.json. */
export function builtGrammarJson(): string {
  return JSON.stringify(parseYaml(readFileSync(grammarSourcePath, 'utf8')));
}

/** A corpus document by its file name; only from tests declared with itWithCorpus (test/support/corpus.ts). */
export function readCorpusDoc(name: string): string {
  return corpusDoc(name);
}

let grammarPromise: Promise<IGrammar> | undefined;

export function loadGrammar(): Promise<IGrammar> {
  grammarPromise ??= (async () => {
    const wasm = readFileSync(join(repoRoot, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const raw = JSON.parse(builtGrammarJson()) as IRawGrammar;
    const registry = new Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (sources: string[]) => oniguruma.createOnigScanner(sources),
        createOnigString: (text: string) => oniguruma.createOnigString(text),
      }),
      loadGrammar: async (scopeName: string) => (scopeName === raw.scopeName ? raw : null),
    });
    const grammar = await registry.loadGrammar(raw.scopeName);
    if (!grammar) throw new Error(`grammar ${raw.scopeName} did not load`);
    return grammar;
  })();
  return grammarPromise;
}

export interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly scopes: readonly string[];
}

export interface TokenizedLine {
  readonly text: string;
  readonly tokens: readonly Token[];
}

/** Lines split on LF only, as VS Code and the gold files count them. */
export function tokenizeLines(grammar: IGrammar, text: string): TokenizedLine[] {
  let state: StateStack = INITIAL;
  return text.split('\n').map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return {
      text: line,
      tokens: result.tokens.map((t) => ({
        text: line.slice(t.startIndex, t.endIndex),
        start: t.startIndex,
        end: Math.min(t.endIndex, line.length),
        scopes: t.scopes,
      })),
    };
  });
}

export async function tokenize(text: string): Promise<TokenizedLine[]> {
  return tokenizeLines(await loadGrammar(), text);
}

/** Scopes of each character of `line` (index = UTF-16 offset). */
export function scopesPerChar(line: TokenizedLine): (readonly string[])[] {
  const out: (readonly string[])[] = new Array(line.text.length).fill([]);
  for (const t of line.tokens) for (let i = t.start; i < t.end; i++) out[i] = t.scopes;
  return out;
}

export interface Span {
  readonly lineIndex: number;
  readonly start: number;
  readonly end: number;
}

/** The `nth` (1-based) occurrence of `needle` in the text, in any line, searching from `fromLine`. */
export function find(lines: readonly TokenizedLine[], needle: string, nth = 1, fromLine = 0): Span {
  let seen = 0;
  for (let i = fromLine; i < lines.length; i++) {
    let at = lines[i].text.indexOf(needle);
    while (at >= 0) {
      if (++seen === nth) return { lineIndex: i, start: at, end: at + needle.length };
      at = lines[i].text.indexOf(needle, at + 1);
    }
  }
  throw new Error(`"${needle}" (occurrence ${nth}) is not in the text`);
}

function hasScope(scopes: readonly string[], scope: string): boolean {
  return scopes.some((s) => s === scope || (scope.startsWith('.') && s.includes(scope)));
}

function describe(lines: readonly TokenizedLine[], span: Span): string {
  const line = lines[span.lineIndex];
  return line.tokens
    .filter((t) => t.end > span.start - 10 && t.start < span.end + 10)
    .map((t) => `  ${JSON.stringify(t.text)} ${t.scopes.slice(1).join(' ')}`)
    .join('\n');
}

/**
 * Every character of `needle` carries `scope` (an exact scope name, or a fragment such as '.speaker.'
 * when it starts with a dot). With `exact`, the characters just before and after do not, so the scope
 * covers the needle and no more.
 */
export function scopeCovers(
  lines: readonly TokenizedLine[],
  needle: string,
  scope: string,
  options: { nth?: number; exact?: boolean; fromLine?: number } = {},
): { ok: boolean; message: string } {
  const span = find(lines, needle, options.nth ?? 1, options.fromLine ?? 0);
  const chars = scopesPerChar(lines[span.lineIndex]);
  for (let i = span.start; i < span.end; i++) {
    if (!hasScope(chars[i], scope)) {
      return { ok: false, message: `"${needle}" lacks ${scope} at "${lines[span.lineIndex].text.slice(i, i + 12)}":\n${describe(lines, span)}` };
    }
  }
  if (options.exact) {
    const before = span.start > 0 ? chars[span.start - 1] : [];
    const after = span.end < chars.length ? chars[span.end] : [];
    if (hasScope(before, scope) || hasScope(after, scope)) {
      return { ok: false, message: `${scope} extends beyond "${needle}":\n${describe(lines, span)}` };
    }
  }
  return { ok: true, message: '' };
}

/** No character of `needle` carries a scope containing `fragment`. */
export function scopeAbsent(
  lines: readonly TokenizedLine[],
  needle: string,
  fragment: string,
  options: { nth?: number; fromLine?: number } = {},
): { ok: boolean; message: string } {
  const span = find(lines, needle, options.nth ?? 1, options.fromLine ?? 0);
  const chars = scopesPerChar(lines[span.lineIndex]);
  for (let i = span.start; i < span.end; i++) {
    if (chars[i].some((s) => s.includes(fragment))) {
      return { ok: false, message: `"${needle}" unexpectedly carries ${fragment}:\n${describe(lines, span)}` };
    }
  }
  return { ok: true, message: '' };
}

/** Milliseconds to tokenize one line from the initial state: the minimum over `runs` runs. */
export function timeLine(grammar: IGrammar, line: string, runs = 5): number {
  let best = Infinity;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    grammar.tokenizeLine(line, INITIAL);
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

/** The first line of a corpus document that contains `fragment` (tests pick real lines by content). */
export function corpusLine(doc: string, fragment: string): string {
  const line = readCorpusDoc(doc).split('\n').find((l) => l.includes(fragment));
  if (line === undefined) throw new Error(`no line of ${doc} contains "${fragment}"`);
  return line;
}

export async function expectScope(
  text: string | readonly TokenizedLine[],
  needle: string,
  scope: string,
  options: { nth?: number; exact?: boolean; fromLine?: number } = {},
): Promise<void> {
  const lines = typeof text === 'string' ? await tokenize(text) : text;
  const r = scopeCovers(lines, needle, scope, options);
  if (!r.ok) throw new assert.AssertionError({ message: r.message });
}

export async function expectNoScope(
  text: string | readonly TokenizedLine[],
  needle: string,
  fragment: string,
  options: { nth?: number; fromLine?: number } = {},
): Promise<void> {
  const lines = typeof text === 'string' ? await tokenize(text) : text;
  const r = scopeAbsent(lines, needle, fragment, options);
  if (!r.ok) throw new assert.AssertionError({ message: r.message });
}
