// `policy-lens merge-driver %O %A %B [%P]`: git's custom merge driver for sidecars and the codebook.
//
//   .gitattributes:  *.annotations.yaml merge=policy-lens
//                    .policy-lens/codebook.yaml merge=policy-lens
//   git config merge.policy-lens.driver "npx policy-lens merge-driver %O %A %B %P"
//
// git passes the common ancestor (%O), ours (%A, where the result goes) and theirs (%B) as temporary
// files, and the path (%P). Sidecars merge by annotation id and are re-anchored against the document
// in the working tree when it is there without conflict markers; codebooks merge by theme id. Exit 0
// means merged; when a side cannot be read, %A gets git's usual conflict markers and the exit is 1, so
// git reports a conflict (which "Resolve by Merging Both Sides" can finish once the file is fixed).
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { conflictError } from '../core/annotations/conflicts';
import { mergeCodebookTexts, mergeSidecarTexts } from '../core/merge';
import { reason } from './errors';

export interface MergeDriverIo {
  stdout(s: string): void;
  stderr(s: string): void;
}

const USAGE = 'usage: policy-lens merge-driver BASE OURS THEIRS [PATH]   (in git: %O %A %B %P)';
const SUFFIX = '.annotations.yaml';

export async function runMergeDriver(args: string[], io: MergeDriverIo): Promise<number> {
  const [basePath, oursPath, theirsPath, path] = args;
  if (!basePath || !oursPath || !theirsPath || args.length > 4) {
    io.stderr(`policy-lens merge-driver: ${USAGE}`);
    return 2;
  }
  let base: string, ours: string, theirs: string;
  try {
    [base, ours, theirs] = await Promise.all([basePath, oursPath, theirsPath].map((p) => readFile(p, 'utf8')));
  } catch (err) {
    io.stderr(`policy-lens merge-driver: cannot read a side: ${reason(err)}`);
    return 2;
  }
  const name = path ?? oursPath;
  const isCodebook = (path ? basename(path) === 'codebook.yaml' : false) || /^policyLensCodebook:/m.test(ours) || /^policyLensCodebook:/m.test(theirs);
  if (isCodebook) {
    const r = mergeCodebookTexts(base, ours, theirs);
    if (!r.ok) return conflict(`${name} (${r.side}): ${r.error.line}:${r.error.column}: ${r.error.message}`);
    await writeFile(oursPath, r.text, 'utf8');
    io.stderr(`policy-lens: merged ${name} by theme id (${r.themes} themes)`);
    return 0;
  }
  const text = path?.endsWith(SUFFIX) ? await documentText(path.slice(0, -SUFFIX.length)) : undefined;
  const r = mergeSidecarTexts(base, ours, theirs, { text, documentName: path ? basename(path).slice(0, -SUFFIX.length) : undefined });
  if (!r.ok) return conflict(`${name} (${r.side}): ${r.error.line}:${r.error.column}: ${r.error.message}`);
  await writeFile(oursPath, r.text, 'utf8');
  const { report } = r;
  const parts = [
    `${report.total} annotations`,
    `${report.addedOurs} new here, ${report.addedTheirs} new there`,
    report.bothEdited.length ? `${report.bothEdited.length} edited on both branches, kept with both sides' themes and notes and marked for review (${report.bothEdited.join(', ')})` : '',
    report.keptEdited.length ? `${report.keptEdited.length} deleted on one branch but edited on the other, kept for review (${report.keptEdited.join(', ')})` : '',
    report.deleted.length ? `${report.deleted.length} deleted` : '',
    report.renamed.length ? `ids made twice, renamed: ${report.renamed.map((x) => `${x.from} -> ${x.to}`).join(', ')}` : '',
    report.reanchored ? 're-anchored on the merged document' : 'not re-anchored (the document is not merged yet): it will be when the sidecar is next read',
  ].filter(Boolean);
  io.stderr(`policy-lens: merged ${name} by annotation id: ${parts.join('; ')}`);
  return 0;

  async function conflict(why: string): Promise<number> {
    io.stderr(`policy-lens merge-driver: cannot merge ${why}; leaving git conflict markers`);
    const eol = (s: string) => (s.endsWith('\n') || s === '' ? s : `${s}\n`);
    await writeFile(oursPath, `<<<<<<< ours\n${eol(ours)}=======\n${eol(theirs)}>>>>>>> theirs\n`, 'utf8');
    return 1;
  }
}

/** The document as the working tree has it, if it is there and merged (no conflict markers). */
async function documentText(path: string): Promise<string | undefined> {
  try {
    const text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
    return conflictError(text) ? undefined : text;
  } catch {
    return undefined;
  }
}
