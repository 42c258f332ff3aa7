// Assembles a throwaway workspace for integration and smoke tests: our own fixture files plus the real
// corpus documents, copied at run time into an ignored folder (the corpus never enters git).
import { cp, mkdir, readdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusDocs } from '../../scripts/samples.mjs';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export async function prepareWorkspace(name) {
  const dir = join(root, '.cache', name);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await cp(join(root, 'test', 'fixtures', 'workspace'), dir, { recursive: true });
  if (!existsSync(corpusDocs)) throw new Error(`corpus not found at ${corpusDocs}`);
  for (const file of await readdir(corpusDocs)) {
    if (file.endsWith('.txt')) await cp(join(corpusDocs, file), join(dir, file));
  }
  return dir;
}
