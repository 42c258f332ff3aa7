// The shared corpus for the document-model tests, through the one helper that knows where it is and whether it
// is there (test/support/corpus.ts). Tests read it in place and never copy it.
import { join } from 'node:path';
import { corpus } from '../../support/corpus';

export { allCorpusDocs, corpusDoc, corpusDocNames, describeWithCorpus, itForEachCorpusDoc, itWithCorpus, snippet } from '../../support/corpus';
export const repoRoot = join(__dirname, '..', '..', '..');
export const corpusDir = corpus.dir;
export const docsDir = corpus.docs;
export const goldDir = corpus.gold;
