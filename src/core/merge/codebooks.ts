/**
 * Merging codebooks by theme id: themes added on either side are kept (ours first, in our order); a
 * theme changed on one side takes that change, field by field; a field changed on both sides keeps
 * ours; a theme deleted on one side goes unless the other side changed it. The result is checked like
 * any codebook (a parent cycle made by the two sides together is an error, not a file).
 */
import { isMap, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { parseCodebook, serializeCodebook, type SourceError, type Theme } from '../annotations';
import type { ParsedCodebook } from '../annotations/codebook';
import { readCodebook } from '../annotations/codebookSchema';
import { NodeError, pairOf } from '../annotations/yamlRead';

export type CodebookMerge =
  | { readonly ok: true; readonly text: string; readonly themes: number }
  | { readonly ok: false; readonly side: 'base' | 'ours' | 'theirs' | 'file'; readonly error: SourceError };

const FIELDS = ['label', 'color', 'description', 'parent'] as const;

export function mergeCodebookTexts(base: string | undefined, ours: string, theirs: string): CodebookMerge {
  const parse = (source: string, side: 'base' | 'ours' | 'theirs') => {
    const p = parseCodebook(source);
    return p.ok ? p : { ok: false as const, side, error: p.error };
  };
  const b = base === undefined || base.trim() === '' ? undefined : parse(base, 'base');
  if (b && !b.ok) return b;
  const o = parse(ours, 'ours');
  if (!o.ok) return o;
  const t = parse(theirs, 'theirs');
  if (!t.ok) return t;
  const baseById = new Map(b?.codebook.themes.map((x) => [x.id, x]));
  const theirsById = new Map(t.codebook.themes.map((x) => [x.id, x]));
  const oursIds = new Set(o.codebook.themes.map((x) => x.id));
  const doc = o.document.clone();
  const list = pairOf(doc.contents as YAMLMap<unknown, unknown>, 'themes')?.value as YAMLSeq<unknown> | undefined;
  const seq = list ?? new YAMLSeq(doc.schema);
  if (!list) (doc.contents as YAMLMap<unknown, unknown>).set('themes', seq);
  seq.items = seq.items.filter((item) => {
    if (!isMap(item)) return true;
    const id = String((pairOf(item, 'id')?.value as Scalar | undefined)?.value);
    const mine = o.codebook.themes.find((x) => x.id === id)!;
    const was = baseById.get(id);
    const other = theirsById.get(id);
    if (!other) return !was || !sameTheme(mine, was);
    for (const f of FIELDS) {
      if (was && mine[f] === was[f] && other[f] !== was[f]) set(item, f, other[f]);
    }
    return true;
  });
  for (const other of t.codebook.themes) {
    if (oursIds.has(other.id)) continue;
    const was = baseById.get(other.id);
    if (was && sameTheme(other, was)) continue; // deleted on our side, untouched on theirs
    const map = new YAMLMap<unknown, unknown>(doc.schema);
    map.set('id', new Scalar(other.id));
    for (const f of FIELDS) set(map, f, other[f]);
    seq.items.push(map);
  }
  try {
    const codebook = readCodebook(doc);
    const merged: ParsedCodebook = { ok: true, codebook, document: doc, source: '', ...(o.form && { form: o.form }) };
    return { ok: true, text: serializeCodebook(merged), themes: codebook.themes.length };
  } catch (e) {
    if (e instanceof NodeError) return { ok: false, side: 'file', error: { message: `the merged codebook is not valid: ${e.message}`, line: 1, column: 1 } };
    throw e;
  }
}

function sameTheme(a: Theme, b: Theme): boolean {
  return FIELDS.every((f) => a[f] === b[f]);
}

function set(map: YAMLMap<unknown, unknown>, key: string, value: string | undefined): void {
  const pair = pairOf(map, key);
  if (value === undefined) {
    if (pair) map.items.splice(map.items.indexOf(pair), 1);
    return;
  }
  const scalar = new Scalar(value);
  // A colour unquoted would start a comment.
  if (key === 'color') scalar.type = Scalar.QUOTE_DOUBLE;
  if (pair) pair.value = scalar;
  else map.set(key, scalar);
}

