/** The real documents of the shared corpus, read in place (they are never copied into the repository). */
import { corpus } from '../../../support/corpus';

export { corpusDoc, corpusDocNames, describeWithCorpus, itWithCorpus } from '../../../support/corpus';
export const CORPUS_DIR = corpus.docs;

/** The 312 KB Security Council record used for performance budgets. */
export const LARGE_RECORD = '03-sc-pv8699';
