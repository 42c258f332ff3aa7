/**
 * The coded passages of a workspace folder, kept one document at a time. The host (the extension, the CLI, a
 * test) hands it strings: a document's text with its sidecar's text, or with the live annotations of an open
 * editor; the index never reads files. Replacing one document costs that document alone: its structure is
 * parsed again only when its text changed, and the folder-wide lists are rebuilt lazily on the next read.
 */
import { parseSidecar, themeFor, type Codebook, type SourceError, type Theme } from '../annotations';
import { codedPassages, placedPassages, type DocumentPassages, type PlacedAnnotation } from './passages';
import { documentStructure, type DocumentStructure } from './structure';
import { mergeTables, tablePart, type TablePart } from './table';
import type { CodedPassage } from './types';

/** A sidecar that cannot be read: reported with its place, its annotations left out of every count. */
export interface SidecarProblem {
  readonly document: string;
  readonly error: SourceError;
}

/** A theme as the analysis shows it: from the codebook, or an id the codebook lacks (uncategorised). */
export type IndexTheme = Theme & { readonly uncategorised?: true };

interface Entry {
  readonly structure: DocumentStructure;
  readonly result: DocumentPassages;
  readonly error?: SourceError;
  /** Theme ids its passages use, in first-use order, so that the folder's rows are found without visiting every passage. */
  readonly used: readonly string[];
  /** Its passages' columns, merged into the folder's table when the folder's list is made. */
  readonly part: TablePart;
}

function entry(structure: DocumentStructure, result: DocumentPassages, error?: SourceError): Entry {
  const used = new Set<string>();
  for (const p of result.passages) for (const t of p.themes) used.add(t);
  return { structure, result, used: [...used], part: tablePart(result.passages), ...(error && { error }) };
}

const EMPTY_CODEBOOK: Codebook = { version: 1, themes: [] };

export class WorkspaceIndex {
  private readonly entries = new Map<string, Entry>();
  private codebookValue: Codebook = EMPTY_CODEBOOK;
  private flat: { passages: CodedPassage[]; orphans: CodedPassage[]; themes: IndexTheme[] } | undefined;
  private versionValue = 0;
  /** Document paths in sorted order; undefined after a document was added or removed. */
  private sortedPaths: string[] | undefined;

  /** Grows with every change, so that views and caches can tell whether they are current. */
  get version(): number {
    return this.versionValue;
  }

  get codebook(): Codebook {
    return this.codebookValue;
  }

  setCodebook(codebook: Codebook | undefined): void {
    this.codebookValue = codebook ?? EMPTY_CODEBOOK;
    this.changed();
  }

  /**
   * A document as it is on disk: its text and its sidecar's text (undefined when it has none, which removes it).
   * A sidecar that does not parse is kept as a problem; the document then counts no passages.
   */
  setFromFiles(path: string, text: string, sidecarSource: string | undefined): SourceError | undefined {
    if (sidecarSource === undefined) {
      this.remove(path);
      return undefined;
    }
    const parsed = parseSidecar(sidecarSource);
    const structure = this.structureFor(path, text);
    if (!parsed.ok) {
      this.put(path, entry(structure, { passages: [], orphans: [] }, parsed.error));
    } else {
      this.put(path, entry(structure, codedPassages(path, text, parsed.sidecar, structure)));
    }
    this.changed();
    return parsed.ok ? undefined : parsed.error;
  }

  /** A document open in an editor: its current text and the annotations where the editor has them now. */
  setLive(path: string, text: string, annotations: readonly PlacedAnnotation[]): void {
    const structure = this.structureFor(path, text);
    this.put(path, entry(structure, placedPassages(path, text, annotations, structure)));
    this.changed();
  }

  /** A document whose sidecar the host could not read at all (permissions, a broken link). */
  setProblem(path: string, error: SourceError): void {
    this.put(path, entry(documentStructure(''), { passages: [], orphans: [] }, error));
    this.changed();
  }

  remove(path: string): void {
    if (!this.entries.delete(path)) return;
    this.sortedPaths = undefined;
    this.changed();
  }

  private put(path: string, value: Entry): void {
    if (!this.entries.has(path)) this.sortedPaths = undefined;
    this.entries.set(path, value);
  }

  /** Moves a document (a rename) without parsing it again. */
  rename(from: string, to: string): void {
    const entry = this.entries.get(from);
    if (!entry) return;
    this.entries.delete(from);
    this.sortedPaths = undefined;
    const move = (p: CodedPassage): CodedPassage => ({ ...p, document: to });
    const result = { passages: entry.result.passages.map(move), orphans: entry.result.orphans.map(move) };
    this.put(to, { ...entry, result, part: tablePart(result.passages) });
    this.changed();
  }

  has(path: string): boolean {
    return this.entries.has(path);
  }

  /** Paths of the documents with a sidecar, sorted. */
  documents(): string[] {
    this.sortedPaths ??= [...this.entries.keys()].sort();
    return [...this.sortedPaths];
  }

  /** The structure of an indexed document (sections and speaker turns), for auto-coding and views. */
  structure(path: string): DocumentStructure | undefined {
    return this.entries.get(path)?.structure;
  }

  /** Every placed passage of the folder, by document path, then position. */
  passages(): readonly CodedPassage[] {
    return this.lists().passages;
  }

  orphans(): readonly CodedPassage[] {
    return this.lists().orphans;
  }

  problems(): SidecarProblem[] {
    return [...this.entries].filter(([, e]) => e.error).map(([document, e]) => ({ document, error: e.error! })).sort((a, b) => (a.document < b.document ? -1 : 1));
  }

  /** The codebook's themes in its order, then ids that passages use and the codebook lacks, in sorted order. */
  themes(): readonly IndexTheme[] {
    return this.lists().themes;
  }

  private lists(): { passages: CodedPassage[]; orphans: CodedPassage[]; themes: IndexTheme[] } {
    if (!this.flat) {
      const passages: CodedPassage[] = [];
      const orphans: CodedPassage[] = [];
      const used = new Set<string>();
      const parts: TablePart[] = [];
      this.sortedPaths ??= [...this.entries.keys()].sort();
      for (const path of this.sortedPaths) {
        const e = this.entries.get(path)!;
        for (const p of e.result.passages) passages.push(p);
        for (const p of e.result.orphans) orphans.push(p);
        for (const t of e.used) used.add(t);
        parts.push(e.part);
      }
      // Queries and matrices on this list then find its table ready.
      mergeTables(passages, parts);
      this.flat = { passages, orphans, themes: themesWith(this.codebookValue, used) };
    }
    return this.flat;
  }

  private structureFor(path: string, text: string): DocumentStructure {
    const previous = this.entries.get(path)?.structure;
    return previous && previous.text === text ? previous : documentStructure(text);
  }

  private changed(): void {
    this.flat = undefined;
    this.versionValue++;
  }
}

/** Rows of every table: the codebook's themes, then the uncategorised ids in use. */
export function indexThemes(codebook: Codebook, passages: readonly CodedPassage[]): IndexTheme[] {
  const used = new Set<string>();
  for (const p of passages) for (const t of p.themes) used.add(t);
  return themesWith(codebook, used);
}

function themesWith(codebook: Codebook, used: ReadonlySet<string>): IndexTheme[] {
  const known = new Set(codebook.themes.map((t) => t.id));
  const unknown = [...used].filter((t) => !known.has(t)).sort();
  return [...codebook.themes, ...unknown.map((id) => themeFor(codebook, id))];
}
