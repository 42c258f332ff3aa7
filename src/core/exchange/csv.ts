/**
 * CSV: one row per coded passage, for spreadsheets and statistics packages. RFC 4180 (CRLF rows, fields quoted
 * with doubled quotes), UTF-8, optionally with a byte-order mark, which Excel needs to read UTF-8 at all.
 *
 * Quotes come from documents written by others, and a spreadsheet program runs a cell that starts with `=`,
 * `+`, `-` or `@` as a formula (OWASP, "CSV Injection"): such cells, and those starting with a tab or a
 * carriage return, get a leading apostrophe, which spreadsheet programs show as text and do not run.
 */
import type { CodedPassage } from '../analysis';
import { themeFor, type Codebook } from '../annotations';
import type { ExportInput } from './types';

export interface CsvOptions {
  /** Start with U+FEFF so that spreadsheet programs read the file as UTF-8. */
  readonly byteOrderMark?: boolean;
}

export const CSV_COLUMNS = [
  'document', 'line', 'section', 'speaker', 'speaker_role', 'speaker_country', 'theme_ids', 'themes',
  'quote', 'note', 'start', 'end', 'created', 'id', 'status',
] as const;

/** Separates the parts of a section path and of theme lists inside one cell. */
export const SECTION_SEPARATOR = ' > ';
export const LIST_SEPARATOR = '; ';

export function writeCsv(input: ExportInput, options: CsvOptions = {}): string {
  const rows: string[] = [CSV_COLUMNS.join(',')];
  for (const doc of input.documents) {
    for (const p of doc.passages) rows.push(row(p, input.codebook));
    // Orphans have no place in today's text: their own rows, after the document's found passages.
    for (const p of doc.orphans) rows.push(row(p, input.codebook));
  }
  return (options.byteOrderMark ? '\uFEFF' : '') + rows.join('\r\n') + '\r\n';
}

function row(p: CodedPassage, codebook: Codebook): string {
  return [
    text(p.document),
    String(p.line),
    text(p.section.join(SECTION_SEPARATOR)),
    text(p.speaker?.name ?? ''),
    text(p.speaker?.role ?? ''),
    text(p.speaker?.country ?? ''),
    text(p.themes.join(LIST_SEPARATOR)),
    text(p.themes.map((id) => themeFor(codebook, id).label).join(LIST_SEPARATOR)),
    text(p.quote),
    text(p.note ?? ''),
    String(p.start),
    String(p.end),
    text(p.created ?? ''),
    text(p.id),
    text(p.orphan ? 'orphan' : 'found'),
  ].join(',');
}

/** A text cell: neutralised for spreadsheet programs, always quoted. */
export function text(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}
