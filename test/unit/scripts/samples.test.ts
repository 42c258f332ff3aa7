// What `npm start` opens: a copy of the demo workspace that keeps what the person did there, with the corpus
// documents beside it only when the corpus is there.
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoDir, prepareSamples } from '../../../scripts/samples.mjs';

describe('npm start: the samples folder', () => {
  let dir: string;
  let lines: string[];
  const absent = { present: false, docs: '', reason: 'needs ../shared/corpus (test)' };
  const log = (line: string) => { lines.push(line); };

  beforeEach(() => {
    dir = join(mkdtempSync(join(tmpdir(), 'policy-lens-samples-')), 'samples');
    lines = [];
  });
  afterEach(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

  it('is a copy of the demo workspace, without its README, and says why the corpus is not in it', async () => {
    assert.equal(await prepareSamples({ samplesDir: dir, corpus: absent, log }), dir);
    const demo = readdirSync(demoDir).filter((f) => f !== 'README.md').sort();
    assert.deepEqual(readdirSync(dir).sort(), demo);
    assert.equal(readFileSync(join(dir, '.policy-lens', 'codebook.yaml'), 'utf8'), readFileSync(join(demoDir, '.policy-lens', 'codebook.yaml'), 'utf8'));
    assert.ok(lines.some((l) => l.includes('corpus documents skipped (needs ../shared/corpus (test))')), lines.join('\n'));
  });

  it('keeps what was done in an earlier start and copies only what is missing; --fresh starts again', async () => {
    await prepareSamples({ samplesDir: dir, corpus: absent, log });
    const sidecar = join(dir, 'press-release-ocean-forum.policy.txt.annotations.yaml');
    writeFileSync(sidecar, 'edited by the user\n');
    rmSync(join(dir, '.policy-lens', 'codebook.yaml'));
    await prepareSamples({ samplesDir: dir, corpus: absent, log });
    assert.equal(readFileSync(sidecar, 'utf8'), 'edited by the user\n');
    assert.ok(existsSync(join(dir, '.policy-lens', 'codebook.yaml')), 'the missing codebook is copied again');
    assert.match(lines.at(-1)!, /kept from an earlier start \(1 missing files copied\)/);
    await prepareSamples({ samplesDir: dir, corpus: absent, log, fresh: true });
    assert.notEqual(readFileSync(sidecar, 'utf8'), 'edited by the user\n');
  });

  it('adds the corpus documents in corpus/, read as Policy Text, when the corpus is there', async () => {
    const docs = join(dir, '..', 'corpus-docs');
    mkdirSync(docs);
    writeFileSync(join(docs, '01-record.txt'), 'The President: The meeting is called to order.\n');
    writeFileSync(join(docs, 'notes.md'), 'not a document\n');
    await prepareSamples({ samplesDir: dir, corpus: { present: true, docs, reason: '' }, log });
    assert.deepEqual(readdirSync(join(dir, 'corpus')), ['01-record.txt']);
    assert.deepEqual(JSON.parse(readFileSync(join(dir, '.vscode', 'settings.json'), 'utf8')), { 'files.associations': { 'corpus/*.txt': 'policytext' } });
  });
});
