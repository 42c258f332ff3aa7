import * as assert from 'node:assert/strict';
import { describeWithCorpus } from '../../support/corpus';
import { codePointIndex } from '../../../src/core/annotations';
import { documentStructure, passageTable, WorkspaceIndex } from '../../../src/core/analysis';
import { parsePolicyDocument } from '../../../src/core/document';
import { allCorpusDocs } from '../document/corpus';
import { fixtureFiles, fixtureIndex, PRESS, RECORD, RECORD_COPY } from './support/workspace';

describeWithCorpus('WorkspaceIndex', () => {
  it('lists the coded passages of every document, by path and position, with their places', () => {
    const index = fixtureIndex();
    assert.deepEqual(index.documents(), [PRESS, RECORD, RECORD_COPY]);
    assert.deepEqual(index.passages().map((p) => `${p.document}#${p.id}`), [
      `${PRESS}#p1`, `${PRESS}#p5`, `${PRESS}#p2`, `${PRESS}#p3`, `${PRESS}#p4`, `${PRESS}#p6`,
      `${RECORD}#r1`, `${RECORD}#r4`, `${RECORD}#r2`, `${RECORD}#r3`, `${RECORD_COPY}#c1`,
    ]);
    const r2 = index.passages().find((p) => p.id === 'r2')!;
    assert.equal(r2.speaker?.name, 'Ms. Pierce');
    assert.equal(r2.speaker?.country, 'United Kingdom of Great Britain and Northern Ireland', 'the label says United Kingdom; the cover page gives the long form');
    assert.equal(r2.line, 577);
    assert.deepEqual(index.orphans(), []);
  });

  it('rows are the codebook themes in order, then the uncategorised ids in use', () => {
    const index = fixtureIndex();
    assert.deepEqual(index.themes().map((t) => [t.id, t.uncategorised ?? false]), [
      ['technology', false], ['prevention', false], ['finance', false], ['humanitarian', false], ['sanctions', false], ['gender', false], ['legacy-id', true],
    ]);
  });

  it('reports a sidecar that does not parse with its line and column, and counts everything else', () => {
    const index = fixtureIndex();
    const record = fixtureFiles()[1];
    const broken = record.sidecar.replace('themes: [humanitarian, sanctions]', 'themes: [humanitarian, sanctions');
    const error = index.setFromFiles(RECORD, record.text, broken);
    assert.ok(error && error.line > 1, 'the error has a place');
    assert.deepEqual(index.problems().map((p) => [p.document, p.error.line]), [[RECORD, error.line]]);
    assert.equal(index.passages().filter((p) => p.document === RECORD).length, 0);
    assert.equal(index.passages().length, 7);
  });

  it('updates one document at a time, parsing its text again only when the text changed', () => {
    const index = fixtureIndex();
    const [press] = fixtureFiles();
    const structure = index.structure(PRESS);
    const version = index.version;
    const fewer = press.sidecar.replace(/\n {2}- id: p6[^]*$/, '\n');
    index.setFromFiles(PRESS, press.text, fewer);
    assert.ok(index.version > version);
    assert.equal(index.structure(PRESS), structure, 'same text: the parse is kept');
    assert.deepEqual(index.passages().filter((p) => p.document === PRESS).map((p) => p.id), ['p1', 'p5', 'p2', 'p3', 'p4']);
    index.setFromFiles(PRESS, `New first line.\n${press.text}`, fewer);
    assert.notEqual(index.structure(PRESS), structure);
    assert.deepEqual(index.passages().filter((p) => p.document === PRESS).map((p) => p.line), [3, 7, 15, 15, 15], 're-anchored in memory');
  });

  it('takes the live ranges of an open document as they are', () => {
    const index = fixtureIndex();
    const [press] = fixtureFiles();
    const text = `A paragraph typed at the top.\n${press.text}`;
    const at = text.indexOf('violent extremism was costing');
    index.setLive(PRESS, text, [{ annotation: { id: 'live', themes: ['finance'], target: { quote: '', prefix: '', suffix: '', start: 0, end: 0 } }, start: at, end: at + 17 }]);
    const [p] = index.passages().filter((x) => x.document === PRESS);
    assert.equal(p.quote, 'violent extremism');
    assert.equal(p.start, codePointIndex(text).toCodePoint(at));
    assert.equal(p.line, 15);
    assert.equal(p.section.at(-1), 'Session III');
  });

  it('forgets a document whose sidecar is gone, and follows a rename', () => {
    const index = fixtureIndex();
    index.setFromFiles(RECORD_COPY, '', undefined);
    assert.equal(index.has(RECORD_COPY), false);
    index.rename(PRESS, 'moved/press.txt');
    assert.ok(index.passages().some((p) => p.document === 'moved/press.txt'));
    assert.ok(!index.passages().some((p) => p.document === PRESS));
  });

  it('lists a sidecar the host could not read as a problem', () => {
    const index = new WorkspaceIndex();
    index.setProblem('a.txt', { message: 'permission denied', line: 1, column: 1 });
    assert.deepEqual(index.problems(), [{ document: 'a.txt', error: { message: 'permission denied', line: 1, column: 1 } }]);
  });
});

describeWithCorpus('the folder table', () => {
  it('merged from the documents\' parts is the table built from the whole list', () => {
    const index = fixtureIndex();
    const merged = passageTable(index.passages());
    const built = passageTable([...index.passages()]);
    assert.notEqual(merged, built);
    assert.deepEqual({ ...merged, themeId: [...merged.themeId] }, { ...built, themeId: [...built.themeId] });
  });
});

describeWithCorpus('documentStructure', () => {
  it('finds the same sections and speaker turns as parsePolicyDocument on every corpus document', () => {
    for (const { name, text } of allCorpusDocs()) {
      const full = parsePolicyDocument(text);
      const part = documentStructure(text);
      assert.deepEqual(part.sections, full.sections, name);
      assert.deepEqual(part.speakers, full.speakers, name);
    }
  });
});
