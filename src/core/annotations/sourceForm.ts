/**
 * The form of a YAML file as people and their editors wrote it, beyond what YAML itself says: a
 * byte-order mark (Windows tools), CRLF line ends, tabs for indentation (which YAML forbids, but which a
 * file indented only with tabs can be read with safely, one tab a level). A file is read in a normalised
 * form and written back in its own, so that a sidecar from Notepad stays a sidecar for Notepad.
 */
import type { SourceError } from './model';

export interface SourceForm {
  readonly bom: boolean;
  readonly crlf: boolean;
  /** Indented with tabs, read as two spaces each. */
  readonly tabs: boolean;
}

export const PLAIN_FORM: SourceForm = { bom: false, crlf: false, tabs: false };

/**
 * Files larger than this are refused before parsing: a sidecar holds selectors, not the text, and even
 * thousands of annotations stay far below it. A 50 MB file is a mistake or an attack (YAML parsing is
 * not linear in every input).
 */
export const MAX_YAML_BYTES = 8 * 1024 * 1024;

/** The text to parse and the form to write back, or a positioned error. */
export function normaliseSource(source: string): { text: string; form: SourceForm } | { error: SourceError } {
  if (source.length > MAX_YAML_BYTES) {
    return { error: { message: `the file is ${(source.length / 1048576).toFixed(0)} MB, more than the ${MAX_YAML_BYTES / 1048576} MB a Policy Lens file may hold`, line: 1, column: 1 } };
  }
  let text = source;
  const bom = text.startsWith('\uFEFF');
  if (bom) text = text.slice(1);
  const crlf = /\r\n/.test(text);
  if (crlf) {
    const lone = /\r(?!\n)|(?<!\r)\n/.exec(text);
    if (lone) return { error: { message: 'mixed line ends: some lines end in CRLF, others not', ...position(text, lone.index) } };
    text = text.replace(/\r\n/g, '\n');
  }
  const tabbed = /^\t+/m.exec(text);
  let tabs = false;
  if (tabbed) {
    // Only a file indented with tabs alone is read: where spaces and tabs mix, their widths are a guess.
    if (/^(?: +\t|\t+ )/m.test(text) || /^ +\S/m.test(text)) {
      return { error: { message: 'a tab for indentation, where other lines are indented with spaces: indent with spaces only (YAML does not allow tabs)', ...position(text, tabbed.index) } };
    }
    tabs = true;
    text = text.replace(/^\t+/gm, (t) => '  '.repeat(t.length));
  }
  return { text, form: { bom, crlf, tabs } };
}

/** `text` (as written by the YAML library) in the form the file had. */
export function applyForm(text: string, form: SourceForm): string {
  let out = text;
  if (form.tabs) out = out.replace(/^(?: {2})+/gm, (s) => '\t'.repeat(s.length / 2));
  if (form.crlf) out = out.replace(/\n/g, '\r\n');
  return form.bom ? `\uFEFF${out}` : out;
}

function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}
