/**
 * Source texts written for these tests (fixtures/), their sidecars and codebook as Policy Lens writes them, and
 * the export input built from them the way the extension and the CLI build it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createTarget, emptySidecar, parseCodebook, parseSidecar, serializeSidecar, textHash, type Annotation, type ParsedCodebook, type Sidecar,
} from '../../../../src/core/annotations';
import { exportDocument, type ExportInput } from '../../../../src/core/exchange';

export const FIXTURES = join(__dirname, '..', 'fixtures');

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

export const CODEBOOK = `# Themes of the test folder
policyLensCodebook: 1
themes:
  - id: humanitarian-access
    label: Humanitarian access
    color: "#4e79a7"
    description: Corridors, air drops and the roads to people in need.
  - id: funding
    label: Funding
    color: "#f28e2b"
  - id: funding-gaps
    label: Funding gaps
    color: "#e15759"
    description: What is missing, and what it costs.
    parent: funding
  - id: protection-of-civilians
    label: Protection of civilians
    color: "#59a14f"
  - id: water
    label: Water
    color: "#17becf"
`;

export interface Passage {
  readonly id: string;
  readonly quote: string;
  readonly themes: readonly string[];
  readonly note?: string;
  readonly created?: string;
}

/** A sidecar as Policy Lens writes it for `text`, with one annotation per passage (first occurrence). */
export function sidecarText(name: string, text: string, passages: readonly Passage[], orphans: readonly Annotation[] = []): string {
  const annotations = passages.map((p): Annotation => {
    const at = text.indexOf(p.quote);
    if (at < 0) throw new Error(`"${p.quote}" is not in ${name}`);
    return {
      id: p.id,
      themes: p.themes,
      ...(p.note !== undefined && { note: p.note }),
      target: createTarget(text, at, at + p.quote.length),
      ...(p.created && { created: p.created }),
    };
  });
  const sidecar: Sidecar = { ...emptySidecar(name, textHash(text)), annotations: [...annotations, ...orphans] };
  return serializeSidecar(sidecar);
}

export const SC_PASSAGES: readonly Passage[] = [
  { id: '3f9c2a', quote: 'mandate of the United Nations Mission in Imaginaria until 31 March 2032', themes: ['protection-of-civilians'], created: '2031-03-12T10:00:00Z' },
  { id: '0a11be', quote: '$40 million was needed by 31 May 2031 to keep the clinics open', themes: ['funding-gaps', 'humanitarian-access'], note: 'The figure the Council\nwas asked for.', created: '2031-03-12T10:05:00Z' },
  { id: 'b7e001', quote: '𝟑𝟎𝟎,𝟎𝟎𝟎 people still depend on air drops', themes: ['humanitarian-access'], note: '=HYPERLINK("http://example.invalid","click")' },
  { id: 'c0ffee', quote: '"Corridors must stay open, whatever the season."', themes: ['humanitarian-access'], note: '+ quoted, with "quotes", commas, and a tab\there' },
  { id: '5e1a40', quote: 'report every 90 days on the protection of civilians', themes: ['protection-of-civilians'] },
  { id: 'd15a9e', quote: '-20 per cent in funding had left the Mission unable to patrol', themes: ['funding-gaps'], note: '@ the Fifth Committee' },
];

export const GA_PASSAGES: readonly Passage[] = [
  { id: '1a2b3c', quote: '2.2 billion people still lacked safe drinking water', themes: ['water'] },
  { id: '4d5e6f', quote: '"Where wells run dry, conflict follows."', themes: ['water', 'protection-of-civilians'], note: 'Water and security.' },
  { id: '7a8b9c', quote: 'contribution of $15 million to the trust fund', themes: ['funding'] },
  { id: 'aa0001', quote: 'better data on groundwater', themes: [], note: 'A note without a theme.' },
];

/** An orphan: a passage that is no longer in the text, with its last known selectors. */
export const ORPHAN: Annotation = {
  id: 'dead01',
  themes: ['funding'],
  note: 'The pledge was withdrawn from the text.',
  target: { quote: 'a pledge of $2 million that was later withdrawn', prefix: 'announced ', suffix: ' and', start: 120, end: 166 },
  status: 'orphan',
};

export interface FolderFile {
  readonly path: string;
  readonly text: string;
}

/** The test folder: two documents (one in a subfolder), their sidecars and the codebook. */
export function testFolder(): FolderFile[] {
  const sc = fixture('sc-imaginaria.txt');
  const ga = fixture('ga-plenary-water.txt');
  return [
    { path: 'sc-imaginaria.txt', text: sc },
    { path: 'sc-imaginaria.txt.annotations.yaml', text: sidecarText('sc-imaginaria.txt', sc, SC_PASSAGES) },
    { path: 'plenary/ga-plenary-water.txt', text: ga },
    { path: 'plenary/ga-plenary-water.txt.annotations.yaml', text: sidecarText('ga-plenary-water.txt', ga, GA_PASSAGES, [ORPHAN]) },
    { path: '.policy-lens/codebook.yaml', text: CODEBOOK },
  ];
}

export const FOLDER_IRI = 'file:///home/ana/imaginaria/';
export const NOW = '2031-04-01T09:30:00Z';

/** The export input of a folder of files, as the CLI builds it. */
export function exportInput(files: readonly FolderFile[], title = 'imaginaria'): ExportInput {
  const byPath = new Map(files.map((f) => [f.path, f.text]));
  const codebook = parseCodebook(byPath.get('.policy-lens/codebook.yaml') ?? 'policyLensCodebook: 1\nthemes: []\n');
  if (!codebook.ok) throw new Error(codebook.error.message);
  const documents = files
    .filter((f) => f.path.endsWith('.annotations.yaml'))
    .map((f) => {
      const path = f.path.slice(0, -'.annotations.yaml'.length);
      const parsed = parseSidecar(f.text);
      if (!parsed.ok) throw new Error(parsed.error.message);
      return exportDocument(path, byPath.get(path)!, parsed.sidecar);
    })
    .sort((a, b) => (a.path < b.path ? -1 : 1));
  return { documents, codebook: codebook.codebook, folderIri: FOLDER_IRI, title, now: NOW, generator: 'Policy Lens 0.1.0' };
}

export function parsedCodebook(text: string): ParsedCodebook {
  const cb = parseCodebook(text);
  if (!cb.ok) throw new Error(cb.error.message);
  return cb;
}
