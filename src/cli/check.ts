// `policy-lens check FILE... [--json] [--write]`: re-anchors the sidecar annotations of documents and
// reports where each one is now; with --write, brings the sidecars up to date.
import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import {
  CODEBOOK_PATH,
  codePointIndex,
  parseCodebook,
  parseSidecar,
  reanchorSidecar,
  serializeSidecar,
  sidecarPathFor,
  type AnchorStatus,
} from '../core/annotations/index';
import { LineIndex } from '../core/document/lineIndex';
import { reason } from './errors';
import { folderOf, readOptional } from './folders';

export interface CheckIo {
  stdout(s: string): void;
  stderr(s: string): void;
}

interface CheckedAnnotation {
  id: string;
  status: AnchorStatus;
  /** Code point offsets into the current text, 1-based line; absent for orphans. */
  start?: number;
  end?: number;
  line?: number;
  /** For an orphan: the places that came closest, best first (code points), to re-attach it to. */
  candidates?: { start: number; end: number; score: number }[];
}

interface CheckJson {
  document: string;
  /** null when the document has no sidecar. */
  sidecar: string | null;
  annotations: CheckedAnnotation[];
  error?: { message: string; line?: number; column?: number };
  /** The folder's codebook, when it cannot be read. */
  codebook?: { path: string; error: { message: string; line?: number; column?: number } };
}

/** The codebook's error, reported on stderr; null when it reads (or there is none). */
async function checkCodebook(path: string, io: CheckIo): Promise<CheckJson['error'] | null> {
  let source: string | undefined;
  try {
    source = await readOptional(path);
  } catch (err) {
    io.stderr(`${path}: cannot read: ${reason(err)}`);
    return { message: `cannot read: ${reason(err)}` };
  }
  if (source === undefined) return null;
  const parsed = parseCodebook(source);
  if (parsed.ok) return null;
  io.stderr(`${path}:${parsed.error.line}:${parsed.error.column}: ${parsed.error.message}`);
  return parsed.error;
}

const USAGE = 'usage: policy-lens check FILE... [--json] [--write]';
const OPTIONS = new Set(['--json', '--write']);

export async function runCheck(args: string[], io: CheckIo): Promise<number> {
  const json = args.includes('--json');
  const write = args.includes('--write');
  const unknown = args.filter((a) => a.startsWith('-') && !OPTIONS.has(a));
  const files = args.filter((a) => !a.startsWith('-'));
  if (unknown.length) {
    io.stderr(`policy-lens check: unknown option ${unknown.join(', ')} (${USAGE})`);
    return 2;
  }
  if (!files.length) {
    io.stderr(`policy-lens check: give at least one FILE (${USAGE})`);
    return 2;
  }
  const reports: CheckJson[] = [];
  let failed = false;
  const codebooks = new Map<string, CheckJson['error'] | null>();
  for (const file of files) {
    // The codebook the document's themes come from is checked too, once per folder.
    const codebook = join(folderOf(file), CODEBOOK_PATH);
    if (!codebooks.has(codebook)) codebooks.set(codebook, await checkCodebook(codebook, io));
    const { report, quotes, written } = await checkOne(file, write, io);
    const codebookError = codebooks.get(codebook);
    if (codebookError) report.codebook = { path: codebook, error: codebookError };
    if (report.error || codebookError) failed = true;
    if (json) reports.push(report);
    else io.stdout(humanReadable(report, quotes, written));
  }
  if (json) io.stdout(JSON.stringify(files.length === 1 ? reports[0] : reports, null, 2));
  return failed ? 1 : 0;
}

interface Checked {
  report: CheckJson;
  /** Quote of each annotation as the sidecar had it, for people reading the report. */
  quotes: string[];
  written: boolean;
}

async function checkOne(file: string, write: boolean, io: CheckIo): Promise<Checked> {
  const sidecarPath = sidecarPathFor(file);
  const report: CheckJson = { document: file, sidecar: sidecarPath, annotations: [] };
  let text: string;
  try {
    // Editors drop a byte order mark from the text they show; positions must agree with theirs.
    text = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  } catch (err) {
    return fail(report, io, `${file}: cannot read: ${reason(err)}`, { message: `cannot read: ${reason(err)}` });
  }
  let source: string;
  try {
    source = await readFile(sidecarPath, 'utf8');
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') return { report: { ...report, sidecar: null }, quotes: [], written: false };
    return fail(report, io, `${sidecarPath}: cannot read: ${reason(err)}`, { message: `cannot read: ${reason(err)}` });
  }
  const expect = { documentName: basename(file), text };
  const parsed = parseSidecar(source, expect);
  if (!parsed.ok) {
    const { message, line, column } = parsed.error;
    // Nothing is written for a sidecar that does not parse: it stays exactly as it is on disk.
    return fail(report, io, `${sidecarPath}:${line}:${column}: ${message}`, parsed.error);
  }
  const { sidecar, results } = reanchorSidecar(text, parsed.sidecar);
  const cps = codePointIndex(text);
  const lines = new LineIndex(text);
  const cp = (c: { start: number; end: number; score: number }) => ({ start: cps.toCodePoint(c.start), end: cps.toCodePoint(c.end), score: c.score });
  report.annotations = results.map((r) =>
    r.start === undefined || r.end === undefined
      ? { id: r.id, status: r.status, ...(r.candidates && { candidates: r.candidates.map(cp) }) }
      : { id: r.id, status: r.status, start: cps.toCodePoint(r.start), end: cps.toCodePoint(r.end), line: lines.lineOf(r.start) + 1 },
  );
  const quotes = parsed.sidecar.annotations.map((a) => a.target.quote);
  let written = false;
  if (write) {
    const updated = serializeSidecar(sidecar, parsed);
    if (updated !== source) {
      try {
        written = await replaceIfUnchanged(sidecarPath, source, updated, async (current) => {
          // Someone wrote the sidecar meanwhile (the editor, another check): theirs is re-anchored instead.
          const again = parseSidecar(current, expect);
          if (!again.ok) return undefined;
          const text2 = serializeSidecar(reanchorSidecar(text, again.sidecar).sidecar, again);
          return text2;
        });
      } catch (err) {
        return fail(report, io, `${sidecarPath}: cannot write: ${reason(err)}`, { message: `cannot write: ${reason(err)}` });
      }
    }
  }
  return { report, quotes, written };
}

/**
 * Writes `content` over `path` only if the file still holds `expected`: a temporary file is written
 * beside it and the target compared again right before the rename. When it changed, `redo` makes the
 * content anew from what is there now (undefined: leave it alone), a few times at most.
 */
export async function replaceIfUnchanged(path: string, expected: string, content: string, redo: (current: string) => Promise<string | undefined>): Promise<boolean> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const tmp = `${path}.${process.pid}.${Date.now().toString(36)}.${attempt}.tmp`;
    try {
      await writeFile(tmp, content, 'utf8');
      const current = await readFile(path, 'utf8');
      if (current === expected) {
        await rename(tmp, path);
        return true;
      }
      await unlink(tmp);
      const next = await redo(current);
      if (next === undefined || next === current) return false;
      expected = current;
      content = next;
    } catch (err) {
      await unlink(tmp).catch(() => undefined);
      throw err;
    }
  }
  throw new Error('the file kept changing while it was being written; run check again');
}

function fail(report: CheckJson, io: CheckIo, line: string, error: CheckJson['error']): Checked {
  io.stderr(line);
  return { report: { ...report, error }, quotes: [], written: false };
}

function humanReadable(r: CheckJson, quotes: string[], written: boolean): string {
  if (r.error) return `${r.document}: not checked${r.codebook ? ` (and its codebook ${r.codebook.path} cannot be read)` : ''}`;
  if (r.sidecar === null) return `${r.document}: no sidecar (nothing to check)`;
  const counts = new Map<AnchorStatus, number>([['exact', 0], ['moved', 0], ['fuzzy', 0], ['orphan', 0]]);
  for (const a of r.annotations) counts.set(a.status, counts.get(a.status)! + 1);
  const summary = [...counts].map(([s, n]) => `${n} ${s}`).join(', ');
  const out = [`${r.document}: ${r.annotations.length} annotation${r.annotations.length === 1 ? '' : 's'} (${summary})`];
  r.annotations.forEach((a, i) => {
    const where = a.line === undefined ? 'not found' : `line ${a.line}`;
    out.push(`  ${a.id}  ${a.status.padEnd(6)}  ${where.padEnd(10)}  ${excerpt(quotes[i])}`);
    if (a.candidates?.length) out.push(`          candidates: ${a.candidates.map((c) => `${c.start}-${c.end} (${c.score})`).join(', ')}`);
  });
  if (written) out.push(`  updated ${r.sidecar}`);
  if (r.codebook) out.push(`  codebook ${r.codebook.path} cannot be read: ${r.codebook.error.message}`);
  return out.join('\n');
}

function excerpt(quote: string): string {
  const flat = quote.replace(/\s+/g, ' ');
  return `"${flat.length > 60 ? `${flat.slice(0, 59)}…` : flat}"`;
}
