import * as assert from 'node:assert/strict';
import { strToU8, zipSync } from 'fflate';
import { readImport, readQdpx, ImportError, describePlan } from '../../../src/core/exchange';
import { annotationIdFromGuid, nameGuid, selectionGuid } from '../../../src/core/exchange/guids';
import { fixture } from './support/fixtures';
import { annotationsOf, importInto, plan, themesOf } from './support/folder';

const SOURCE = fixture('ga-plenary-water.txt');
const cp = (s: string) => [...SOURCE.slice(0, SOURCE.indexOf(s))].length;
const sel = (s: string) => ({ start: cp(s), end: cp(s) + [...s].length });

/** A project in the form of the specification's second example (ATLAS.ti's export), with our own source text. */
function foreignProject(options: { sourcesFolder?: string; text?: string } = {}): Uint8Array {
  const a = sel('2.2 billion people still lacked safe drinking water');
  const b = sel('Where wells run dry, conflict follows.');
  const qde = `<?xml version="1.0" encoding="utf-8" standalone="yes"?>
<Project xmlns="urn:QDA-XML:project:1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" origin="ATLAS.ti 8.4.0" name="Water project" creatingUserGUID="AD68FBE7-E1EE-4A82-A279-23CC698C89EB">
  <Users><User guid="AD68FBE7-E1EE-4A82-A279-23CC698C89EB" name="Friedrich"/></Users>
  <CodeBook><Codes>
    <Code guid="{5215CC69-B628-4E02-AFB9-9BEEAEE55808}" name="Topics" isCodable="false">
      <Code guid="D7AA29DA-519B-4946-9B90-253B6DB8FD0A" name="Water &amp; sanitation" isCodable="true" color="#ff0">
        <Description>Anything about wells, &#x2011;pipes and taps</Description>
      </Code>
    </Code>
    <Code guid="0DCEF2F5-E55C-49DA-8C33-9B0803C7AEB4" name="Conflict" isCodable="true" color="#33CC33"/>
  </Codes></CodeBook>
  <Sources>
    <TextSource plainTextPath="internal://C8A57C71-D156-4A94-8407-2BD2FA57E2A4.txt" richTextPath="internal://1DDD235C-9E58-4451-8C49-17013D5C3655.docx" guid="51AD8E46-427A-4E6B-AFE7-BD96C1EFF0AD" name="Plenary on water.docx">
      <PlainTextSelection startPosition="${a.start}" endPosition="${a.end}" guid="4191294A-E287-4510-95B0-69BCE4638E56" name="2.2 billion" creationDateTime="2018-03-27T19:29:27Z">
        <Coding guid="445A6AEC-1400-4502-919D-0867832FF211"><CodeRef targetGUID="D7AA29DA-519B-4946-9B90-253B6DB8FD0A"/></Coding>
      </PlainTextSelection>
      <PlainTextSelection startPosition="${b.start}" endPosition="${b.end}" guid="B49D7982-BB8E-4335-80AF-DC869CCC3F45">
        <Description>Mabel is not the only one who says so.</Description>
        <Coding guid="2284BF5B-8F78-45B6-A6EF-A128D991408B"><CodeRef targetGUID="0DCEF2F5-E55C-49DA-8C33-9B0803C7AEB4"/></Coding>
      </PlainTextSelection>
      <PlainTextSelection startPosition="${b.start}" endPosition="${b.end}" guid="89B9918E-4209-4FE0-BEA0-0C7FF56D67A4">
        <Coding guid="4B8DD4A4-0C50-42D0-91F4-9E95AFBFC7F0"><CodeRef targetGUID="D7AA29DA-519B-4946-9B90-253B6DB8FD0A"/></Coding>
      </PlainTextSelection>
    </TextSource>
    <PictureSource guid="02255470-09E6-400B-9E20-97D71FBEC65D" name="well.jpg" path="internal://87EAD86F-3112-4537-8A01-01427CAE1C6D.jpg"/>
  </Sources>
</Project>`;
  const folder = options.sourcesFolder ?? 'Sources';
  return zipSync({
    'project.qde': strToU8(qde),
    [`${folder}/C8A57C71-D156-4A94-8407-2BD2FA57E2A4.txt`]: strToU8(options.text ?? SOURCE),
    [`${folder}/1DDD235C-9E58-4451-8C49-17013D5C3655.docx`]: new Uint8Array([0x50, 0x4b, 3, 4]),
  });
}

describe('imports', () => {
  describe('a .qdpx in the form other tools write', () => {
    it('becomes a document with a sidecar whose passages are the selected text, its codes themes, and says what it left out', () => {
      const { folder, plan: p } = importInto('water.qdpx', foreignProject(), new Map());
      assert.equal(folder.get('Plenary on water.docx.txt'), SOURCE);
      const annotations = [...annotationsOf(folder, 'Plenary on water.docx.txt').values()];
      assert.deepEqual(annotations.map((a) => [a.quote, a.themes, a.note ?? null]), [
        ['2.2 billion people still lacked safe drinking water', ['water-sanitation'], null],
        // Two selections of one passage, one per code, as ATLAS.ti writes them: one annotation, under the first GUID.
        ['Where wells run dry, conflict follows.', ['water-sanitation', 'conflict'], 'Mabel is not the only one who says so.'],
      ]);
      assert.deepEqual(themesOf(folder).map((t) => [t.id, t.label, t.color, t.parent ?? null, t.description ?? null]), [
        ['topics', 'Topics', '#4e79a7', null, null],
        ['water-sanitation', 'Water & sanitation', '#ffff00', 'topics', 'Anything about wells, \u2011pipes and taps'],
        ['conflict', 'Conflict', '#33cc33', null, null],
      ]);
      assert.ok(p.notices.some((n) => /1 PictureSource/.test(n)), p.notices.join('; '));
      assert.match(describePlan(p, (id) => id), /2 annotation\(s\) to add/);
    });

    it('gives each selection a stable id from its GUID, so a second import changes nothing', () => {
      const first = importInto('water.qdpx', foreignProject(), new Map());
      assert.deepEqual([...annotationsOf(first.folder, 'Plenary on water.docx.txt').keys()], ['4191294a', '89b9918e']);
      assert.deepEqual(importInto('water.qdpx', foreignProject(), first.folder).written, []);
    });

    it('anchors its passages on the folder’s own text when the document is already there and differs', () => {
      const edited = `A preface added here.\n\n${SOURCE}`;
      const { folder, plan: p } = importInto('water.qdpx', foreignProject(), new Map([['Plenary on water.docx.txt', edited]]));
      assert.equal(folder.get('Plenary on water.docx.txt'), edited, 'the document is not overwritten');
      const a = [...annotationsOf(folder, 'Plenary on water.docx.txt').values()];
      assert.deepEqual(a.map((x) => [...edited].slice(x.start, x.end).join('')), a.map((x) => x.quote));
      assert.equal(a.length, 2);
      assert.ok(p.documents[0].create === undefined);
    });

    it('reads sources/ in lower case too', () => {
      const { folder } = importInto('water.qdpx', foreignProject({ sourcesFolder: 'sources' }), new Map());
      assert.equal(annotationsOf(folder, 'Plenary on water.docx.txt').size, 2);
    });

    it('merges into an existing annotation of the same passage, keeping its note and adding the themes', () => {
      const first = importInto('water.qdpx', foreignProject(), new Map()).folder;
      const sidecar = first.get('Plenary on water.docx.txt.annotations.yaml')!;
      const renamed = new Map(first).set('Plenary on water.docx.txt.annotations.yaml', sidecar.replace('id: 89b9918e', 'id: mine01').replace('Mabel is not the only one who says so.', 'My own note.').replace('themes: [water-sanitation, conflict]', 'themes: [conflict]'));
      const { folder, plan: p } = importInto('water.qdpx', foreignProject(), renamed);
      const mine = annotationsOf(folder, 'Plenary on water.docx.txt').get('mine01')!;
      assert.deepEqual([mine.themes, mine.note], [['conflict', 'water-sanitation'], 'My own note.']);
      assert.ok(p.documents[0].changes.some((c) => c.kind === 'merge' && c.detail?.includes('note is kept')));
    });

    it('leaves a sidecar that cannot be read alone and says why', () => {
      const broken = 'policyLens: 1\ndocument: x\nannotations:\n  - id: [oops\n';
      const folder = new Map([['Plenary on water.docx.txt', SOURCE], ['Plenary on water.docx.txt.annotations.yaml', broken]]);
      const { folder: after, plan: p } = importInto('water.qdpx', foreignProject(), folder);
      assert.equal(after.get('Plenary on water.docx.txt.annotations.yaml'), broken);
      assert.match(p.documents[0].problem ?? '', /cannot be read \(line \d+, column \d+/);
    });
  });

  describe('GUIDs', () => {
    it('carry the ids Policy Lens makes, for that document only', () => {
      const g = selectionGuid('a/b.txt', '3f9c2a');
      assert.match(g, /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-63f9c2a00000$/);
      assert.deepEqual(annotationIdFromGuid(g, 'a/b.txt'), { id: '3f9c2a', embedded: true });
      assert.equal(annotationIdFromGuid(g, 'other.txt').embedded, false);
      assert.equal(annotationIdFromGuid('{4191294A-E287-4510-95B0-69BCE4638E56}', 'x').id, '4191294a');
      assert.equal(nameGuid('code', 'x'), nameGuid('code', 'x'));
    });
  });

  describe('W3C and Hypothesis', () => {
    const text = fixture('sc-imaginaria.txt');
    const folder = new Map([['un/sc-imaginaria.txt', text], ['un/other.txt', 'Nothing here.\n']]);

    it('reads a Hypothesis export, re-anchoring by quote where the positions do not fit and keeping orphans', () => {
      const hypothesis = {
        export_date: '2031-04-02T10:00:00Z', export_userid: 'acct:ana@hypothes.is', client_version: '1.1500.0',
        annotations: [
          { id: 'Kx3q2oJHEe-abc_12', created: '2031-03-20T08:00:00Z', uri: 'https://press.example.org/en/2031/sc99999.doc.htm', text: 'Clinics!', tags: ['Funding', 'Health'],
            target: [{ source: 'https://press.example.org/en/2031/sc99999.doc.htm', selector: [
              { type: 'RangeSelector', startContainer: '/div[1]/p[4]', startOffset: 0, endContainer: '/div[1]/p[4]', endOffset: 20 },
              { type: 'TextPositionSelector', start: 5012, end: 5074 },
              { type: 'TextQuoteSelector', exact: '$40 million was needed by 31 May 2031 to keep the clinics open', prefix: 'she said, adding that ', suffix: '.' },
            ] }] },
          { id: 'Zz9', uri: 'https://press.example.org/en/2031/sc99999.doc.htm', text: '', tags: ['Health'],
            target: [{ source: 'https://press.example.org/en/2031/sc99999.doc.htm', selector: [{ type: 'TextQuoteSelector', exact: 'a sentence that this text does not have at all', prefix: '', suffix: '' }] }] },
        ],
      };
      const bytes = strToU8(JSON.stringify(hypothesis));
      const incoming = readImport('hypothesis.json', bytes);
      assert.equal(incoming.format, 'hypothesis');
      const unassigned = plan(incoming, folder);
      assert.match(unassigned.documents[0].problem ?? '', /no document/);
      const { folder: after } = importInto('hypothesis.json', bytes, folder, new Map([['https://press.example.org/en/2031/sc99999.doc.htm', 'un/sc-imaginaria.txt']]));
      const a = annotationsOf(after, 'un/sc-imaginaria.txt');
      const found = a.get('Kx3q2oJHEe-abc_12')!;
      assert.equal([...text].slice(found.start, found.end).join(''), '$40 million was needed by 31 May 2031 to keep the clinics open');
      assert.deepEqual([found.themes, found.note], [['funding', 'health'], 'Clinics!']);
      assert.equal(a.get('Zz9')?.status, 'orphan');
      assert.deepEqual(themesOf(after).map((t) => t.label), ['Funding', 'Health']);
    });

    it('reads a single W3C annotation with a bodyValue and a position-only selector left out', () => {
      const one = { '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'urn:uuid:6f1c2e3a-0000-4000-8000-000000000001', type: 'Annotation', bodyValue: 'A comment.',
        target: { source: 'file:///elsewhere/un/sc-imaginaria.txt', selector: [{ type: 'TextQuoteSelector', exact: 'report every 90 days' }] } };
      const { folder: after } = importInto('one.jsonld', strToU8(JSON.stringify(one)), folder);
      assert.deepEqual([...annotationsOf(after, 'un/sc-imaginaria.txt').entries()].map(([id, x]) => [id, x.note, x.quote]), [['6f1c2e3a', 'A comment.', 'report every 90 days']]);
    });

    it('refuses JSON that holds no annotations', () => {
      assert.throws(() => readImport('x.json', strToU8('{"hello": 1}')), ImportError);
      assert.throws(() => readImport('x.json', strToU8('{"hello": ')), /not JSON/);
    });
  });

  describe('hostile files', () => {
    const project = (qde: string, extra: Record<string, Uint8Array> = {}) => zipSync({ 'project.qde': strToU8(qde), ...extra });
    const source = (name: string, path: string) => `<Project xmlns="urn:QDA-XML:project:1.0" name="x"><Sources><TextSource guid="51AD8E46-427A-4E6B-AFE7-BD96C1EFF0AD" name="${name}" plainTextPath="${path}"/></Sources></Project>`;

    const refused: [string, () => Uint8Array, RegExp][] = [
      ['a zip entry that climbs out with ../', () => zipSync({ 'project.qde': strToU8('<Project/>'), 'sources/../../evil.txt': strToU8('x') }), /leaves the archive's folder/],
      ['a zip entry with an absolute path', () => zipSync({ 'project.qde': strToU8('<Project/>'), '/etc/passwd': strToU8('x') }), /absolute path/],
      ['a zip entry with a drive letter', () => zipSync({ 'project.qde': strToU8('<Project/>'), 'C:/Windows/x.txt': strToU8('x') }), /absolute path/],
      ['an internal:// path that leaves sources/', () => project(source('a.txt', 'internal://../project.qde')), /points outside the project's sources folder/],
      ['an internal:// path into a subfolder', () => project(source('a.txt', 'internal://sub/a.txt')), /points outside/],
      ['a source name that climbs out of the folder', () => project(source('../../home/ana/.bashrc', 'internal://a.txt'), { 'sources/a.txt': strToU8('x') }), /not a safe document path/],
      ['a source name that is an absolute path', () => project(source('/etc/cron.d/x', 'internal://a.txt'), { 'sources/a.txt': strToU8('x') }), /not a safe document path/],
      ['a source named like a sidecar', () => project(source('a.txt.annotations.yaml', 'internal://a.txt'), { 'sources/a.txt': strToU8('x') }), /Policy Lens, git or VS Code keep/],
      ['XML with a DOCTYPE and an external entity', () => project('<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY x SYSTEM "file:///etc/passwd">]><Project name="&x;"/>'), /DOCTYPE/],
      ['XML with entity expansion (billion laughs)', () => project(`<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><Project name="&lol2;"/>`), /DOCTYPE/],
      ['a zip bomb', () => zipSync({ 'project.qde': strToU8('<Project/>'), 'sources/a.txt': new Uint8Array(200 * 1024 * 1024) }, { level: 9 }), /zip bomb|more than/],
      ['not a zip at all', () => strToU8('PK but not really a zip archive, just text pretending'), /damaged|not a zip|empty/],
    ];
    for (const [what, make, why] of refused) {
      it(`refuses ${what}`, () => {
        assert.throws(() => readQdpx(make()), (e: unknown) => e instanceof ImportError && why.test(e.message));
      });
    }

    it('refuses an entry far larger than its header says', () => {
      // Incompressible bytes, so that only the false size gives the entry away (not its ratio).
      let seed = 7;
      const noise = new Uint8Array(3 * 1024 * 1024).map(() => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24);
      const zip = zipSync({ 'project.qde': strToU8('<Project name="x"/>'), 'sources/a.txt': noise }, { level: 9 });
      // Rewrite the local and central headers' uncompressed size of sources/a.txt to 10 bytes.
      const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
      for (let i = 0; i + 4 <= zip.length; i++) {
        const sig = view.getUint32(i, true);
        if (sig === 0x04034b50 && new TextDecoder().decode(zip.subarray(i + 30, i + 30 + view.getUint16(i + 26, true))) === 'sources/a.txt') view.setUint32(i + 22, 10, true);
        if (sig === 0x02014b50 && new TextDecoder().decode(zip.subarray(i + 46, i + 46 + view.getUint16(i + 28, true))) === 'sources/a.txt') view.setUint32(i + 24, 10, true);
      }
      assert.throws(() => readQdpx(zip), /holds more than the 10 bytes its header says/);
    });

    it('writes nothing when the import is refused: the plan is never made', () => {
      const before = new Map([['a.txt', 'x']]);
      assert.throws(() => importInto('x.qdpx', project(source('../x', 'internal://a.txt'), { 'sources/a.txt': strToU8('x') }), before));
      assert.deepEqual([...before.keys()], ['a.txt']);
    });
  });
});
