// Security Council resolutions are numbered consecutively since 1946, so a resolution cited without its year
// (`resolution 1566`, `resolutions 2170 and 2178`) still has one. The first resolution of each year, as adopted: a
// fact of record, taken from the UN's yearly lists of Council meetings and of resolutions (and for 2022-2026 its press
// releases); test/unit/document/councilYears.test.ts checks the first and last resolution of every year.
const FIRST_OF_YEAR: readonly [number, number][] = [
  [1946, 1], [1947, 16], [1948, 38], [1949, 67], [1950, 79], [1951, 90], [1952, 97], [1953, 99], [1954, 104],
  [1955, 106], [1956, 111], [1957, 122], [1958, 127], [1959, 132], [1960, 133], [1961, 161], [1962, 171], [1963, 178],
  [1964, 186], [1965, 200], [1966, 220], [1967, 233], [1968, 245], [1969, 263], [1970, 276], [1971, 292], [1972, 308],
  [1973, 325], [1974, 345], [1975, 367], [1976, 385], [1977, 403], [1978, 423], [1979, 444], [1980, 462], [1981, 485],
  [1982, 500], [1983, 529], [1984, 546], [1985, 560], [1986, 581], [1987, 594], [1988, 607], [1989, 627], [1990, 647],
  [1991, 684], [1992, 726], [1993, 800], [1994, 893], [1995, 970], [1996, 1036], [1997, 1093], [1998, 1147], [1999, 1220],
  [2000, 1285], [2001, 1335], [2002, 1387], [2003, 1455], [2004, 1522], [2005, 1581], [2006, 1652], [2007, 1739], [2008, 1795],
  [2009, 1860], [2010, 1908], [2011, 1967], [2012, 2033], [2013, 2086], [2014, 2133], [2015, 2196], [2016, 2260], [2017, 2337],
  [2018, 2398], [2019, 2452], [2020, 2504], [2021, 2561], [2022, 2618], [2023, 2672], [2024, 2722], [2025, 2768], [2026, 2812],
];

/**
 * The year of Security Council resolution `n`, or undefined when the table cannot tell: past the first resolution
 * of its last year the end of that year is not known here.
 */
export function councilResolutionYear(n: number): number | undefined {
  if (!Number.isInteger(n) || n < 1) return undefined;
  for (let k = FIRST_OF_YEAR.length - 2; k >= 0; k--) {
    if (n >= FIRST_OF_YEAR[k][1]) return n < FIRST_OF_YEAR[k + 1][1] ? FIRST_OF_YEAR[k][0] : undefined;
  }
  return undefined;
}
