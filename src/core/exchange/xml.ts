/**
 * XML for REFI-QDA through fast-xml-parser: the builder writes the documents, the parser reads them.
 *
 * An imported XML file is refused when it has a DOCTYPE or declares entities: the parser would otherwise expand
 * internal entities (the "billion laughs" bomb), and an external entity is a request for another file. REFI-QDA
 * files need neither. Only the five predefined entities and character references are decoded.
 */
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { ImportError } from './types';

/** An element as the parser gives it: attributes under `@`-prefixed keys, text under `#text`, children by name. */
export interface XmlElement {
  readonly [key: string]: string | XmlElement | XmlElement[] | undefined;
}

/** Elements that may repeat, so that one occurrence still comes as a list. */
const REPEATED = new Set([
  'User', 'Code', 'Variable', 'Case', 'VariableValue', 'SourceRef', 'SelectionRef', 'CodeRef', 'TextSource', 'PictureSource',
  'PDFSource', 'AudioSource', 'VideoSource', 'PlainTextSelection', 'Coding', 'NoteRef', 'Note', 'Set', 'Link', 'Graph',
  'MemberCode', 'MemberSource', 'MemberNote', 'Representation', 'Transcript', 'PictureSelection', 'PDFSelection',
]);

export function parseXml(text: string, what: string): XmlElement {
  const source = text.replace(/^\uFEFF/, '');
  if (/<!DOCTYPE/i.test(source)) throw new ImportError(`${what} has a DOCTYPE; REFI-QDA files need none, and it could declare entities that expand or read other files`);
  if (/<!ENTITY/i.test(source)) throw new ImportError(`${what} declares entities; REFI-QDA files need none`);
  const valid = XMLValidator.validate(source);
  if (valid !== true) throw new ImportError(`${what} is not well-formed XML (line ${valid.err.line}, column ${valid.err.col}): ${valid.err.msg}`);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    processEntities: true,
    // An empty table of named entities still turns on character references (&#x2011;), which real files use;
    // the option is typed as a boolean but takes a table (fast-xml-parser 5, OrderedObjParser).
    htmlEntities: {} as unknown as boolean,
    ignoreDeclaration: true,
    ignorePiTags: true,
    isArray: (name) => REPEATED.has(name),
    maxNestedTags: 200,
  });
  try {
    return parser.parse(source) as XmlElement;
  } catch (e) {
    throw new ImportError(`${what} cannot be read: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Child elements of one name, as a list. */
export function children(e: XmlElement | undefined, name: string): XmlElement[] {
  const v = e?.[name];
  if (v === undefined || typeof v === 'string') return [];
  return Array.isArray(v) ? v : [v];
}

export function child(e: XmlElement | undefined, name: string): XmlElement | undefined {
  return children(e, name)[0];
}

export function attr(e: XmlElement | undefined, name: string): string | undefined {
  const v = e?.[`@${name}`];
  return typeof v === 'string' ? v : undefined;
}

/** The text of a child element (`<Description>…</Description>`), or undefined when absent or empty. */
export function childText(e: XmlElement | undefined, name: string): string | undefined {
  const v = e?.[name];
  const first = Array.isArray(v) ? v[0] : v;
  const text = typeof first === 'string' ? first : typeof first?.['#text'] === 'string' ? (first['#text'] as string) : undefined;
  return text === undefined || text === '' ? undefined : text;
}

/** An element to write: attributes (`@name`), then children in schema order; `#text` for content. */
export type XmlNode = { [key: string]: string | number | XmlNode | XmlNode[] | undefined };

export function buildXml(root: string, node: XmlNode): string {
  const builder = new XMLBuilder({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    format: true,
    indentBy: '  ',
    suppressEmptyNode: true,
    suppressBooleanAttributes: false,
    processEntities: false,
    tagValueProcessor: (_name: string, value: unknown) => escapeText(String(value)),
    attributeValueProcessor: (_name: string, value: unknown) => escapeAttribute(String(value)),
  } as ConstructorParameters<typeof XMLBuilder>[0]);
  return `<?xml version="1.0" encoding="utf-8" standalone="yes"?>\n${builder.build({ [root]: node }) as string}`;
}

/**
 * Text as XML 1.0 can hold it: characters it forbids (most C0 controls, lone surrogates, U+FFFE/U+FFFF) become
 * U+FFFD, and a carriage return is written as a reference, because parsers turn a literal one into a line feed.
 */
export function xmlSafe(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

function escapeText(s: string): string {
  return xmlSafe(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

function escapeAttribute(s: string): string {
  // Attribute values are normalised by parsers (line breaks and tabs become spaces) unless written as references.
  return escapeText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}
