import * as assert from 'node:assert/strict';
import {
  addTheme,
  changeThemeId,
  deleteTheme,
  emptyCodebook,
  mergeTheme,
  parseCodebook,
  recolorTheme,
  renameTheme,
  serializeCodebook,
  themeFor,
  unknownThemeIds,
  type CodebookEdit,
  type ParsedCodebook,
} from '../../../src/core/annotations';

const source = `# Codebook of the counter-terrorism project
policyLensCodebook: 1
themes:
  - id: technology
    label: Technology
    color: "#4e79a7"
    description: Misuse and governance of new technologies.
  # cyber is a sub-theme
  - id: cyber
    label: Cyber attacks
    color: "#e15759"
    parent: technology
    owner: ana # a key the team added
  - id: prevention
    label: Prevention
    color: "#59a14f"
`;

function ok(edit: CodebookEdit): ParsedCodebook {
  if (!edit.ok) assert.fail(edit.message);
  return edit.value;
}

function parsed(text: string): ParsedCodebook {
  const p = parseCodebook(text);
  if (!p.ok) assert.fail(`${p.error.line}:${p.error.column}: ${p.error.message}`);
  return p;
}

describe('codebook', () => {
  const cb = parsed(source);

  it('reads themes with their hierarchy', () => {
    assert.deepEqual(cb.codebook.themes.map((t) => [t.id, t.label, t.color, t.parent]), [
      ['technology', 'Technology', '#4e79a7', undefined],
      ['cyber', 'Cyber attacks', '#e15759', 'technology'],
      ['prevention', 'Prevention', '#59a14f', undefined],
    ]);
    assert.equal(serializeCodebook(cb), source);
  });

  it('adds a theme with a slug id and the next free palette colour, as one block', () => {
    const out = serializeCodebook(ok(addTheme(cb, { label: 'Human rights & the rule of law' })));
    assert.equal(
      out,
      `${source}  - id: human-rights-the-rule-of-law\n    label: Human rights & the rule of law\n    color: "#f28e2b"\n`,
    );
    assert.equal(ok(addTheme(cb, { label: 'Prevention' })).codebook.themes[3].id, 'prevention-2');
    assert.equal(addTheme(cb, { label: 'X', id: 'cyber' }).ok, false);
  });

  it('renames and recolours in place, keeping comments and unknown keys', () => {
    const renamed = serializeCodebook(ok(recolorTheme(ok(renameTheme(cb, 'cyber', 'Cyber-attacks')), 'cyber', '#FF9DA7')));
    assert.equal(renamed, source.replace('label: Cyber attacks', 'label: Cyber-attacks').replace('"#e15759"', '"#ff9da7"'));
    assert.equal(recolorTheme(cb, 'cyber', 'red').ok, false);
    assert.equal(renameTheme(cb, 'nope', 'x').ok, false);
  });

  it('merges a theme into another: it leaves, its children move under the other', () => {
    const merged = ok(mergeTheme(cb, 'technology', 'prevention'));
    assert.deepEqual(merged.codebook.themes.map((t) => [t.id, t.parent]), [
      ['cyber', 'prevention'],
      ['prevention', undefined],
    ]);
    assert.ok(serializeCodebook(merged).includes('owner: ana # a key the team added'));
    // Merging a parent into its own child: the child takes the parent's place.
    assert.deepEqual(ok(mergeTheme(cb, 'technology', 'cyber')).codebook.themes.map((t) => [t.id, t.parent]), [
      ['cyber', undefined],
      ['prevention', undefined],
    ]);
  });

  it('deletes a theme; its children move up', () => {
    assert.deepEqual(ok(deleteTheme(cb, 'technology')).codebook.themes.map((t) => [t.id, t.parent]), [
      ['cyber', undefined],
      ['prevention', undefined],
    ]);
  });

  it('changes a theme id, children following', () => {
    const changed = ok(changeThemeId(cb, 'technology', 'tech'));
    assert.deepEqual(changed.codebook.themes.map((t) => [t.id, t.parent]), [['tech', undefined], ['cyber', 'tech'], ['prevention', undefined]]);
    assert.equal(changeThemeId(cb, 'technology', 'cyber').ok, false);
    assert.equal(changeThemeId(cb, 'technology', 'has space').ok, false);
  });

  it('starts a new codebook file', () => {
    const first = ok(addTheme(emptyCodebook(), { label: 'Technology', description: 'New tech.' }));
    assert.equal(
      serializeCodebook(first),
      '# Policy Lens codebook: the themes shared by the documents in this folder\npolicyLensCodebook: 1\nthemes:\n  - id: technology\n    label: Technology\n    color: "#4e79a7"\n    description: New tech.\n',
    );
    assert.equal(serializeCodebook(emptyCodebook()).endsWith('themes: []\n'), true);
  });

  it('keeps theme ids that the codebook does not know, as uncategorised', () => {
    assert.deepEqual(themeFor(cb.codebook, 'cyber').label, 'Cyber attacks');
    assert.deepEqual(themeFor(cb.codebook, 'gender'), { id: 'gender', label: 'gender', color: '#9d9d9d', uncategorised: true });
    assert.deepEqual(unknownThemeIds(cb.codebook, ['cyber', 'gender', 'costs', 'gender']), ['gender', 'costs']);
  });

  describe('malformed codebooks', () => {
    const cases: [string, string, number, number, RegExp][] = [
      ['a syntax error', source.replace('label: Prevention', 'label: [Prevention'), 16, 5, /./],
      ['an unquoted colour', source.replace('"#59a14f"', '#59a14f'), 16, 12, /quoted/],
      ['a bad colour', source.replace('"#59a14f"', 'green'), 16, 12, /color is not valid/],
      ['a duplicate id', source.replace('id: prevention', 'id: cyber'), 14, 9, /duplicate theme id "cyber"/],
      ['an unknown parent', source.replace('parent: technology', 'parent: tech'), 12, 13, /parent "tech" is not a theme/],
      ['a parent cycle', source.replace('    description: Misuse', '    parent: cyber\n    description: Misuse'), 7, 13, /cycle/],
      ['a missing label', source.replace('    label: Technology\n', ''), 4, 5, /missing "label"/],
      ['a newer version', source.replace('policyLensCodebook: 1', 'policyLensCodebook: 3'), 2, 21, /newer Policy Lens/],
    ];
    for (const [name, text, line, column, message] of cases) {
      it(`reports ${name} with line and column`, () => {
        const p = parseCodebook(text);
        assert.equal(p.ok, false);
        if (p.ok) return;
        assert.match(p.error.message, message);
        assert.deepEqual([p.error.line, p.error.column], [line, column], p.error.message);
      });
    }
  });
});
