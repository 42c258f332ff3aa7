/**
 * W3C Web Annotation (JSON-LD): an AnnotationCollection with one AnnotationPage per document. Each annotation
 * has tagging bodies per theme (its label, and its entry in the codebook so that the theme id travels), a
 * commenting TextualBody for the note, and a SpecificResource target naming the document by
 * absolute IRI with a TextQuoteSelector and a TextPositionSelector (code points). An orphan has no place in the
 * text: it keeps only its TextQuoteSelector, and an importer re-anchors it (or keeps it as an orphan).
 *
 * Reading takes W3C annotations in any of the model's containers (one annotation, an array, a page, a collection
 * with embedded pages) and what Hypothesis exports (its client's export file and its API's search results).
 */
import type { CodedPassage } from '../analysis';
import { themeFor, type Codebook } from '../annotations';
import { nameGuid } from './guids';
import { annotationIdFromIri, annotationIri, documentIri, themeIdFromIri, themeIri } from './iris';
import { ImportError, type ExportInput, type Incoming, type IncomingAnnotation, type IncomingDocument, type IncomingTheme } from './types';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** RFC 3339 date-time, as the suite's `created` check and xsd:dateTime both accept. */
export const DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/**
 * The collection and its pages as one JSON-LD document: an array whose first node is the AnnotationCollection,
 * with its first page embedded, followed by the other pages. The model links pages by IRI (`next`, `prev`,
 * `partOf`; the test suite refuses an embedded `next`), so the pages after the first stand beside the collection,
 * each with its own `@context`, where a reader finds them by id.
 */
export function writeW3c(input: ExportInput): string {
  const collectionId = `urn:uuid:${nameGuid('w3c-collection', input.folderIri, input.title)}`;
  const docs = input.documents.filter((d) => d.passages.length + d.orphans.length > 0);
  const pageIds = docs.map((d) => `urn:uuid:${nameGuid('w3c-page', input.folderIri, d.path)}`);
  let startIndex = 0;
  const pages: JsonObject[] = docs.map((d, i) => {
    const items = [...d.passages, ...d.orphans].map((p) => annotation(p, input.folderIri, input.codebook));
    const page: JsonObject = {
      ...(i > 0 && { '@context': ANNO_CONTEXT }),
      id: pageIds[i],
      type: 'AnnotationPage',
      partOf: collectionId,
      label: d.path,
      startIndex,
      ...(i > 0 && { prev: pageIds[i - 1] }),
      ...(i < docs.length - 1 && { next: pageIds[i + 1] }),
      items,
    };
    startIndex += items.length;
    return page;
  });
  const collection: JsonObject = {
    '@context': ANNO_CONTEXT,
    id: collectionId,
    type: 'AnnotationCollection',
    label: `${input.title}: annotations exported by ${input.generator}`,
    total: startIndex,
    ...(pages.length && { first: pages[0], last: pageIds[pageIds.length - 1] }),
    generator: { type: 'Software', name: input.generator },
    generated: input.now,
  };
  return JSON.stringify([collection, ...pages.slice(1)], null, 2) + '\n';
}

function annotation(p: CodedPassage, folderIri: string, codebook: Codebook): JsonObject {
  // Each theme twice: a TextualBody tag with its label, which every consumer reads, and a semantic tag (a
  // SpecificResource whose source is the theme's entry in the codebook) that carries its id. An id on the
  // TextualBody itself would make it an External Web Resource to the test suite, which may not have a purpose.
  const body: JsonObject[] = [
    ...p.themes.map((id) => ({ type: 'TextualBody', purpose: 'tagging', value: themeFor(codebook, id).label })),
    ...p.themes.map((id) => ({ type: 'SpecificResource', purpose: 'tagging', source: themeIri(folderIri, id) })),
  ];
  if (p.note !== undefined) body.push({ type: 'TextualBody', purpose: 'commenting', value: p.note, format: 'text/plain' });
  const quote: JsonObject = { type: 'TextQuoteSelector', exact: p.quote };
  if (p.annotation.target.prefix) quote.prefix = p.annotation.target.prefix;
  if (p.annotation.target.suffix) quote.suffix = p.annotation.target.suffix;
  const selector: JsonObject[] = [quote];
  if (!p.orphan) selector.push({ type: 'TextPositionSelector', start: p.start, end: p.end });
  return {
    id: annotationIri(folderIri, p.document, p.id),
    type: 'Annotation',
    ...(p.created && DATE_TIME.test(p.created) && { created: p.created }),
    ...(body.length && { body: body.length === 1 ? body[0] : body }),
    target: { type: 'SpecificResource', source: documentIri(folderIri, p.document), selector: selector.length === 1 ? selector[0] : selector },
  };
}

/** Reads W3C or Hypothesis annotations; throws ImportError for a file that holds none. */
export function readW3c(source: string): Incoming {
  let data: Json;
  try {
    data = JSON.parse(source.replace(/^\uFEFF/, '')) as Json;
  } catch (e) {
    throw new ImportError(`not JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  const found: { item: JsonObject; hypothesis: boolean }[] = [];
  collect(data, found);
  if (!found.length) throw new ImportError('no annotations found: expected W3C Web Annotations (an Annotation, a list, an AnnotationPage or AnnotationCollection) or a Hypothesis export');
  const themes = new Map<string, IncomingTheme>();
  const documents = new Map<string, IncomingAnnotation[]>();
  const notices: string[] = [];
  let skipped = 0;
  for (const { item, hypothesis } of found) {
    const read = hypothesis ? fromHypothesis(item) : fromW3c(item);
    if (!read) {
      skipped++;
      continue;
    }
    for (const t of read.themes) if (!themes.has(t.key)) themes.set(t.key, t);
    const list = documents.get(read.source) ?? [];
    list.push(uniqueId(read.annotation, list));
    documents.set(read.source, list);
  }
  if (skipped) notices.push(`${skipped} annotation(s) without a text target (quote or position) not imported`);
  const docs: IncomingDocument[] = [...documents].map(([src, annotations]) => ({ source: src, annotations }));
  return { format: found.some((f) => f.hypothesis) ? 'hypothesis' : 'w3c', themes: [...themes.values()], documents: docs, notices };
}

function collect(node: Json, out: { item: JsonObject; hypothesis: boolean }[], pages = new Set<string>(), depth = 0): void {
  if (depth > 10_000 || node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const n of node) collect(n, out, pages, depth + 1);
    return;
  }
  const types = asArray(node.type ?? node['@type']).filter((t): t is string => typeof t === 'string');
  if (types.includes('AnnotationCollection')) {
    // Embedded pages, each linking the next; a page given only by IRI cannot be read from this file.
    const seen = new Set<Json>();
    for (let page = node.first; page && typeof page === 'object' && !seen.has(page); page = (page as JsonObject).next) {
      seen.add(page);
      collect(page, out, pages, depth + 1);
    }
  } else if (types.includes('AnnotationPage')) {
    // A page may be both embedded and listed beside its collection: read it once.
    if (typeof node.id === 'string') {
      if (pages.has(node.id)) return;
      pages.add(node.id);
    }
    collect(node.items ?? [], out, pages, depth + 1);
  }
  else if (types.includes('Annotation') || types.includes('oa:Annotation')) out.push({ item: node, hypothesis: false });
  else {
    // Hypothesis: the client's export file lists `annotations`, the API's search results `rows`, in its own format.
    const list = Array.isArray(node.annotations) ? node.annotations : Array.isArray(node.rows) ? node.rows : [];
    for (const item of list) {
      if (item && typeof item === 'object' && !Array.isArray(item) && asArray(item.type).length === 0) out.push({ item, hypothesis: true });
      else collect(item, out, pages, depth + 1);
    }
  }
}

interface Read {
  source: string;
  themes: IncomingTheme[];
  annotation: IncomingAnnotation;
}

function fromW3c(a: JsonObject): Read | undefined {
  const target = textTarget(a.target);
  if (!target) return undefined;
  const names: string[] = [];
  const ids: string[] = [];
  const notes: string[] = [];
  if (typeof a.bodyValue === 'string') notes.push(a.bodyValue);
  for (const b of asArray(a.body)) {
    if (!b || typeof b !== 'object' || Array.isArray(b)) continue; // a body given by IRI only: nothing to read here
    const purposes = asArray(b.purpose).concat(asArray(a.motivation).length === 1 && !b.purpose ? asArray(a.motivation) : []);
    const tagging = purposes.includes('tagging') || purposes.includes('classifying');
    if (b.type === 'SpecificResource' && tagging && typeof b.source === 'string') {
      ids.push(themeIdFromIri(b.source) ?? b.source);
      continue;
    }
    const value = typeof b.value === 'string' ? b.value : typeof b['rdf:value'] === 'string' ? (b['rdf:value'] as string) : undefined;
    if (value === undefined) continue;
    if (tagging) names.push(value);
    else notes.push(value);
  }
  // Policy Lens writes each theme as a label tag and an id tag, in the same order: pair them when they agree.
  const paired = ids.length === names.length;
  const themes: IncomingTheme[] = paired
    ? names.map((name, i) => ({ key: `id:${ids[i]}`, id: ids[i], name }))
    : [...names.map((name) => ({ key: themeKey(name), name })), ...ids.map((id) => ({ key: `id:${id}`, id, name: id }))];
  const iri = typeof a.id === 'string' ? a.id : undefined;
  return {
    source: target.source,
    themes,
    annotation: {
      id: idFromIri(iri, target),
      themeKeys: themes.map((t) => t.key),
      ...(notes.length && { note: notes.join('\n\n') }),
      ...(typeof a.created === 'string' && { created: a.created }),
      ...target.selector,
    },
  };
}

/** Hypothesis's own format: `uri`, `text` (the note), `tags`, `target[].selector[]`. */
function fromHypothesis(a: JsonObject): Read | undefined {
  const target = textTarget(a.target, typeof a.uri === 'string' ? a.uri : undefined);
  if (!target) return undefined;
  const tags = asArray(a.tags).filter((t): t is string => typeof t === 'string' && t.trim() !== '');
  const themes = tags.map((t) => ({ key: themeKey(t), name: t.trim() }));
  const note = typeof a.text === 'string' && a.text.trim() ? a.text : undefined;
  return {
    source: target.source,
    themes,
    annotation: {
      id: idFromIri(typeof a.id === 'string' ? a.id : undefined, target),
      themeKeys: themes.map((t) => t.key),
      ...(note !== undefined && { note }),
      ...(typeof a.created === 'string' && { created: a.created }),
      ...target.selector,
    },
  };
}

type Selector = Pick<IncomingAnnotation, 'quote' | 'prefix' | 'suffix' | 'start' | 'end'>;

function textTarget(target: Json | undefined, fallbackSource?: string): { source: string; selector: Selector } | undefined {
  for (const t of asArray(target ?? null)) {
    if (!t || typeof t !== 'object' || Array.isArray(t)) continue;
    const source = typeof t.source === 'string' ? t.source : fallbackSource;
    if (!source) continue;
    let quote: JsonObject | undefined;
    let position: JsonObject | undefined;
    for (const s of asArray(t.selector ?? null)) {
      if (!s || typeof s !== 'object' || Array.isArray(s)) continue;
      if (s.type === 'TextQuoteSelector' && typeof s.exact === 'string') quote ??= s;
      if (s.type === 'TextPositionSelector' && Number.isInteger(s.start) && Number.isInteger(s.end)) position ??= s;
    }
    if (!quote?.exact) continue; // a position alone cannot be checked against the local text
    const start = position ? (position.start as number) : -1;
    const end = position ? (position.end as number) : -1;
    return {
      source,
      selector: {
        quote: quote.exact as string,
        prefix: typeof quote.prefix === 'string' ? quote.prefix : '',
        suffix: typeof quote.suffix === 'string' ? quote.suffix : '',
        start: start >= 0 && end >= start ? start : -1,
        end: start >= 0 && end >= start ? end : -1,
      },
    };
  }
  return undefined;
}

/**
 * A stable annotation id from the annotation's IRI: its own id when Policy Lens exported it, the last segment of
 * an IRI such as Hypothesis's `https://hypothes.is/a/Kx3q2oJHEe…`, else a digest, so that importing the same
 * file twice merges by id instead of adding twice.
 */
function idFromIri(iri: string | undefined, target: { source: string; selector: Selector }): string {
  if (iri) {
    const own = annotationIdFromIri(iri);
    if (own) return own;
    const uuid = /^urn:uuid:([0-9a-f-]{36})$/i.exec(iri);
    if (uuid) return uuid[1].replace(/-/g, '').slice(0, 8).toLowerCase();
    const last = /([A-Za-z0-9_-]{1,64})\/?$/.exec(iri.replace(/[?#].*$/, ''));
    if (last && !/^https?:\/\/[^/]+\/?$/.test(iri)) return last[1];
  }
  return nameGuid('w3c-annotation', iri ?? '', target.source, target.selector.quote, String(target.selector.start)).replace(/-/g, '').slice(0, 8);
}

function uniqueId(a: IncomingAnnotation, taken: readonly IncomingAnnotation[]): IncomingAnnotation {
  const ids = new Set(taken.map((t) => t.id));
  if (!ids.has(a.id)) return a;
  for (let n = 2; ; n++) if (!ids.has(`${a.id}-${n}`)) return { ...a, id: `${a.id}-${n}` };
}

export function themeKey(name: string): string {
  return `name:${name.normalize('NFC').trim().toLowerCase()}`;
}

function asArray(v: Json | undefined): Json[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}
