import * as assert from 'node:assert/strict';
import { describeWithStandards } from '../../support/corpus';
import { strFromU8, unzipSync } from 'fflate';
import { exportAs, writeCsv, writeMarkdown, writeQdc, writeQdpx, writeW3c } from '../../../src/core/exchange';
import { SPEAKERS_GUID } from '../../../src/core/exchange/refiWrite';
import { exportInput, testFolder } from './support/fixtures';
import { CODEBOOK_XSD, PROJECT_XSD, w3cValidate, xsdValidate } from './support/validators';

const input = exportInput(testFolder());
// ignoreBOM keeps a byte-order mark in the decoded text instead of dropping it.
const text = (b: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(b);

describe('exports', () => {
  describe('CSV', () => {
    const csv = writeCsv(input);
    const rows = parseCsv(csv);

    it('has one row per coded passage and one per orphan, marked, with the columns the issue names', () => {
      assert.deepEqual(rows[0], ['document', 'line', 'section', 'speaker', 'speaker_role', 'speaker_country', 'theme_ids', 'themes', 'quote', 'note', 'start', 'end', 'created', 'id', 'status']);
      assert.equal(rows.length - 1, 11);
      const orphan = rows.find((r) => r[13] === 'dead01')!;
      assert.equal(orphan[14], 'orphan');
      const funding = rows.find((r) => r[13] === '0a11be')!;
      assert.deepEqual(funding.slice(0, 8), ['sc-imaginaria.txt', '12', 'Security Council Extends Mission in Imaginaria for One Year, Adopting Resolution 2999 (2031) by 13 Votes in Favour, with 2 Abstentions > Briefing', 'María Alba Torres', 'Special Representative of the Secretary-General for Imaginaria', '', 'funding-gaps; humanitarian-access', 'Funding gaps; Humanitarian access']);
      assert.equal(funding[9], 'The figure the Council\nwas asked for.', 'a line break stays inside its quoted cell');
      assert.deepEqual(funding.slice(10, 13), ['614', '676', '2031-03-12T10:05:00Z']);
    });

    it('counts start and end in code points, like the sidecar', () => {
      const astral = rows.find((r) => r[13] === 'b7e001')!;
      assert.equal(Number(astral[11]) - Number(astral[10]), [...'𝟑𝟎𝟎,𝟎𝟎𝟎 people still depend on air drops'].length);
    });

    it('neutralises cells that a spreadsheet would run as a formula (OWASP)', () => {
      const byId = new Map(rows.map((r) => [r[13], r]));
      assert.equal(byId.get('b7e001')![9], `'=HYPERLINK("http://example.invalid","click")`);
      assert.equal(byId.get('c0ffee')![9], `'+ quoted, with "quotes", commas, and a tab\there`);
      assert.equal(byId.get('d15a9e')![8], `'-20 per cent in funding had left the Mission unable to patrol`);
      assert.equal(byId.get('d15a9e')![9], `'@ the Fifth Committee`);
      for (const r of rows.slice(1)) for (const cell of r) assert.doesNotMatch(cell, /^[=+\-@\t\r]/, 'no cell starts with a formula character');
    });

    it('uses CRLF rows and doubled quotes (RFC 4180), with a byte-order mark only when asked', () => {
      assert.ok(csv.endsWith('\r\n') && !csv.startsWith('\uFEFF'));
      assert.match(csv, /"""Where wells run dry, conflict follows\."""/);
      assert.ok(writeCsv(input, { byteOrderMark: true }).startsWith('\uFEFFdocument,'));
    });
  });

  describeWithStandards('W3C Web Annotation', () => {
    const json = writeW3c(input);

    it('passes every MUST assertion of the W3C test suite', () => {
      const r = w3cValidate(json);
      assert.deepEqual(r.failures, []);
      assert.equal(r.mustFailed, 0);
      assert.equal(r.annotations, 11, 'every annotation of every page was checked');
    });

    it('is a collection with a page per document, tagging and commenting bodies, and both selectors', () => {
      const [collection, second] = JSON.parse(json);
      assert.equal(collection.type, 'AnnotationCollection');
      assert.equal(collection.total, 11);
      assert.equal(collection.first.type, 'AnnotationPage');
      assert.equal(collection.first.next, second.id);
      const a = [...collection.first.items, ...second.items].find((x: { id: string }) => x.id.endsWith('#0a11be'));
      assert.equal(a.id, 'file:///home/ana/imaginaria/sc-imaginaria.txt.annotations.yaml#0a11be');
      assert.equal(a.target.source, 'file:///home/ana/imaginaria/sc-imaginaria.txt');
      assert.deepEqual(a.body.filter((b: { purpose: string; type: string }) => b.type === 'TextualBody').map((b: { purpose: string; value: string }) => [b.purpose, b.value]), [['tagging', 'Funding gaps'], ['tagging', 'Humanitarian access'], ['commenting', 'The figure the Council\nwas asked for.']]);
      assert.deepEqual(a.target.selector.map((s: { type: string }) => s.type), ['TextQuoteSelector', 'TextPositionSelector']);
      assert.equal(a.created, '2031-03-12T10:05:00Z');
    });

    it('fails the suite with relative IRIs, so the check can fail', () => {
      const broken = json.replace(/file:\/\/\/home\/ana\/imaginaria\//g, '');
      assert.ok(w3cValidate(broken).mustFailed > 0);
    });
  });

  describeWithStandards('REFI-QDA', () => {
    const result = writeQdpx(input);

    it('project.qde validates against the REFI-QDA project schema', async () => {
      assert.deepEqual(await xsdValidate(result.qde, PROJECT_XSD), []);
    });

    it('the schema check can fail: an empty <Sets/> is refused', async () => {
      assert.notDeepEqual(await xsdValidate(result.qde.replace('</Project>', '<Sets/></Project>'), PROJECT_XSD), []);
    });

    it('is a zip of project.qde and sources/<guid>.txt in lower case, each text UTF-8 without BOM or CR', () => {
      const files = unzipSync(result.bytes);
      const names = Object.keys(files).sort();
      assert.equal(names[0], 'project.qde');
      assert.ok(names.slice(1).every((n) => /^sources\/[0-9a-f-]{36}\.txt$/.test(n)), names.join(', '));
      for (const n of names.slice(1)) assert.ok(files[n][0] !== 0xef && !strFromU8(files[n]).includes('\r'));
      for (const m of result.qde.matchAll(/plainTextPath="internal:\/\/([^"]+)"/g)) assert.ok(files[`sources/${m[1]}`], m[1]);
    });

    it('writes codes with colours, descriptions and hierarchy; notes twice; speakers as cases and as codes', () => {
      const qde = result.qde;
      assert.match(qde, /<Code guid="[^"]+" name="Funding" isCodable="true" color="#f28e2b">\s*<Code guid="[^"]+" name="Funding gaps" isCodable="true" color="#e15759">\s*<Description>What is missing, and what it costs\.<\/Description>/);
      assert.match(qde, /<Description>The figure the Council\nwas asked for\.<\/Description>/);
      assert.match(qde, /<Note guid="[^"]+" name="[^"]+" creatingUser="[^"]+" creationDateTime="2031-03-12T10:05:00Z" modifiedDateTime="2031-03-12T10:05:00Z">\s*<PlainTextContent>The figure the Council\nwas asked for\.<\/PlainTextContent>/);
      assert.match(qde, new RegExp(`<Code guid="${SPEAKERS_GUID}" name="Speakers" isCodable="false">`));
      assert.match(qde, /<Case guid="[^"]+" name="Mr\. Okafor \(Nigeria\)">\s*<VariableValue>\s*<VariableRef targetGUID="[^"]+"\/>\s*<TextValue>Nigeria<\/TextValue>\s*<\/VariableValue>\s*<SelectionRef targetGUID="[^"]+"\/>/);
      assert.equal(result.orphansLeftOut, 1);
      assert.equal(result.selections, 10);
    });

    it('gives the same GUIDs when exported twice', () => {
      const again = writeQdpx({ ...input, now: '2032-01-01T00:00:00Z' }).qde;
      const guids = (s: string) => [...s.matchAll(/guid="([^"]+)"/gi)].map((m) => m[1]);
      assert.deepEqual(guids(again), guids(result.qde));
    });

    it('the .qdc codebook validates against the REFI-QDA codebook schema', async () => {
      const qdc = writeQdc(input.codebook, 'Policy Lens test');
      assert.deepEqual(await xsdValidate(qdc, CODEBOOK_XSD), []);
      assert.match(qdc, /^<\?xml[^>]*>\n<CodeBook xmlns="urn:QDA-XML:codebook:1\.0" origin="Policy Lens test">/);
    });
  });

  describe('Markdown digest', () => {
    const md = writeMarkdown(input);

    it('has a header with counts and a section per theme in codebook order, children nested', () => {
      assert.match(md, /^# imaginaria: coded passages\n\n10 coded passages in 2 documents, 5 themes used; 1 orphan/);
      const headings = [...md.matchAll(/^(#{2,3}) (.+)$/gm)].map((m) => `${m[1]} ${m[2]}`);
      assert.deepEqual(headings, ['## Humanitarian access', '## Funding', '### Funding gaps', '## Protection of civilians', '## Water', '## Passages without a theme', '## Orphans']);
    });

    it('quotes each passage with its speaker, section and a link to its document and line', () => {
      assert.match(md, /> contribution of \\\$15 million to the trust fund\n\n— \*\*Ms\. Nakamura\*\* \(Japan\) · Water Action Decade · \[plenary\/ga-plenary-water\.txt, line 10\]\(plenary\/ga-plenary-water\.txt#L10\)/);
      assert.match(md, /\*Corridors, air drops and the roads to people in need\.\*/);
    });

    it('escapes Markdown in quotes and notes', () => {
      assert.match(md, /Note: =HYPERLINK\("http:\/\/example\.invalid","click"\)/);
      assert.ok(!md.includes('> $40'), 'a dollar sign is escaped');
    });
  });

  it('exportAs names the counts of what it wrote', () => {
    const out = exportAs('qdpx', input);
    assert.deepEqual({ passages: out.passages, orphans: out.orphans, left: out.orphansLeftOut }, { passages: 10, orphans: 1, left: 1 });
    assert.match(text(exportAs('csv', input, { byteOrderMark: true }).bytes), /^\uFEFF/);
  });
});

/** RFC 4180 reader, for the tests. */
function parseCsv(s: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < s.length) {
    let cell = '';
    if (s[i] === '"') {
      i++;
      for (;;) {
        if (s[i] === '"' && s[i + 1] === '"') { cell += '"'; i += 2; } else if (s[i] === '"') { i++; break; } else cell += s[i++];
      }
    } else while (i < s.length && s[i] !== ',' && s[i] !== '\r') cell += s[i++];
    row.push(cell);
    if (s[i] === ',') i++;
    else if (s[i] === '\r') { rows.push(row); row = []; i += 2; }
  }
  return rows;
}
