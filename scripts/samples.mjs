// The sample documents for `npm start`: the corpus, copied into the ignored folder samples/ (never into
// git). Only missing files are copied, so annotations made on the samples survive a restart.
import { cp, mkdir, readdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './code-server.mjs';

export const corpusDocs = join(root, '..', 'shared', 'corpus', 'docs');

export async function prepareSamples() {
  const dir = join(root, 'samples');
  await mkdir(join(dir, '.vscode'), { recursive: true });
  if (!existsSync(corpusDocs)) {
    console.warn(`No sample documents found at ${corpusDocs}; opening an empty samples folder.`);
    return dir;
  }
  for (const file of await readdir(corpusDocs)) {
    const target = join(dir, file);
    if (file.endsWith('.txt') && !existsSync(target)) await cp(join(corpusDocs, file), target);
  }
  const settings = join(dir, '.vscode', 'settings.json');
  if (!existsSync(settings)) {
    await writeFile(settings, JSON.stringify({ 'files.associations': { '*.txt': 'policytext' } }, null, 2) + '\n');
  }
  return dir;
}
