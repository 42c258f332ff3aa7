import * as assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCheck } from '../../../src/cli/check';
import { createTarget, emptySidecar, parseSidecar, serializeSidecar, textHash, type Annotation } from '../../../src/core/annotations';
import { demoDoc } from '../../support/fixtures';

// The demo press release (the project's own text), annotated, then edited as someone else might.
const original = demoDoc('press-release').text;
const quotes = {
  kept: 'link their tide gauges, buoys and satellite records',
  edited: 'one in three was offline at any time',
  deleted: 'a buoy whose readings stayed on one ministry’s server',
};

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { stdout: (s: string) => out.push(s), stderr: (s: string) => err.push(s) } };
}

describe('policy-lens check', () => {
  let dir: string;
  let doc: string;
  let sidecar: string;
  let edited: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'policy-lens-check-'));
    doc = join(dir, 'press.txt');
    sidecar = `${doc}.annotations.yaml`;
    const annotations: Annotation[] = Object.entries(quotes).map(([id, q], i) => {
      const at = original.indexOf(q);
      return { id: `00000${i}`.slice(-6), themes: [id], target: createTarget(original, at, at + q.length) };
    });
    await writeFile(sidecar, serializeSidecar({ ...emptySidecar('press.txt', textHash(original)), annotations }));
    const sentence = original.slice(original.indexOf('Mr. VELDHUIS said'), original.indexOf('Session II'));
    edited = `A new first line.\n${original}`
      .replace('offline at any time', 'offline at almost any time')
      .replace(sentence, '');
    await writeFile(doc, edited);
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reports every annotation in JSON, in code points and 1-based lines', async () => {
    const { out, io: sink } = io();
    assert.equal(await runCheck([doc, '--json'], sink), 0);
    const report = JSON.parse(out.join(''));
    assert.equal(report.document, doc);
    assert.equal(report.sidecar, sidecar);
    const byId = (id: string) => report.annotations.find((a: { id: string }) => a.id === id);
    const [kept, changed, gone] = ['000000', '000001', '000002'].map(byId);
    const at = edited.indexOf(quotes.kept);
    assert.deepEqual(kept, { id: '000000', status: 'moved', start: at, end: at + quotes.kept.length, line: 3 });
    assert.equal(changed.status, 'fuzzy');
    assert.equal(edited.slice(changed.start, changed.end), 'one in three was offline at almost any time');
    assert.deepEqual(gone, { id: '000002', status: 'orphan' });
  });

  it('prints a readable report by default and leaves the sidecar alone', async () => {
    const before = await readFile(sidecar, 'utf8');
    const { out, io: sink } = io();
    assert.equal(await runCheck([doc], sink), 0);
    const text = out.join('\n');
    assert.match(text, /press\.txt: 3 annotations \(0 exact, 1 moved, 1 fuzzy, 1 orphan\)/);
    assert.match(text, /000002 {2}orphan {2}not found {3}"a buoy whose readings/);
    assert.equal(await readFile(sidecar, 'utf8'), before);
  });

  it('with --write, updates positions, quotes and textHash, marks orphans, and writes atomically', async () => {
    const { io: sink } = io();
    assert.equal(await runCheck([doc, '--write'], sink), 0);
    const parsed = parseSidecar(await readFile(sidecar, 'utf8'));
    assert.ok(parsed.ok);
    assert.equal(parsed.sidecar.textHash, textHash(edited));
    const [kept, changed, gone] = ['000000', '000001', '000002'].map((id) => parsed.sidecar.annotations.find((a) => a.id === id)!);
    assert.equal(kept.target.start, edited.indexOf(quotes.kept));
    assert.equal(changed.target.quote, 'one in three was offline at almost any time');
    assert.equal(gone.status, 'orphan');
    assert.deepEqual(await readdir(dir), ['press.txt', 'press.txt.annotations.yaml'], 'no temporary file left');
    // Now everything is where the sidecar says: a second check finds it so and writes nothing.
    const again = io();
    const before = await readFile(sidecar, 'utf8');
    assert.equal(await runCheck([doc, '--write', '--json'], again.io), 0);
    const statuses = JSON.parse(again.out.join('')).annotations.map((a: { id: string; status: string }) => `${a.id} ${a.status}`);
    assert.deepEqual(statuses.sort(), ['000000 exact', '000001 exact', '000002 orphan']);
    assert.equal(await readFile(sidecar, 'utf8'), before);
  });

  it('reports a malformed sidecar as file:line:column, exits non-zero and never writes it', async () => {
    const broken = (await readFile(sidecar, 'utf8')).replace('policyLens: 1', 'policyLens: 2');
    await writeFile(sidecar, broken);
    const { err, io: sink } = io();
    assert.equal(await runCheck([doc, '--write'], sink), 1);
    assert.deepEqual(err, [`${sidecar}:2:13: written by a newer Policy Lens (format 2; this version reads format 1): update Policy Lens to edit it`]);
    assert.equal(await readFile(sidecar, 'utf8'), broken);
  });

  it('prints an array for several files, noting documents without a sidecar', async () => {
    const other = join(dir, 'other.txt');
    await writeFile(other, 'No annotations here.');
    const { out, io: sink } = io();
    assert.equal(await runCheck(['--json', doc, other], sink), 0);
    const reports = JSON.parse(out.join(''));
    assert.equal(reports.length, 2);
    assert.deepEqual(reports[1], { document: other, sidecar: null, annotations: [] });
  });

  it('fails on an unreadable document and on bad usage', async () => {
    const missing = io();
    assert.equal(await runCheck([join(dir, 'nope.txt')], missing.io), 1);
    assert.match(missing.err[0], /nope\.txt: cannot read: no such file/);
    assert.equal(await runCheck([], io().io), 2);
    assert.equal(await runCheck([doc, '--fix'], io().io), 2);
  });
});
