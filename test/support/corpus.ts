// The one way tests reach the shared corpus (../shared/corpus, or POLICY_LENS_CORPUS). A clone on its own has
// no corpus: a test or suite declared with itWithCorpus / describeWithCorpus is then skipped and reported with
// the reason (test/support/skipReport.ts); a test that reads the corpus without being declared fails with a
// message that says so, rather than passing on nothing. The corpus is read in place and never copied.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findCorpus, findStandards } from '../../scripts/shared.mjs';
import { ownDocuments } from './fixtures';
import { SKIP_REASON } from '../../scripts/skips.mjs';

export const corpus = findCorpus();
/** ../shared/standards (or POLICY_LENS_STANDARDS): the schemas and validators the exchange formats are judged by. */
export const standards = findStandards();
export const corpusDocsDir = corpus.docs;
export const corpusGoldDir = corpus.gold;

function because<T extends Mocha.Runnable | Mocha.Suite | void>(node: T, reason: string): T {
  if (node) (node as unknown as Record<string, unknown>)[SKIP_REASON] = reason;
  return node;
}

/** A test that reads the corpus: run when it is there, otherwise skipped with the reason. */
export function itWithCorpus(title: string, fn: Mocha.Func | Mocha.AsyncFunc): Mocha.Test {
  return corpus.present ? it(title, fn) : because(it.skip(title, fn), corpus.reason);
}

/**
 * A suite whose every test reads the corpus. Its body still runs when the corpus is absent (mocha collects the
 * skipped tests from it), so it must not read the corpus itself: read it in hooks and tests.
 */
export function describeWithCorpus(title: string, fn: (this: Mocha.Suite) => void): Mocha.Suite | void {
  return corpus.present ? describe(title, fn) : because(describe.skip(title, fn), corpus.reason);
}

/**
 * One test per corpus document; when the corpus is absent, one skipped test that stands for them all, so that
 * the summary still says what did not run.
 */
export function itForEachCorpusDoc(title: (name: string) => string, fn: (doc: { name: string; text: string }) => void | Promise<void>): void {
  if (!corpus.present) {
    because(it.skip(title('every corpus document')), corpus.reason);
    return;
  }
  for (const name of corpusDocNames()) it(title(name), () => fn({ name, text: readFileSync(join(corpus.docs, name), 'utf8') }));
}

/** A suite that needs ../shared/standards: run when it is there, otherwise skipped with the reason. */
export function describeWithStandards(title: string, fn: (this: Mocha.Suite) => void): Mocha.Suite | void {
  return standards.present ? describe(title, fn) : because(describe.skip(title, fn), standards.reason);
}

function requirePresent(): void {
  if (!corpus.present) {
    throw new Error(`this test reads the corpus but is not declared with itWithCorpus/describeWithCorpus: ${corpus.reason}`);
  }
}

/** File names of the corpus documents, sorted; none when the corpus is absent (for suites built from the list). */
export function corpusDocNames(): string[] {
  return corpus.present ? readdirSync(corpus.docs).filter((f) => f.endsWith('.txt')).sort() : [];
}

/** The text of the corpus document whose file name starts with `prefix` (`02`, `15-wh`). */
export function corpusDoc(prefix: string): string {
  requirePresent();
  const name = readdirSync(corpus.docs).find((f) => f.startsWith(prefix));
  if (!name) throw new Error(`no corpus document starting with ${prefix} in ${corpus.docs}`);
  return readFileSync(join(corpus.docs, name), 'utf8');
}

export function allCorpusDocs(): { name: string; text: string }[] {
  requirePresent();
  return corpusDocNames().map((name) => ({ name, text: readFileSync(join(corpus.docs, name), 'utf8') }));
}

/** Lines `from`..`to` (1-based, inclusive) of a corpus document, joined with LF: a real snippet to parse. */
export function snippet(prefix: string, from: number, to: number): string {
  return corpusDoc(prefix).split('\n').slice(from - 1, to).join('\n');
}

/**
 * Texts for properties and budgets that hold on any policy text: the corpus when it is there (as on CI), else
 * the project's own documents, so that a clone on its own still measures them. `source` names which, for titles.
 */
export function corpusOrOwnDocuments(): { source: string; docs: { name: string; text: string }[] } {
  return corpus.present ? { source: 'the corpus', docs: allCorpusDocs() } : { source: "the project's own texts", docs: ownDocuments() };
}
