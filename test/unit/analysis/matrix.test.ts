import * as assert from 'node:assert/strict';
import { WorkspaceIndex, buildMatrix, cellQuery, matrixCsv, runQuery, type CodedPassage, type MatrixBy, type MatrixCount } from '../../../src/core/analysis';
import { corpus, describeWithCorpus } from '../../support/corpus';
import { fixtureIndex, PRESS, RECORD, RECORD_COPY } from './support/workspace';

// The fixture folder holds corpus documents: without the corpus beside the clone its suites are skipped, and say why.
const index = corpus.present ? fixtureIndex() : new WorkspaceIndex();
const passages = index.passages();
const themes = index.themes();
function distinct(lists: readonly (readonly CodedPassage[])[]): CodedPassage[] {
  return [...new Set(lists.flat())];
}

/** Counted again here, plainly: passages, their documents, or the union of their characters per document. */
function measure(list: readonly CodedPassage[], count: MatrixCount): number {
  if (count === 'passages') return list.length;
  if (count === 'documents') return new Set(list.map((p) => p.document)).size;
  const coded = new Set<string>();
  for (const p of list) for (let i = p.start; i < p.end; i++) coded.add(`${p.document}:${i}`);
  return coded.size;
}

const row = (m: ReturnType<typeof buildMatrix>, id: string): number[] => [...m.counts[m.rows.findIndex((r) => r.id === id)]];

describeWithCorpus('buildMatrix', () => {
  it('themes × speakers counts passages per theme and speaker, with "No speaker" last', () => {
    const m = buildMatrix(passages, themes, { by: 'speaker' });
    assert.deepEqual(m.columns.map((c) => c.label), [
      'Achim Steiner', 'Phumzile Mlambo-Ngcuka', 'Mr. Nebenzia (Russian Federation)',
      'Ms. Pierce (United Kingdom of Great Britain and Northern Ireland)', 'Mrs. Craft (United States of America)', 'No speaker',
    ]);
    assert.deepEqual(row(m, 'humanitarian'), [0, 0, 1, 1, 2, 0]);
    assert.deepEqual(row(m, 'finance'), [2, 0, 0, 0, 0, 0]);
    assert.deepEqual(m.rows.map((r) => r.id), ['technology', 'prevention', 'finance', 'humanitarian', 'sanctions', 'gender', 'legacy-id'], 'one row per theme, and per uncategorised id');
    assert.deepEqual(m.columnTotals, [3, 1, 1, 2, 2, 2]);
    assert.equal(m.total, 11);
  });

  it('counts documents and coded characters, a character coded twice by one theme once', () => {
    const docs = buildMatrix(passages, themes, { by: 'speaker', count: 'documents' });
    assert.deepEqual(row(docs, 'humanitarian'), [0, 0, 1, 1, 2, 0], 'Mrs. Craft speaks in both copies of the record');
    assert.equal(docs.total, 3);
    const chars = buildMatrix(passages, themes, { by: 'document', count: 'chars' });
    const p3 = passages.find((p) => p.id === 'p3')!;
    const p4 = passages.find((p) => p.id === 'p4')!;
    const p2 = passages.find((p) => p.id === 'p2')!;
    assert.equal(row(chars, 'finance')[0], p2.end - p2.start + p4.end - p4.start);
    const union = Math.max(p3.end, p4.end) - Math.min(p3.start, p4.start);
    const both = buildMatrix(passages.filter((p) => p === p3 || p === p4).map((p) => ({ ...p, themes: ['finance'] })), themes, { by: 'document', count: 'chars' });
    assert.equal(row(both, 'finance')[0], union, 'overlapping passages of one theme count their union');
  });

  it('themes × sections and themes × documents', () => {
    const sections = buildMatrix(passages, themes, { by: 'section' });
    assert.deepEqual(sections.columns.map((c) => c.label).slice(1), ['Session III', 'Session IV', 'The situation in the Middle East']);
    assert.deepEqual(row(sections, 'prevention'), [1, 1, 0, 0]);
    const documents = buildMatrix(passages, themes, { by: 'document' });
    assert.deepEqual(documents.columns.map((c) => c.key), [PRESS, RECORD, RECORD_COPY]);
    assert.deepEqual(row(documents, 'humanitarian'), [0, 3, 1]);
  });

  it('themes × themes counts co-occurrence: one passage, overlapping passages, or the same turn', () => {
    const overlap = buildMatrix(passages, themes, { by: 'theme' });
    const at = (m: ReturnType<typeof buildMatrix>, a: string, b: string) => m.counts[m.rows.findIndex((r) => r.id === a)][m.columns.findIndex((c) => c.key === b)];
    assert.equal(at(overlap, 'humanitarian', 'sanctions'), 1);
    assert.equal(at(overlap, 'prevention', 'finance'), 2, 'p3 and p4 overlap');
    assert.equal(at(overlap, 'technology', 'prevention'), 1);
    assert.equal(at(overlap, 'humanitarian', 'humanitarian'), 4, 'the diagonal is the theme itself');
    const turn = buildMatrix(passages, themes, { by: 'theme', cooccurrence: 'turn' });
    assert.equal(at(turn, 'prevention', 'finance'), 3, 'p2, p3 and p4 are all Mr. Steiner’s');
    for (const m of [overlap, turn]) {
      m.counts.forEach((r, i) => r.forEach((n, j) => assert.equal(n, m.counts[j][i], 'symmetric')));
    }
  });

  it('counts in each cell exactly what its query finds, and totals over distinct passages', () => {
    const bys: MatrixBy[] = ['speaker', 'section', 'document', 'theme'];
    const counts: MatrixCount[] = ['passages', 'documents', 'chars'];
    for (const by of bys) {
      for (const count of counts) {
        for (const cooccurrence of ['overlap', 'turn'] as const) {
          const m = buildMatrix(passages, themes, { by, count, cooccurrence });
          const cellSets = m.rows.map((_, r) => m.columns.map((_c, c) => runQuery(passages, cellQuery(m, r, c))));
          m.rows.forEach((_, r) => m.columns.forEach((_c, c) => {
            assert.equal(m.counts[r][c], measure(cellSets[r][c], count), `${by} ${count} ${cooccurrence} [${r},${c}]`);
          }));
          m.rows.forEach((_, r) => assert.equal(m.rowTotals[r], measure(distinct(cellSets[r]), count), `row ${r}`));
          m.columns.forEach((_, c) => assert.equal(m.columnTotals[c], measure(distinct(cellSets.map((row) => row[c])), count), `column ${c}`));
          assert.equal(m.total, measure(distinct(cellSets.flat()), count));
        }
      }
    }
  });

  it('exports as CSV with labels, totals and quoting', () => {
    const m = buildMatrix(passages, themes, { by: 'speaker' });
    const lines = matrixCsv(m).split('\r\n');
    assert.equal(lines[0], 'theme,label,Achim Steiner,Phumzile Mlambo-Ngcuka,Mr. Nebenzia (Russian Federation),Ms. Pierce (United Kingdom of Great Britain and Northern Ireland),Mrs. Craft (United States of America),No speaker,total');
    assert.equal(lines[4], 'humanitarian,Humanitarian access,0,0,1,1,2,0,4');
    assert.equal(lines[8], ',total,3,1,1,2,2,2,11');
    assert.equal(lines[9], '');
    const quoted = matrixCsv({ ...m, rows: m.rows.map((r, i) => (i === 0 ? { ...r, label: 'Tech, "new"' } : r)) });
    assert.match(quoted, /\r\ntechnology,"Tech, ""new""",/);
  });

  it('stays fast with 50 themes, 200 speakers and 20,000 passages', () => {
    const many = Array.from({ length: 20_000 }, (_, i) => ({
      ...passages[i % passages.length],
      id: String(i),
      document: `d${i % 400}.txt`,
      start: i * 10, end: i * 10 + 50,
      themes: [`t${i % 50}`, `t${(i * 7) % 50}`],
      speaker: { name: `Speaker ${i % 200}`, role: null, country: null, key: `s${i % 200}` },
    }));
    const t0 = performance.now();
    const m = buildMatrix(many, Array.from({ length: 50 }, (_, i) => ({ id: `t${i}`, label: `Theme ${i}`, color: '#4e79a7' })), { by: 'speaker' });
    const ms = performance.now() - t0;
    assert.equal(m.columns.length, 200);
    assert.equal(m.rows.length, 50);
    assert.ok(ms < 1000, `${ms.toFixed(0)} ms`);
  });
});
