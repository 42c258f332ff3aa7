// The year of a Security Council resolution from its number, checked against resolutions cited with their year.
import * as assert from 'node:assert/strict';
import { councilResolutionYear } from '../../../src/core/document/councilYears';
import { parsePolicyDocument } from '../../../src/core/document';

describe('Security Council resolution years', () => {
  // Pairs as the Council's records cite them, at both edges of years.
  // The first and the last resolution of every year (the UN's yearly lists and press releases), and cited pairs.
  const known: [number, number][] = [
    [1, 1946], [15, 1946], [16, 1947], [37, 1947], [38, 1948], [66, 1948], [67, 1949], [78, 1949], [79, 1950], [89, 1950],
    [90, 1951], [96, 1951], [97, 1952], [98, 1952], [99, 1953], [103, 1953], [104, 1954], [105, 1954], [106, 1955], [110, 1955],
    [111, 1956], [121, 1956], [122, 1957], [126, 1957], [127, 1958], [131, 1958], [132, 1959], [133, 1960], [160, 1960], [161, 1961],
    [170, 1961], [171, 1962], [177, 1962], [178, 1963], [185, 1963], [186, 1964], [199, 1964], [200, 1965], [219, 1965], [220, 1966],
    [232, 1966], [233, 1967], [244, 1967], [245, 1968], [262, 1968], [263, 1969], [275, 1969], [276, 1970], [291, 1970], [292, 1971],
    [307, 1971], [308, 1972], [324, 1972], [325, 1973], [344, 1973], [345, 1974], [366, 1974], [367, 1975], [384, 1975], [385, 1976],
    [402, 1976], [403, 1977], [422, 1977], [423, 1978], [443, 1978], [444, 1979], [461, 1979], [462, 1980], [484, 1980], [485, 1981],
    [499, 1981], [500, 1982], [528, 1982], [529, 1983], [545, 1983], [546, 1984], [559, 1984], [560, 1985], [580, 1985], [581, 1986],
    [593, 1986], [594, 1987], [606, 1987], [607, 1988], [626, 1988], [627, 1989], [646, 1989], [647, 1990], [683, 1990], [684, 1991],
    [725, 1991], [726, 1992], [799, 1992], [800, 1993], [892, 1993], [893, 1994], [969, 1994], [970, 1995], [1035, 1995], [1036, 1996],
    [1092, 1996], [1093, 1997], [1146, 1997], [1147, 1998], [1219, 1998], [1220, 1999], [1284, 1999], [1285, 2000], [1334, 2000], [1335, 2001],
    [1386, 2001], [1387, 2002], [1454, 2002], [1455, 2003], [1521, 2003], [1522, 2004], [1580, 2004], [1581, 2005], [1651, 2005], [1652, 2006],
    [1738, 2006], [1739, 2007], [1794, 2007], [1795, 2008], [1859, 2008], [1860, 2009], [1907, 2009], [1908, 2010], [1966, 2010], [1967, 2011],
    [2032, 2011], [2033, 2012], [2085, 2012], [2086, 2013], [2132, 2013], [2133, 2014], [2195, 2014], [2196, 2015], [2259, 2015], [2260, 2016],
    [2336, 2016], [2337, 2017], [2397, 2017], [2398, 2018], [2451, 2018], [2452, 2019], [2503, 2019], [2504, 2020], [2560, 2020], [2561, 2021],
    [2617, 2021], [2618, 2022], [2671, 2022], [2672, 2023], [2721, 2023], [2722, 2024], [2767, 2024], [2768, 2025], [2811, 2025],
    [183, 1963], [186, 1964], [242, 1967], [660, 1990], [1325, 2000], [1566, 2004], [2170, 2014], [2178, 2014],
  ];
  for (const [n, year] of known) it(`resolution ${n} is of ${year}`, () => assert.equal(councilResolutionYear(n), year));

  it('does not guess past the first resolution of the last year it knows, nor for non-numbers', () => {
    assert.equal(councilResolutionYear(2812), undefined);
    assert.equal(councilResolutionYear(9999), undefined);
    assert.equal(councilResolutionYear(0), undefined);
    assert.equal(councilResolutionYear(12.5), undefined);
  });

  it('completes the symbol of a resolution cited without its year, and keeps a year the text gives', () => {
    const refs = parsePolicyDocument('recalling resolution 1566, resolutions 2170 and 2178, S/RES/1373 and resolution 2396 (2017)').references;
    assert.deepEqual(refs.map((r) => r.symbols), [['S/RES/1566(2004)'], ['S/RES/2170(2014)', 'S/RES/2178(2014)'], ['S/RES/1373(2001)'], ['S/RES/2396(2017)']]);
    assert.deepEqual(refs.map((r) => r.year), ['2004', '2014', '2001', '2017']);
  });
});
