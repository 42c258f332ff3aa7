// Dates as policy texts write them, in short snippets of the forms seen in UN records, press releases, national
// statements and parliamentary debates; each with its ISO value where the text fixes one.
import * as assert from 'node:assert/strict';
import { parsePolicyDocument } from '../../../src/core/document';
import type { DateMention } from '../../../src/core/document';

const dates = (text: string) => parsePolicyDocument(text).dates.map((d: DateMention) => ({
  surface: d.surface, kind: d.kind, ...(d.value === undefined ? {} : { value: d.value }),
}));

describe('dates', () => {
  const cases: { name: string; text: string; expected: ReturnType<typeof dates> }[] = [
    {
      name: 'a meeting date with weekday and time',
      text: 'Tuesday, 14 March 2023, 10 a.m.\nNew York',
      expected: [
        { surface: 'Tuesday, 14 March 2023', kind: 'date', value: '2023-03-14' },
        { surface: '10 a.m.', kind: 'time', value: '10:00' },
      ],
    },
    {
      name: 'a deadline with its day, and a mandate period',
      text: 'States shall report by 31 March 2025 and the mission stays until 15 September 2025.',
      expected: [
        { surface: 'by 31 March 2025', kind: 'deadline', value: '2025-03-31' },
        { surface: 'until 15 September 2025', kind: 'deadline', value: '2025-09-15' },
      ],
    },
    {
      name: 'a US date, an abbreviated month, a day range in both orders',
      text: 'Signed on March\u00a020, 2025; effective Sept. 5, 2024; talks on June 10-12, 2024 and 2 to 13 July 1979.',
      expected: [
        { surface: 'March\u00a020, 2025', kind: 'date', value: '2025-03-20' },
        { surface: 'Sept. 5, 2024', kind: 'date', value: '2024-09-05' },
        { surface: 'June 10-12, 2024', kind: 'date-range', value: ['2024-06-10', '2024-06-12'] },
        { surface: '2 to 13 July 1979', kind: 'date-range', value: ['1979-07-02', '1979-07-13'] },
      ],
    },
    {
      name: 'two days of one month, wrapped across a line',
      text: 'the meetings of 19 and\n20 December 2019 were',
      expected: [{ surface: '19 and\n20 December 2019', kind: 'date', value: ['2019-12-19', '2019-12-20'] }],
    },
    {
      name: 'numeric dates: day first, ISO, and the stamp of an old press-release deck',
      text: 'S/PV.9312 Maintenance of international peace 14/03/2023\nfiled 2024-11-05\n19951103 Forty Amendments Considered',
      expected: [
        { surface: '14/03/2023', kind: 'date', value: '2023-03-14' },
        { surface: '2024-11-05', kind: 'date', value: '2024-11-05' },
        { surface: '19951103', kind: 'date', value: '1995-11-03' },
      ],
    },
    {
      name: 'a day and month without a year take the year nearest the masthead date',
      text: '10 January 2020\n\nAs the Council decided on 14 November, and will decide again on 20 February, it met.',
      expected: [
        { surface: '10 January 2020', kind: 'date', value: '2020-01-10' },
        { surface: '14 November', kind: 'date', value: '2019-11-14' },
        { surface: '20 February', kind: 'date', value: '2020-02-20' },
      ],
    },
    {
      name: 'a weekday fixes the year of a day and month',
      text: 'Thursday, 21 November 2019\n\nThe House will adjourn until Tuesday, 3 December.',
      expected: [
        { surface: 'Thursday, 21 November 2019', kind: 'date', value: '2019-11-21' },
        { surface: 'until Tuesday, 3 December', kind: 'deadline', value: '2019-12-03' },
      ],
    },
    {
      name: 'no year is guessed where the text gives none',
      text: 'The Minister said the report would come in December and the review by 4 October.',
      expected: [
        { surface: 'in December', kind: 'month' },
        { surface: 'by 4 October', kind: 'deadline' },
      ],
    },
    {
      name: 'months with what makes them dates, relative months',
      text: 'Since February 2022 we have given aid; the conference last December and next May.',
      expected: [
        { surface: 'February 2022', kind: 'month', value: '2022-02' },
        { surface: 'last December', kind: 'relative-date' },
        { surface: 'next May', kind: 'relative-date' },
      ],
    },
    {
      name: 'years, ranges of years, decades and fiscal years',
      text: 'In 2015 and since the 1940s, for the term 2021/2022, in 2018–19, between 2007 and 2017, in FY 2025 and mid-2026.',
      expected: [
        { surface: 'In 2015', kind: 'year', value: '2015' },
        { surface: '1940s', kind: 'decade', value: '194' },
        { surface: '2021/2022', kind: 'year-range', value: '2021/2022' },
        { surface: '2018–19', kind: 'year-range', value: '2018/2019' },
        { surface: '2007 and 2017', kind: 'year-range', value: '2007/2017' },
        { surface: 'FY 2025', kind: 'fiscal-year', value: '2025' },
        { surface: '2026', kind: 'year', value: '2026' },
      ],
    },
    {
      name: 'a year inside a name, and a deadline year',
      text: 'Budget 2013 committed funds; the Finance Bill 2024 passed; emissions must halve by 2030.',
      expected: [
        { surface: 'Budget 2013', kind: 'year', value: '2013' },
        { surface: 'Bill 2024', kind: 'year', value: '2024' },
        { surface: 'by 2030', kind: 'deadline', value: '2030' },
      ],
    },
    {
      name: 'times: 12-hour with zones, 24-hour in labels, Canadian stamps',
      text: 'END 6:42 P.M. EDT\nMs McBRIDE (Dobell) (17:09): I thank members.\n(1710)\nThe sitting resumed at 7.15 p.m.',
      expected: [
        { surface: '6:42 P.M. EDT', kind: 'time', value: '18:42' },
        { surface: '17:09', kind: 'time', value: '17:09' },
        { surface: '(1710)', kind: 'time', value: '17:10' },
        { surface: '7.15 p.m.', kind: 'time', value: '19:15' },
      ],
    },
    {
      name: 'times: a dot clock after "at", the Congressional Record stamp, and not a rate at a dot figure',
      text: '(The sitting was suspended at 11.52)\n                              {time}  1415\nInflation stood at 3.45 per cent.',
      expected: [
        { surface: '11.52', kind: 'time', value: '11:52' },
        { surface: '1415', kind: 'time', value: '14:15' },
      ],
    },
    {
      name: 'hours in words, of the clock',
      text: 'The House met at eleven of the clock. The House then adjourned at twenty-eight minutes past five of the clock; '
        + 'it sat again at a quarter to ten o’clock in the morning and at half past two of the clock.',
      expected: [
        { surface: 'eleven of the clock', kind: 'time', value: '11:00' },
        { surface: 'twenty-eight minutes past five of the clock', kind: 'time', value: '17:28' },
        { surface: 'a quarter to ten o’clock in the morning', kind: 'time', value: '09:45' },
        { surface: 'half past two of the clock', kind: 'time', value: '14:30' },
      ],
    },
    {
      name: 'a deadline counted from the document’s date',
      text: '22 September 2025\n\nWe will ratify by the end of next year and report before the end of the fiscal year.',
      expected: [
        { surface: '22 September 2025', kind: 'date', value: '2025-09-22' },
        { surface: 'by the end of next year', kind: 'deadline', value: '2026-12' },
        { surface: 'before the end of the fiscal year', kind: 'deadline' },
      ],
    },
    {
      name: 'a year range with a non-breaking hyphen, and a sitting’s date with “the” and a second calendar after a slash',
      text: 'the budget for the biennium 2018\u20112019\nWednesday, the 6th August, 2025/15 Sravana, 1947 (Saka)',
      expected: [
        { surface: '2018\u20112019', kind: 'year-range', value: '2018/2019' },
        { surface: 'Wednesday, the 6th August, 2025', kind: 'date', value: '2025-08-06' },
        { surface: '1947', kind: 'year', value: '1947' },
      ],
    },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(dates(c.text), c.expected));

  const negatives: [string, string][] = [
    ['the year of a resolution', 'The Council adopted resolution 2505 (2020) and recalled resolutions 1267 (1999) and 1989 (2011).'],
    ['symbols and links', 'See S/2020/24, A/RES/78/123 and https://press.un.org/en/2023/10/20/sc15432.doc.htm.'],
    ['amounts, counts and identifiers', 'a fee of $2000 for 2,000 people; the COVID-19 pandemic; an Airbus A330-200; job 20-00806 (E).'],
    ['rules, paragraphs and hours', 'under rule 1974 of the code and paragraph 2019, at 1630 hours.'],
    ['bare relative words and a modal "may"', 'Today we may meet tomorrow, this year or last week; the threats of tomorrow.'],
    ['years inside a parliament’s numbers', 'texts P10_TA(2024)0015 and A10-0021/2025, procedure 2025/2561(RSP), Bill [B 4—2025].'],
  ];
  for (const [name, text] of negatives) it(`not a date: ${name}`, () => assert.deepEqual(dates(text), []));
});
