/** UTF-16 offsets into the text; `end` is exclusive. */
export interface TextRange {
  start: number;
  end: number;
}

export interface Section {
  /** Clean heading text: markup stripped, wrapped continuation joined, spaces collapsed. */
  title: string;
  /** 0 cover/organ block, 1 title or top heading, 2 sub-heading. */
  level: number;
  /** The heading's line (without its line break). */
  range: TextRange;
  /** Further lines of a heading printed over several lines with blank lines between (a press release's deck). */
  continuation?: TextRange[];
  /** Where the section's content ends: the next section of the same or a higher level, or the text length. */
  end: number;
}

export interface Person {
  /** Stable identity within one document: folded full name, or folded title + surname when no full name is known. */
  key: string;
  name: string;
  role?: string;
  organisation?: string;
  country?: string;
}

export type SpeakerKind = 'turn' | 'issuer' | 'reported';

export interface SpeakerTurn {
  /** The string that introduces the speaker, e.g. `Mr. Nebenzia`, `The President`, `HON.  P.  POKINO`. */
  surface: string;
  range: TextRange;
  /** The whole label as written (may span lines), e.g. `Mrs. Gueguen (France) (spoke in French):`. */
  label?: string;
  labelRange?: TextRange;
  name?: string;
  role?: string;
  organisation?: string;
  country?: string;
  /** In a parliament's record: the member's constituency (electorate, riding) and party, where the label gives them. */
  constituency?: string;
  party?: string;
  language?: string;
  person?: Person;
  /** `turn`: the speaker holds the floor; `issuer`: who issues a press statement; `reported`: paraphrased in a summary. */
  kind?: SpeakerKind;
  /** Where the turn ends: the next turn, the next section, or the text end. */
  end: number;
}

/** `bill` and `parliamentary` are a parliament's own numbering, not UN document symbols. */
export type ReferenceKind = 'resolution' | 'decision' | 'document' | 'press-release' | 'meeting-record' | 'bill' | 'parliamentary';

export interface Reference {
  surface: string;
  range: TextRange;
  /** First (or only) normalised symbol, e.g. `S/RES/2396(2017)`. */
  symbol: string;
  /** Every symbol the surface names: two for `resolutions 2170 and 2178` or a joint `A/57/759-S/2003/332`. */
  symbols: string[];
  kind: ReferenceKind;
  organ?: string;
  year?: string;
  /** Where a parliament publishes the document, when its symbol says (European Parliament texts and reports). */
  url?: string;
}

export type FigureKind = 'money' | 'money-range' | 'count' | 'percent' | 'vote' | 'range' | 'duration' | 'ratio';

export interface Figure {
  surface: string;
  range: TextRange;
  kind: FigureKind;
  /**
   * money: amount in units of the currency; money-range and range: [low, high]; count and percent: the number;
   * vote: `for-against-abstain` (or the in-favour count alone); duration: ISO 8601 (`P6M`); ratio: `1:2`.
   */
  value?: number | number[] | string;
  /** ISO 4217 code where the symbol tells it (`USD`, `EUR`, `GBP`, `JPY`). */
  currency?: string;
  /** Set where a bare `$` was read as another country's dollar: the country the document is from. */
  currencyInferred?: string;
  /** What a count counts (`projects`, `capacity-building projects`); the unit of a duration. */
  noun?: string;
}

export type DateKind = 'date' | 'date-range' | 'month' | 'year' | 'year-range' | 'decade' | 'fiscal-year' | 'time'
  | 'deadline' | 'relative-date';

export interface DateMention {
  surface: string;
  range: TextRange;
  kind: DateKind;
  /**
   * ISO 8601 where the text fixes one: `2020-01-13`, `2019-12` (a month), `2014` (a year), `2011/2012` (a range of
   * years), `17:10` (a time), `197` (the 1970s); a list for `19 and 20 December 2019` and day ranges. A day and
   * month without a year take the document's year.
   */
  value?: string | string[];
}

export interface PolicyDocument {
  text: string;
  sections: Section[];
  speakers: SpeakerTurn[];
  references: Reference[];
  figures: Figure[];
  dates: DateMention[];
  people: Person[];
  /** 0-based line of an offset, counting LF only (what VS Code shows). */
  lineOf(offset: number): number;
}
