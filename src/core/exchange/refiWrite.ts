/**
 * REFI-QDA export: a `.qdpx` project (a zip holding `project.qde` and the texts in `sources/`) and a `.qdc`
 * codebook, valid against the REFI-QDA schemas (QDA-XML 1.0).
 *
 * - Each document is a TextSource whose plain text is embedded as `internal://<guid>.txt`; each passage a
 *   PlainTextSelection whose positions select exactly its quote in that text (code points from 0, end
 *   exclusive); each theme a Code (the codebook's hierarchy as nested Codes) and each of a passage's themes a
 *   Coding.
 * - A note is written twice, because importers differ in which they read: as the selection's Description and as a
 *   dated Note that the selection's NoteRef points to.
 * - Each speaker is a Case with the variables role and country and SelectionRefs to their passages; because some
 *   importers drop those links, a "Speakers" code also has one sub-code per speaker coding their passages.
 * - Orphans have no place in the text and no selection; empty containers are left out (the schema refuses them).
 */
import type { PassageSpeaker } from '../analysis';
import { codePointIndex, UNCATEGORISED_COLOR, utf8Encode, type Codebook, type Theme } from '../annotations';
import { nameGuid, selectionGuid } from './guids';
import { plainText } from './plainText';
import type { ExportInput } from './types';
import { DATE_TIME } from './w3c';
import { buildXml, type XmlNode } from './xml';
import { writeZip } from './zip';

export const PROJECT_NAMESPACE = 'urn:QDA-XML:project:1.0';
export const CODEBOOK_NAMESPACE = 'urn:QDA-XML:codebook:1.0';
/** The code that holds one sub-code per speaker; its GUID tells an import of our own project to skip it. */
export const SPEAKERS_CODE = 'Speakers';
export const SPEAKERS_GUID = nameGuid('speakers');
export const SPEAKER_COLOR = '#9d9d9d';

export interface QdpxResult {
  readonly bytes: Uint8Array;
  /** The project XML, as it is in the archive. */
  readonly qde: string;
  readonly selections: number;
  /** Orphans left out: they have no place in the text. */
  readonly orphansLeftOut: number;
}

export function writeQdpx(input: ExportInput): QdpxResult {
  const userGuid = nameGuid('user', input.generator);
  const who = { '@creatingUser': userGuid };
  const codes = codeTree(input);
  const cases = new Map<string, { speaker: PassageSpeaker; guid: string; codeGuid: string; selections: string[] }>();
  const notes: XmlNode[] = [];
  const sources: XmlNode[] = [];
  const files = new Map<string, Uint8Array>();
  let selections = 0;
  for (const doc of input.documents) {
    const guid = nameGuid('source', doc.path);
    const plain = plainText(doc.text);
    const cps = codePointIndex(plain.text);
    const selectionNodes = doc.passages.map((p): XmlNode => {
      const sel = selectionGuid(doc.path, p.id);
      const start = plain.toPlain(p.start);
      const end = plain.toPlain(p.end);
      const speaker = p.speaker ? caseFor(p.speaker) : undefined;
      speaker?.selections.push(sel);
      const codings = [...p.themes.map((t) => codes.guidOf(t)), ...(speaker ? [speaker.codeGuid] : [])].map((code): XmlNode => ({
        '@guid': nameGuid('coding', doc.path, p.id, code),
        ...who,
        ...date(p.created),
        CodeRef: { '@targetGUID': code },
      }));
      let noteRef: XmlNode | undefined;
      if (p.note !== undefined) {
        const noteGuid = nameGuid('note', doc.path, p.id);
        notes.push({
          '@guid': noteGuid,
          '@name': `Note on “${excerpt(p.quote, 40)}” (${doc.path})`,
          ...who,
          '@creationDateTime': validDate(p.created) ?? input.now,
          '@modifiedDateTime': validDate(p.created) ?? input.now,
          PlainTextContent: p.note,
        });
        noteRef = { '@targetGUID': noteGuid };
      }
      selections++;
      return {
        '@guid': sel,
        '@name': excerpt(plain.text.slice(cps.toUtf16(start), cps.toUtf16(end)), 60),
        '@startPosition': start,
        '@endPosition': end,
        ...who,
        ...date(p.created),
        Description: p.note,
        Coding: codings.length ? codings : undefined,
        NoteRef: noteRef,
      };
    });
    files.set(`sources/${guid}.txt`, utf8Encode(plain.text));
    sources.push({
      '@guid': guid,
      '@name': doc.path,
      '@plainTextPath': `internal://${guid}.txt`,
      ...who,
      '@creationDateTime': input.now,
      PlainTextSelection: selectionNodes.length ? selectionNodes : undefined,
    });
  }
  const speakerCodes = [...cases.values()].map((c): XmlNode => ({ '@guid': c.codeGuid, '@name': codes.unique(caseName(c.speaker)), '@isCodable': 'true', '@color': SPEAKER_COLOR }));
  const allCodes = [...codes.nodes, ...(speakerCodes.length ? [{ '@guid': SPEAKERS_GUID, '@name': codes.unique(SPEAKERS_CODE), '@isCodable': 'false', Description: 'The speaker of each passage, as Policy Lens found them in the text (also given as Cases).', Code: speakerCodes }] : [])];
  const variables = [
    { '@guid': nameGuid('variable', 'role'), '@name': 'role', '@typeOfVariable': 'Text', Description: 'The speaker’s role or title, as the text gives it.' },
    { '@guid': nameGuid('variable', 'country'), '@name': 'country', '@typeOfVariable': 'Text', Description: 'The country or delegation the speaker speaks for.' },
  ];
  const caseNodes = [...cases.values()].map((c): XmlNode => {
    const values = [['role', c.speaker.role], ['country', c.speaker.country]]
      .filter((v): v is [string, string] => typeof v[1] === 'string' && v[1] !== '')
      .map(([name, value]) => ({ VariableRef: { '@targetGUID': nameGuid('variable', name) }, TextValue: value }));
    return {
      '@guid': c.guid,
      '@name': caseName(c.speaker),
      VariableValue: values.length ? values : undefined,
      SelectionRef: c.selections.map((s) => ({ '@targetGUID': s })),
    };
  });
  const project: XmlNode = {
    '@xmlns': PROJECT_NAMESPACE,
    '@name': input.title,
    '@origin': input.generator,
    '@creatingUserGUID': userGuid,
    '@creationDateTime': input.now,
    Users: { User: [{ '@guid': userGuid, '@name': input.generator }] },
    CodeBook: allCodes.length ? { Codes: { Code: allCodes } } : undefined,
    Variables: caseNodes.length ? { Variable: variables } : undefined,
    Cases: caseNodes.length ? { Case: caseNodes } : undefined,
    Sources: sources.length ? { TextSource: sources } : undefined,
    Notes: notes.length ? { Note: notes } : undefined,
  };
  const qde = buildXml('Project', project);
  const entries = new Map<string, Uint8Array>([['project.qde', utf8Encode(qde)], ...files]);
  const orphansLeftOut = input.documents.reduce((n, d) => n + d.orphans.length, 0);
  return { bytes: writeZip(entries, new Date(input.now)), qde, selections, orphansLeftOut };

  function caseFor(speaker: PassageSpeaker) {
    const key = caseKey(speaker);
    let c = cases.get(key);
    if (!c) {
      c = { speaker, guid: nameGuid('case', key), codeGuid: nameGuid('speaker', key), selections: [] };
      cases.set(key, c);
    }
    return c;
  }
}

/** The codebook alone (`.qdc`), for tools that import a coding scheme; throws when it has no themes. */
export function writeQdc(codebook: Codebook, generator: string): string {
  if (codebook.themes.length === 0) throw new Error('the codebook has no themes to export');
  const codes = codeTree({ codebook, documents: [] });
  return buildXml('CodeBook', { '@xmlns': CODEBOOK_NAMESPACE, '@origin': generator, Codes: { Code: codes.nodes } });
}

/**
 * The codebook's themes as nested Codes, and theme ids used by passages but missing from the codebook as
 * top-level Codes named by their id. Code names are made unique (some importers merge codes of the same name).
 */
function codeTree(input: Pick<ExportInput, 'codebook' | 'documents'>) {
  const themes = input.codebook.themes;
  const ids = new Set(themes.map((t) => t.id));
  const used = new Set<string>();
  const names = new Set<string>();
  const unique = (name: string): string => {
    let n = name;
    for (let i = 2; names.has(n.toLowerCase()); i++) n = `${name} (${i})`;
    names.add(n.toLowerCase());
    return n;
  };
  const node = (t: Theme): XmlNode => {
    const kids = themes.filter((c) => c.parent === t.id).map(node);
    return {
      '@guid': nameGuid('code', t.id),
      '@name': unique(t.label),
      '@isCodable': 'true',
      '@color': t.color,
      Description: t.description,
      Code: kids.length ? kids : undefined,
    };
  };
  const nodes = themes.filter((t) => !t.parent || !ids.has(t.parent)).map(node);
  for (const d of input.documents) for (const p of d.passages) for (const t of p.themes) if (!ids.has(t)) used.add(t);
  for (const id of used) nodes.push({ '@guid': nameGuid('code', id), '@name': unique(id), '@isCodable': 'true', '@color': UNCATEGORISED_COLOR, Description: 'A theme used in annotations but missing from the codebook.' });
  return { nodes, unique, guidOf: (id: string) => nameGuid('code', id) };
}

/** Speakers are one case across documents when name, role and country agree. */
function caseKey(s: PassageSpeaker): string {
  return [s.name, s.role ?? '', s.country ?? ''].map((x) => x.normalize('NFC').toLowerCase()).join('\u0000');
}

function caseName(s: PassageSpeaker): string {
  return s.country && !s.name.includes(s.country) ? `${s.name} (${s.country})` : s.name;
}

function validDate(created: string | undefined): string | undefined {
  return created && DATE_TIME.test(created) ? created : undefined;
}

function date(created: string | undefined): XmlNode {
  const d = validDate(created);
  return d ? { '@creationDateTime': d } : {};
}

function excerpt(s: string, max: number): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

