/**
 * Validates a parsed sidecar Document and builds the model from it. Unknown keys are allowed anywhere
 * (and kept by the writer); known keys must have the right type. The version is checked before
 * anything else, so that a file from a newer Policy Lens is reported as such, not as a pile of schema
 * errors.
 */
import { isMap, type Document, type LineCounter, type Node } from 'yaml';
import { codePointLength } from './codePoints';
import { SIDECAR_VERSION, type Annotation, type Sidecar, type SourceError } from './model';
import { textHash as hashOf } from './sha256';
import { errorAt } from './yamlErrors';
import { asMap, asSeq, field, int, NodeError, str, strings } from './yamlRead';

/** What a sidecar is checked against when its document is known. */
export interface SidecarExpectations {
  /** The file name of the document beside it. */
  readonly documentName?: string;
  /** The document's current text. */
  readonly text?: string;
}

export const TEXT_HASH_PATTERN = /^sha256:[0-9a-f]{64}$/;

export function readSidecar(doc: Document, lines: LineCounter, expect: SidecarExpectations = {}): { sidecar: Sidecar } | { error: SourceError } {
  try {
    return { sidecar: read(doc, lines, expect) };
  } catch (e) {
    if (e instanceof NodeError) return { error: errorAt(e.node, e.message, lines) };
    throw e;
  }
}

function read(doc: Document, lines: LineCounter, expect: SidecarExpectations): Sidecar {
  if (!isMap(doc.contents)) throw new NodeError(doc.contents, 'a sidecar must be a mapping with "policyLens: 1" at the top');
  const root = doc.contents;
  const versionNode = field(root, 'policyLens', 'the sidecar', true);
  const version = int(versionNode, 'policyLens (the format version)', 1);
  if (version > SIDECAR_VERSION) {
    throw new NodeError(
      versionNode,
      `written by a newer Policy Lens (format ${version}; this version reads format ${SIDECAR_VERSION}): update Policy Lens to edit it`,
    );
  }
  const documentNode = field(root, 'document', 'the sidecar', true);
  const document = str(documentNode, 'document', { nonEmpty: true });
  if (expect.documentName !== undefined && document !== expect.documentName) {
    throw new NodeError(
      documentNode,
      `document: "${document}" names another file than this sidecar's document "${expect.documentName}" (if the document was renamed, change document: to "${expect.documentName}")`,
    );
  }
  const textHash = str(field(root, 'textHash', 'the sidecar', true), 'textHash', {
    pattern: TEXT_HASH_PATTERN,
    hint: ' like sha256:<64 hex digits>',
  });
  // Positions of the very text the hash names must lie inside it (elsewhere they are only hints).
  const limit = expect.text !== undefined && hashOf(expect.text) === textHash ? codePointLength(expect.text) : undefined;
  const list = asSeq(field(root, 'annotations', 'the sidecar', true), 'annotations');
  const seen = new Map<string, Node>();
  const annotations = list.items.map((item, i) => {
    const a = readAnnotation(item as Node, `annotations[${i}]`, limit);
    const first = seen.get(a.id);
    if (first) {
      const line = lines.linePos(first.range?.[0] ?? 0).line;
      throw new NodeError(idNode(item as Node), `duplicate annotation id "${a.id}" (first used on line ${line})`);
    }
    seen.set(a.id, idNode(item as Node));
    return a;
  });
  return { version, document, textHash, annotations };
}

function idNode(item: Node): Node {
  return isMap(item) ? (field(item, 'id', '') ?? item) : item;
}

function readAnnotation(node: Node, what: string, limit: number | undefined): Annotation {
  const map = asMap(node, what);
  const id = str(field(map, 'id', what, true), `${what}.id`, { nonEmpty: true, hint: ' (quote it: id: "123456")' });
  const where = `annotation ${id}`;
  const themesNode = field(map, 'themes', where);
  const themes = themesNode ? strings(themesNode, `${where}: themes`) : [];
  const noteNode = field(map, 'note', where);
  const note = noteNode ? str(noteNode, `${where}: note`) : undefined;
  const createdNode = field(map, 'created', where);
  const created = createdNode ? str(createdNode, `${where}: created`, { nonEmpty: true }) : undefined;
  const reviewNode = field(map, 'review', where);
  const review = reviewNode ? str(reviewNode, `${where}: review`) : undefined;
  const statusNode = field(map, 'status', where);
  const status = statusNode ? str(statusNode, `${where}: status`, { pattern: /^orphan$/ }) : undefined;
  const t = asMap(field(map, 'target', where, true), `${where}: target`);
  const quote = str(field(t, 'quote', `${where}: target`, true), `${where}: target.quote`, { nonEmpty: true });
  const prefixNode = field(t, 'prefix', `${where}: target`);
  const suffixNode = field(t, 'suffix', `${where}: target`);
  const startNode = field(t, 'start', `${where}: target`, true);
  const start = int(startNode, `${where}: target.start`);
  const endNode = field(t, 'end', `${where}: target`, true);
  const end = int(endNode, `${where}: target.end`);
  if (end < start) throw new NodeError(startNode, `${where}: target.start (${start}) is after target.end (${end})`);
  if (limit !== undefined && end > limit) {
    throw new NodeError(endNode, `${where}: target.end (${end}) is past the end of the text (${limit} code points), although textHash says the positions refer to this text`);
  }
  return {
    id,
    themes,
    ...(note !== undefined && { note }),
    target: {
      quote,
      prefix: prefixNode ? str(prefixNode, `${where}: target.prefix`) : '',
      suffix: suffixNode ? str(suffixNode, `${where}: target.suffix`) : '',
      start,
      end,
    },
    ...(created !== undefined && { created }),
    ...(status === 'orphan' && { status }),
    ...(review !== undefined && { review }),
  };
}
