/**
 * What exports take and imports give. Exports are written from coded passages (the analysis core's unit: an
 * annotation with its document, line, section path and speaker turn); imports give an `Incoming` value that
 * `planImport` turns into sidecar, document and codebook changes. Neither reads a file.
 */
import type { CodedPassage } from '../analysis';
import type { Codebook } from '../annotations';

/** One document of an export: its current text and its passages. */
export interface ExportDocument {
  /** Path relative to the exported folder, with `/` separators. */
  readonly path: string;
  readonly text: string;
  /** Found passages, in text order. */
  readonly passages: readonly CodedPassage[];
  /** Annotations that have no place in the current text. */
  readonly orphans: readonly CodedPassage[];
}

export interface ExportInput {
  readonly documents: readonly ExportDocument[];
  readonly codebook: Codebook;
  /** Absolute IRI of the folder the document paths are relative to, ending in `/` (`file:///home/ana/un/`). */
  readonly folderIri: string;
  /** What was exported, for titles: the folder's or the document's name. */
  readonly title: string;
  /** ISO 8601 time of the export. */
  readonly now: string;
  /** The exporting tool, for `origin` and `generator` fields: `Policy Lens 0.1.0`. */
  readonly generator: string;
}

/** The export formats, as the command and the CLI name them. */
export type ExportFormat = 'csv' | 'w3c' | 'markdown' | 'qdpx' | 'qdc';

export const EXPORT_EXTENSIONS: Readonly<Record<ExportFormat, string>> = {
  csv: 'csv',
  w3c: 'jsonld',
  markdown: 'md',
  qdpx: 'qdpx',
  qdc: 'qdc',
};

/** A theme as an imported file describes it. `key` is how the file's annotations refer to it. */
export interface IncomingTheme {
  readonly key: string;
  readonly name: string;
  /** A Policy Lens theme id, when the file carries one (W3C tagging bodies exported by Policy Lens). */
  readonly id?: string;
  /** The REFI-QDA code GUID, normalised. */
  readonly guid?: string;
  readonly color?: string;
  readonly description?: string;
  readonly parentKey?: string;
}

export interface IncomingAnnotation {
  readonly id: string;
  readonly themeKeys: readonly string[];
  readonly note?: string;
  readonly created?: string;
  readonly quote: string;
  readonly prefix: string;
  readonly suffix: string;
  /** Code points in the text the file refers to; -1 when the file gives no position. */
  readonly start: number;
  readonly end: number;
}

export interface IncomingDocument {
  /** A path (REFI-QDA sources are named by their path) or the IRI of the annotated resource (W3C). */
  readonly source: string;
  /** The document's text, when the file carries it (REFI-QDA). */
  readonly text?: string;
  readonly annotations: readonly IncomingAnnotation[];
}

export interface Incoming {
  readonly format: 'refi-project' | 'refi-codebook' | 'w3c' | 'hypothesis';
  readonly themes: readonly IncomingTheme[];
  readonly documents: readonly IncomingDocument[];
  /** What the file holds that Policy Lens does not import (REFI-QDA asks importers to say so). */
  readonly notices: readonly string[];
}

/** A file that cannot be imported: nothing is written. */
export class ImportError extends Error {
  override readonly name = 'ImportError';
}
