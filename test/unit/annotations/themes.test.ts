import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  mergeThemes,
  newAnnotationId,
  nextColor,
  PALETTE,
  removeTheme,
  renameThemeId,
  slug,
  themeUsage,
  uniqueSlug,
  type Annotation,
  type Sidecar,
} from '../../../src/core/annotations';

const target = { quote: 'q', prefix: '', suffix: '', start: 0, end: 1 };
const annotation = (id: string, themes: string[]): Annotation => ({ id, themes, target });
const sidecar: Sidecar = {
  version: 1,
  document: 'a.txt',
  textHash: `sha256:${'0'.repeat(64)}`,
  annotations: [annotation('a', ['tech', 'prevention']), annotation('b', ['prevention', 'tech']), annotation('c', ['costs'])],
};

describe('theme operations on sidecars', () => {
  it('renames a theme id where it is used and counts the annotations touched', () => {
    const { sidecar: s, touched } = renameThemeId(sidecar, 'tech', 'technology');
    assert.deepEqual(touched, ['a', 'b']);
    assert.deepEqual(s.annotations.map((a) => a.themes), [['technology', 'prevention'], ['prevention', 'technology'], ['costs']]);
  });

  it('merges themes without duplicates, keeping the first position', () => {
    const { sidecar: s, touched } = mergeThemes(sidecar, 'tech', 'prevention');
    assert.deepEqual(touched, ['a', 'b']);
    assert.deepEqual(s.annotations.map((a) => a.themes), [['prevention'], ['prevention'], ['costs']]);
  });

  it('removes a theme but never an annotation', () => {
    const { sidecar: s, touched } = removeTheme(sidecar, 'costs');
    assert.deepEqual(touched, ['c']);
    assert.equal(s.annotations.length, 3);
    assert.deepEqual(s.annotations[2].themes, []);
  });

  it('returns the same sidecar when nothing uses the theme', () => {
    const r = removeTheme(sidecar, 'nope');
    assert.equal(r.sidecar, sidecar);
    assert.deepEqual(r.touched, []);
  });

  it('counts theme usage, unknown ids included', () => {
    assert.deepEqual([...themeUsage([sidecar, sidecar])], [['tech', 4], ['prevention', 4], ['costs', 2]]);
  });
});

describe('ids and colours', () => {
  it('makes readable theme ids from labels', () => {
    assert.equal(slug('Human Rights & Rule of Law'), 'human-rights-rule-of-law');
    assert.equal(slug('  Sécurité  alimentaire '), 'securite-alimentaire');
    assert.equal(slug('Права человека'), 'права-человека');
    assert.equal(slug('!!!'), 'theme');
    assert.equal(uniqueSlug('Costs', new Set(['costs', 'costs-2'])), 'costs-3');
  });

  it('makes 6-hex-digit annotation ids, unique within the file, from an injected random source', () => {
    const values = [0.5, 0.5, 0.25];
    const id = newAnnotationId(new Set(['800000']), () => values.shift()!);
    assert.equal(id, '400000');
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 1, maxLength: 50 }), (xs) => {
        const taken = new Set<string>();
        let i = 0;
        for (let n = 0; n < 20; n++) taken.add(newAnnotationId(taken, () => xs[i++ % xs.length]));
        // A source that repeats itself may run out of fresh 6-digit ids; ids then grow, never collide.
        assert.equal(taken.size, 20);
        for (const t of taken) assert.match(t, /^[0-9a-f]{6,}$/);
      }),
    );
  });

  it('offers twelve distinct palette colours, the unused ones first', () => {
    assert.equal(new Set(PALETTE).size, 12);
    assert.equal(nextColor([]), PALETTE[0]);
    assert.equal(nextColor([PALETTE[0], PALETTE[1].toUpperCase()]), PALETTE[2]);
    assert.equal(nextColor([...PALETTE, PALETTE[0]]), PALETTE[1]);
  });
});
