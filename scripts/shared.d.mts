// Types of shared.mjs, so that the TypeScript tests share its one answer.
export interface SharedFolder {
  readonly dir: string;
  readonly present: boolean;
  /** Where the location came from: `../shared/corpus` or the environment variable. */
  readonly source: string;
  /** Why the suites that need it are skipped; empty when it is present. */
  readonly reason: string;
}
export interface Corpus extends SharedFolder {
  readonly docs: string;
  readonly gold: string;
}
export const repoRoot: string;
export const siblingCorpus: string;
export function findCorpus(): Corpus;
export function findStandards(): SharedFolder;
