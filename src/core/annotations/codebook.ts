/**
 * Editing the codebook: pure operations that take a parsed codebook and return a new one, editing a
 * clone of its `yaml` Document so that comments and unknown keys survive, plus lookups that keep theme
 * ids unknown to the codebook visible (as uncategorised) instead of dropping them.
 */
import { Document, isMap, isSeq, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { CODEBOOK_VERSION, readCodebook, THEME_ID_PATTERN, type Codebook, type CodebookParse, type Theme } from './codebookSchema';
import { uniqueSlug } from './ids';
import { applyForm, PLAIN_FORM } from './sourceForm';
import { COLOR_PATTERN, nextColor, UNCATEGORISED_COLOR } from './palette';
import { NodeError, pairOf } from './yamlRead';

/** A readable codebook. Its `source` is the text it was parsed from, or "" once it has been edited. */
export type ParsedCodebook = CodebookParse & { ok: true };
export type CodebookEdit = { readonly ok: true; readonly value: ParsedCodebook } | { readonly ok: false; readonly message: string };

const TO_STRING = { lineWidth: 0, flowCollectionPadding: false } as const;

/** A codebook with no themes yet, as a new file would hold it. */
export function emptyCodebook(): ParsedCodebook {
  const root = new YAMLMap();
  root.commentBefore = ' Policy Lens codebook: the themes shared by the documents in this folder';
  const document = new Document(root);
  root.set('policyLensCodebook', new Scalar(CODEBOOK_VERSION));
  root.set('themes', new YAMLSeq());
  return { ok: true, codebook: { version: CODEBOOK_VERSION, themes: [] }, document, source: '' };
}

/** The file text; an unedited parse gives back its source byte for byte. */
export function serializeCodebook(cb: ParsedCodebook): string {
  return cb.source !== '' ? cb.source : applyForm(cb.document.toString(TO_STRING), cb.form ?? PLAIN_FORM);
}

export interface NewTheme {
  readonly label: string;
  /** Default: slug of the label, made unique. */
  readonly id?: string;
  /** Default: the next unused palette colour. */
  readonly color?: string;
  readonly description?: string;
  readonly parent?: string;
}

export function addTheme(cb: ParsedCodebook, theme: NewTheme): CodebookEdit {
  const taken = new Set(cb.codebook.themes.map((t) => t.id));
  const id = theme.id ?? uniqueSlug(theme.label, taken);
  if (taken.has(id)) return { ok: false, message: `a theme "${id}" already exists` };
  return edit(cb, (doc, list) => {
    const map = new YAMLMap<unknown, unknown>(doc.schema);
    map.set('id', new Scalar(id));
    map.set('label', new Scalar(theme.label));
    map.set('color', colorNode(theme.color ?? nextColor(cb.codebook.themes.map((t) => t.color))));
    if (theme.description !== undefined) map.set('description', new Scalar(theme.description));
    if (theme.parent !== undefined) map.set('parent', new Scalar(theme.parent));
    list.items.push(map);
  });
}

/** Changes a theme's label (its id, used in sidecars, stays). */
export function renameTheme(cb: ParsedCodebook, id: string, label: string): CodebookEdit {
  return edit(cb, (_, list) => setKey(themeNode(list, id), 'label', label));
}

export function recolorTheme(cb: ParsedCodebook, id: string, color: string): CodebookEdit {
  return edit(cb, (_, list) => setKey(themeNode(list, id), 'color', colorNode(color)));
}

export function describeTheme(cb: ParsedCodebook, id: string, description: string | undefined): CodebookEdit {
  return edit(cb, (_, list) => setKey(themeNode(list, id), 'description', description));
}

export function setThemeParent(cb: ParsedCodebook, id: string, parent: string | undefined): CodebookEdit {
  return edit(cb, (_, list) => setKey(themeNode(list, id), 'parent', parent));
}

/**
 * Changes a theme's id in the codebook (children follow). Apply `renameThemeId` to every sidecar too.
 */
export function changeThemeId(cb: ParsedCodebook, from: string, to: string): CodebookEdit {
  if (cb.codebook.themes.some((t) => t.id === to)) return { ok: false, message: `a theme "${to}" already exists` };
  return edit(cb, (_, list) => {
    setKey(themeNode(list, from), 'id', to);
    reparent(list, from, to);
  });
}

/**
 * Merges theme `from` into `into`: `from` leaves the codebook and its children move under `into`.
 * Apply `mergeThemes` to every sidecar too.
 */
export function mergeTheme(cb: ParsedCodebook, from: string, into: string): CodebookEdit {
  if (from === into) return { ok: false, message: 'a theme cannot be merged into itself' };
  const fromParent = cb.codebook.themes.find((t) => t.id === from)?.parent;
  return edit(cb, (_, list) => {
    const target = themeNode(list, into);
    remove(list, from);
    reparent(list, from, into);
    // `into` may have been a child of `from`; it takes `from`'s place in the hierarchy then.
    if (valueOf(target, 'parent') === into) setKey(target, 'parent', fromParent);
  });
}

/** Deletes a theme; its children move up to its parent. Apply `removeTheme` to every sidecar too. */
export function deleteTheme(cb: ParsedCodebook, id: string): CodebookEdit {
  const parent = cb.codebook.themes.find((t) => t.id === id)?.parent;
  return edit(cb, (_, list) => {
    remove(list, id);
    reparent(list, id, parent);
  });
}

/** What to show for a theme id: its codebook entry, or an uncategorised stand-in that keeps the id. */
export function themeFor(codebook: Codebook, id: string): Theme & { readonly uncategorised?: true } {
  return codebook.themes.find((t) => t.id === id) ?? { id, label: id, color: UNCATEGORISED_COLOR, uncategorised: true };
}

/** Theme ids used in annotations but missing from the codebook, in first-use order. */
export function unknownThemeIds(codebook: Codebook, used: Iterable<string>): string[] {
  const known = new Set(codebook.themes.map((t) => t.id));
  return [...new Set(used)].filter((id) => !known.has(id));
}

function edit(cb: ParsedCodebook, change: (doc: Document, list: YAMLSeq<unknown>) => void): CodebookEdit {
  const doc = cb.document.clone();
  const root = doc.contents as YAMLMap<unknown, unknown>;
  let list = pairOf(root, 'themes')?.value;
  if (!isSeq(list)) {
    list = new YAMLSeq(doc.schema);
    root.set('themes', list);
  }
  const seq = list as YAMLSeq<unknown>;
  try {
    change(doc, seq);
    seq.flow = seq.items.length === 0;
    return { ok: true, value: { ok: true, codebook: readCodebook(doc), document: doc, source: '', ...(cb.form && { form: cb.form }) } };
  } catch (e) {
    if (e instanceof NodeError) return { ok: false, message: e.message };
    throw e;
  }
}

function valueOf(map: YAMLMap<unknown, unknown>, key: string): unknown {
  const v = pairOf(map, key)?.value;
  return v instanceof Scalar ? v.value : v;
}

function themeNode(list: YAMLSeq<unknown>, id: string): YAMLMap<unknown, unknown> {
  const node = list.items.find((item) => isMap(item) && valueOf(item, 'id') === id);
  if (!node) throw new NodeError(undefined, `there is no theme "${id}"`);
  return node as YAMLMap<unknown, unknown>;
}

function remove(list: YAMLSeq<unknown>, id: string): void {
  list.items.splice(list.items.indexOf(themeNode(list, id)), 1);
}

/** Themes whose parent is `from` get `to` as parent (or none). */
function reparent(list: YAMLSeq<unknown>, from: string, to: string | undefined): void {
  for (const item of list.items) {
    if (isMap(item) && valueOf(item, 'parent') === from) setKey(item, 'parent', to);
  }
}

function colorNode(color: string): Scalar {
  if (!COLOR_PATTERN.test(color)) throw new NodeError(undefined, `"${color}" is not a colour like #4e79a7`);
  // Unquoted, `#` would start a comment.
  const s = new Scalar(color.toLowerCase());
  s.type = Scalar.QUOTE_DOUBLE;
  return s;
}

/** Sets a key in place (keeping the node and its comments when it exists), or removes it. */
function setKey(map: YAMLMap<unknown, unknown>, key: string, value: string | Scalar | undefined): void {
  const pair = pairOf(map, key);
  if (value === undefined) {
    if (pair) map.items.splice(map.items.indexOf(pair), 1);
    return;
  }
  if (key === 'id' && typeof value === 'string' && !THEME_ID_PATTERN.test(value)) {
    throw new NodeError(undefined, `"${value}" cannot be a theme id (no spaces or YAML punctuation)`);
  }
  if (pair && pair.value instanceof Scalar && typeof value === 'string') pair.value.value = value;
  else {
    const node = typeof value === 'string' ? new Scalar(value) : value;
    if (pair) pair.value = node;
    else map.set(key, node);
  }
}
