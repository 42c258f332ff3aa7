// The shared corpus lives next to the repository (../shared/corpus); tests read it in place and never copy it.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const repoRoot = join(__dirname, '..', '..', '..');
export const corpusDir = join(repoRoot, '..', 'shared', 'corpus');
export const docsDir = join(corpusDir, 'docs');
export const goldDir = join(corpusDir, 'gold');

/** The text of the corpus document whose file name starts with `prefix` (`02`, `15-wh`). */
export function corpusDoc(prefix: string): string {
  const name = readdirSync(docsDir).find((f) => f.startsWith(prefix));
  if (!name) throw new Error(`no corpus document starting with ${prefix} in ${docsDir}`);
  return readFileSync(join(docsDir, name), 'utf8');
}

export function allCorpusDocs(): { name: string; text: string }[] {
  return readdirSync(docsDir).filter((f) => f.endsWith('.txt')).sort()
    .map((name) => ({ name, text: readFileSync(join(docsDir, name), 'utf8') }));
}

/** Lines `from`..`to` (1-based, inclusive) of a corpus document, joined with LF: a real snippet to parse. */
export function snippet(prefix: string, from: number, to: number): string {
  return corpusDoc(prefix).split('\n').slice(from - 1, to).join('\n');
}
