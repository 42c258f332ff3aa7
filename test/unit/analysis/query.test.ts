import * as assert from 'node:assert/strict';
import {
  WorkspaceIndex, formatThemeExpression, globMatcher, groupPassages, markdownQuotation, parseThemeExpression, runQuery,
  type CodedPassage, type PassageQuery,
} from '../../../src/core/analysis';
import { corpus, describeWithCorpus } from '../../support/corpus';
import { fixtureIndex, PRESS, RECORD, RECORD_COPY } from './support/workspace';

// The fixture folder holds corpus documents: without the corpus beside the clone its suites are skipped, and say why.
const index = corpus.present ? fixtureIndex() : new WorkspaceIndex();
const themes = index.themes();
const ids = (query: PassageQuery): string[] => runQuery(index.passages(), query).map((p) => p.id);
const expr = (source: string) => {
  const parsed = parseThemeExpression(source, themes);
  if (!parsed.ok) throw new Error(`${parsed.message} at ${parsed.column}`);
  return parsed.expr;
};

describeWithCorpus('runQuery', () => {
  it('finds the passages of a theme across the folder', () => {
    assert.deepEqual(ids({ themes: expr('humanitarian') }), ['r1', 'r2', 'r3', 'c1']);
  });

  it('OR lists passages that carry either theme', () => {
    assert.deepEqual(ids({ themes: expr('gender OR sanctions') }), ['p6', 'r2']);
  });

  it('AND holds on one passage that carries both', () => {
    assert.deepEqual(ids({ themes: expr('humanitarian AND sanctions') }), ['r2']);
  });

  it('AND holds on overlapping passages, each listed', () => {
    assert.deepEqual(ids({ themes: expr('prevention AND finance') }), ['p3', 'p4']);
  });

  it('AND "in the same speaker turn" takes the whole turn', () => {
    assert.deepEqual(ids({ themes: expr('prevention AND finance'), cooccurrence: 'turn' }), ['p2', 'p3', 'p4']);
  });

  it('NOT leaves out passages where the theme holds', () => {
    assert.deepEqual(ids({ themes: expr('humanitarian AND NOT sanctions') }), ['r1', 'r3', 'c1']);
    assert.deepEqual(ids({ themes: expr('prevention AND NOT finance') }), ['p1'], 'p3 overlaps a finance passage');
  });

  it('filters by speaker, section, document and words', () => {
    assert.deepEqual(ids({ speaker: 'russian federation' }), ['r1']);
    assert.deepEqual(ids({ speaker: 'Steiner' }), ['p2', 'p3', 'p4']);
    assert.deepEqual(ids({ speaker: 'Administrator' }), ['p2', 'p3', 'p4'], 'the role counts');
    assert.deepEqual(ids({ section: 'session iv' }), ['p6']);
    assert.deepEqual(ids({ document: 'records/**' }), ['r1', 'r4', 'r2', 'r3', 'c1']);
    assert.deepEqual(ids({ document: '*-again.txt' }), ['c1']);
    assert.deepEqual(ids({ document: 'copy' }), ['c1']);
    assert.deepEqual(ids({ text: 'vital aid' }), ['r2']);
    assert.deepEqual(ids({ text: 'headline' }), ['p1'], 'the note counts');
    assert.deepEqual(ids({ themes: expr('humanitarian'), speaker: 'craft', document: RECORD }), ['r3']);
  });
});

describeWithCorpus('parseThemeExpression', () => {
  it('reads ids, labels (quoted when they have spaces), symbols and parentheses', () => {
    assert.deepEqual(expr('"Humanitarian access" & !sanctions'), { kind: 'and', items: [{ kind: 'theme', id: 'humanitarian' }, { kind: 'not', item: { kind: 'theme', id: 'sanctions' } }] });
    assert.deepEqual(expr('technology and (finance or Gender)'), {
      kind: 'and', items: [{ kind: 'theme', id: 'technology' }, { kind: 'or', items: [{ kind: 'theme', id: 'finance' }, { kind: 'theme', id: 'gender' }] }],
    });
    assert.equal(parseThemeExpression('  ', themes).ok, true);
  });

  it('says what is wrong and where', () => {
    assert.deepEqual(parseThemeExpression('technology AND', themes), { ok: false, message: 'a theme is missing at the end', column: 15 });
    assert.deepEqual(parseThemeExpression('(technology', themes), { ok: false, message: 'a ")" is missing', column: 12 });
    assert.deepEqual(parseThemeExpression('technology finance', themes), { ok: false, message: 'AND or OR is expected before "finance"', column: 12 });
    assert.deepEqual(parseThemeExpression('cyber', themes), { ok: false, message: 'no theme "cyber" in the codebook or the sidecars', column: 1 });
    assert.deepEqual(parseThemeExpression('"human', themes), { ok: false, message: 'this quotation is not closed', column: 1 });
  });

  it('writes an expression back so that it reads the same', () => {
    for (const source of ['technology AND (finance OR gender)', 'NOT (finance OR gender)', 'humanitarian AND NOT sanctions OR technology']) {
      assert.equal(formatThemeExpression(expr(source)), source);
      assert.deepEqual(expr(formatThemeExpression(expr(source))), expr(source));
    }
  });
});

describe('globMatcher', () => {
  const cases: [string, string, boolean][] = [
    ['records/**', 'records/copy/a.txt', true],
    ['records/*', 'records/copy/a.txt', false],
    ['*.txt', 'records/copy/a.txt', true],
    ['**/*.{md,txt}', 'a.md', true],
    ['S-PV-87??.txt', 'records/S-PV-8700.txt', true],
    ['[a-c]*.txt', 'b.txt', true],
    ['[a-c]*.txt', 'd.txt', false],
    ['press', 'press/counter-terrorism.txt', true],
  ];
  for (const [glob, path, expected] of cases) {
    it(`${glob} ${expected ? 'matches' : 'does not match'} ${path}`, () => assert.equal(globMatcher(glob)(path), expected));
  }
});

describeWithCorpus('groupPassages', () => {
  it('groups by theme in codebook order with passage and document counts', () => {
    const found = runQuery(index.passages(), {});
    const groups = groupPassages(found, 'theme', themes);
    assert.deepEqual(groups.map((g) => [g.key, g.passages.length, g.documents]), [
      ['technology', 2, 1], ['prevention', 2, 1], ['finance', 2, 1], ['humanitarian', 4, 2], ['sanctions', 1, 1], ['gender', 1, 1], ['legacy-id', 1, 1],
    ]);
  });

  it('under a query, groups only under the themes it asks for', () => {
    const query = { themes: expr('humanitarian AND sanctions') };
    assert.deepEqual(groupPassages(runQuery(index.passages(), query), 'theme', themes, query).map((g) => g.key), ['humanitarian', 'sanctions']);
  });

  it('groups by document and by speaker', () => {
    const found = runQuery(index.passages(), { themes: expr('humanitarian') });
    assert.deepEqual(groupPassages(found, 'document', themes).map((g) => [g.label, g.passages.length]), [[RECORD, 3], [RECORD_COPY, 1]]);
    assert.deepEqual(groupPassages(found, 'speaker', themes).map((g) => [g.label, g.passages.length, g.documents]), [
      ['Mr. Nebenzia (Russian Federation)', 1, 1],
      ['Ms. Pierce (United Kingdom of Great Britain and Northern Ireland)', 1, 1],
      ['Mrs. Craft (United States of America)', 2, 2],
    ]);
  });
});

describeWithCorpus('markdownQuotation', () => {
  it('quotes the passage with speaker, document and line', () => {
    const p = index.passages().find((x) => x.id === 'r2')!;
    assert.equal(markdownQuotation(p), [
      '> We will not vote to stop vital aid reaching',
      '> Syria',
      '>',
      '> — Ms. Pierce, United Kingdom of Great Britain and Northern Ireland; records/S-PV-8700.txt, line 577',
    ].join('\n'));
  });

  it('escapes markup and adds the note', () => {
    const p = { ...index.passages().find((x) => x.id === 'p1')!, quote: '# 1. *all* [States]' } as CodedPassage;
    assert.equal(markdownQuotation(p), `> \\# 1. \\*all\\* \\[States\\]\n>\n> — ${PRESS}, line 2\n\n*Note:* The headline demand.`);
  });
});
