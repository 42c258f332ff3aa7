/**
 * Stable GUIDs for REFI-QDA and stable IRIs for W3C: exporting the same annotations twice gives the same ids,
 * so that a project re-imported elsewhere, or exported again after more coding, still names the same things.
 *
 * A GUID is an RFC 9562 version-8 UUID made from the SHA-256 of a name (the layout of the RFC's own
 * name-based example, appendix B.2). A selection's GUID also carries the annotation's id in its last group
 * when the id is what Policy Lens makes (a few hex digits): importing a Policy Lens project into an empty folder
 * then gives the annotations their own ids back, where any other tool's GUID only yields a derived id.
 */
import { sha256Hex, utf8Encode } from '../annotations';

export function nameGuid(...parts: readonly string[]): string {
  const hex = sha256Hex(utf8Encode(parts.join('\u0000'))).slice(0, 32).split('');
  hex[12] = '8';
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return format(hex.join(''));
}

/** Ids that fit in a GUID's last group beside their length digit. */
const EMBEDDABLE_ID = /^[0-9a-f]{1,11}$/;

/** The GUID of an annotation's PlainTextSelection, unique in the project (documents share annotation ids). */
export function selectionGuid(document: string, annotationId: string): string {
  const base = nameGuid('selection', document, annotationId);
  if (!EMBEDDABLE_ID.test(annotationId)) return base;
  const tail = annotationId.length.toString(16) + annotationId.padEnd(11, '0');
  return `${base.slice(0, 24)}${tail}`;
}

/**
 * The annotation id a selection GUID stands for: the id it carries when Policy Lens made it for this document,
 * otherwise its first eight hex digits (stable, so that importing the same file twice merges by id).
 */
export function annotationIdFromGuid(guid: string, document: string): { id: string; embedded: boolean } {
  const plain = normalizeGuid(guid);
  const length = parseInt(plain.charAt(24), 16);
  if (length >= 1 && length <= 11) {
    const id = plain.slice(25, 25 + length);
    if (plain.slice(25 + length) === '0'.repeat(11 - length) && selectionGuid(document, id) === plain) return { id, embedded: true };
  }
  return { id: plain.replace(/-/g, '').slice(0, 8), embedded: false };
}

/** Lower case, without the braces some tools write (`{5215cc69-…}`). */
export function normalizeGuid(guid: string): string {
  return guid.trim().replace(/^\{|\}$/g, '').toLowerCase();
}

function format(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
