/**
 * What an import will do, worked out before anything is written: which themes join the codebook (merged by id,
 * by GUID or by name), which documents are created (a REFI-QDA source the folder lacks), and, per document, which
 * annotations are added, which merge into one already there (same id, or same passage) and which cannot be
 * placed (orphans). Incoming passages are anchored on the folder's own text with the same engine as everything
 * else, so a passage whose positions do not fit is found again by its quote and context.
 *
 * Nothing is overwritten: a document that exists keeps its text, an annotation that exists keeps its note and
 * gains only themes, an existing theme keeps its label, colour and description, and a sidecar that cannot be
 * read is left alone (its document is reported, not imported into). Importing the same file twice changes
 * nothing the second time.
 */
import {
  addTheme, anchorAll, codePointIndex, createTarget, emptySidecar, parseSidecar, reanchorSidecar, serializeSidecar, textHash,
  uniqueSlug, type Annotation, type CodebookEdit, type NewTheme, type ParsedCodebook, type Sidecar, type SidecarParse,
} from '../annotations';
import { THEME_ID_PATTERN, type Codebook } from '../annotations/codebookSchema';
import { nameGuid } from './guids';
import { matchDocument } from './iris';
import type { Incoming, IncomingAnnotation, IncomingDocument, IncomingTheme } from './types';

export interface LocalDocument {
  /** The document's text; undefined when the folder has no such document. */
  readonly text?: string;
  /** Its sidecar file's text; undefined when it has none. */
  readonly sidecar?: string;
}

export interface ImportTarget {
  /** The folder's codebook; undefined when it has none yet. */
  readonly codebook?: ParsedCodebook;
  /** The folder's documents by path (relative, `/`-separated): those the import touches must be given. */
  readonly documents: ReadonlyMap<string, LocalDocument>;
}

export type ChangeKind = 'add' | 'merge' | 'orphan' | 'same';

export interface AnnotationChange {
  readonly kind: ChangeKind;
  readonly id: string;
  readonly quote: string;
  /** Theme ids after the import. */
  readonly themes: readonly string[];
  readonly detail?: string;
}

export interface DocumentPlan {
  /** The incoming document's source (a path or an IRI). */
  readonly source: string;
  /** The folder's document it goes to; undefined when none could be chosen. */
  readonly path?: string;
  /** Text of a document to create (the folder has none at `path`). */
  readonly create?: string;
  /** The sidecar as read when planning: a writer checks it is still the same before writing over it. */
  readonly sidecarBefore?: string;
  /** The new sidecar; undefined when nothing changes. */
  readonly sidecarText?: string;
  readonly changes: readonly AnnotationChange[];
  /** Why nothing is imported into this document. */
  readonly problem?: string;
}

export interface ImportPlan {
  readonly format: Incoming['format'];
  readonly themesAdded: readonly (NewTheme & { id: string })[];
  readonly themesMatched: number;
  /** Adds the new themes to a codebook (the one on disk when writing, which may have changed since planning). */
  applyThemes(codebook: ParsedCodebook): CodebookEdit;
  readonly documents: readonly DocumentPlan[];
  readonly notices: readonly string[];
}

/**
 * The folder document each incoming document goes to. REFI-QDA sources are named by path; a W3C target is named
 * by IRI and goes to the folder document whose path ends its IRI, or the one `assign` names for it.
 */
export function targetPaths(incoming: Incoming, folderPaths: readonly string[], assign: ReadonlyMap<string, string> = new Map()): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  for (const d of incoming.documents) {
    out.set(d.source, assign.get(d.source) ?? (d.text !== undefined ? d.source : matchDocument(d.source, folderPaths)));
  }
  return out;
}

export function planImport(incoming: Incoming, target: ImportTarget, paths: ReadonlyMap<string, string | undefined>): ImportPlan {
  const themes = planThemes(incoming.themes, target.codebook?.codebook);
  const documents = incoming.documents.map((d) => {
    const path = paths.get(d.source);
    if (!path) return { source: d.source, changes: [], problem: 'no document of the folder matches it' } satisfies DocumentPlan;
    return planDocument(d, path, target.documents.get(path) ?? {}, themes.ids);
  });
  return {
    format: incoming.format,
    themesAdded: themes.added,
    themesMatched: themes.matched,
    applyThemes: (cb) => {
      let current: ParsedCodebook = cb;
      for (const t of themes.added) {
        if (current.codebook.themes.some((x) => x.id === t.id)) continue;
        const parent = t.parent && current.codebook.themes.some((x) => x.id === t.parent) ? t.parent : undefined;
        const next = addTheme(current, { ...t, parent });
        if (!next.ok) return next;
        current = next.value;
      }
      return { ok: true, value: current };
    },
    documents,
    notices: incoming.notices,
  };
}

function planThemes(incoming: readonly IncomingTheme[], codebook: Codebook | undefined) {
  const existing = codebook?.themes ?? [];
  const byId = new Map(existing.map((t) => [t.id, t.id]));
  const byGuid = new Map(existing.map((t) => [nameGuid('code', t.id), t.id]));
  const byName = new Map<string, string>();
  for (const t of existing) if (!byName.has(fold(t.label))) byName.set(fold(t.label), t.id);
  const taken = new Set(existing.map((t) => t.id));
  const ids = new Map<string, string>();
  const added: (NewTheme & { id: string })[] = [];
  let matched = 0;
  for (const t of incoming) {
    const found = (t.id && byId.get(t.id)) || (t.guid && byGuid.get(t.guid)) || byName.get(fold(t.name));
    if (found) {
      ids.set(t.key, found);
      if (existing.some((x) => x.id === found)) matched++;
      continue;
    }
    const id = t.id && THEME_ID_PATTERN.test(t.id) && !taken.has(t.id) ? t.id : uniqueSlug(t.name, taken);
    taken.add(id);
    ids.set(t.key, id);
    byName.set(fold(t.name), id);
    added.push({
      id,
      label: t.name,
      ...(t.color && { color: t.color }),
      ...(t.description !== undefined && { description: t.description }),
      ...(t.parentKey && ids.has(t.parentKey) && { parent: ids.get(t.parentKey) }),
    });
  }
  return { ids, added, matched };
}

function planDocument(d: IncomingDocument, path: string, local: LocalDocument, themeIds: ReadonlyMap<string, string>): DocumentPlan {
  const name = path.slice(path.lastIndexOf('/') + 1);
  let text = local.text;
  let create: string | undefined;
  if (text === undefined) {
    if (d.text === undefined) return { source: d.source, path, changes: [], problem: `the folder has no document ${path}` };
    text = create = d.text;
  }
  let base: (SidecarParse & { ok: true }) | undefined;
  if (local.sidecar !== undefined) {
    const parsed = parseSidecar(local.sidecar);
    if (!parsed.ok) {
      const { line, column, message } = parsed.error;
      return { source: d.source, path, changes: [], problem: `its sidecar cannot be read (line ${line}, column ${column}: ${message}); fix it, then import again` };
    }
    base = parsed;
  }
  const hash = textHash(text);
  let sidecar: Sidecar = base?.sidecar ?? emptySidecar(name, hash);
  // The folder's own annotations are placed on today's text first, so that "the same passage" compares like with like.
  if (sidecar.textHash !== hash && sidecar.annotations.length) sidecar = reanchorSidecar(text, sidecar).sidecar;

  const cps = codePointIndex(text);
  const results = anchorAll(text, d.annotations.map((a) => ({ id: a.id, target: { ...a, start: Math.max(0, a.start), end: Math.max(0, a.end) } })));
  const list: Annotation[] = [...sidecar.annotations];
  const byId = new Map(list.map((a, i) => [a.id, i]));
  const byPlace = new Map(list.filter((a) => a.status !== 'orphan').map((a) => [`${a.target.start}:${a.target.end}`, byId.get(a.id)!]));
  const changes: AnnotationChange[] = [];
  d.annotations.forEach((a, i) => {
    const r = results[i];
    const themes = [...new Set(a.themeKeys.map((k) => themeIds.get(k)).filter((t): t is string => t !== undefined))];
    const found = r.start !== undefined && r.end !== undefined;
    const targetHere = found ? createTarget(text, r.start!, r.end!, cps) : { quote: a.quote, prefix: a.prefix, suffix: a.suffix, start: Math.max(0, a.start), end: Math.max(0, a.end) };
    const id = safeId(a);
    const at = byId.get(id) ?? (found ? byPlace.get(`${targetHere.start}:${targetHere.end}`) : undefined);
    if (at !== undefined) {
      const old = list[at];
      const union = [...old.themes, ...themes.filter((t) => !old.themes.includes(t))];
      const note = old.note ?? a.note;
      const created = old.created ?? a.created;
      const same = union.length === old.themes.length && note === old.note && created === old.created;
      const detail = old.note !== undefined && a.note !== undefined && old.note !== a.note ? 'the imported note differs; the folder’s note is kept' : undefined;
      if (!same) list[at] = { ...old, themes: union, ...(note !== undefined && { note }), ...(created !== undefined && { created }) };
      changes.push({ kind: same ? 'same' : 'merge', id: old.id, quote: old.target.quote, themes: union, ...(detail && { detail }) });
      return;
    }
    const annotation: Annotation = {
      id,
      themes,
      ...(a.note !== undefined && { note: a.note }),
      target: targetHere,
      ...(a.created && { created: a.created }),
      ...(!found && { status: 'orphan' as const }),
    };
    byId.set(id, list.length);
    if (found) byPlace.set(`${targetHere.start}:${targetHere.end}`, list.length);
    list.push(annotation);
    changes.push({ kind: found ? 'add' : 'orphan', id, quote: targetHere.quote, themes, ...(!found && { detail: 'not found in the folder’s text; kept as an orphan' }) });
  });
  const changed = changes.some((c) => c.kind !== 'same');
  const sidecarText = changed || create !== undefined ? serializeSidecar({ ...sidecar, textHash: hash, annotations: list }, base) : undefined;
  return { source: d.source, path, ...(create !== undefined && { create }), ...(local.sidecar !== undefined && { sidecarBefore: local.sidecar }), ...(sidecarText !== undefined && sidecarText !== local.sidecar && { sidecarText }), changes };
}

/** Ids from other tools become sidecar ids as they are when they are plain; anything else is digested. */
function safeId(a: IncomingAnnotation): string {
  return /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/.test(a.id) ? a.id : nameGuid('annotation-id', a.id).replace(/-/g, '').slice(0, 8);
}

function fold(s: string): string {
  return s.normalize('NFC').trim().toLowerCase();
}

/** A plain-text account of the plan, for the command line and the extension's preview. */
export function describePlan(plan: ImportPlan, themeLabel: (id: string) => string): string {
  const out: string[] = [];
  const count = (kind: ChangeKind) => plan.documents.reduce((n, d) => n + d.changes.filter((c) => c.kind === kind).length, 0);
  const created = plan.documents.filter((d) => d.create !== undefined).length;
  out.push(`${count('add')} annotation(s) to add, ${count('merge')} to merge into existing ones, ${count('orphan')} orphan(s), ${count('same')} already there; ` +
    `${created} document(s) to create; ${plan.themesAdded.length} theme(s) to add to the codebook, ${plan.themesMatched} already in it.`);
  if (plan.themesAdded.length) {
    out.push('', 'New themes:');
    for (const t of plan.themesAdded) out.push(`  + ${t.label} (${t.id})${t.parent ? `, under ${themeLabel(t.parent)}` : ''}`);
  }
  for (const d of plan.documents) {
    out.push('', `${d.path ?? d.source}${d.create !== undefined ? ' (new document)' : ''}${d.path && d.path !== d.source ? ` <- ${d.source}` : ''}`);
    if (d.problem) {
      out.push(`  not imported: ${d.problem}`);
      continue;
    }
    for (const c of d.changes) {
      const mark = { add: '+', merge: '~', orphan: '?', same: '=' }[c.kind];
      const quote = c.quote.replace(/\s+/g, ' ');
      out.push(`  ${mark} ${c.id}  "${quote.length > 70 ? `${quote.slice(0, 69)}…` : quote}"  [${c.themes.map(themeLabel).join(', ')}]${c.detail ? `  (${c.detail})` : ''}`);
    }
  }
  if (plan.notices.length) {
    out.push('', 'Not imported from the file:');
    for (const n of plan.notices) out.push(`  - ${n}`);
  }
  return out.join('\n') + '\n';
}
