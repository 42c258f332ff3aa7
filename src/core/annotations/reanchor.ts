/**
 * A sidecar brought up to date with the current text of its document: what the CLI's `check --write`
 * writes, and what the extension applies when a document changed outside it (git pull, another
 * editor). Found annotations get fresh selectors; orphans keep their last known target and are marked.
 */
import { anchorAll, type AnchorOptions, type AnchorResult } from './anchor';
import { codePointIndex } from './codePoints';
import type { Annotation, Sidecar } from './model';
import { createTarget } from './selectors';
import { textHash } from './sha256';

export interface Reanchored {
  readonly sidecar: Sidecar;
  /** One per annotation, in the sidecar's order; offsets in UTF-16 of `text`. */
  readonly results: readonly AnchorResult[];
}

export function reanchorSidecar(text: string, sidecar: Sidecar, opts?: AnchorOptions): Reanchored {
  const hash = textHash(text);
  const results = anchorAll(text, sidecar.annotations, opts);
  const cps = codePointIndex(text);
  const annotations = sidecar.annotations.map((a, i): Annotation => {
    const r = results[i];
    if (r.start === undefined || r.end === undefined) return { ...a, status: 'orphan' };
    const found: { -readonly [K in keyof Annotation]: Annotation[K] } = { ...a, target: createTarget(text, r.start, r.end, cps) };
    delete found.status;
    return found;
  });
  return { sidecar: { ...sidecar, textHash: hash, annotations }, results };
}
