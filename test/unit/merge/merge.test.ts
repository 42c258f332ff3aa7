import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMergeDriver } from '../../../src/cli/merge-driver';
import { createTarget, emptySidecar, parseSidecar, serializeSidecar, textHash, type Annotation } from '../../../src/core/annotations';
import { mergeCodebookTexts, mergeSidecarTexts, resolveConflictedText, REVIEW_BOTH, REVIEW_DELETED } from '../../../src/core/merge';

const fixtures = join(__dirname, '..', 'annotations', 'fixtures');
const repoRoot = join(__dirname, '..', '..', '..');

const text = [
  'The Security Council met today to consider the situation in the Sahel.',
  'The President: I welcome the Minister for Foreign Affairs of Niger.',
  'The Council adopted resolution 2505 (2020) unanimously, renewing the mandate of the Mission for one year.',
  'Several speakers stressed that humanitarian access must be unimpeded.',
  'The meeting rose at 11.05 a.m.',
  '',
].join('\n');

function on(quote: string, id: string, themes: string[], note?: string): Annotation {
  const at = text.indexOf(quote);
  assert.ok(at >= 0, quote);
  return { id, themes, ...(note && { note }), target: createTarget(text, at, at + quote.length), created: '2026-01-05T10:00:00Z' };
}

const file = (annotations: Annotation[], t = text) => serializeSidecar({ ...emptySidecar('debate.txt', textHash(t)), annotations });
const base = [on('resolution 2505 (2020)', 'aaaaaa', ['adoption']), on('humanitarian access', 'bbbbbb', ['access'], 'Key phrase.'), on('The meeting rose', 'cccccc', ['closing'])];

function merged(b: Annotation[] | undefined, o: Annotation[], t: Annotation[], doc = text) {
  const r = mergeSidecarTexts(b && file(b), file(o), file(t), { text: doc });
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  return r;
}

describe('merging sidecars by annotation id', () => {
  it('keeps the new annotations of both sides', () => {
    const r = merged(base, [...base, on('the Minister for Foreign Affairs', 'ours01', ['guests'])], [...base, on('the situation in the Sahel', 'thrs01', ['sahel'])]);
    assert.deepEqual(r.sidecar.annotations.map((a) => a.id).sort(), ['aaaaaa', 'bbbbbb', 'cccccc', 'ours01', 'thrs01']);
    assert.deepEqual([r.report.addedOurs, r.report.addedTheirs], [1, 1]);
  });

  it('takes an edit made on one side', () => {
    const r = merged(base, base, base.map((a) => (a.id === 'aaaaaa' ? { ...a, note: 'Unanimous.' } : a)));
    assert.equal(r.sidecar.annotations.find((a) => a.id === 'aaaaaa')?.note, 'Unanimous.');
    assert.equal(r.sidecar.annotations.find((a) => a.id === 'aaaaaa')?.review, undefined);
  });

  it('keeps both themes and both notes of an annotation edited on both sides, marked for review', () => {
    const r = merged(
      base,
      base.map((a) => (a.id === 'bbbbbb' ? { ...a, themes: ['access', 'protection'], note: 'Key phrase (Ana).' } : a)),
      base.map((a) => (a.id === 'bbbbbb' ? { ...a, themes: ['access', 'aid'], note: 'Key phrase (Ben).' } : a)),
    );
    const a = r.sidecar.annotations.find((x) => x.id === 'bbbbbb')!;
    assert.deepEqual(a.themes, ['access', 'protection', 'aid']);
    assert.equal(a.note, 'Key phrase (Ana).\n\nKey phrase (Ben).');
    assert.equal(a.review, REVIEW_BOTH);
    assert.deepEqual(r.report.bothEdited, ['bbbbbb']);
    assert.match(r.text, /review: "?merged: both branches edited/);
  });

  it('honours a deletion only when the other side did not edit the annotation', () => {
    const withoutC = base.filter((a) => a.id !== 'cccccc');
    const deletedUntouched = merged(base, withoutC, base);
    assert.ok(!deletedUntouched.sidecar.annotations.some((a) => a.id === 'cccccc'));
    assert.deepEqual(deletedUntouched.report.deleted, ['cccccc']);
    const deletedEdited = merged(base, withoutC, base.map((a) => (a.id === 'cccccc' ? { ...a, note: 'Closing time.' } : a)));
    const kept = deletedEdited.sidecar.annotations.find((a) => a.id === 'cccccc');
    assert.equal(kept?.note, 'Closing time.');
    assert.equal(kept?.review, REVIEW_DELETED);
  });

  it('keeps two different annotations that were given the same id, under two ids', () => {
    const r = merged(base, [...base, on('the Minister for Foreign Affairs', 'dddddd', ['guests'])], [...base, on('the situation in the Sahel', 'dddddd', ['sahel'])]);
    assert.equal(r.sidecar.annotations.length, 5);
    assert.equal(r.report.renamed.length, 1);
  });

  it('re-anchors against the merged document: positions from both sides land on their passages', () => {
    // Ours inserted a line at the top; theirs annotated on the old text: every position moves.
    const oursText = `Provisional record.\n${text}`;
    const ours = file([...base.map((a) => ({ ...a, target: createTarget(oursText, oursText.indexOf(a.target.quote), oursText.indexOf(a.target.quote) + a.target.quote.length) }))], oursText);
    const theirs = file([...base, on('the situation in the Sahel', 'thrs01', ['sahel'])]);
    const r = mergeSidecarTexts(file(base), ours, theirs, { text: oursText });
    assert.ok(r.ok);
    for (const a of r.sidecar.annotations) {
      assert.equal(a.status, undefined, a.id);
      assert.equal(oursText.slice(a.target.start, a.target.end), a.target.quote);
    }
    assert.equal(r.sidecar.textHash, textHash(oursText));
  });

  it('resolves a sidecar that git left with conflict markers', async () => {
    const source = await readFile(join(fixtures, 'sidecars', 'conflict-markers.annotations.yaml'), 'utf8');
    const r = resolveConflictedText(source, { text: await readFile(join(fixtures, 'doc.txt'), 'utf8') });
    assert.ok(r.ok && !('codebook' in r));
    const a = r.sidecar.annotations.find((x) => x.id === 'a00001')!;
    assert.deepEqual(a.themes, ['adoption', 'mandate']);
    // Without the common ancestor both versions count as edits: both notes are kept for review.
    assert.equal(a.note, 'Unanimous, as Ana read it.\n\nUnanimous.');
    assert.equal(a.review, REVIEW_BOTH);
    assert.ok(parseSidecar(r.text).ok);
  });

  it('resolves a codebook that git left with conflict markers, and merges codebooks by theme id', async () => {
    const source = await readFile(join(fixtures, 'codebooks', 'conflict-markers.yaml'), 'utf8');
    const r = resolveConflictedText(source);
    assert.ok(r.ok);
    assert.match(r.text, /id: closing/);
    const cb = await readFile(join(fixtures, 'good-codebook.yaml'), 'utf8');
    const added = `${cb}  - id: mandate\n    label: Mandate\n    color: "#59a14f"\n`;
    const relabelled = cb.replace('label: Closing', 'label: Meeting closed');
    const m = mergeCodebookTexts(cb, added, relabelled);
    assert.ok(m.ok);
    assert.match(m.text, /label: Meeting closed/);
    assert.match(m.text, /id: mandate/);
    assert.match(m.text, /^# Team codebook$/m);
  });

  it('writes git conflict markers and exits 1 when a side cannot be read', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'policy-lens-driver-'));
    try {
      const [o, a, b] = ['o', 'a', 'b'].map((n) => join(dir, n));
      await writeFile(o, file(base));
      await writeFile(a, file(base));
      await writeFile(b, 'policyLens: 1\nannotations: [unclosed\n');
      const err: string[] = [];
      assert.equal(await runMergeDriver([o, a, b, 'debate.txt.annotations.yaml'], { stdout: () => undefined, stderr: (s) => err.push(s) }), 1);
      assert.match(err.join('\n'), /cannot merge debate\.txt\.annotations\.yaml \(theirs\)/);
      assert.match(await readFile(a, 'utf8'), /^<<<<<<< ours\n[^]*\n=======\n[^]*>>>>>>> theirs\n$/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('git merges two branches that both coded the same document', function () {
  this.timeout(60000);
  let repo: string;
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org' } });

  before(async () => {
    repo = await mkdtemp(join(tmpdir(), 'policy-lens-git-'));
    git('init', '-q', '-b', 'main');
    const tsx = join(repoRoot, 'node_modules', '.bin', 'tsx');
    git('config', 'merge.policy-lens.driver', `${tsx} ${join(repoRoot, 'src', 'cli', 'main.ts')} merge-driver %O %A %B %P`);
    await writeFile(join(repo, '.gitattributes'), '*.annotations.yaml merge=policy-lens\n');
    await writeFile(join(repo, 'debate.txt'), text);
    await writeFile(join(repo, 'debate.txt.annotations.yaml'), file(base));
    git('add', '.');
    git('commit', '-qm', 'coded');
  });
  after(() => rm(repo, { recursive: true, force: true }));

  it('keeps every annotation of both branches, with both edits of the one they share', async () => {
    git('checkout', '-qb', 'ana');
    await writeFile(join(repo, 'debate.txt.annotations.yaml'), file([...base.map((a) => (a.id === 'bbbbbb' ? { ...a, themes: [...a.themes, 'protection'] } : a)), on('the Minister for Foreign Affairs', 'ana001', ['guests']), on('the mandate of the Mission', 'ana002', ['mandate'])]));
    git('commit', '-qam', 'Ana codes');
    git('checkout', '-q', 'main');
    git('checkout', '-qb', 'ben');
    await writeFile(join(repo, 'debate.txt.annotations.yaml'), file([...base.map((a) => (a.id === 'bbbbbb' ? { ...a, note: 'Key phrase; see also the Sahel report.' } : a)), on('the situation in the Sahel', 'ben001', ['sahel'])]));
    git('commit', '-qam', 'Ben codes');
    git('merge', '-q', '--no-edit', 'ana');
    const result = await readFile(join(repo, 'debate.txt.annotations.yaml'), 'utf8');
    assert.doesNotMatch(result, /<<<<<<<|>>>>>>>/);
    const p = parseSidecar(result);
    assert.ok(p.ok, p.ok ? '' : p.error.message);
    assert.deepEqual(p.sidecar.annotations.map((a) => a.id).sort(), ['aaaaaa', 'ana001', 'ana002', 'bbbbbb', 'ben001', 'cccccc']);
    const shared = p.sidecar.annotations.find((a) => a.id === 'bbbbbb')!;
    assert.deepEqual(shared.themes, ['access', 'protection']);
    assert.equal(shared.note, 'Key phrase; see also the Sahel report.');
    for (const a of p.sidecar.annotations) assert.equal(text.slice(a.target.start, a.target.end), a.target.quote, a.id);
  });
});
