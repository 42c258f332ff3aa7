/**
 * Absolute IRIs for exported documents, sidecars and themes, and the way back from an imported IRI to a
 * document of the target folder. W3C annotations must name their target with an absolute IRI (a relative
 * `source` fails seven of the test suite's MUST assertions), so an export names documents by where they are.
 */
import { CODEBOOK_PATH, sidecarPathFor } from '../annotations';

/** `folderIri` + a relative path, each segment percent-encoded. */
export function documentIri(folderIri: string, path: string): string {
  return folderIri + path.split('/').map(encodeURIComponent).join('/');
}

/** The annotation's IRI: its place in the sidecar that holds it. */
export function annotationIri(folderIri: string, documentPath: string, id: string): string {
  return `${documentIri(folderIri, sidecarPathFor(documentPath))}#${encodeURIComponent(id)}`;
}

/** The theme's IRI: its entry in the folder's codebook. */
export function themeIri(folderIri: string, themeId: string): string {
  return `${documentIri(folderIri, CODEBOOK_PATH)}#${encodeURIComponent(themeId)}`;
}

const SIDECAR_FRAGMENT = /\.annotations\.yaml#(.+)$/;
const CODEBOOK_FRAGMENT = /\/\.policy-lens\/codebook\.yaml#(.+)$/;

export function annotationIdFromIri(iri: string): string | undefined {
  const m = SIDECAR_FRAGMENT.exec(iri);
  return m ? safeDecode(m[1]) : undefined;
}

export function themeIdFromIri(iri: string): string | undefined {
  const m = CODEBOOK_FRAGMENT.exec(iri);
  return m ? safeDecode(m[1]) : undefined;
}

/** The path segments of an IRI, decoded (`file:///a/b%20c.txt` -> `a`, `b c.txt`); query and fragment dropped. */
export function iriSegments(iri: string): string[] {
  const withoutScheme = iri.replace(/^[a-z][a-z0-9+.-]*:(\/\/[^/]*)?/i, '');
  return withoutScheme.replace(/[?#].*$/, '').split('/').filter(Boolean).map(safeDecode);
}

/**
 * Which of the folder's documents an IRI names: the one whose path is the longest tail of the IRI's path
 * (`file:///home/ana/un/reports/a.txt` is `reports/a.txt` of any folder holding it), or undefined when none or
 * several fit equally.
 */
export function matchDocument(iri: string, paths: readonly string[]): string | undefined {
  const segments = iriSegments(iri);
  let best: string | undefined;
  let bestLength = 0;
  let tie = false;
  for (const path of paths) {
    const parts = path.split('/');
    let n = 0;
    while (n < parts.length && n < segments.length && parts[parts.length - 1 - n] === segments[segments.length - 1 - n]) n++;
    if (n === 0 || n < parts.length) continue;
    if (n > bestLength) {
      best = path;
      bestLength = n;
      tie = false;
    } else if (n === bestLength) tie = true;
  }
  return tie ? undefined : best;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
