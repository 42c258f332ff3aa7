import * as assert from 'node:assert/strict';
import {
  emptySidecar,
  parseSidecar,
  serializeSidecar,
  sidecarPathFor,
  type Annotation,
  type Sidecar,
  type SidecarParse,
} from '../../../src/core/annotations';
import { matchSnapshot, readSnapshot } from './support/snapshot';

const HASH = `sha256:${'0123456789abcdef'.repeat(4)}`;

function parsed(source: string): SidecarParse & { ok: true } {
  const p = parseSidecar(source);
  if (!p.ok) assert.fail(`${p.error.line}:${p.error.column}: ${p.error.message}`);
  return p;
}

const added: Annotation = {
  id: '0a4d1e',
  themes: ['gender'],
  note: 'UN-Women figures.',
  target: { quote: 'some of the 27 projects', prefix: '(UN‑Women), described ', suffix: ' it was supporting\nin', start: 4000, end: 4023 },
  created: '2026-11-29T08:00:00Z',
};

/** Lines of `after` that are not in `before` and the other way round, as a line diff would count. */
function lineDiff(before: string, after: string): { added: string[]; removed: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return { removed: a.slice(head, a.length - tail), added: b.slice(head, b.length - tail) };
}

describe('sidecar files', () => {
  const hand = readSnapshot('hand-written.annotations.yaml');

  it('names the sidecar after the document', () => {
    assert.equal(sidecarPathFor('reports/GA-12010.txt'), 'reports/GA-12010.txt.annotations.yaml');
  });

  it('reads the model of a sidecar', () => {
    const { sidecar } = parsed(hand);
    assert.equal(sidecar.version, 1);
    assert.equal(sidecar.document, 'GA-12010.txt');
    assert.deepEqual(sidecar.annotations[0], {
      id: '3f9c2a',
      themes: ['technology', 'prevention'],
      note: 'Links misuse of technology to prevention.',
      target: {
        quote: 'prevent new technologies from becoming lethal terrorist weapons',
        prefix: 'expertise and resources to “',
        suffix: '”, Secretary‑General António',
        start: 215,
        end: 278,
      },
      created: '2026-11-28T09:12:00Z',
    });
    assert.equal(sidecar.annotations[1].note, 'Prevention framed as cheaper than response.\nCompare with the World Bank figure.');
  });

  it('gives back an unchanged file byte for byte, even one formatted by hand', () => {
    const p = parsed(hand);
    assert.equal(serializeSidecar(p.sidecar, p), hand);
    assert.equal(serializeSidecar({ ...p.sidecar, annotations: [...p.sidecar.annotations].reverse() }, p), hand);
  });

  it('keeps comments and unknown keys when positions change', () => {
    const p = parsed(hand);
    const moved: Sidecar = {
      ...p.sidecar,
      textHash: HASH,
      annotations: p.sidecar.annotations.map((a) => ({ ...a, target: { ...a.target, start: a.target.start + 12, end: a.target.end + 12 } })),
    };
    const out = serializeSidecar(moved, p);
    matchSnapshot('moved.annotations.yaml', out);
    for (const kept of ['# Reviewed by the research team', 'project: counter-terrorism-2018 # a key another tool added', 'reviewer: ana # unknown per-annotation key', "# Steiner's framing", '# TextPositionSelector, in Unicode code points']) {
      assert.ok(out.includes(kept), kept);
    }
    const again = parsed(out);
    assert.deepEqual(again.sidecar, moved);
    assert.equal(serializeSidecar(again.sidecar, again), out, 'a written file re-saves byte-identical');
  });

  it('adds one annotation as one block in the diff, in start order', () => {
    const p = parsed(serializeSidecar({ ...parsed(hand).sidecar, textHash: HASH }, parsed(hand)));
    const out = serializeSidecar({ ...p.sidecar, annotations: [...p.sidecar.annotations, added] }, p);
    matchSnapshot('added.annotations.yaml', out);
    const diff = lineDiff(p.source, out);
    assert.deepEqual(diff.removed, []);
    assert.equal(diff.added[0], '  - id: 0a4d1e');
    assert.equal(diff.added.length, 10);
    assert.ok(out.indexOf('id: 3f9c2a') < out.indexOf('id: 0a4d1e') && out.indexOf('id: 0a4d1e') < out.indexOf('id: 81be07'));
  });

  it('removes exactly the block of a deleted annotation', () => {
    const p = parsed(readSnapshot('added.annotations.yaml'));
    const out = serializeSidecar({ ...p.sidecar, annotations: p.sidecar.annotations.filter((a) => a.id !== '0a4d1e') }, p);
    assert.deepEqual(lineDiff(p.source, out).added, []);
    assert.equal(lineDiff(p.source, out).removed.length, 10);
  });

  it('writes a new sidecar in the documented layout', () => {
    const sidecar: Sidecar = {
      ...emptySidecar('GA-12010.txt', HASH),
      annotations: [added, { ...added, id: '123456', themes: [], note: undefined, created: undefined, target: { ...added.target, start: 10, end: 33 } }],
    };
    const out = serializeSidecar(sidecar);
    matchSnapshot('new.annotations.yaml', out);
    assert.deepEqual(parsed(out).sidecar, {
      ...sidecar,
      annotations: [
        { id: '123456', themes: [], target: { ...added.target, start: 10, end: 33 } },
        added,
      ],
    });
    assert.equal(serializeSidecar(emptySidecar('x.txt', HASH)), `# Policy Lens annotations for x.txt\npolicyLens: 1\ndocument: x.txt\ntextHash: ${HASH}\nannotations: []\n`);
  });

  it('marks orphans and clears the mark when they are found again', () => {
    const p = parsed(hand);
    const orphaned = serializeSidecar({ ...p.sidecar, annotations: p.sidecar.annotations.map((a) => (a.id === '81be07' ? { ...a, status: 'orphan' as const } : a)) }, p);
    assert.deepEqual(lineDiff(hand, orphaned).added, ['    status: orphan']);
    const back = parsed(orphaned);
    assert.equal(back.sidecar.annotations[1].status, 'orphan');
    assert.equal(serializeSidecar(p.sidecar, back), hand);
  });
});

describe('malformed sidecars', () => {
  const valid = `policyLens: 1\ndocument: a.txt\ntextHash: ${HASH}\nannotations:\n  - id: aa0001\n    themes: [x]\n    target:\n      quote: the Charter\n      start: 10\n      end: 21\n`;
  const cases: [string, string, number, number, RegExp][] = [
    ['YAML syntax error', valid.replace('themes: [x]', 'themes: [x'), 7, 5, /Flow sequence|must end with a \]/],
    ['a tab for indentation', valid.replace('    target:', '\ttarget:'), 7, 1, /tab|indent/i],
    ['a duplicate key', valid.replace('document: a.txt', 'document: a.txt\ndocument: b.txt'), 3, 1, /unique/],
    ['not a mapping', '- just\n- a list\n', 1, 1, /must be a mapping/],
    ['a missing version', valid.replace('policyLens: 1\n', ''), 1, 1, /missing "policyLens"/],
    ['a newer version', valid.replace('policyLens: 1', 'policyLens: 2'), 1, 13, /written by a newer Policy Lens/],
    ['a version that is not a number', valid.replace('policyLens: 1', 'policyLens: one'), 1, 13, /policyLens.*whole number/],
    ['a bad text hash', valid.replace(HASH, 'md5:abc'), 3, 11, /textHash/],
    ['annotations that are not a list', `policyLens: 1\ndocument: a.txt\ntextHash: ${HASH}\nannotations: 3\n`, 4, 14, /annotations must be a list/],
    ['a missing id', valid.replace('  - id: aa0001\n    themes', '  - themes'), 5, 5, /missing "id"/],
    ['a numeric id', valid.replace('id: aa0001', 'id: 123456'), 5, 9, /id must be a string \(quote it/],
    ['a missing target', valid.replace(/ {4}target:[^]*$/, ''), 5, 5, /annotation aa0001: target is missing|missing "target"/],
    ['themes that are not a list', valid.replace('themes: [x]', 'themes: x'), 6, 13, /themes must be a list/],
    ['a negative start', valid.replace('start: 10', 'start: -1'), 9, 14, /target.start must be a whole number/],
    ['an end before the start', valid.replace('end: 21', 'end: 5'), 9, 14, /after target.end/],
    ['an empty quote', valid.replace('quote: the Charter', 'quote: ""'), 8, 14, /quote must not be empty/],
    ['an unknown status', valid.replace('    target:', '    status: lost\n    target:'), 7, 13, /status is not valid/],
    [
      'a duplicate id',
      valid + '  - id: aa0001\n    target:\n      quote: x\n      start: 1\n      end: 2\n',
      11,
      9,
      /duplicate annotation id "aa0001" \(first used on line 5\)/,
    ],
  ];
  for (const [name, source, line, column, message] of cases) {
    it(`reports ${name} with line and column`, () => {
      const p = parseSidecar(source);
      assert.equal(p.ok, false);
      if (p.ok) return;
      assert.match(p.error.message, message);
      assert.deepEqual([p.error.line, p.error.column], [line, column], p.error.message);
    });
  }

  it('accepts the valid base of these cases', () => {
    assert.equal(parseSidecar(valid).ok, true);
  });
});
