/**
 * A small annotated folder made in the test from three real documents: a press release (meetings coverage with
 * sections and reported turns) and a Security Council record (labelled turns with delegations), with sidecars
 * and a codebook as Policy Lens writes them.
 */
import { addTheme, emptyCodebook, parseCodebook, serializeCodebook, serializeSidecar } from '../../../../src/core/annotations';
import { WorkspaceIndex } from '../../../../src/core/analysis';
import { corpusDoc, sidecarFor, type Quote } from './corpus';

export const PRESS = 'press/counter-terrorism.txt';
export const RECORD = 'records/S-PV-8700.txt';
export const RECORD_COPY = 'records/copy/S-PV-8700-again.txt';

export interface FixtureFile {
  readonly path: string;
  readonly text: string;
  readonly sidecar: string;
}

const pressQuotes: Quote[] = [
  { id: 'p1', themes: ['technology', 'prevention'], quote: 'prevent new technologies from becoming lethal terrorist weapons', note: 'The headline demand.' },
  { id: 'p2', themes: ['finance'], quote: 'violent extremism was costing billions' },
  { id: 'p3', themes: ['prevention'], quote: 'Underlining the primacy of prevention' },
  // Overlaps p3: "prevention" and "finance" come up together here.
  { id: 'p4', themes: ['finance'], quote: 'prevention, he said a United Nations‑World Bank report had put a price tag on prevention' },
  // In the lead, outside every turn.
  { id: 'p5', themes: ['technology'], quote: 'use new technologies', nth: 1 },
  { id: 'p6', themes: ['gender'], quote: 'Ms. MLAMBO-NGCUKA said' },
];

const recordQuotes: Quote[] = [
  { id: 'r1', themes: ['humanitarian'], quote: 'in accordance with the humanitarian\nprinciples of humanity, neutrality, impartiality' },
  { id: 'r2', themes: ['humanitarian', 'sanctions'], quote: 'We will not vote to stop vital aid reaching\nSyria' },
  { id: 'r3', themes: ['humanitarian'], quote: 'the only path forward' },
  { id: 'r4', themes: ['legacy-id'], quote: 'Kingdom voted to abstain' },
];

export function fixtureFiles(): FixtureFile[] {
  const press = corpusDoc('00-press');
  const record = corpusDoc('02-sc');
  const file = (path: string, text: string, quotes: Quote[]): FixtureFile => ({
    path, text, sidecar: serializeSidecar(sidecarFor(path.split('/').pop()!, text, quotes)),
  });
  return [
    file(PRESS, press, pressQuotes),
    file(RECORD, record, recordQuotes),
    file(RECORD_COPY, record, [{ id: 'c1', themes: ['humanitarian'], quote: 'the only path forward' }]),
  ];
}

export function fixtureCodebook(): string {
  let cb = emptyCodebook();
  for (const [id, label] of [['technology', 'Technology'], ['prevention', 'Prevention'], ['finance', 'Finance'], ['humanitarian', 'Humanitarian access'], ['sanctions', 'Sanctions'], ['gender', 'Gender']]) {
    const r = addTheme(cb, { id, label });
    if (!r.ok) throw new Error(r.message);
    cb = r.value;
  }
  return serializeCodebook(cb);
}

export function fixtureIndex(): WorkspaceIndex {
  const index = new WorkspaceIndex();
  const cb = parseCodebook(fixtureCodebook());
  if (!cb.ok) throw new Error(cb.error.message);
  index.setCodebook(cb.codebook);
  for (const f of fixtureFiles()) index.setFromFiles(f.path, f.text, f.sidecar);
  return index;
}
