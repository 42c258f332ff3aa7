// `policy-lens analyze FILE... [--json]`: sections, speakers, references and figures of policy texts.
import { readFile } from 'node:fs/promises';
import { parsePolicyDocument, toAnalyzeJson } from '../core/document/index';
import type { AnalyzeJson } from '../core/document/index';
import { reason } from './errors';

export interface AnalyzeIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

export async function runAnalyze(args: string[], io: AnalyzeIo): Promise<number> {
  const json = args.includes('--json');
  const unknown = args.filter((a) => a.startsWith('-') && a !== '--json');
  const files = args.filter((a) => !a.startsWith('-'));
  if (unknown.length) {
    io.stderr(`policy-lens analyze: unknown option ${unknown.join(', ')}`);
    return 2;
  }
  if (!files.length) {
    io.stderr('policy-lens analyze: give at least one FILE (usage: policy-lens analyze FILE... [--json])');
    return 2;
  }
  const results: AnalyzeJson[] = [];
  let failed = false;
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      io.stderr(`policy-lens analyze: cannot read ${file}: ${reason(err)}`);
      failed = true;
      continue;
    }
    const result = toAnalyzeJson(file, parsePolicyDocument(text));
    if (json) results.push(result);
    else io.stdout(humanReadable(result));
  }
  if (json && results.length) io.stdout(JSON.stringify(files.length === 1 ? results[0] : results, null, 2));
  return failed ? 1 : 0;
}

function humanReadable(r: AnalyzeJson): string {
  const out: string[] = [r.file];
  out.push(`\nSections (${r.sections.length})`);
  for (const s of r.sections) out.push(`  ${pad(s.line)}  ${'  '.repeat(s.level)}${s.title}`);
  out.push(`\nSpeakers (${r.speakers.length})`);
  for (const s of r.speakers) {
    const details = [s.name && s.name !== s.surface ? s.name : null, s.role, s.organisation, s.country, s.language && `in ${s.language}`]
      .filter(Boolean).join('; ');
    out.push(`  ${pad(s.line)}  ${s.surface}${details ? `  (${details})` : ''}`);
  }
  out.push(`\nReferences (${r.references.length})`);
  for (const x of r.references) out.push(`  ${pad(x.line)}  ${oneLine(x.surface)}  ->  ${[x.symbol].flat().join(' + ')}  [${x.kind}]`);
  out.push(`\nFigures (${r.figures.length})`);
  for (const f of r.figures) {
    const value = f.value === null ? '' : `  = ${Array.isArray(f.value) ? f.value.join('..') : f.value}${f.currency ? ` ${f.currency}` : ''}`;
    out.push(`  ${pad(f.line)}  ${oneLine(f.surface)}  [${f.kind}${f.noun ? `: ${f.noun}` : ''}]${value}`);
  }
  return out.join('\n') + '\n';
}

function pad(line: number): string {
  return String(line).padStart(5);
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ');
}
