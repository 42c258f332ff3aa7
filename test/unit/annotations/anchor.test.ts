import * as assert from 'node:assert/strict';
import { anchorAll, createTarget, type AnchorResult } from '../../../src/core/annotations';

/** An annotation on the first occurrence of `quote` in `text` (or the n-th). */
function on(text: string, quote: string, id = 'a1', nth = 0) {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(quote, at + 1);
  assert.ok(at >= 0, `"${quote}" is in the text`);
  return { id, target: createTarget(text, at, at + quote.length) };
}

function placed(text: string, r: AnchorResult): string | undefined {
  return r.start === undefined ? undefined : text.slice(r.start, r.end);
}

const para1 =
  'Calling on the international community, the private sector and academia to share knowledge, expertise and resources to “prevent new technologies from becoming lethal terrorist weapons”, Secretary‑General António Guterres closed the Conference.\n';
const para2 =
  'Raising concerns about several evolving threats, Achim Steiner, Administrator of the United Nations Development Programme (UNDP), chaired an intergovernmental thematic session.\n';
const para3 =
  'Working together was a theme heard often throughout the two‑day Conference, with sessions on the role and capacity of the United Nations to support Member States.\n';
const text = para1 + para2 + para3;
const quote = 'prevent new technologies from becoming lethal terrorist weapons';

describe('anchorAll', () => {
  it('finds an unchanged passage at its position: exact', () => {
    const a = on(text, quote);
    assert.deepEqual(anchorAll(text, [a]), [{ id: 'a1', status: 'exact', start: text.indexOf(quote), end: text.indexOf(quote) + quote.length, score: 1 }]);
  });

  it('follows a passage that text inserted before it pushed along: moved', () => {
    const a = on(text, quote);
    const edited = 'UNITED NATIONS PRESS RELEASE\n\n' + text;
    const [r] = anchorAll(edited, [a]);
    assert.equal(r.status, 'moved');
    assert.equal(placed(edited, r), quote);
  });

  it('stays on a passage edited in place and maps the quote boundaries: fuzzy', () => {
    const a = on(text, quote);
    const edited = text.replace('lethal terrorist weapons', 'deadly terrorist weapons');
    const [r] = anchorAll(edited, [a]);
    assert.equal(r.status, 'fuzzy');
    assert.equal(placed(edited, r), 'prevent new technologies from becoming deadly terrorist weapons');
    assert.ok(r.score! > 0.9 && r.score! < 1);
  });

  it('orphans a passage deleted together with its context, although its words occur elsewhere', () => {
    const a = on(text, 'an intergovernmental thematic session');
    const edited = text.replace(para2, '') + 'The Conference held an intergovernmental thematic session on youth.\n';
    assert.deepEqual(anchorAll(edited, [a]), [{ id: 'a1', status: 'orphan' }]);
  });

  it('keeps a passage edited in place rather than jumping to an exact copy of its old text elsewhere', () => {
    const a = on(text, quote);
    const edited =
      text.replace(quote, 'stop new technologies from becoming lethal terrorist weapons') +
      'Another speaker warned of the need to prevent new technologies from becoming lethal terrorist weapons in future.\n';
    const [r] = anchorAll(edited, [a]);
    assert.equal(r.status, 'fuzzy');
    assert.equal(r.start, text.indexOf(quote));
    assert.equal(placed(edited, r), 'stop new technologies from becoming lethal terrorist weapons');
  });

  it('does not guess between copies of a short quote whose context is gone', () => {
    const a = on(text, 'the United Nations', 'a1', 0);
    const edited = text.replace(para2, 'Speakers stressed the work of the United Nations in the field.\n');
    assert.equal(anchorAll(edited, [a])[0].status, 'orphan');
  });

  it('stays on the original when its paragraph is duplicated elsewhere', () => {
    const a = on(text, 'Achim Steiner');
    const edited = text + para2;
    assert.deepEqual(anchorAll(edited, [a])[0], { id: 'a1', status: 'exact', start: text.indexOf('Achim'), end: text.indexOf('Achim') + 13, score: 1 });
  });

  it('offers, rather than takes, a short passage that moved with one side of its context', () => {
    // A headline printed twice looks the same once the first print is deleted: only a person can tell.
    const a = on(text, 'an intergovernmental thematic session');
    const edited = para1 + para3 + para2;
    const [r] = anchorAll(edited, [a]);
    assert.equal(r.status, 'orphan');
    assert.equal(r.candidates?.[0].start, edited.indexOf('an intergovernmental thematic session'));
  });

  it('follows a whole moved paragraph whose surroundings all changed', () => {
    const a = on(text, para2.trim());
    const edited = para3 + 'In other business the Conference adopted its report.\n' + para1 + '\n' + para2;
    const [r] = anchorAll(edited, [a]);
    assert.equal(r.status, 'moved');
    assert.equal(placed(edited, r), para2.trim());
  });

  it('orphans a passage whose quote was deleted although its context is still there', () => {
    const a = on(text, 'Achim Steiner, ');
    const edited = text.replace('Achim Steiner, ', '');
    assert.equal(anchorAll(edited, [a])[0].status, 'orphan');
  });

  it('reads code point positions and answers in UTF-16 offsets', () => {
    const withEmoji = '🌍🌍 ' + text;
    const a = on(withEmoji, quote);
    assert.equal(a.target.start, withEmoji.indexOf(quote) - 2, 'two astral characters count once each');
    const edited = '🌍🌍🌍 ' + text;
    const [r] = anchorAll(edited, [a]);
    assert.equal(placed(edited, r), quote);
    assert.equal(r.start, edited.indexOf(quote));
  });

  it('returns one result per annotation, in input order, for duplicates and empty quotes too', () => {
    const a = on(text, quote, 'x');
    const empty = { id: 'e', target: { quote: '', prefix: '', suffix: '', start: 0, end: 0 } };
    const results = anchorAll(text, [a, empty, { ...a, id: 'y' }]);
    assert.deepEqual(results.map((r) => [r.id, r.status]), [['x', 'exact'], ['e', 'orphan'], ['y', 'exact']]);
  });

  it('orphans everything in an empty text', () => {
    assert.deepEqual(anchorAll('', [on(text, quote)]), [{ id: 'a1', status: 'orphan' }]);
  });
});
