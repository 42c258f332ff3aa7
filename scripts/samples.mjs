// The workspace that `npm start` opens: a copy of the demo workspace (demo/, tracked) in the ignored folder
// samples/, so that what a person does there leaves the tracked files alone. Only missing files are copied, so
// annotations made on the samples survive a restart; `fresh` starts again from the demo. When the shared corpus
// is there, its documents are added in samples/corpus/ (read as Policy Text); without it that part is skipped.
import { cp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { findCorpus, repoRoot } from './shared.mjs';

export const samplesDir = join(repoRoot, 'samples');
export const demoDir = join(repoRoot, 'demo');

export async function prepareSamples({ fresh = false, log = console.log, samplesDir: dir = samplesDir, corpus = findCorpus() } = {}) {
  if (fresh) await rm(dir, { recursive: true, force: true });
  const kept = existsSync(dir);
  await mkdir(dir, { recursive: true });
  let copied = 0;
  // Copy file by file: an existing file is the user's (annotated, edited) and is kept.
  const copyMissing = async (from, to, filter = () => true) => {
    for (const entry of await readdir(from, { withFileTypes: true })) {
      const source = join(from, entry.name);
      const target = join(to, entry.name);
      if (entry.isDirectory()) {
        await mkdir(target, { recursive: true });
        await copyMissing(source, target, filter);
      } else if (filter(entry.name) && !existsSync(target)) {
        await cp(source, target);
        copied++;
      }
    }
  };
  await copyMissing(demoDir, dir, (name) => name !== 'README.md');
  if (corpus.present) {
    await mkdir(join(dir, 'corpus'), { recursive: true });
    await copyMissing(corpus.docs, join(dir, 'corpus'), (name) => name.endsWith('.txt'));
    const settings = join(dir, '.vscode', 'settings.json');
    if (!existsSync(settings)) {
      await mkdir(join(dir, '.vscode'), { recursive: true });
      await writeFile(settings, `${JSON.stringify({ 'files.associations': { 'corpus/*.txt': 'policytext' } }, null, 2)}\n`);
    }
  } else {
    log(`Samples: the demo workspace only; corpus documents skipped (${corpus.reason}).`);
  }
  log(kept
    ? `Samples: ${relative(repoRoot, dir)}/ kept from an earlier start (${copied} missing files copied); \`npm start -- --fresh\` starts again from demo/.`
    : `Samples: a fresh copy of demo/ in ${relative(repoRoot, dir)}/.`);
  return dir;
}
