// `policy-lens export FOLDER|FILE --format F [-o OUT] [--bom]`: the coded passages of a document or a folder as
// CSV, W3C Web Annotation JSON-LD, a Markdown digest, a REFI-QDA project (.qdpx) or codebook (.qdc).
import { stat, writeFile } from 'node:fs/promises';
import { basename, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CODEBOOK_PATH, parseCodebook, parseSidecar, type Codebook } from '../core/annotations/index';
import { EXPORT_EXTENSIONS, exportAs, exportDocument, type ExportDocument, type ExportFormat } from '../core/exchange/index';
import { reason } from './errors';
import { folderOf, listFiles, readOptional } from './folders';

export interface ExportIo {
  stdout(s: string): void;
  stderr(s: string): void;
  write?(bytes: Uint8Array): void;
}

const FORMATS: Record<string, ExportFormat> = { csv: 'csv', w3c: 'w3c', jsonld: 'w3c', markdown: 'markdown', md: 'markdown', qdpx: 'qdpx', refi: 'qdpx', qdc: 'qdc' };
const USAGE = 'usage: policy-lens export FOLDER|FILE --format csv|w3c|markdown|qdpx|qdc [-o OUT] [--bom]';

export async function runExport(args: string[], io: ExportIo, version = 'dev'): Promise<number> {
  let format: ExportFormat | undefined;
  let out: string | undefined;
  let bom = false;
  const targets: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--format' || a === '-f') {
      format = FORMATS[(args[++i] ?? '').toLowerCase()];
      if (!format) return fail(io, `unknown format '${args[i] ?? ''}' (${USAGE})`);
    } else if (a === '-o' || a === '--output') out = args[++i];
    else if (a === '--bom') bom = true;
    else if (a.startsWith('-')) return fail(io, `unknown option ${a} (${USAGE})`);
    else targets.push(a);
  }
  if (!format) return fail(io, `give a --format (${USAGE})`);
  if (targets.length !== 1) return fail(io, `give one FOLDER or FILE (${USAGE})`);
  if (format === 'qdpx' && !out) return fail(io, 'a .qdpx project is a zip file: give -o OUT.qdpx');
  const target = resolve(targets[0]);
  let isFolder: boolean;
  try {
    isFolder = (await stat(target)).isDirectory();
  } catch (err) {
    return fail(io, `cannot read ${targets[0]}: ${reason(err)}`, 1);
  }
  const folder = isFolder ? target : folderOf(target);
  const codebookText = await readOptional(join(folder, CODEBOOK_PATH));
  let codebook: Codebook = { version: 1, themes: [] };
  if (codebookText !== undefined) {
    const parsed = parseCodebook(codebookText);
    if (!parsed.ok) return fail(io, `${join(folder, CODEBOOK_PATH)}:${parsed.error.line}:${parsed.error.column}: ${parsed.error.message}`, 1);
    codebook = parsed.codebook;
  }
  const paths = isFolder
    ? (await listFiles(folder)).filter((f) => f.endsWith('.annotations.yaml')).map((f) => f.slice(0, -'.annotations.yaml'.length))
    : [relative(folder, target).split(sep).join('/')];
  const documents: ExportDocument[] = [];
  let failed = false;
  for (const path of paths) {
    const file = join(folder, path);
    const text = await readOptional(file).catch((err: unknown) => { io.stderr(`${path}: cannot read: ${reason(err)}`); return undefined; });
    if (text === undefined) {
      io.stderr(`${path}.annotations.yaml: its document ${path} is missing; left out`);
      failed = true;
      continue;
    }
    const sidecarText = await readOptional(`${file}.annotations.yaml`);
    if (sidecarText === undefined) {
      documents.push({ path, text: text.replace(/^\uFEFF/, ''), passages: [], orphans: [] });
      continue;
    }
    const parsed = parseSidecar(sidecarText);
    if (!parsed.ok) {
      io.stderr(`${file}.annotations.yaml:${parsed.error.line}:${parsed.error.column}: ${parsed.error.message}; left out`);
      failed = true;
      continue;
    }
    // Editors drop a byte-order mark from the text they show; positions must agree with theirs.
    documents.push(exportDocument(path, text.replace(/^\uFEFF/, ''), parsed.sidecar));
  }
  const input = {
    documents,
    codebook,
    folderIri: `${pathToFileURL(folder).href.replace(/\/?$/, '/')}`,
    title: isFolder ? basename(folder) : basename(target),
    now: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    generator: `Policy Lens ${version}`,
  };
  let result;
  try {
    result = exportAs(format, input, { byteOrderMark: bom });
  } catch (err) {
    return fail(io, reason(err), 1);
  }
  if (out) {
    const file = /\.[a-z]+$/i.test(out) ? out : `${out}.${EXPORT_EXTENSIONS[format]}`;
    try {
      await writeFile(file, result.bytes);
    } catch (err) {
      return fail(io, `cannot write ${file}: ${reason(err)}`, 1);
    }
    const left = result.orphansLeftOut ? `; ${result.orphansLeftOut} orphan(s) left out (they have no place in the text)` : '';
    io.stderr(`wrote ${file}: ${result.passages} passage(s)${result.orphans ? ` and ${result.orphans} orphan(s)` : ''} from ${documents.length} document(s)${left}`);
  } else if (io.write) io.write(result.bytes);
  else io.stdout(new TextDecoder('utf-8', { ignoreBOM: true }).decode(result.bytes));
  return failed ? 1 : 0;
}

function fail(io: ExportIo, message: string, code = 2): number {
  io.stderr(`policy-lens export: ${message}`);
  return code;
}
