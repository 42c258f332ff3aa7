// `policy-lens passages FOLDER [--theme ID]... [--all|--any] [--speaker TEXT] [--section TEXT] [--document GLOB]
// [--text WORDS] [--same-turn] [--json]`: the coded passages of a folder, from its sidecars and codebook, as the
// extension's Find Coded Passages lists them. Sidecars that are out of date are re-anchored in memory, never written.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { CODEBOOK_PATH, parseCodebook, type SourceError } from '../core/annotations/index';
import { runQuery, speakerLabel, WorkspaceIndex, type CodedPassage, type PassageQuery, type ThemeExpr } from '../core/analysis/index';
import { reason } from './errors';

export interface FolderIo {
  stdout(s: string): void;
  stderr(s: string): void;
}

const SIDECAR_SUFFIX = '.annotations.yaml';
const SKIP = new Set(['node_modules', '.git']);

/**
 * Reads a folder into an index: the codebook and every `*.annotations.yaml` with its document. Every problem is
 * reported on stderr, with the file's line and column where it has them, and returned as `failed` so the command
 * exits non-zero after printing everything else.
 */
export async function loadFolder(folder: string, io: FolderIo, command: string): Promise<{ index: WorkspaceIndex; failed: boolean } | undefined> {
  let failed = false;
  const problem = (file: string, message: string, at?: SourceError): void => {
    failed = true;
    io.stderr(`policy-lens ${command}: ${at ? `${file}:${at.line}:${at.column}: ${at.message}` : `${file}: ${message}`}`);
  };
  const index = new WorkspaceIndex();
  let sidecars: string[];
  try {
    sidecars = await findSidecars(folder);
  } catch (err) {
    io.stderr(`policy-lens ${command}: cannot read the folder ${folder}: ${reason(err)}`);
    return undefined;
  }
  const codebookFile = join(folder, ...CODEBOOK_PATH.split('/'));
  let codebookText: string | undefined;
  try {
    codebookText = await readFile(codebookFile, 'utf8');
  } catch (err) {
    if ((err as { code?: string }).code !== 'ENOENT') problem(codebookFile, `cannot read: ${reason(err)}`);
  }
  if (codebookText !== undefined) {
    const parsed = parseCodebook(codebookText);
    if (parsed.ok) index.setCodebook(parsed.codebook);
    else problem(codebookFile, parsed.error.message, parsed.error);
  }
  for (const sidecarFile of sidecars) {
    const documentFile = sidecarFile.slice(0, -SIDECAR_SUFFIX.length);
    const path = relative(folder, documentFile).split(sep).join('/');
    let text: string;
    let source: string;
    try {
      source = await readFile(sidecarFile, 'utf8');
    } catch (err) {
      problem(sidecarFile, `cannot read: ${reason(err)}`);
      continue;
    }
    try {
      // Editors drop a byte order mark from the text they show; positions must agree with theirs.
      text = (await readFile(documentFile, 'utf8')).replace(/^\uFEFF/, '');
    } catch (err) {
      problem(documentFile, `cannot read the annotated document: ${reason(err)} (its sidecar ${relative(folder, sidecarFile)} is left out)`);
      continue;
    }
    const error = index.setFromFiles(path, text, source);
    if (error) problem(sidecarFile, error.message, error);
  }
  return { index, failed };
}

async function findSidecars(folder: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.isDirectory()) {
        if (!SKIP.has(e.name)) await walk(join(dir, e.name));
      } else if (e.name.endsWith(SIDECAR_SUFFIX) && e.name.length > SIDECAR_SUFFIX.length) out.push(join(dir, e.name));
    }
  };
  await walk(folder);
  return out;
}

/** Takes `--name VALUE` pairs and flags from the arguments; what is left are positional arguments. */
export function parseArgs(args: string[], valued: readonly string[], flags: readonly string[]): { values: Map<string, string[]>; flags: Set<string>; positional: string[]; error?: string } {
  const values = new Map<string, string[]>();
  const set = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const eq = a.indexOf('=');
    const name = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    if (valued.includes(name)) {
      const value = eq > 0 && a.startsWith('--') ? a.slice(eq + 1) : args[++i];
      if (value === undefined) return { values, flags: set, positional, error: `${name} needs a value` };
      values.set(name, [...(values.get(name) ?? []), value]);
    } else if (flags.includes(a)) set.add(a);
    else if (a.startsWith('-') && a !== '-') return { values, flags: set, positional, error: `unknown option ${a}` };
    else positional.push(a);
  }
  return { values, flags: set, positional };
}

const USAGE = 'usage: policy-lens passages FOLDER [--theme ID]... [--all|--any] [--speaker TEXT] [--section TEXT] [--document GLOB] [--text WORDS] [--same-turn] [--json]';

export interface PassageJson {
  document: string;
  id: string;
  line: number;
  start: number;
  end: number;
  quote: string;
  themes: string[];
  note: string | null;
  section: string[];
  speaker: { name: string; role: string | null; country: string | null } | null;
  orphan: boolean;
}

export function passageJson(p: CodedPassage): PassageJson {
  return {
    document: p.document, id: p.id, line: p.line, start: p.start, end: p.end, quote: p.quote, themes: [...p.themes], note: p.note ?? null,
    section: [...p.section], speaker: p.speaker && { name: p.speaker.name, role: p.speaker.role, country: p.speaker.country }, orphan: p.orphan,
  };
}

export async function runPassages(args: string[], io: FolderIo): Promise<number> {
  const parsed = parseArgs(args, ['--theme', '--speaker', '--section', '--document', '--text'], ['--all', '--any', '--json', '--same-turn']);
  if (parsed.error) {
    io.stderr(`policy-lens passages: ${parsed.error} (${USAGE})`);
    return 2;
  }
  if (parsed.positional.length !== 1) {
    io.stderr(`policy-lens passages: give one FOLDER (${USAGE})`);
    return 2;
  }
  if (parsed.flags.has('--all') && parsed.flags.has('--any')) {
    io.stderr(`policy-lens passages: --all and --any exclude each other (${USAGE})`);
    return 2;
  }
  const folder = parsed.positional[0];
  const loaded = await loadFolder(folder, io, 'passages');
  if (!loaded) return 1;
  const { index } = loaded;
  const ids = parsed.values.get('--theme') ?? [];
  const themes: ThemeExpr | undefined = ids.length === 0 ? undefined : ids.length === 1 ? { kind: 'theme', id: ids[0] }
    : { kind: parsed.flags.has('--all') ? 'and' : 'or', items: ids.map((id) => ({ kind: 'theme', id }) as const) };
  const one = (name: string): string | undefined => parsed.values.get(name)?.at(-1);
  const query: PassageQuery = {
    ...(themes && { themes }),
    cooccurrence: parsed.flags.has('--same-turn') ? 'turn' : 'overlap',
    speaker: one('--speaker'), section: one('--section'), document: one('--document'), text: one('--text'),
  };
  const found = runQuery(index.passages(), query);
  // Orphans are listed apart: they match on their themes and words only, having no place in today's text.
  const orphans = query.speaker || query.section ? [] : runQuery(index.orphans(), { ...query, cooccurrence: 'turn' });
  if (parsed.flags.has('--json')) io.stdout(JSON.stringify([...found, ...orphans].map(passageJson), null, 2));
  else io.stdout(humanReadable(found, orphans, index.documents().length));
  return loaded.failed ? 1 : 0;
}

function humanReadable(found: readonly CodedPassage[], orphans: readonly CodedPassage[], documents: number): string {
  const docs = new Set(found.map((p) => p.document)).size;
  const out = [`${found.length} passage${found.length === 1 ? '' : 's'} in ${docs} of ${documents} annotated document${documents === 1 ? '' : 's'}`];
  for (const p of found) {
    out.push(`${p.document}:${p.line}  [${p.themes.join(', ')}]  ${p.speaker ? speakerLabel(p) : '—'}${p.section.length ? `  § ${p.section.at(-1)}` : ''}`);
    out.push(`    "${excerpt(p.quote)}"${p.note ? `  (note: ${excerpt(p.note)})` : ''}`);
  }
  if (orphans.length) {
    out.push('', `${orphans.length} orphan${orphans.length === 1 ? '' : 's'} (not found in the current text, not counted):`);
    for (const p of orphans) out.push(`${p.document}  ${p.id}  [${p.themes.join(', ')}]  "${excerpt(p.quote)}"`);
  }
  return out.join('\n');
}

function excerpt(s: string): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > 100 ? `${flat.slice(0, 99)}…` : flat;
}
