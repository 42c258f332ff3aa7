/**
 * The codebook file, `.policy-lens/codebook.yaml` in a workspace folder: the themes shared by its
 * documents, in the order people arrange them.
 *
 *   # Policy Lens codebook
 *   policyLensCodebook: 1
 *   themes:
 *     - id: technology
 *       label: Technology
 *       color: "#4e79a7"
 *       description: Misuse and governance of new technologies.
 *     - id: cyber
 *       label: Cyber attacks
 *       color: "#e15759"
 *       parent: technology
 *
 * One block per theme and one line per field keeps diffs and merges of a shared codebook readable.
 */
import { isMap, type Document, type Node } from 'yaml';
import type { SourceError } from './model';
import { COLOR_PATTERN } from './palette';
import type { SourceForm } from './sourceForm';
import { parseYamlFile } from './yamlFile';
import { errorAt } from './yamlErrors';
import { asMap, asSeq, field, int, NodeError, str } from './yamlRead';

export const CODEBOOK_PATH = '.policy-lens/codebook.yaml';
export const CODEBOOK_VERSION = 1;
export const THEME_ID_PATTERN = /^[^\s,[\]{}#&*!|>'"%@`]+$/u;

export interface Theme {
  readonly id: string;
  readonly label: string;
  /** `#rrggbb` */
  readonly color: string;
  readonly description?: string;
  /** Id of the parent theme, for a hierarchy. */
  readonly parent?: string;
}

export interface Codebook {
  readonly version: number;
  readonly themes: readonly Theme[];
}

export type CodebookParse =
  | { readonly ok: true; readonly codebook: Codebook; readonly document: Document; readonly source: string; readonly form?: SourceForm }
  | { readonly ok: false; readonly error: SourceError; readonly conflict?: boolean };

export function parseCodebook(source: string): CodebookParse {
  const file = parseYamlFile(source);
  if ('error' in file) return { ok: false, error: file.error, ...(file.conflict && { conflict: true }) };
  try {
    return { ok: true, codebook: readCodebook(file.document), document: file.document, source, form: file.form };
  } catch (e) {
    if (e instanceof NodeError) return { ok: false, error: errorAt(e.node, e.message, file.lines) };
    throw e;
  }
}

/** Builds and checks the model of a codebook Document; throws NodeError. */
export function readCodebook(doc: Document): Codebook {
  if (!isMap(doc.contents)) throw new NodeError(doc.contents, 'a codebook must be a mapping with "policyLensCodebook: 1" at the top');
  const root = doc.contents;
  const versionNode = field(root, 'policyLensCodebook', 'the codebook', true);
  const version = int(versionNode, 'policyLensCodebook (the format version)', 1);
  if (version > CODEBOOK_VERSION) {
    throw new NodeError(
      versionNode,
      `written by a newer Policy Lens (format ${version}; this version reads format ${CODEBOOK_VERSION}): update Policy Lens to edit it`,
    );
  }
  const themesNode = field(root, 'themes', 'the codebook');
  const items = themesNode ? asSeq(themesNode, 'themes').items : [];
  const ids = new Map<string, Node>();
  const parents: { theme: string; node: Node }[] = [];
  const themes = items.map((item, i) => {
    const map = asMap(item, `themes[${i}]`);
    const idNode = field(map, 'id', `themes[${i}]`, true);
    const id = str(idNode, `themes[${i}].id`, { nonEmpty: true, pattern: THEME_ID_PATTERN });
    if (ids.has(id)) throw new NodeError(idNode, `duplicate theme id "${id}"`);
    ids.set(id, idNode);
    const where = `theme ${id}`;
    const label = str(field(map, 'label', where, true), `${where}: label`, { nonEmpty: true });
    const color = str(field(map, 'color', where, true), `${where}: color`, { pattern: COLOR_PATTERN, hint: ' like "#4e79a7"' });
    const descriptionNode = field(map, 'description', where);
    const parentNode = field(map, 'parent', where);
    const theme: Theme = {
      id,
      label,
      color: color.toLowerCase(),
      ...(descriptionNode && { description: str(descriptionNode, `${where}: description`) }),
      ...(parentNode && { parent: str(parentNode, `${where}: parent`, { nonEmpty: true }) }),
    };
    if (parentNode) parents.push({ theme: id, node: parentNode });
    return theme;
  });
  const byId = new Map(themes.map((t) => [t.id, t]));
  for (const { theme, node } of parents) {
    const parent = byId.get(theme)!.parent!;
    if (!byId.has(parent)) throw new NodeError(node, `theme ${theme}: parent "${parent}" is not a theme of this codebook`);
    // Walking up from the theme must end at a root; meeting the theme again is a cycle.
    for (let p: string | undefined = parent, steps = 0; p; p = byId.get(p)?.parent, steps++) {
      if (p === theme || steps > themes.length) throw new NodeError(node, `theme ${theme}: parent "${parent}" makes a cycle`);
    }
  }
  return { version, themes };
}
