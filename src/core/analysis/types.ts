/**
 * The coded passage: one annotation of one document, placed in the document's structure. This is the unit that
 * analysis (queries, matrices) and exchange (CSV, W3C, Markdown, REFI-QDA) share; both take these values and never
 * read files themselves.
 */
import type { Annotation } from '../annotations';

/** Who speaks where a passage starts, as the document model resolved them. */
export interface PassageSpeaker {
  /** Full name where the document gives one (`Achim Steiner`), else the label's surface (`The President`). */
  readonly name: string;
  readonly role: string | null;
  /** Country or delegation. */
  readonly country: string | null;
  /** Stable identity of the person within the document (the document model's `Person.key`), else the folded name. */
  readonly key: string;
}

export interface CodedPassage {
  /** The document's path relative to the workspace folder, with `/` separators (`reports/GA-12010.txt`). */
  readonly document: string;
  readonly id: string;
  /** 1-based line (LF only) where the passage starts in the current text. */
  readonly line: number;
  /** Code points, as in the sidecar; for an orphan, its last known place. */
  readonly start: number;
  readonly end: number;
  readonly quote: string;
  readonly themes: readonly string[];
  readonly note?: string;
  readonly created?: string;
  /** Titles of the sections the passage starts in, outermost first. */
  readonly section: readonly string[];
  /** The speaker turn the passage starts in; null outside any turn. */
  readonly speaker: PassageSpeaker | null;
  /** Which turn of its document that is (0-based, in text order), so that "in the same turn" can be asked; absent outside turns. */
  readonly turn?: number;
  /** Orphans are listed apart and never counted as coded text. */
  readonly orphan: boolean;
  /** The annotation as the sidecar holds it (after re-anchoring in memory). */
  readonly annotation: Annotation;
}
