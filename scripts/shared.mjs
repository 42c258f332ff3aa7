// Where the material that lives beside the repository is (../shared: the corpus, the format standards), and
// whether it is there. Only this team's machines and CI have ../shared; a clone on its own does not, so every
// suite that needs it asks here and is skipped, with the reason, when it is absent. An environment variable
// points elsewhere (POLICY_LENS_CORPUS, POLICY_LENS_STANDARDS); one that points at nothing is an error, not a
// skip, because someone asked for that folder on purpose; the value `off` runs as a clone on its own would.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * @param {string} name folder under ../shared
 * @param {string} envVar variable that overrides the location
 * @param {string} marker a file or folder inside that proves it is the real thing
 */
function locate(name, envVar, marker) {
  const fromEnv = process.env[envVar];
  if (fromEnv === 'off') {
    return { dir: '', present: false, source: envVar, reason: `needs ../shared/${name}, switched off by ${envVar}=off` };
  }
  const dir = fromEnv ? resolve(fromEnv) : join(repoRoot, '..', 'shared', name);
  const present = existsSync(join(dir, marker));
  if (fromEnv && !present) throw new Error(`${envVar}=${fromEnv}, but ${join(dir, marker)} does not exist`);
  return {
    dir,
    present,
    source: fromEnv ? envVar : `../shared/${name}`,
    reason: present ? '' : `needs ../shared/${name}, which is not beside this clone (${dir}); set ${envVar} to use a copy elsewhere`,
  };
}

/** The shared corpus: real documents (docs/) and their hand-made gold labels (gold/). */
export function findCorpus() {
  const found = locate('corpus', 'POLICY_LENS_CORPUS', 'docs');
  return { ...found, docs: join(found.dir, 'docs'), gold: join(found.dir, 'gold') };
}

/** The format standards (schemas and validators) that the exchange formats are judged by. */
export function findStandards() {
  return locate('standards', 'POLICY_LENS_STANDARDS', '.');
}

/** The ../shared/corpus folder a CI machine lays beside the clone, whatever POLICY_LENS_CORPUS says. */
export const siblingCorpus = join(repoRoot, '..', 'shared', 'corpus');
