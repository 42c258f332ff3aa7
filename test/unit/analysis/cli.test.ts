import * as assert from 'node:assert/strict';
import { describeWithCorpus } from '../../support/corpus';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runMatrix } from '../../../src/cli/matrix';
import { runPassages } from '../../../src/cli/passages';
import { buildMatrix } from '../../../src/core/analysis';
import { fixtureCodebook, fixtureFiles, fixtureIndex, PRESS, RECORD } from './support/workspace';

function sink() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { stdout: (s: string) => out.push(s), stderr: (s: string) => err.push(s) } };
}

describeWithCorpus('policy-lens passages and matrix', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'policy-lens-analysis-'));
    for (const f of fixtureFiles()) {
      await mkdir(dirname(join(dir, f.path)), { recursive: true });
      await writeFile(join(dir, f.path), f.text);
      await writeFile(join(dir, `${f.path}.annotations.yaml`), f.sidecar);
    }
    await mkdir(join(dir, '.policy-lens'));
    await writeFile(join(dir, '.policy-lens', 'codebook.yaml'), fixtureCodebook());
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints the passages of a theme as JSON, in the documented shape', async () => {
    const { out, io } = sink();
    assert.equal(await runPassages([dir, '--theme', 'sanctions', '--json'], io), 0);
    assert.deepEqual(JSON.parse(out.join('')), [{
      document: RECORD, id: 'r2', line: 577, start: fixtureIndex().passages().find((p) => p.id === 'r2')!.start,
      end: fixtureIndex().passages().find((p) => p.id === 'r2')!.end,
      quote: 'We will not vote to stop vital aid reaching\nSyria', themes: ['humanitarian', 'sanctions'], note: null,
      section: ['Agenda', 'The situation in the Middle East'],
      speaker: { name: 'Ms. Pierce', role: null, country: 'United Kingdom of Great Britain and Northern Ireland' }, orphan: false,
    }]);
  });

  it('combines themes with --all and --any, and filters by speaker and section', async () => {
    const ids = async (...args: string[]) => {
      const { out, io } = sink();
      assert.equal(await runPassages([dir, ...args, '--json'], io), 0);
      return (JSON.parse(out.join('')) as { id: string }[]).map((p) => p.id);
    };
    assert.deepEqual(await ids('--theme', 'prevention', '--theme', 'finance', '--all'), ['p3', 'p4']);
    assert.deepEqual(await ids('--theme', 'prevention', '--theme', 'finance', '--all', '--same-turn'), ['p2', 'p3', 'p4']);
    assert.deepEqual(await ids('--theme', 'gender', '--theme', 'sanctions'), ['p6', 'r2']);
    assert.deepEqual(await ids('--speaker', 'Craft'), ['r3', 'c1']);
    assert.deepEqual(await ids('--section', 'Session III'), ['p2', 'p3', 'p4']);
  });

  it('prints a readable list with counts', async () => {
    const { out, io } = sink();
    assert.equal(await runPassages([dir, '--theme', 'humanitarian'], io), 0);
    const text = out.join('\n');
    assert.match(text, /^4 passages in 2 of 3 annotated documents/);
    assert.match(text, /records\/S-PV-8700\.txt:59 {2}\[humanitarian\] {2}Mr\. Nebenzia \(Russian Federation\)/);
  });

  it('gives the same counts as the core matrix, as JSON, CSV and a table', async () => {
    const expected = buildMatrix(fixtureIndex().passages(), fixtureIndex().themes(), { by: 'speaker', count: 'documents' });
    const json = sink();
    assert.equal(await runMatrix([dir, '--by', 'speaker', '--count', 'documents', '--format', 'json'], json.io), 0);
    assert.deepEqual(JSON.parse(json.out.join('')), { rows: expected.rows.map((r) => r.id), columns: expected.columns.map((c) => c.label), counts: expected.counts });
    const csv = sink();
    assert.equal(await runMatrix([dir, '--by', 'theme', '--format', 'csv'], csv.io), 0);
    assert.match(csv.out.join(''), /^theme,label,Technology,Prevention,/);
    const table = sink();
    assert.equal(await runMatrix([dir, '--by', 'document'], table.io), 0);
    assert.match(table.out.join(''), /humanitarian\s+0\s+3\s+1\s+4/);
  });

  it('re-anchors a document edited since its sidecar was written, without writing the sidecar', async () => {
    const sidecar = join(dir, `${PRESS}.annotations.yaml`);
    const before = await readFile(sidecar, 'utf8');
    await writeFile(join(dir, PRESS), `A new first line.\n${await readFile(join(dir, PRESS), 'utf8')}`);
    const { out, io } = sink();
    assert.equal(await runPassages([dir, '--theme', 'finance', '--json'], io), 0);
    assert.deepEqual((JSON.parse(out.join('')) as { line: number }[]).map((p) => p.line), [15, 15]);
    assert.equal(await readFile(sidecar, 'utf8'), before);
  });

  it('reports an unreadable sidecar with its line and column after printing everything else, and exits non-zero', async () => {
    const sidecar = join(dir, `${RECORD}.annotations.yaml`);
    const text = await readFile(sidecar, 'utf8');
    await writeFile(sidecar, text.replace('themes: [humanitarian, sanctions]', 'themes: [humanitarian, sanctions'));
    const { out, err, io } = sink();
    assert.equal(await runPassages([dir, '--json'], io), 1);
    assert.equal(err.length, 1);
    assert.match(err[0], new RegExp(`^policy-lens passages: .*${RECORD.replace(/[./-]/g, '\\$&')}\\.annotations\\.yaml:\\d+:\\d+: `));
    const ids = (JSON.parse(out.join('')) as { id: string }[]).map((p) => p.id);
    assert.ok(ids.includes('p1') && ids.includes('c1') && !ids.includes('r2'));
    const matrix = sink();
    assert.equal(await runMatrix([dir, '--by', 'document', '--format', 'json'], matrix.io), 1);
    assert.equal(JSON.parse(matrix.out.join('')).columns.length, 2);
    assert.equal(await readFile(sidecar, 'utf8'), text.replace('themes: [humanitarian, sanctions]', 'themes: [humanitarian, sanctions'), 'never rewritten');
  });

  it('rejects bad arguments with the usage', async () => {
    const cases: string[][] = [[], [dir, '--by'], [dir, '--by', 'colour'], [dir, '--by', 'speaker', '--count', 'words'], [dir, '--by', 'theme', '--format', 'xml']];
    for (const args of cases) {
      const { err, io } = sink();
      assert.equal(await runMatrix(args, io), 2, args.join(' '));
      assert.match(err[0], /usage: policy-lens matrix/);
    }
    const { err, io } = sink();
    assert.equal(await runPassages([dir, '--all', '--any'], io), 2);
    assert.match(err[0], /exclude each other/);
  });
});
