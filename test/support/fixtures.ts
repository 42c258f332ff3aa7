// Policy texts that belong to the project (written for it, tracked in git), so that every feature is tested on
// a clone with nothing beside it: the demo workspace, the generalisation fixtures and the integration fixture.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export const repoRoot = join(__dirname, '..', '..');
export const demoDir = join(repoRoot, 'demo');

const folders = [
  demoDir,
  join(repoRoot, 'test', 'unit', 'document', 'fixtures', 'generalisation', 'docs'),
  join(repoRoot, 'test', 'fixtures', 'workspace'),
];

/** The project's own policy texts, each with its path relative to the repository. */
export function ownDocuments(): { name: string; text: string }[] {
  return folders.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()
    .map((f) => ({ name: relative(repoRoot, join(dir, f)), text: readFileSync(join(dir, f), 'utf8') })));
}

/** The demo document whose file name starts with `prefix`. */
export function demoDoc(prefix: string): { name: string; text: string } {
  const name = readdirSync(demoDir).find((f) => f.startsWith(prefix) && f.endsWith('.txt'));
  if (!name) throw new Error(`no demo document starting with ${prefix} in ${demoDir}`);
  return { name, text: readFileSync(join(demoDir, name), 'utf8') };
}

/** Every demo document (a press release, a verbatim record, a resolution, a parliamentary debate). */
export function demoDocuments(): { name: string; text: string }[] {
  return readdirSync(demoDir).filter((f) => f.endsWith('.txt')).sort()
    .map((name) => ({ name, text: readFileSync(join(demoDir, name), 'utf8') }));
}
