/** The real documents of the shared corpus, read in place (they are never copied into the repository). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Repository root, then the corpus beside it: `../shared/corpus/docs`. */
export const CORPUS_DIR = join(__dirname, '..', '..', '..', '..', '..', 'shared', 'corpus', 'docs');

export function corpusDoc(prefix: string): string {
  const name = readdirSync(CORPUS_DIR).find((f) => f.startsWith(prefix));
  if (!name) throw new Error(`no corpus document starting with ${prefix} in ${CORPUS_DIR}`);
  return readFileSync(join(CORPUS_DIR, name), 'utf8');
}

/** The 312 KB Security Council record used for performance budgets. */
export const LARGE_RECORD = '03-sc-pv8699';
