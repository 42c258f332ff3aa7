/** An in-memory folder to import into, and applying an import plan to it the way the CLI does. */
import {
  CODEBOOK_PATH, emptyCodebook, parseCodebook, parseSidecar, serializeCodebook, sidecarPathFor, type Annotation, type Theme,
} from '../../../../src/core/annotations';
import { planImport, readImport, targetPaths, type ImportPlan, type Incoming, type LocalDocument } from '../../../../src/core/exchange';

export type Folder = Map<string, string>;

export function folderOf(files: readonly { path: string; text: string }[]): Folder {
  return new Map(files.map((f) => [f.path, f.text]));
}

export function documentPaths(folder: Folder): string[] {
  return [...folder.keys()].filter((p) => !p.endsWith('.annotations.yaml') && !p.startsWith('.policy-lens/'));
}

export function plan(incoming: Incoming, folder: Folder, assign?: ReadonlyMap<string, string>): ImportPlan {
  const paths = targetPaths(incoming, documentPaths(folder), assign);
  const documents = new Map<string, LocalDocument>();
  for (const path of paths.values()) {
    if (path) documents.set(path, { text: folder.get(path), sidecar: folder.get(sidecarPathFor(path)) });
  }
  const cbText = folder.get(CODEBOOK_PATH);
  const codebook = cbText === undefined ? undefined : parseCodebook(cbText);
  if (codebook && !codebook.ok) throw new Error(codebook.error.message);
  return planImport(incoming, { codebook: codebook || undefined, documents }, paths);
}

/** Writes what the plan says into a copy of the folder; returns the copy and the paths written. */
export function apply(p: ImportPlan, folder: Folder): { folder: Folder; written: string[] } {
  const out = new Map(folder);
  const written: string[] = [];
  if (p.themesAdded.length) {
    const before = out.get(CODEBOOK_PATH);
    const parsed = before === undefined ? emptyCodebook() : parseCodebook(before);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const edit = p.applyThemes(parsed);
    if (!edit.ok) throw new Error(edit.message);
    out.set(CODEBOOK_PATH, serializeCodebook(edit.value));
    written.push(CODEBOOK_PATH);
  }
  for (const d of p.documents) {
    if (!d.path) continue;
    if (d.create !== undefined) {
      if (out.has(d.path)) throw new Error(`would overwrite ${d.path}`);
      out.set(d.path, d.create);
      written.push(d.path);
    }
    if (d.sidecarText !== undefined) {
      out.set(sidecarPathFor(d.path), d.sidecarText);
      written.push(sidecarPathFor(d.path));
    }
  }
  return { folder: out, written };
}

export function importInto(name: string, bytes: Uint8Array, folder: Folder, assign?: ReadonlyMap<string, string>) {
  const p = plan(readImport(name, bytes), folder, assign);
  return { plan: p, ...apply(p, folder) };
}

/** The annotations of a document's sidecar in the folder, as comparable values, by id. */
export function annotationsOf(folder: Folder, document: string): Map<string, Pick<Annotation, 'themes' | 'note' | 'created' | 'status'> & { quote: string; start: number; end: number }> {
  const text = folder.get(sidecarPathFor(document));
  if (text === undefined) return new Map();
  const parsed = parseSidecar(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return new Map(parsed.sidecar.annotations.map((a) => [a.id, {
    themes: a.themes,
    ...(a.note !== undefined && { note: a.note }),
    ...(a.created !== undefined && { created: a.created }),
    ...(a.status && { status: a.status }),
    quote: a.target.quote,
    start: a.target.start,
    end: a.target.end,
  }]));
}

export function themesOf(folder: Folder): Theme[] {
  const text = folder.get(CODEBOOK_PATH);
  if (text === undefined) return [];
  const parsed = parseCodebook(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return [...parsed.codebook.themes];
}
