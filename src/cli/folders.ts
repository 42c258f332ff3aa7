// Reading a folder of annotated documents for the exchange commands: its sidecars, documents and codebook.
import { readdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { CODEBOOK_PATH } from '../core/annotations/index';

const SKIP = new Set(['.git', 'node_modules', '.policy-lens', '.vscode']);

/** Every file under `root` (relative, `/`-separated), leaving out git, node_modules and Policy Lens's own folder. */
export async function listFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!SKIP.has(entry.name)) await walk(join(dir, entry.name));
      } else if (entry.isFile()) out.push(relative(root, join(dir, entry.name)).split(sep).join('/'));
    }
  };
  await walk(root);
  return out.sort();
}

/** The folder whose codebook a document uses: the nearest one up from it with `.policy-lens/codebook.yaml`. */
export function folderOf(file: string): string {
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    if (existsSync(join(dir, CODEBOOK_PATH))) return dir;
    if (dirname(dir) === dir) return dirname(file);
  }
}

export async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** Writes a temporary file beside the target and renames it over it, so readers never see half a file. */
export async function writeAtomically(path: string, content: string | Uint8Array): Promise<void> {
  const tmp = `${path}.${process.pid}.${Date.now().toString(36)}.tmp`;
  try {
    await writeFile(tmp, content);
    await rename(tmp, path);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
}
