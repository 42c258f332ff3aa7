import * as assert from 'node:assert/strict';
import { parsePolicyDocument } from '../../../src/core/document';
import type { Figure } from '../../../src/core/document';

const figures = (text: string) => parsePolicyDocument(text).figures;
const pick = (f: Figure) => ({ surface: f.surface, kind: f.kind, value: f.value, ...(f.currency ? { currency: f.currency } : {}) });

describe('figures', () => {
  const cases: { name: string; text: string; expected: ReturnType<typeof pick>[] }[] = [
    {
      name: 'a money range with a normalised value',
      text: 'a price tag on prevention, from $5 billion to $70 billion annually.',
      expected: [{ surface: '$5 billion to $70 billion', kind: 'money-range', value: [5e9, 7e10], currency: 'USD' }],
    },
    {
      name: 'euro amounts with their modifiers',
      text: 'providing at least €225 million annually; this year alone, we will spend €149 million on climate finance.',
      expected: [
        { surface: 'at least €225 million', kind: 'money', value: 225e6, currency: 'EUR' },
        { surface: '€149 million', kind: 'money', value: 149e6, currency: 'EUR' },
      ],
    },
    {
      name: 'pounds written with U+20A4 and yen with a space',
      text: 'we are providing ₤20 million in additional funding and ¥ 9.8 million in aid',
      expected: [
        { surface: '₤20 million', kind: 'money', value: 20e6, currency: 'GBP' },
        { surface: '¥ 9.8 million', kind: 'money', value: 9.8e6, currency: 'JPY' },
      ],
    },
    {
      name: 'an amount wrapped between number and scale word',
      text: 'The FY 2025 Budget includes approximately $50\nbillion for PGI',
      expected: [{ surface: 'approximately $50\nbillion', kind: 'money', value: 50e9, currency: 'USD' }],
    },
    {
      name: 'percentages written three ways',
      text: 'allows 40 per cent of medicines; a robust 4.5 percent pay raise; a 12.5  %  increase',
      expected: [
        { surface: '40 per cent', kind: 'percent', value: 40 },
        { surface: '4.5 percent', kind: 'percent', value: 4.5 },
        { surface: '12.5  %', kind: 'percent', value: 12.5 },
      ],
    },
    {
      name: 'counts with their noun, including a U+2011 compound',
      text: 'was leading more than 35 capacity‑building projects and supporting 27 projects worldwide',
      expected: [
        { surface: 'more than 35 capacity‑building projects', kind: 'count', value: 35 },
        { surface: '27 projects', kind: 'count', value: 27 },
      ],
    },
    {
      name: 'a recorded vote tally',
      text: 'adopted by a recorded vote of 137 in favour to 12 against, with 17 abstentions (Brazil).',
      expected: [{ surface: '137 in favour to 12 against, with 17 abstentions', kind: 'vote', value: '137-12-17' }],
    },
    {
      name: 'a spelled-out tally wrapped across lines',
      text: 'The President: The proposed oral amendment\nreceived three votes in favour, seven against and five\nabstentions.',
      expected: [{ surface: 'three votes in favour, seven against and five\nabstentions', kind: 'vote', value: '3-7-5' }],
    },
    {
      name: 'the compact tally of a foreign-ministry note',
      text: '94 (Australia) - Albania - 19 (UK, USA, USSR). China did not participate.',
      expected: [{ surface: '94 (Australia) - Albania - 19 (UK, USA, USSR)', kind: 'vote', value: '94-1-19' }],
    },
    {
      name: 'ranges of a count, in words and digits',
      text: 'the convoy of 8 to 10 trucks; those eight to 10\ntrucks get through',
      expected: [
        { surface: '8 to 10 trucks', kind: 'range', value: [8, 10] },
        { surface: 'eight to 10\ntrucks', kind: 'range', value: [8, 10] },
      ],
    },
    {
      name: 'durations, with a unit elided after a duration',
      text: 'reduces its scope from a duration of\n12 months to a duration of only 6. The two‑day Conference, 76 years ago.',
      expected: [
        { surface: '12 months', kind: 'duration', value: 'P12M' },
        { surface: 'only 6', kind: 'duration', value: 'P6M' },
        { surface: 'two‑day', kind: 'duration', value: 'P2D' },
        { surface: '76 years ago', kind: 'duration', value: 'P76Y' },
      ],
    },
    {
      name: 'a matching ratio',
      text: 'by providing $1.2 billion to match $1 for every $2\ncontributed by other donors',
      expected: [
        { surface: '$1.2 billion', kind: 'money', value: 1.2e9, currency: 'USD' },
        { surface: '$1 for every $2', kind: 'ratio', value: '1:2', currency: 'USD' },
      ],
    },
    {
      name: 'decimal commas in rand and per cent, and half a percentage point',
      text: 'appropriates R1,26 trillion; R2,3 billion goes to it; debt costs absorb 21,4% of revenue and VAT rose by half a percentage point.',
      expected: [
        { surface: 'R1,26 trillion', kind: 'money', value: 1.26e12, currency: 'ZAR' },
        { surface: 'R2,3 billion', kind: 'money', value: 2.3e9, currency: 'ZAR' },
        { surface: '21,4%', kind: 'percent', value: 21.4 },
        { surface: 'half a percentage point', kind: 'percent', value: 0.5 },
      ],
    },
    {
      name: 'counts whose noun the sentence already gave',
      text: 'the department’s own figure, which is 32,000. We cancelled three programs and brought 11 back on schedule. '
        + 'Once 60 States have ratified it; so far, just six have done so.',
      expected: [
        { surface: '32,000', kind: 'count', value: 32000 },
        { surface: 'three programs', kind: 'count', value: 3 },
        { surface: '11', kind: 'count', value: 11 },
        { surface: '60 States', kind: 'count', value: 60 },
        { surface: 'just six', kind: 'count', value: 6 },
      ],
    },
    {
      name: 'one as a count after only, just or a list number, and not as a pronoun',
      text: 'debate and (2) one motion to recommit; just one antibiotic prescription; one of them, on the one hand, one country',
      expected: [
        { surface: 'one motion', kind: 'count', value: 1 },
        { surface: 'just one antibiotic prescription', kind: 'count', value: 1 },
      ],
    },
    {
      name: 'a time distance with an article, in headline case too',
      text: 'Remain Acute Threat a Decade after Resolution 2178; the Greens say it is a decade late.',
      expected: [
        { surface: 'a Decade', kind: 'duration', value: 'P10Y' },
        { surface: 'a decade', kind: 'duration', value: 'P10Y' },
      ],
    },
  ];
  for (const c of cases) {
    it(c.name, () => assert.deepEqual(figures(c.text).map(pick), c.expected));
  }

  it('keeps the noun of a count', () => {
    assert.deepEqual(figures('more than 1.3 million people in the north-east').map((f) => [f.noun, f.value]), [['people', 1.3e6]]);
  });

  it('ignores identifiers, dates, years, times and page furniture', () => {
    const text = [
      'The President: In accordance with rule 37 of the rules, paragraph 6 of the draft, since 2014 and in 2021/2022,',
      'held in New York from 2 to 13 July 1979,1 at 10.20 a.m. on 14 October 2019; COVID-19; room U-0506;',
      '8701st meeting; Supplement No. 45; Agenda item 91; the 2023 level; Section 23.09 of the Tariff.',
      '2/12\u0008 20-00806',
      '20-00806 (E)',
    ].join('\n');
    assert.deepEqual(figures(text), []);
  });

  it('does not read the groups of a telephone number or a list of numbers as counts', () => {
    assert.deepEqual(figures('Media enquiries: Minister’s office, 02 6100 4321\nDepartment media: media@dfat.example.au').map((f) => f.surface), []);
  });

  it('does not count anaphoric or negated spelled numbers', () => {
    assert.deepEqual(figures('these two areas; no ten countries can do it; one of the members').map((f) => f.surface), []);
  });
});
