// `policy-lens import FILE --into FOLDER [--yes] [--dry-run] [--document PATH]`: a REFI-QDA project (.qdpx) or
// codebook (.qdc), or W3C / Hypothesis annotations, into a folder's sidecars and codebook. It prints what it will
// add first and writes only once confirmed (--yes, or "y" at the prompt); it never overwrites a document and never
// writes over a sidecar that changed since it was read.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { CODEBOOK_PATH, emptyCodebook, parseCodebook, serializeCodebook, sidecarPathFor, themeFor } from '../core/annotations/index';
import { describePlan, ImportError, planImport, readImport, targetPaths, type ImportPlan, type LocalDocument } from '../core/exchange/index';
import { reason } from './errors';
import { listFiles, readOptional, writeAtomically } from './folders';

export interface ImportIo {
  stdout(s: string): void;
  stderr(s: string): void;
  /** Asks a yes/no question; undefined when there is no one to ask (not a terminal). */
  confirm?(question: string): Promise<boolean>;
}

const USAGE = 'usage: policy-lens import FILE --into FOLDER [--yes] [--dry-run] [--document PATH]';

export async function runImport(args: string[], io: ImportIo): Promise<number> {
  let into: string | undefined;
  let yes = false;
  let dryRun = false;
  let document: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--into') into = args[++i];
    else if (a === '--yes' || a === '-y') yes = true;
    else if (a === '--dry-run' || a === '-n') dryRun = true;
    else if (a === '--document') document = args[++i];
    else if (a.startsWith('-')) return usage(io, `unknown option ${a}`);
    else files.push(a);
  }
  if (files.length !== 1) return usage(io, 'give one FILE to import');
  if (!into) return usage(io, 'give the folder to import into: --into FOLDER');
  const folder = resolve(into);
  let incoming;
  try {
    incoming = readImport(files[0], new Uint8Array(await readFile(files[0])));
  } catch (err) {
    io.stderr(`policy-lens import: ${files[0]}: ${err instanceof ImportError ? err.message : `cannot read: ${reason(err)}`}. Nothing was written.`);
    return 1;
  }
  const all = await listFiles(folder).catch(() => [] as string[]);
  const folderPaths = all.filter((f) => !f.endsWith('.annotations.yaml'));
  const assign = new Map<string, string>();
  const paths = targetPaths(incoming, folderPaths);
  if (document) for (const [source, path] of paths) if (!path) assign.set(source, document);
  const plan = await makePlan(folder, incoming, targetPaths(incoming, folderPaths, assign));
  if ('error' in plan) {
    io.stderr(`policy-lens import: ${plan.error}. Nothing was written.`);
    return 1;
  }
  const label = (id: string) => themeFor({ version: 1, themes: [...plan.codebookThemes, ...plan.plan.themesAdded.map((t) => ({ ...t, color: t.color ?? '' }))] }, id).label;
  io.stdout(`Importing ${files[0]} into ${folder}\n\n${describePlan(plan.plan, label)}`);
  const unmatched = plan.plan.documents.filter((d) => !d.path).length;
  if (unmatched) io.stdout(`${unmatched} document(s) of the file match no document of the folder: name one with --document PATH.\n`);
  const writes = plan.plan.documents.filter((d) => d.create !== undefined || d.sidecarText !== undefined).length + (plan.plan.themesAdded.length ? 1 : 0);
  if (writes === 0) {
    io.stdout('Nothing to change.\n');
    return 0;
  }
  if (dryRun) return 0;
  if (!yes) {
    const ok = io.confirm ? await io.confirm(`Write these changes into ${folder}? [y/N] `) : undefined;
    if (ok === undefined) {
      io.stderr('policy-lens import: nothing was written; run again with --yes to write these changes.');
      return 1;
    }
    if (!ok) {
      io.stdout('Nothing was written.\n');
      return 0;
    }
  }
  return write(folder, plan.plan, io);
}

async function makePlan(folder: string, incoming: ReturnType<typeof readImport>, paths: Map<string, string | undefined>) {
  const cbText = await readOptional(join(folder, CODEBOOK_PATH));
  const codebook = cbText === undefined ? undefined : parseCodebook(cbText);
  if (codebook && !codebook.ok) return { error: `${join(folder, CODEBOOK_PATH)}:${codebook.error.line}:${codebook.error.column}: ${codebook.error.message}` };
  const documents = new Map<string, LocalDocument>();
  for (const path of paths.values()) {
    if (!path) continue;
    const text = await readOptional(join(folder, path));
    documents.set(path, { ...(text !== undefined && { text: text.replace(/^\uFEFF/, '') }), sidecar: await readOptional(join(folder, sidecarPathFor(path))) });
  }
  const plan: ImportPlan = planImport(incoming, { codebook: codebook || undefined, documents }, paths);
  return { plan, codebookThemes: codebook ? [...codebook.codebook.themes] : [] };
}

async function write(folder: string, plan: ImportPlan, io: ImportIo): Promise<number> {
  let failed = false;
  if (plan.themesAdded.length) {
    const file = join(folder, CODEBOOK_PATH);
    const now = await readOptional(file);
    const parsed = now === undefined ? emptyCodebook() : parseCodebook(now);
    const edit = parsed.ok ? plan.applyThemes(parsed) : undefined;
    if (!edit?.ok) {
      io.stderr(`policy-lens import: ${file}: ${edit ? edit.message : 'cannot be read'}; the codebook was not changed`);
      failed = true;
    } else {
      await mkdir(dirname(file), { recursive: true });
      await writeAtomically(file, serializeCodebook(edit.value));
      io.stdout(`wrote ${CODEBOOK_PATH} (${plan.themesAdded.length} new theme(s))\n`);
    }
  }
  for (const d of plan.documents) {
    if (!d.path) continue;
    const file = join(folder, d.path);
    try {
      if (d.create !== undefined) {
        await mkdir(dirname(file), { recursive: true });
        // 'wx' fails if the file appeared meanwhile: an import never overwrites a document.
        await writeFile(file, d.create, { flag: 'wx' });
        io.stdout(`wrote ${d.path}\n`);
      }
      if (d.sidecarText !== undefined) {
        const sidecar = join(folder, sidecarPathFor(d.path));
        if ((await readOptional(sidecar)) !== d.sidecarBefore) {
          io.stderr(`policy-lens import: ${sidecarPathFor(d.path)} changed while importing; it was left as it is: import again`);
          failed = true;
          continue;
        }
        await writeAtomically(sidecar, d.sidecarText);
        io.stdout(`wrote ${sidecarPathFor(d.path)}\n`);
      }
    } catch (err) {
      io.stderr(`policy-lens import: ${d.path}: ${reason(err)}`);
      failed = true;
    }
  }
  return failed ? 1 : 0;
}

function usage(io: ImportIo, message: string): number {
  io.stderr(`policy-lens import: ${message} (${USAGE})`);
  return 2;
}

/** A yes/no question on the terminal, when there is one. */
export function terminalConfirm(): ImportIo['confirm'] {
  if (!process.stdin.isTTY) return undefined;
  return async (question) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    try {
      return /^y(es)?$/i.test((await rl.question(question)).trim());
    } finally {
      rl.close();
    }
  };
}
