/** The annotation model shared by the sidecar, anchoring and the extension. */
import type { TextTarget } from './selectors';

/** The sidecar format this version reads and writes. */
export const SIDECAR_VERSION = 1;

export interface Annotation {
  /** Stable, unique within its sidecar (6 hex digits when Policy Lens makes it). */
  readonly id: string;
  /** Theme ids from the codebook; ids missing from it are kept as they are. */
  readonly themes: readonly string[];
  readonly note?: string;
  readonly target: TextTarget;
  /** ISO 8601 time of creation, as written. */
  readonly created?: string;
  /** Set when the passage could not be found; the target then holds its last known place. */
  readonly status?: 'orphan';
  /** Why a person should look at it again (set by a merge that kept both sides' edits). */
  readonly review?: string;
}

export interface Sidecar {
  /** Format version (`policyLens:` key). */
  readonly version: number;
  /** File name of the annotated document. */
  readonly document: string;
  /** `sha256:<hex>` of the text that the targets' positions refer to. */
  readonly textHash: string;
  readonly annotations: readonly Annotation[];
}

/** A problem in a YAML file, at a 1-based line and column. */
export interface SourceError {
  readonly message: string;
  readonly line: number;
  readonly column: number;
}

/** The order annotations are written in: by start, then id, so diffs stay small and stable. */
export function compareAnnotations(a: Annotation, b: Annotation): number {
  return a.target.start - b.target.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
