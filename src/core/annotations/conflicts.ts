/**
 * Files that git left with conflict markers. A sidecar or codebook merged line by line by git (without
 * the merge driver) holds both sides between `<<<<<<<`, `=======` and `>>>>>>>` (and the common
 * ancestor after `|||||||` in diff3 style). Such a file is recognised as what it is, and its sides are
 * taken apart so that they can be merged by annotation id instead.
 */
import type { SourceError } from './model';

export interface ConflictSides {
  /** The file as the current branch had it ("ours", above `=======`). */
  readonly ours: string;
  /** The file as the merged branch had it ("theirs", below `=======`). */
  readonly theirs: string;
  /** The common ancestor, when git wrote it (merge.conflictStyle diff3 or zdiff3). */
  readonly base?: string;
  /** Number of conflicted hunks. */
  readonly hunks: number;
}

const OPEN = /^<{7}(?: |$)/;
const BASE = /^\|{7}(?: |$)/;
const SPLIT = /^={7}$/;
const CLOSE = /^>{7}(?: |$)/;

/** The error for a file with conflict markers, at its first marker; undefined when it has none. */
export function conflictError(source: string): SourceError | undefined {
  const lines = source.split(/\r?\n/);
  const first = lines.findIndex((l) => OPEN.test(l));
  if (first < 0 || !lines.slice(first).some((l) => CLOSE.test(l))) return undefined;
  const hunks = lines.filter((l) => OPEN.test(l)).length;
  return {
    message: `unresolved git merge conflict (${hunks} conflict${hunks === 1 ? '' : 's'} between <<<<<<< and >>>>>>>): run "Policy Lens: Resolve by Merging Both Sides", or policy-lens merge-driver, to merge them by annotation id`,
    line: first + 1,
    column: 1,
  };
}

/** The two (or three) versions a conflicted file was made of; undefined when the markers do not nest. */
export function conflictSides(source: string): ConflictSides | undefined {
  const eol = source.includes('\r\n') ? '\r\n' : '\n';
  const lines = source.split(/\r?\n/);
  const ours: string[] = [];
  const theirs: string[] = [];
  const base: string[] = [];
  let sawBase = false;
  let state: 'both' | 'ours' | 'base' | 'theirs' = 'both';
  let hunks = 0;
  for (const line of lines) {
    if (state === 'both' && OPEN.test(line)) {
      state = 'ours';
      hunks++;
    } else if (state === 'ours' && BASE.test(line)) {
      state = 'base';
      sawBase = true;
    } else if ((state === 'ours' || state === 'base') && SPLIT.test(line)) state = 'theirs';
    else if (state === 'theirs' && CLOSE.test(line)) state = 'both';
    else if (OPEN.test(line) || CLOSE.test(line) || (state === 'both' && (SPLIT.test(line) || BASE.test(line)))) return undefined;
    else {
      if (state === 'both' || state === 'ours') ours.push(line);
      if (state === 'both' || state === 'theirs') theirs.push(line);
      if (state === 'both' || state === 'base') base.push(line);
    }
  }
  if (state !== 'both' || hunks === 0) return undefined;
  return { ours: ours.join(eol), theirs: theirs.join(eol), ...(sawBase && { base: base.join(eol) }), hunks };
}
