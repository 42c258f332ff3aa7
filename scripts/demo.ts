// The demo workspace's codebook and sidecars, made by the project's own core from the table below, so that
// every annotation anchors exactly (textHash, code-point positions, quote and context all come from the text).
// `npm run demo` rewrites demo/ after a demo text or this table changed; test/unit/demo/demo.test.ts fails
// while the files in demo/ differ from what this makes.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  addTheme,
  CODEBOOK_PATH,
  createTarget,
  emptyCodebook,
  emptySidecar,
  serializeCodebook,
  serializeSidecar,
  sha256Hex,
  sidecarPathFor,
  textHash,
  utf8Encode,
  type Annotation,
  type NewTheme,
  type ParsedCodebook,
} from '../src/core/annotations';

export const demoDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'demo');

/** Six to ten themes, one level of hierarchy: what a small team might agree on for coastal flood policy. */
export const themes: readonly (NewTheme & { id: string })[] = [
  { id: 'early-warning', label: 'Early warning', color: '#4e79a7', description: 'Sirens, alerts and the networks that feed them.' },
  { id: 'data-sharing', label: 'Data sharing', color: '#76b7b2', parent: 'early-warning', description: 'Who sees the readings, and when.' },
  { id: 'maintenance', label: 'Maintenance and capacity', color: '#17becf', parent: 'early-warning', description: 'Spare parts, technicians, funding beyond installation.' },
  { id: 'finance', label: 'Finance and pledges', color: '#f28e2b', description: 'Money pledged, asked for or missing.' },
  { id: 'sovereignty', label: 'Sovereignty and consent', color: '#e15759', description: 'National control of coasts, instruments and data.' },
  { id: 'protection', label: 'Protection of people', color: '#59a14f', description: 'What reaches households, and who is left out.' },
  { id: 'displacement', label: 'Displacement', color: '#bcbd22', parent: 'protection', description: 'People forced from their homes by floods.' },
  { id: 'gender', label: 'Gender', color: '#b07aa1', parent: 'protection', description: 'Women’s part in recovery and in decisions.' },
  { id: 'mandate', label: 'Mandates and follow-up', color: '#9c755f', description: 'Mandates, reporting duties, deadlines and reviews.' },
];

interface Passage {
  /** The passage as it stands in the text (unique in it). */
  readonly quote: string;
  readonly themes: readonly string[];
  readonly note?: string;
}

/** The annotations of each demo document, by file name. */
export const passages: Readonly<Record<string, readonly Passage[]>> = {
  'press-release-ocean-forum.policy.txt': [
    { quote: 'link their tide gauges, buoys and satellite records into one early‑warning network by 2034', themes: ['early-warning', 'data-sharing'] },
    { quote: 'pledges of $1.2 billion over five years', themes: ['finance'] },
    { quote: 'Some 40 per cent of coastal communities in the region still had no siren or text‑message alert', themes: ['early-warning', 'protection'], note: 'The baseline the five-year plan is measured against.' },
    { quote: 'one in three was offline at any time for lack of spare parts and trained technicians', themes: ['maintenance'], note: 'Same complaint as the Norvale opposition: money for instruments, none for upkeep.' },
    { quote: 'a buoy whose readings stayed on one ministry’s server warned nobody downstream', themes: ['data-sharing'] },
    { quote: 'contribute €225 million and host the network’s second data centre', themes: ['finance', 'data-sharing'] },
    { quote: 'no State should be asked to open its coastline to foreign instruments without its consent', themes: ['sovereignty', 'data-sharing'], note: 'Dravonia’s line here matches its vote against resolution 3104 (2031).' },
    { quote: 'Every community with a working siren by 2034', themes: ['early-warning', 'mandate'] },
  ],
  'sc-record-dravonia-floods.policy.txt': [
    { quote: 'The draft resolution has\nbeen adopted as resolution 3104 (2031).', themes: ['mandate'], note: 'Adopted 12-1-2; Dravonia against, Norvale and Ostrevia abstaining.' },
    { quote: 'displaced 410,000 people', themes: ['displacement'] },
    { quote: 'By extending\nthe mandate of the Mission for 12 months', themes: ['mandate'] },
    { quote: 'puts the protection of displaced\nfamilies first', themes: ['protection', 'displacement'] },
    { quote: 'We regret that the text does not\nsay more about women', themes: ['gender'], note: 'The only statement that raises gender.' },
    { quote: 'The warning data belong to\nthe people who live beside those rivers.', themes: ['sovereignty', 'data-sharing'] },
    { quote: 'will contribute $14 million to the trust fund for\nflood defences', themes: ['finance'] },
  ],
  'ga-resolution-early-warning.policy.txt': [
    { quote: 'flood losses have reached $90 billion a year', themes: ['finance'] },
    { quote: 'link their national tide-gauge, buoy and satellite records into regional early-warning networks by 31 December 2034', themes: ['early-warning', 'data-sharing'], note: 'The deadline the forum and the Norvale bill both work to.' },
    { quote: 'fund the maintenance of observation networks for at least ten years, and not only their installation', themes: ['maintenance', 'finance'] },
    { quote: 'with due respect for the sovereignty of each coastal State', themes: ['sovereignty'] },
    { quote: 'Requests the Secretary-General to report to the General Assembly at its eighty-eighth session', themes: ['mandate'] },
  ],
  'parliament-coastal-warning-bill.policy.txt': [
    { quote: 'puts a siren or a text-message alert within reach of every coastal household by 2034', themes: ['early-warning', 'protection'] },
    { quote: 'sets aside $48 million over four years', themes: ['finance'] },
    { quote: 'publish its tide and storm readings as open data', themes: ['data-sharing'] },
    { quote: 'It funds sirens for four years and maintenance for none.', themes: ['maintenance', 'finance'], note: 'The opposition’s main objection.' },
    { quote: '15 per cent of the fund is reserved for maintenance every year', themes: ['maintenance'] },
    { quote: 'they need the alert to reach them at night, in their own language', themes: ['protection'] },
    { quote: 'publish the evacuation routes with the alerts', themes: ['protection'] },
  ],
};

/** One fixed time, so that the files come out the same on every run. */
const CREATED = '2031-06-20T09:00:00Z';

export function demoCodebook(): string {
  let cb: ParsedCodebook = emptyCodebook();
  for (const theme of themes) {
    const next = addTheme(cb, theme);
    if (!next.ok) throw new Error(`theme ${theme.id}: ${next.message}`);
    cb = next.value;
  }
  return serializeCodebook(cb);
}

export function demoSidecar(name: string, text: string, list: readonly Passage[]): string {
  const known = new Set(themes.map((t) => t.id));
  const annotations = list.map((p): Annotation => {
    const start = text.indexOf(p.quote);
    if (start < 0) throw new Error(`${name}: the passage "${p.quote}" is not in the text`);
    if (text.indexOf(p.quote, start + 1) >= 0) throw new Error(`${name}: the passage "${p.quote}" is not unique`);
    const unknown = p.themes.filter((t) => !known.has(t));
    if (unknown.length) throw new Error(`${name}: themes ${unknown.join(', ')} are not in the codebook`);
    // An id derived from the passage: stable across runs, different for every passage.
    const id = sha256Hex(utf8Encode(`${name}\n${p.quote}`)).slice(0, 6);
    return { id, themes: p.themes, ...(p.note ? { note: p.note } : {}), target: createTarget(text, start, start + p.quote.length), created: CREATED };
  });
  return serializeSidecar({ ...emptySidecar(name, textHash(text)), annotations });
}

/** Every generated file of the demo, by path relative to demo/. */
export function buildDemo(readText: (name: string) => string = (name) => readFileSync(join(demoDir, name), 'utf8')): Map<string, string> {
  const files = new Map<string, string>([[CODEBOOK_PATH, demoCodebook()]]);
  for (const [name, list] of Object.entries(passages)) files.set(sidecarPathFor(name), demoSidecar(name, readText(name), list));
  return files;
}

/** The demo documents on disk that the table above does not annotate (each must have some annotations). */
export function unannotatedDemoDocuments(): string[] {
  return readdirSync(demoDir).filter((f) => f.endsWith('.txt') && !(f in passages));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const missing = unannotatedDemoDocuments();
  if (missing.length) throw new Error(`demo documents without annotations in scripts/demo.ts: ${missing.join(', ')}`);
  for (const [path, text] of buildDemo()) {
    writeFileSync(join(demoDir, path), text);
    console.log(`wrote demo/${path}`);
  }
}
