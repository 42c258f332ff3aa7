/**
 * The one place that turns documents with sidecars into an export in a chosen format, and an imported file's bytes
 * into an `Incoming` value, for the extension and the CLI alike: they only read the files and choose where the
 * bytes go.
 */
import { strFromU8 } from 'fflate';
import { codedPassages } from '../analysis';
import { utf8Encode, type Sidecar } from '../annotations';
import { writeCsv } from './csv';
import { writeMarkdown, type MarkdownOptions } from './markdown';
import { readQdc, readQdpx, readQde } from './refiRead';
import { writeQdc, writeQdpx } from './refiWrite';
import { ImportError, type ExportDocument, type ExportFormat, type ExportInput, type Incoming } from './types';
import { readW3c, writeW3c } from './w3c';

/** One document's passages for an export: its sidecar placed on its current text (re-anchored in memory). */
export function exportDocument(path: string, text: string, sidecar: Sidecar): ExportDocument {
  const { passages, orphans } = codedPassages(path, text, sidecar);
  return { path, text, passages, orphans };
}

export interface ExportOutput {
  readonly bytes: Uint8Array;
  readonly passages: number;
  readonly orphans: number;
  /** Orphans the format cannot hold and left out. */
  readonly orphansLeftOut: number;
}

export function exportAs(format: ExportFormat, input: ExportInput, options: { byteOrderMark?: boolean; link?: MarkdownOptions['link'] } = {}): ExportOutput {
  const passages = input.documents.reduce((n, d) => n + d.passages.length, 0);
  const orphans = input.documents.reduce((n, d) => n + d.orphans.length, 0);
  const text = (s: string, left = 0): ExportOutput => ({ bytes: utf8Encode(s), passages, orphans, orphansLeftOut: left });
  switch (format) {
    case 'csv':
      return text(writeCsv(input, { byteOrderMark: options.byteOrderMark }));
    case 'w3c':
      return text(writeW3c(input));
    case 'markdown':
      return text(writeMarkdown(input, { link: options.link }));
    case 'qdc':
      return { ...text(writeQdc(input.codebook, input.generator)), passages: 0, orphans: 0 };
    case 'qdpx': {
      const result = writeQdpx(input);
      return { bytes: result.bytes, passages, orphans, orphansLeftOut: result.orphansLeftOut };
    }
  }
}

export type ImportFormat = 'qdpx' | 'qdc' | 'qde' | 'w3c';

/** What kind of file `name` with these bytes is: by its content first (a zip, XML, JSON), then by its name. */
export function importFormat(name: string, bytes: Uint8Array): ImportFormat | undefined {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'qdpx';
  const head = strFromU8(bytes.subarray(0, 4096)).replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('<')) return /<(\w+:)?CodeBook[\s>]/.test(head) && !/<(\w+:)?Project[\s>]/.test(head) ? 'qdc' : 'qde';
  if (head.startsWith('{') || head.startsWith('[')) return 'w3c';
  const ext = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase();
  return ext === 'qdpx' ? 'qdpx' : ext === 'qdc' ? 'qdc' : ext === 'json' || ext === 'jsonld' ? 'w3c' : undefined;
}

/** Reads a file to import; throws ImportError with the reason when it cannot be imported. */
export function readImport(name: string, bytes: Uint8Array): Incoming {
  switch (importFormat(name, bytes)) {
    case 'qdpx':
      return readQdpx(bytes);
    case 'qdc':
      return readQdc(strFromU8(bytes));
    case 'qde':
      // A bare project.qde has no sources folder: only inline texts can be read.
      return readQde(strFromU8(bytes), () => undefined);
    case 'w3c':
      return readW3c(strFromU8(bytes));
    default:
      throw new ImportError(`${name} is not a file Policy Lens imports (a REFI-QDA .qdpx project or .qdc codebook, or W3C / Hypothesis JSON)`);
  }
}
