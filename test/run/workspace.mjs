// Assembles a throwaway workspace for the integration and smoke tests in an ignored folder: the project's own
// fixtures (test/fixtures/workspace), the demo workspace (demo/: texts, sidecars, codebook), and, when the
// shared corpus is there, its documents, copied at run time (the corpus never enters git). Without the corpus
// the suites that need its documents find them missing and are skipped with the reason.
import { cp, mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { findCorpus, repoRoot } from '../../scripts/shared.mjs';

export const root = repoRoot;

export async function prepareWorkspace(name, { corpus = true } = {}) {
  const dir = join(root, '.cache', name);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await cp(join(root, 'test', 'fixtures', 'workspace'), dir, { recursive: true });
  await cp(join(root, 'demo'), dir, { recursive: true, filter: (src) => !src.endsWith('README.md') });
  const found = findCorpus();
  if (corpus && found.present) {
    for (const file of await readdir(found.docs)) {
      if (file.endsWith('.txt')) await cp(join(found.docs, file), join(dir, file));
    }
  } else if (corpus) {
    console.log(`test workspace without the corpus: the suites that need it are skipped (${found.reason})`);
  }
  return dir;
}
