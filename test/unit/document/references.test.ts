import * as assert from 'node:assert/strict';
import { parsePolicyDocument } from '../../../src/core/document';
import { itWithCorpus, snippet } from './corpus';

const refs = (text: string) => parsePolicyDocument(text).references.map((r) => ({ surface: r.surface, symbols: r.symbols }));

describe('references', () => {
  const cases: { name: string; text: string; expected: { surface: string; symbols: string[] }[] }[] = [
    {
      name: 'Security Council resolution after a possessive with U+2019',
      text: 'called for in the Security Council’s resolution 2396 (2017), whereby States',
      expected: [{ surface: 'resolution 2396 (2017)', symbols: ['S/RES/2396(2017)'] }],
    },
    {
      name: 'General Assembly resolution, organ on the previous wrapped line',
      text: 'contained in United Nations General Assembly\nresolution 46/182”.',
      expected: [{ surface: 'resolution 46/182', symbols: ['A/RES/46/182'] }],
    },
    {
      name: 'pre-1976 General Assembly numbering with a Roman session',
      text: 'contained in its resolution 2832 (XXVI) of 16 December 1971, and',
      expected: [{ surface: 'resolution 2832 (XXVI)', symbols: ['A/RES/2832(XXVI)'] }],
    },
    {
      name: 'a reference wrapped between number and year',
      text: 'France deeply regrets that resolution 2504\n(2020), which we have just adopted',
      expected: [{ surface: 'resolution 2504\n(2020)', symbols: ['S/RES/2504(2020)'] }],
    },
    {
      name: 'a two-member list is one reference naming two symbols',
      text: 'recalling resolutions 1267 (1999) and 1989 (2011), the Council',
      expected: [{ surface: 'resolutions 1267 (1999) and 1989 (2011)', symbols: ['S/RES/1267(1999)', 'S/RES/1989(2011)'] }],
    },
    {
      name: 'a longer list is one reference per member',
      text: 'recalling also its resolutions 54/47 of 1 December 1999, 56/16 of 29 November 2001 and 58/29 of 8 December 2003,',
      expected: [
        { surface: 'resolutions 54/47', symbols: ['A/RES/54/47'] },
        { surface: '56/16', symbols: ['A/RES/56/16'] },
        { surface: '58/29', symbols: ['A/RES/58/29'] },
      ],
    },
    {
      name: 'document symbols, meeting records and a draft',
      text: 'documents S/2020/24 and S/2020/25 (see S/PV.8697) and draft A/78/L.12',
      expected: [
        { surface: 'S/2020/24', symbols: ['S/2020/24'] },
        { surface: 'S/2020/25', symbols: ['S/2020/25'] },
        { surface: 'S/PV.8697', symbols: ['S/PV.8697'] },
        { surface: 'A/78/L.12', symbols: ['A/78/L.12'] },
      ],
    },
    {
      name: 'a joint General Assembly / Security Council symbol',
      text: '[^2]: A/57/759-S/2003/332, annex I.',
      expected: [{ surface: 'A/57/759-S/2003/332', symbols: ['A/57/759', 'S/2003/332'] }],
    },
    {
      name: 'a corrigendum and a report in a footnote',
      text: 'corrigendum (A/34/45 and A/34/45/Corr.1).',
      expected: [{ surface: 'A/34/45', symbols: ['A/34/45'] }, { surface: 'A/34/45/Corr.1', symbols: ['A/34/45/Corr.1'] }],
    },
    {
      name: 'a press-release symbol glued to the word before it',
      text: 'as reported in Security CouncilSC/11165 and SC/8215.',
      expected: [{ surface: 'SC/11165', symbols: ['SC/11165'] }, { surface: 'SC/8215', symbols: ['SC/8215'] }],
    },
    {
      name: 'a symbol broken after its slash by the PDF extraction',
      text: 'co-prosperity (see A/74/\nPV.3). Based on',
      expected: [{ surface: 'A/74/\nPV.3', symbols: ['A/74/PV.3'] }],
    },
    {
      name: 'a draft named by its tail takes the series of the full symbol before it',
      text: 'approved draft A/C.1/69/L.12/Rev.1 by a recorded vote.  Before action on “L.12/Rev.1” as a whole, and on L.12 itself,',
      expected: [
        { surface: 'A/C.1/69/L.12/Rev.1', symbols: ['A/C.1/69/L.12/Rev.1'] },
        { surface: 'L.12/Rev.1', symbols: ['A/C.1/69/L.12/Rev.1'] },
        { surface: 'L.12', symbols: ['A/C.1/69/L.12'] },
      ],
    },
    {
      name: 'a tail with no full symbol in the text is not a reference',
      text: 'the delegate of Chile spoke on L.12 and on L.14.',
      expected: [],
    },
    {
      name: 'European Parliament texts adopted, reports and procedure files',
      text: 'recalling its resolution P10_TA(2024)0015 (2025/2561(RSP)); Protection of minors online (A10-0021/2025 - Sofia Lindqvist)',
      expected: [
        { surface: 'P10_TA(2024)0015', symbols: ['P10_TA(2024)0015'] },
        { surface: '2025/2561(RSP)', symbols: ['2025/2561(RSP)'] },
        { surface: 'A10-0021/2025', symbols: ['A10-0021/2025'] },
      ],
    },
    {
      name: 'US House and Senate resolutions, in their abbreviation or in words',
      text: 'by direction of the Committee on Rules, I call up House Resolution 241 and ask for its immediate consideration.\n                H. Res. 241\nand S.J. Res. 7 and H. Con. Res. 14',
      expected: [
        { surface: 'House Resolution 241', symbols: ['H. Res. 241'] },
        { surface: 'H. Res. 241', symbols: ['H. Res. 241'] },
        { surface: 'S.J. Res. 7', symbols: ['S.J. Res. 7'] },
        { surface: 'H. Con. Res. 14', symbols: ['H. Con. Res. 14'] },
      ],
    },
    {
      name: 'a South African bill number in brackets',
      text: 'Hon Deputy Speaker, this Bill [B 4—2025] appropriates R1,26 trillion',
      expected: [{ surface: 'B 4—2025', symbols: ['B 4-2025'] }],
    },
  ];
  for (const c of cases) {
    it(c.name, () => assert.deepEqual(refs(c.text), c.expected));
  }

  it('gives a parliament’s own numbers their parliament and, for the European Parliament, its register', () => {
    const [ta, report, us, bill] = parsePolicyDocument('P10_TA(2024)0015, A10-0021/2025, House Resolution 241 and [B 4—2025]').references;
    assert.deepEqual([ta.kind, ta.organ, ta.year, ta.url],
      ['parliamentary', 'European Parliament', '2024', 'https://www.europarl.europa.eu/doceo/document/TA-10-2024-0015_EN.html']);
    assert.equal(report.url, 'https://www.europarl.europa.eu/doceo/document/A-10-2025-0021_EN.html');
    assert.deepEqual([us.kind, us.organ, us.url], ['parliamentary', 'US House of Representatives', undefined]);
    assert.deepEqual([bill.kind, bill.year], ['bill', '2025']);
  });

  itWithCorpus('finds a reference in a running page header of a verbatim record', () => {
    const text = snippet('02', 122, 126);
    assert.deepEqual(refs(text).map((r) => r.surface), ['S/PV.8700']);
  });

  it('classifies kinds and organs', () => {
    const [res, pv, press, doc] = parsePolicyDocument('resolution 2505 (2020), S/PV.8701, SC/8215 and S/2019/823').references;
    assert.deepEqual([res.kind, res.organ, res.year], ['resolution', 'Security Council', '2020']);
    assert.equal(pv.kind, 'meeting-record');
    assert.equal(press.kind, 'press-release');
    assert.equal(doc.kind, 'document');
  });

  it('does not read dates, URLs, years or national laws as symbols', () => {
    const text = 'term in 2021/2022; https://example.org/omb/2023/10/20/x; Public Law 118-47; ISIL/Da’esh; 2/12 20-00806';
    assert.deepEqual(refs(text), []);
  });
});
