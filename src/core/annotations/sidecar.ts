/**
 * Reading and writing sidecar files (`<document>.annotations.yaml`).
 *
 * Writing edits the parsed `yaml` Document in place rather than regenerating it, so that comments and
 * keys written by people (or by newer tools) survive; unchanged content returns the original text byte
 * for byte; annotations are kept in a stable order so that adding one adds one block to a diff.
 */
import { Document, isMap, isScalar, isSeq, Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml';
import { compareAnnotations, SIDECAR_VERSION, type Annotation, type Sidecar, type SourceError } from './model';
import { readSidecar, type SidecarExpectations } from './sidecarSchema';
import { applyForm, PLAIN_FORM, type SourceForm } from './sourceForm';
import { parseYamlFile } from './yamlFile';
import { pairOf } from './yamlRead';

export type SidecarParse =
  | { readonly ok: true; readonly sidecar: Sidecar; readonly document: Document; readonly source: string; readonly form: SourceForm }
  | { readonly ok: false; readonly error: SourceError; readonly conflict?: boolean };

/** The sidecar path of a document path: `reports/GA-12010.txt` -> `reports/GA-12010.txt.annotations.yaml`. */
export function sidecarPathFor(documentPath: string): string {
  return `${documentPath}.annotations.yaml`;
}

/**
 * Reads a sidecar. With `expect`, it is also checked against its document: `document:` must name it,
 * and where `textHash` says the positions refer to this very text, they must lie inside it.
 */
export function parseSidecar(source: string, expect: SidecarExpectations = {}): SidecarParse {
  const file = parseYamlFile(source);
  if ('error' in file) return { ok: false, error: file.error, ...(file.conflict && { conflict: true }) };
  const read = readSidecar(file.document, file.lines, expect);
  if ('error' in read) return { ok: false, error: read.error };
  return { ok: true, sidecar: read.sidecar, document: file.document, source, form: file.form };
}

/** A new, empty sidecar for a document. */
export function emptySidecar(documentName: string, textHash: string): Sidecar {
  return { version: SIDECAR_VERSION, document: documentName, textHash, annotations: [] };
}

/**
 * The text of `sidecar`, written over `base` (the parse it came from) when there is one: the base's
 * comments, unknown keys and layout are kept, and an unchanged sidecar gives back `base.source` itself.
 * The base Document is not modified.
 */
export function serializeSidecar(sidecar: Sidecar, base?: SidecarParse & { ok: true }): string {
  if (base && sameSidecar(base.sidecar, sidecar)) return base.source;
  const doc = base ? base.document.clone() : fresh(sidecar.document);
  const root = doc.contents as YAMLMap<unknown, unknown>;
  setScalar(doc, root, 'policyLens', sidecar.version);
  setScalar(doc, root, 'document', sidecar.document);
  setScalar(doc, root, 'textHash', sidecar.textHash);
  let list = pairOf(root, 'annotations')?.value;
  if (!isSeq(list)) {
    list = new YAMLSeq(doc.schema);
    root.set('annotations', list);
  }
  const seq = list as YAMLSeq<unknown>;
  const existing = new Map<string, YAMLMap<unknown, unknown>>();
  for (const item of seq.items) {
    const id = isMap(item) ? pairOf(item, 'id')?.value : undefined;
    if (isMap(item) && isScalar(id)) existing.set(String(id.value), item);
  }
  const previous = new Map(base?.sidecar.annotations.map((a) => [a.id, a]));
  seq.items = [...sidecar.annotations].sort(compareAnnotations).map((a) => {
    const node = existing.get(a.id);
    return node ? updateAnnotation(doc, node, a, previous.get(a.id)) : annotationNode(doc, a);
  });
  // `annotations: []` in a base becomes a block list once it has items.
  seq.flow = seq.items.length === 0;
  return applyForm(doc.toString(TO_STRING), base?.form ?? PLAIN_FORM);
}

/** Long quotes stay on one line (no folding), and flow lists read `[a, b]` as people write them. */
const TO_STRING = { lineWidth: 0, flowCollectionPadding: false } as const;

function fresh(documentName: string): Document {
  const root = new YAMLMap();
  root.commentBefore = ` Policy Lens annotations for ${documentName}`;
  return new Document(root);
}

function annotationNode(doc: Document, a: Annotation): YAMLMap<unknown, unknown> {
  const map = new YAMLMap<unknown, unknown>(doc.schema);
  map.set('id', new Scalar(a.id));
  updateAnnotation(doc, map, a, undefined);
  return map;
}

/** Writes the annotation's known keys into its map, touching only what differs from `before`. */
function updateAnnotation(
  doc: Document,
  map: YAMLMap<unknown, unknown>,
  a: Annotation,
  before: Annotation | undefined,
): YAMLMap<unknown, unknown> {
  if (!before || before.themes.join('\n') !== a.themes.join('\n') || !pairOf(map, 'themes')) {
    const old = pairOf(map, 'themes')?.value;
    const themes = new YAMLSeq<unknown>(doc.schema);
    themes.items = a.themes.map((t) => new Scalar(t));
    themes.flow = isSeq(old) ? old.flow ?? false : true;
    map.set('themes', themes);
  }
  setScalar(doc, map, 'note', a.note);
  let target = pairOf(map, 'target')?.value;
  if (!isMap(target)) {
    target = new YAMLMap(doc.schema);
    map.set('target', target);
  }
  const t = target as YAMLMap<unknown, unknown>;
  setScalar(doc, t, 'quote', a.target.quote, quoteStyle(a.target.quote));
  // Context is mostly fragments with edge spaces and line breaks: always double-quoted, one line each.
  setScalar(doc, t, 'prefix', a.target.prefix, Scalar.QUOTE_DOUBLE);
  setScalar(doc, t, 'suffix', a.target.suffix, Scalar.QUOTE_DOUBLE);
  setScalar(doc, t, 'start', a.target.start);
  setScalar(doc, t, 'end', a.target.end);
  setScalar(doc, map, 'created', a.created);
  setScalar(doc, map, 'status', a.status);
  setScalar(doc, map, 'review', a.review);
  return map;
}

/** Plain where YAML allows it; double quotes for text with line breaks or edge spaces. */
function quoteStyle(s: string): Scalar.Type | undefined {
  return /[\n\r\t]|^\s|\s$/.test(s) ? Scalar.QUOTE_DOUBLE : undefined;
}

/**
 * Sets `key` to a scalar value, keeping the existing node (and so its comments and quoting) when the
 * value is unchanged; removes the key for `undefined`.
 */
function setScalar(
  doc: Document,
  map: YAMLMap<unknown, unknown>,
  key: string,
  value: string | number | undefined,
  style?: Scalar.Type,
): void {
  const pair = pairOf(map, key);
  if (value === undefined) {
    if (pair) map.items.splice(map.items.indexOf(pair), 1);
    return;
  }
  const node = pair?.value as Node | undefined;
  if (isScalar(node)) {
    if (node.value === value) return;
    node.value = value;
    if (style) node.type = style;
    else if (node.type !== Scalar.PLAIN) delete node.type;
    return;
  }
  const scalar = doc.createNode(value) as Scalar;
  if (style) scalar.type = style;
  if (pair) pair.value = scalar;
  else map.items.push(doc.createPair(key, scalar));
}

function sameSidecar(a: Sidecar, b: Sidecar): boolean {
  if (a.version !== b.version || a.document !== b.document || a.textHash !== b.textHash) return false;
  if (a.annotations.length !== b.annotations.length) return false;
  const byId = new Map(a.annotations.map((x) => [x.id, x]));
  return b.annotations.every((x) => {
    const y = byId.get(x.id);
    return y !== undefined && sameAnnotation(x, y);
  });
}

function sameAnnotation(a: Annotation, b: Annotation): boolean {
  return (
    a.note === b.note &&
    a.created === b.created &&
    a.status === b.status &&
    a.review === b.review &&
    a.themes.length === b.themes.length &&
    a.themes.every((t, i) => t === b.themes[i]) &&
    a.target.quote === b.target.quote &&
    a.target.prefix === b.target.prefix &&
    a.target.suffix === b.target.suffix &&
    a.target.start === b.target.start &&
    a.target.end === b.target.end
  );
}
