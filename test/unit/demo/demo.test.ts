// The demo workspace (demo/) is what a newcomer sees first, so it must be right: texts of the project's own,
// marked as illustrative; a codebook of six to ten themes with one level of hierarchy; sidecars that parse and
// whose every annotation sits exactly on its passage; and files that are what scripts/demo.ts makes from them.
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runAnalyze } from '../../../src/cli/analyze';
import { anchorAll, CODEBOOK_PATH, parseCodebook, parseSidecar, sidecarPathFor, textHash } from '../../../src/core/annotations';
import { parsePolicyDocument } from '../../../src/core/document';
import { buildDemo, passages, themes, unannotatedDemoDocuments } from '../../../scripts/demo';
import { demoDir, demoDocuments } from '../../support/fixtures';

const read = (path: string) => readFileSync(join(demoDir, path), 'utf8');
const documents = demoDocuments();

describe('demo workspace', () => {
  it('has three to five documents, each marked as illustrative', () => {
    assert.ok(documents.length >= 3 && documents.length <= 5, `${documents.length} documents`);
    for (const { name, text } of documents) assert.match(text, /^Illustrative text written for Policy Lens: .+ invented\.$/m, name);
  });

  it('is exactly what scripts/demo.ts makes (run `npm run demo` after editing a demo text)', () => {
    assert.deepEqual(unannotatedDemoDocuments(), []);
    for (const [path, expected] of buildDemo()) assert.equal(read(path), expected, `demo/${path} is out of date`);
  });

  it('has a codebook of six to ten themes with colours, descriptions and one level of hierarchy', () => {
    const parsed = parseCodebook(read(CODEBOOK_PATH));
    assert.ok(parsed.ok, 'the codebook parses');
    const list = parsed.codebook.themes;
    assert.ok(list.length >= 6 && list.length <= 10, `${list.length} themes`);
    const byId = new Map(list.map((t) => [t.id, t]));
    for (const t of list) {
      assert.match(t.color, /^#[0-9a-f]{6}$/, t.id);
      assert.ok(t.description, `${t.id} has a description`);
      if (t.parent) assert.equal(byId.get(t.parent)?.parent, undefined, `${t.id}: its parent ${t.parent} is a top-level theme`);
    }
    assert.ok(list.some((t) => t.parent), 'some themes have a parent');
    assert.equal(new Set(list.map((t) => t.color)).size, list.length, 'every theme has its own colour');
  });

  for (const { name, text } of documents) {
    describe(name, () => {
      const parsed = parseSidecar(read(sidecarPathFor(name)));

      it('has a sidecar that parses, names its document and matches its text', () => {
        assert.ok(parsed.ok, parsed.ok ? '' : `${parsed.error.line}:${parsed.error.column}: ${parsed.error.message}`);
        assert.equal(parsed.sidecar.document, name);
        assert.equal(parsed.sidecar.textHash, textHash(text));
      });

      it('anchors every annotation exactly on its quote', () => {
        assert.ok(parsed.ok);
        const annotations = parsed.sidecar.annotations;
        assert.ok(annotations.length >= 4, `${annotations.length} annotations`);
        for (const [i, r] of anchorAll(text, annotations).entries()) {
          const a = annotations[i];
          assert.equal(r.status, 'exact', `${a.id} "${a.target.quote}"`);
          assert.equal(text.slice(r.start, r.end), a.target.quote, a.id);
        }
      });

      it('uses only codebook themes', () => {
        assert.ok(parsed.ok);
        const known = new Set(themes.map((t) => t.id));
        for (const a of parsed.sidecar.annotations) for (const t of a.themes) assert.ok(known.has(t), `${a.id}: ${t}`);
      });

      it('gives the Sessions view sections, and references and figures to hover', () => {
        const doc = parsePolicyDocument(text);
        assert.ok(doc.sections.length >= 3, `${doc.sections.length} sections`);
        assert.ok(doc.references.length >= 1, 'a reference');
        assert.ok(doc.figures.length >= 1, 'a figure');
      });
    });
  }

  it('tags every theme somewhere, and passages in several speakers’ turns, for the passages view and the matrix', () => {
    const used = new Set(Object.values(passages).flatMap((list) => list.flatMap((p) => p.themes)));
    assert.deepEqual(themes.map((t) => t.id).filter((t) => !used.has(t)), []);
    const speakersWithPassages = new Set<string>();
    for (const { name, text } of documents) {
      const doc = parsePolicyDocument(text);
      for (const p of passages[name]) {
        const at = text.indexOf(p.quote);
        const turn = doc.speakers.find((s) => s.range.start <= at && at < s.end);
        if (turn) speakersWithPassages.add(turn.name ?? turn.surface);
      }
    }
    assert.ok(speakersWithPassages.size >= 8, `passages in the turns of ${[...speakersWithPassages].join(', ')}`);
  });

  it('reads the press release with its speakers resolved from their introductions', () => {
    const press = documents.find((d) => d.name.startsWith('press-release'))!;
    const doc = parsePolicyDocument(press.text);
    assert.deepEqual(doc.sections.slice(1).map((s) => s.title), ['Session I', 'Session II', 'Closing Remarks']);
    assert.deepEqual(doc.speakers.map((s) => s.name ?? s.surface).filter((n) => /Veldhuis|Harrow/.test(n)), ['Linnea Harrow', 'Tomas Veldhuis', 'Linnea Harrow']);
  });

  it('reads the verbatim record’s wrapped labels and its vote', () => {
    const record = documents.find((d) => d.name.startsWith('sc-record'))!;
    const doc = parsePolicyDocument(record.text);
    const labels = doc.speakers.filter((s) => s.surface !== 'The President').map((s) => [s.surface, s.country, s.language ?? null]);
    assert.deepEqual(labels, [
      ['Mr. Castellane', 'Arvelia', null],
      ['Ms. Saarinen-Lowe', 'Republic of Estmere', null],
      ['Mr. Kell', 'Dravonia', 'Dravonian'],
      ['Mrs. Idowu-Marsh', 'Corvania', 'French'],
    ]);
    assert.ok(doc.figures.some((f) => f.kind === 'vote' && f.surface.startsWith('12 votes in favour')));
    assert.ok(doc.references.some((r) => r.symbol === 'S/RES/3104(2031)'));
  });

  it('is read by `policy-lens analyze`, one JSON object per file', async () => {
    let out = '';
    const files = documents.map((d) => join(demoDir, d.name));
    const code = await runAnalyze(['--json', ...files], { stdout: (s) => { out += s; }, stderr: () => undefined });
    assert.equal(code, 0);
    const json = JSON.parse(out) as { file: string; sections: unknown[] }[];
    assert.deepEqual(json.map((j) => j.file), files);
    assert.ok(json.every((j) => j.sections.length > 0));
  });

  it('holds no file that the demo does not explain', () => {
    const expected = new Set([...documents.map((d) => d.name), ...documents.map((d) => sidecarPathFor(d.name)), '.policy-lens', 'README.md']);
    assert.deepEqual(readdirSync(demoDir).filter((f) => !expected.has(f)), []);
  });
});
