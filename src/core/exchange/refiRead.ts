/**
 * REFI-QDA import: a `.qdpx` project or a `.qdc` codebook, in the form other tools write them.
 *
 * - Text sources become documents: their plain text (`internal://…` in `sources/`, which some tools write as
 *   `Sources/`, or inline PlainTextContent), each PlainTextSelection an annotation whose quote is the text at its
 *   positions, its Codings the themes, its Description and the Notes it refers to the note. Selections of one
 *   source with the same positions (one per code, as some tools write them) become one annotation.
 * - Notes that hold a selection of a source that refers to them (QualCoder's annotations) become annotations.
 * - The Speakers code of a Policy Lens project is skipped: speakers come from the text itself.
 * - What Policy Lens cannot hold (pictures, PDFs, audio, video, cases and variables, sets, links, graphs) is
 *   listed in the notices, as the standard asks importers to do.
 *
 * A source path that leaves `sources/`, a source name that is not a safe relative path, a DOCTYPE or entity
 * declaration, or an archive that inflates too far is refused with an ImportError before anything is written.
 */
import { strFromU8 } from 'fflate';
import { codePointIndex, CONTEXT_LENGTH } from '../annotations';
import { annotationIdFromGuid, normalizeGuid } from './guids';
import { SPEAKERS_GUID } from './refiWrite';
import { ImportError, type Incoming, type IncomingAnnotation, type IncomingDocument, type IncomingTheme } from './types';
import { attr, child, childText, children, parseXml, type XmlElement } from './xml';
import { readZip, unsafeEntryName, type ZipLimits } from './zip';

export function readQdpx(bytes: Uint8Array, limits?: ZipLimits): Incoming {
  const entries = readZip(bytes, (name) => /^[^/]+\.qde$/i.test(name) || /^sources\/[^/]+$/i.test(name), limits);
  const qdeName = [...entries.keys()].find((n) => n.toLowerCase() === 'project.qde') ?? [...entries.keys()].find((n) => /\.qde$/i.test(n));
  if (!qdeName) throw new ImportError('the archive has no project.qde: it is not a REFI-QDA project');
  const sources = new Map<string, Uint8Array>();
  for (const [name, data] of entries) if (/^sources\//i.test(name)) sources.set(name.slice('sources/'.length), data);
  return readQde(strFromU8(entries.get(qdeName)!), (path) => sources.get(path));
}

export function readQdc(text: string): Incoming {
  const root = parseXml(text, 'the codebook');
  const book = root.CodeBook as XmlElement | undefined;
  if (!book || typeof book !== 'object') throw new ImportError('not a REFI-QDA codebook: its root element is not CodeBook');
  const themes: IncomingTheme[] = [];
  const skip = new Set<string>();
  for (const code of children(child(book, 'Codes'), 'Code')) readCode(code, undefined, themes, skip);
  const notices = child(book, 'Sets') ? ['code sets are not imported (Policy Lens themes have one parent each)'] : [];
  return { format: 'refi-codebook', themes, documents: [], notices };
}

/** The project XML; `source` gives the bytes of a file of `sources/` by its name. */
export function readQde(text: string, source: (name: string) => Uint8Array | undefined): Incoming {
  const root = parseXml(text, 'project.qde');
  const project = root.Project as XmlElement | undefined;
  if (!project || typeof project !== 'object') throw new ImportError('not a REFI-QDA project: the root element of project.qde is not Project');
  const namespace = attr(project, 'xmlns');
  const notices: string[] = [];
  if (namespace && !/^urn:QDA-XML:project:/.test(namespace)) throw new ImportError(`project.qde is in the namespace "${namespace}", not REFI-QDA's urn:QDA-XML:project:1.0`);
  if (namespace && namespace !== 'urn:QDA-XML:project:1.0') notices.push(`project.qde uses ${namespace}; it was read as REFI-QDA 1.0`);

  const themes: IncomingTheme[] = [];
  const skipCodes = new Set<string>();
  for (const code of children(child(child(project, 'CodeBook'), 'Codes'), 'Code')) readCode(code, undefined, themes, skipCodes);
  const themeKeys = new Set(themes.map((t) => t.key));

  const noteTexts = new Map<string, string>();
  const notes = children(child(project, 'Notes'), 'Note');
  for (const note of notes) {
    const guid = attr(note, 'guid');
    const content = childText(note, 'PlainTextContent') ?? internalText(attr(note, 'plainTextPath'), source, 'a note');
    if (guid && content !== undefined) noteTexts.set(normalizeGuid(guid), content);
  }

  const sources = child(project, 'Sources');
  const documents: IncomingDocument[] = [];
  const names = new Set<string>();
  for (const ts of children(sources, 'TextSource')) {
    const doc = readTextSource(ts, source, themeKeys, skipCodes, noteTexts, notes, notices);
    if (!doc) continue;
    if (names.has(doc.source)) throw new ImportError(`two sources are both named "${doc.source}"`);
    names.add(doc.source);
    documents.push(doc);
  }
  for (const kind of ['PictureSource', 'PDFSource', 'AudioSource', 'VideoSource']) {
    const n = children(sources, kind).length;
    if (n) notices.push(`${n} ${kind}(s) not imported: Policy Lens annotates plain text`);
  }
  const cases = children(child(project, 'Cases'), 'Case').length;
  if (cases && !skipCodes.has(SPEAKERS_GUID)) notices.push(`${cases} case(s) and their variables not imported: Policy Lens finds speakers in the text`);
  for (const [container, item, what] of [['Sets', 'Set', 'set(s)'], ['Links', 'Link', 'link(s)'], ['Graphs', 'Graph', 'graph(s)']] as const) {
    const n = children(child(project, container), item).length;
    if (n) notices.push(`${n} ${what} not imported`);
  }
  return { format: 'refi-project', themes, documents, notices };
}

function readCode(code: XmlElement, parentKey: string | undefined, out: IncomingTheme[], skip: Set<string>): void {
  const guid = normalizeGuid(attr(code, 'guid') ?? '');
  const name = attr(code, 'name')?.trim();
  if (!guid || !name) throw new ImportError(`a code without ${guid ? 'a name' : 'a guid'}${name ? ` ("${name}")` : ''}`);
  if (guid === SPEAKERS_GUID || skip.has(parentKey ?? '\u0000')) {
    // The speakers of a Policy Lens project: its sub-codes are skipped with it.
    skip.add(guid);
    for (const c of children(code, 'Code')) readCode(c, guid, out, skip);
    return;
  }
  const color = attr(code, 'color');
  out.push({
    key: guid,
    guid,
    name,
    ...(color && { color: expandColor(color) }),
    ...(childText(code, 'Description') !== undefined && { description: childText(code, 'Description') }),
    ...(parentKey && { parentKey }),
  });
  for (const c of children(code, 'Code')) readCode(c, guid, out, skip);
}

function readTextSource(
  ts: XmlElement,
  source: (name: string) => Uint8Array | undefined,
  themeKeys: ReadonlySet<string>,
  skipCodes: ReadonlySet<string>,
  noteTexts: ReadonlyMap<string, string>,
  notes: readonly XmlElement[],
  notices: string[],
): IncomingDocument | undefined {
  const guid = normalizeGuid(attr(ts, 'guid') ?? '');
  const name = attr(ts, 'name')?.trim() || guid;
  const path = documentPath(name);
  const raw = childText(ts, 'PlainTextContent') ?? internalText(attr(ts, 'plainTextPath'), source, `the source "${name}"`);
  if (raw === undefined) {
    notices.push(`the source "${name}" has no plain text (only ${attr(ts, 'richTextPath') ? 'a rich text file' : 'a name'}) and was not imported`);
    return undefined;
  }
  const cps = codePointIndex(raw);
  const length = cps.codePointLength;
  // Positions count a byte-order mark as a character (some tools write one); the document itself is written without it.
  const byPlace = new Map<string, { a: IncomingAnnotation; guid: string }>();
  let outside = 0;
  const add = (sel: XmlElement, extraNote?: string) => {
    const start = Number(attr(sel, 'startPosition'));
    const end = Number(attr(sel, 'endPosition'));
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > length) {
      outside++;
      return;
    }
    const selGuid = normalizeGuid(attr(sel, 'guid') ?? `${start}-${end}`);
    const codes = children(sel, 'Coding').map((c) => normalizeGuid(attr(child(c, 'CodeRef'), 'targetGUID') ?? '')).filter((g) => !skipCodes.has(g));
    const unknown = codes.filter((g) => !themeKeys.has(g));
    if (unknown.length) throw new ImportError(`a selection of "${name}" is coded with ${unknown[0]}, which is not a code of the project`);
    const noteParts = [childText(sel, 'Description'), ...children(sel, 'NoteRef').map((r) => noteTexts.get(normalizeGuid(attr(r, 'targetGUID') ?? ''))), extraNote]
      .filter((n): n is string => n !== undefined && n.trim() !== '');
    const s = cps.toUtf16(start);
    const e = cps.toUtf16(end);
    const created = attr(sel, 'creationDateTime');
    const a: IncomingAnnotation = {
      id: annotationIdFromGuid(selGuid, path).id,
      themeKeys: codes,
      ...(noteParts.length && { note: [...new Set(noteParts)].join('\n\n') }),
      ...(created && { created }),
      quote: raw.slice(s, e),
      prefix: raw.slice(cps.toUtf16(start - CONTEXT_LENGTH), s),
      suffix: raw.slice(e, cps.toUtf16(end + CONTEXT_LENGTH)),
      start,
      end,
    };
    if (!a.quote) return;
    const place = `${start}:${end}`;
    const same = byPlace.get(place);
    if (!same) byPlace.set(place, { a, guid: selGuid });
    else {
      // The same passage selected once per code: one annotation, under the first GUID's id.
      const first = same.guid < selGuid ? same : { a, guid: selGuid };
      const other = first === same ? a : same.a;
      const note = [first.a.note, other.note].filter((n): n is string => !!n);
      byPlace.set(place, {
        guid: first.guid,
        a: { ...first.a, themeKeys: [...new Set([...first.a.themeKeys, ...other.themeKeys])], ...(note.length && { note: [...new Set(note)].join('\n\n') }) },
      });
    }
  };
  for (const sel of children(ts, 'PlainTextSelection')) add(sel);
  // QualCoder writes an annotation as a Note that the source refers to, holding a selection of the source.
  for (const ref of children(ts, 'NoteRef')) {
    const target = normalizeGuid(attr(ref, 'targetGUID') ?? '');
    const note = notes.find((n) => normalizeGuid(attr(n, 'guid') ?? '') === target);
    for (const sel of children(note, 'PlainTextSelection')) add(sel, noteTexts.get(target));
  }
  if (outside) notices.push(`${outside} selection(s) of "${name}" lie outside its text and were not imported`);
  const annotations = uniqueIds([...byPlace.values()].map((v) => v.a));
  return { source: path, text: raw.replace(/^\uFEFF/, ''), annotations: raw.startsWith('\uFEFF') ? annotations.map(shiftForBom) : annotations };
}

/** Positions counted a BOM that the written document will not have. */
function shiftForBom(a: IncomingAnnotation): IncomingAnnotation {
  return { ...a, start: Math.max(0, a.start - 1), end: Math.max(0, a.end - 1), prefix: a.prefix.replace(/^\uFEFF/, '') };
}

function uniqueIds(list: IncomingAnnotation[]): IncomingAnnotation[] {
  const seen = new Set<string>();
  return list.map((a) => {
    let id = a.id;
    for (let n = 2; seen.has(id); n++) id = `${a.id}-${n}`;
    seen.add(id);
    return id === a.id ? a : { ...a, id };
  });
}

/** The text of an `internal://` file; an `internal://` path that leaves `sources/` is refused. */
function internalText(path: string | undefined, source: (name: string) => Uint8Array | undefined, what: string): string | undefined {
  if (!path) return undefined;
  const m = /^internal:\/\/(.*)$/.exec(path);
  if (!m) return undefined; // relative:// and absolute:// name files outside the project, which an import never reads
  const name = m[1];
  if (name.includes('/') || name.includes('\\') || name === '..' || name === '.' || name === '' || unsafeEntryName(name)) {
    throw new ImportError(`${what} points outside the project's sources folder: "${path}"`);
  }
  const bytes = source(name);
  if (!bytes) throw new ImportError(`${what} refers to ${path}, which the archive does not hold`);
  return strFromU8(bytes);
}

/**
 * The document path a source's name gives: relative, `/`-separated, inside the target folder, and not a file
 * Policy Lens keeps for itself. Anything else is refused: the name comes from someone else's file.
 */
export function documentPath(name: string): string {
  const path = name.replace(/\\/g, '/');
  const why = unsafeEntryName(name.includes('\\') ? path : name)
    ?? (/(^|\/)\.{1,2}(\/|$)/.test(path) ? 'it has . or .. segments' : undefined)
    ?? (/[:*?"<>|]/.test(path) ? 'it has characters that file names cannot hold' : undefined)
    ?? (path.endsWith('.annotations.yaml') || path.split('/').some((s) => s === '.policy-lens' || s === '.git' || s === '.vscode') ? 'it names a file that Policy Lens, git or VS Code keep' : undefined)
    ?? (path.endsWith('/') ? 'it names a folder' : undefined);
  if (why) throw new ImportError(`the source name "${name}" is not a safe document path (${why.replace(/^the entry /, '')})`);
  // The plain text of a rich source (`Interview.docx`) is a text file: it gets a name that says so.
  return /\.(docx?|odt|rtf|pdf|html?)$/i.test(path) ? `${path}.txt` : path;
}

function expandColor(color: string): string | undefined {
  const c = color.trim().toLowerCase();
  if (/^#[0-9a-f]{6}$/.test(c)) return c;
  if (/^#[0-9a-f]{3}$/.test(c)) return `#${c[1]}${c[1]}${c[2]}${c[2]}${c[3]}${c[3]}`;
  return undefined;
}
