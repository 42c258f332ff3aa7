// What the policytext grammar colours, on lines of the real corpus (picked by content, read from
// ../shared/corpus) and on short snippets of the forms seen there. Each case names the substring and
// the scope every character of it must carry; `exact` also checks that the scope stops at its edges.
import { itWithCorpus } from '../support/corpus';
import { corpusLine, expectNoScope, expectScope, readCorpusDoc, tokenize } from './harness';

const PRESS = '00-press-counter-terrorism-conference.txt';
const PV8700 = '02-sc-pv8700-syria-crossborder.txt';
const PV8699 = '03-sc-pv8699-un-charter-open-debate.txt';
const PV8698 = '04-sc-pv8698-west-africa-sahel.txt';
const GA_RES = '06-ga-res-80-13-indian-ocean.txt';
const IRELAND = '07-ga-general-debate-ireland-2023.txt';
const BIDEN = '15-wh-biden-guterres-remarks-2021.txt';
const EO = '16-wh-eo-un-withdrawal-2025.txt';
const BUDGET = '17-wh-budget-factsheet-2024.txt';
const DFAT = '18-dfat-1974-disarmament-unga.txt';
const HANSARD = '19-cook-islands-hansard-1997-vat-bill.txt';

const HEADING = 'markup.heading.section.policytext';
const SPEAKER = 'entity.name.tag.speaker.policytext';
const COUNTRY = 'entity.other.attribute-name.country.speaker.policytext';
const LANGUAGE = 'entity.other.attribute-name.language.speaker.policytext';
const ROLE = 'entity.other.attribute-name.role.speaker.policytext';
const RESOLUTION = 'constant.other.reference.resolution.policytext';
const DOCUMENT = 'constant.other.reference.document.policytext';
const QUOTED = 'string.quoted.double.policytext';
const figure = (kind: string) => `constant.numeric.figure.${kind}.policytext`;

interface Case {
  readonly name: string;
  /** A line of the corpus: [document, a fragment that picks the line]; or a snippet. */
  readonly text: readonly [string, string] | string;
  readonly needle: string;
  readonly scope: string;
  readonly exact?: boolean;
}

const textOf = (c: Case): string => (typeof c.text === 'string' ? c.text : corpusLine(c.text[0], c.text[1]));

function table(cases: readonly Case[]): void {
  for (const c of cases) {
    (typeof c.text === 'string' ? it : itWithCorpus)(c.name, async () => expectScope(textOf(c), c.needle, c.scope, { exact: c.exact }));
  }
}

describe('policytext grammar: section headings', () => {
  table([
    { name: 'press release sub-heading "Session III"', text: [PRESS, 'Session III'], needle: 'Session III', scope: HEADING, exact: true },
    { name: '"Closing Remarks"', text: [PRESS, 'Closing Remarks'], needle: 'Closing Remarks', scope: HEADING },
    { name: '"Opening Remarks", "Briefers", "Speakers"', text: 'Opening Remarks', needle: 'Opening Remarks', scope: HEADING },
    { name: '"Briefers"', text: 'Briefers', needle: 'Briefers', scope: HEADING },
    { name: '"Speakers"', text: 'Speakers', needle: 'Speakers', scope: HEADING },
    { name: '"Action on Draft Resolution"', text: 'Action on Draft Resolution', needle: 'Action on Draft Resolution', scope: HEADING },
    { name: 'S/PV "Adoption of the agenda"', text: [PV8700, 'Adoption of the agenda'], needle: 'Adoption of the agenda', scope: HEADING },
    { name: 'S/PV cover "Agenda"', text: 'Agenda', needle: 'Agenda', scope: HEADING },
    { name: 'executive order "Section 1. Purpose." with no-break spaces', text: [EO, 'Purpose.'], needle: 'Purpose.', scope: HEADING },
    { name: 'executive order "Sec. 3." alone', text: 'Sec. 3.', needle: 'Sec. 3.', scope: HEADING },
    { name: 'Hansard "Part II.-  Imposition of Tax." up to its full stop', text: [HANSARD, 'Part II.-'], needle: 'Part II.-  Imposition of Tax.', scope: HEADING, exact: true },
    { name: 'Hansard "First Schedule."', text: [HANSARD, 'First Schedule.'], needle: 'First Schedule.', scope: HEADING },
    { name: 'ALL-CAPS title "COMMITTEE OF THE WHOLE"', text: [HANSARD, 'COMMITTEE OF THE WHOLE'], needle: 'COMMITTEE OF THE WHOLE', scope: HEADING },
    { name: 'ALL-CAPS press title', text: 'SECURITY COUNCIL EXTENDS MANDATE OF UNITED NATIONS MISSION, ADOPTING RESOLUTION 2505 (2020)', needle: 'SECURITY COUNCIL EXTENDS', scope: HEADING },
    { name: 'meeting line "7053rd Meeting (AM)"', text: '7053rd Meeting (AM)', needle: '7053rd Meeting (AM)', scope: HEADING },
    { name: 'meeting line "39th & 40th Meetings (AM & PM)"', text: '39th & 40th Meetings (AM & PM)', needle: '39th & 40th Meetings (AM & PM)', scope: HEADING },
    { name: 'Markdown "# heading"', text: '# Statement by the President', needle: 'Statement by the President', scope: HEADING },
    { name: 'Markdown bold run-in heading, not the body after it', text: [BUDGET, '**Supports Ukraine'], needle: '**Supports Ukraine, European Allies, and Partners.**', scope: HEADING, exact: true },
    { name: 'emphasised numbered title of 1974', text: [DFAT, 'Treaty of Tlatelolco'], needle: 'Treaty of Tlatelolco', scope: HEADING },
    { name: 'General Assembly resolution title line', text: [GA_RES, '80/13. Implementation'], needle: '80/13. Implementation of the Declaration', scope: HEADING },
  ]);

  itWithCorpus('takes the line after "The agenda was adopted." as the agenda item', async () => {
    const text = readCorpusDoc(PV8698);
    const lines = await tokenize(text);
    const adopted = text.split('\n').indexOf('The agenda was adopted.');
    await expectScope(lines, 'Peace consolidation in West Africa', HEADING, { exact: true, fromLine: adopted });
    // the same words on the cover page, in the agenda block, are not a heading
    await expectNoScope(lines, 'Peace consolidation in West Africa', 'markup.heading');
  });

  itWithCorpus('colours the bold heading that wraps over two lines, and stops at the closing asterisks', async () => {
    const lines = await tokenize(readCorpusDoc(BUDGET));
    await expectScope(lines, '***Confronts Threats to Global Security and Strengthens America’s', HEADING);
    await expectScope(lines, 'Military***', HEADING, { exact: true });
  });
});

describe('policytext grammar: no false headings', () => {
  const cases: [string, string | readonly [string, string], string][] = [
    ['running header of an even page', [PV8700, 'S/PV.8700 The situation in the Middle East 10/01/2020'], 'The situation in the Middle East'],
    ['running header of an odd page', [PV8699, '09/01/2020 Maintenance of international peace and security S/PV.8699'], 'Maintenance of international'],
    ['page footer with U+0008', [PV8700, '2/12\b'], '20-00806'],
    ['S/PV cover line "Security Council"', [PV8700, 'Security Council'], 'Security Council'],
    ['Title Case body line of a record', [PV8699, 'Treaty on the Non-Proliferation of Nuclear Weapons'], 'Treaty on the Non-Proliferation'],
    ['wrapped body line of organisation names', [PV8698, 'United Nations Office for West Africa and the Sahel'], 'United Nations Office'],
    ['"Session III was" in running text', 'Session III was chaired by Achim Steiner.', 'Session III'],
    ['"Chapter VII." ending a wrapped line', 'Chapter VII.', 'Chapter VII'],
    ['a sentence in capitals followed by a colon (a label)', 'MR CHAIRMAN:  Thank you Honourable Minister.', 'MR CHAIRMAN'],
    ['"Action on climate" body line', 'Action on climate change cannot wait for the', 'Action on climate'],
    ['Hansard procedural line', [HANSARD, 'That Part I Stands Part of the Bill'], 'That Part I Stands'],
    ['vote list line of one country', 'Abstaining:\nViet Nam', 'Viet Nam'],
  ];
  for (const [name, text, needle] of cases) {
    (typeof text === 'string' ? it : itWithCorpus)(name, async () => {
      const t = typeof text === 'string' ? text : corpusLine(text[0], text[1]);
      await expectNoScope(t, needle, 'markup.heading');
    });
  }

  itWithCorpus('dims running headers and footers as comments, keeping the symbol in them a reference', async () => {
    const header = corpusLine(PV8700, 'S/PV.8700 The situation in the Middle East 10/01/2020');
    await expectScope(header, 'The situation in the Middle East 10/01/2020', 'comment.line.running-header.policytext');
    await expectScope(header, 'S/PV.8700', DOCUMENT, { exact: true });
    await expectScope(corpusLine(PV8700, '2/12\b'), '20-00806', 'comment.line.page-footer.policytext');
  });
});

describe('policytext grammar: speakers', () => {
  table([
    { name: '"The President:"', text: [PV8700, 'The President: In accordance'], needle: 'The President', scope: SPEAKER, exact: true },
    { name: '"Mr. Pecsteen de Buytswerve (Belgium):" name', text: [PV8700, 'Mr. Pecsteen de Buytswerve (Belgium):'], needle: 'Mr. Pecsteen de Buytswerve', scope: SPEAKER, exact: true },
    { name: '… and country', text: [PV8700, 'Mr. Pecsteen de Buytswerve (Belgium):'], needle: '(Belgium)', scope: COUNTRY },
    { name: '"Mrs. Gueguen (France) (spoke in French):" name', text: [PV8700, 'Mrs. Gueguen (France)'], needle: 'Mrs. Gueguen', scope: SPEAKER, exact: true },
    { name: '… and language', text: [PV8700, 'Mrs. Gueguen (France)'], needle: '(spoke in French)', scope: LANGUAGE },
    { name: 'curly apostrophe in a name', text: 'Mr. Ja’afari (Syrian Arab Republic): It is regrettable', needle: 'Mr. Ja’afari', scope: SPEAKER, exact: true },
    { name: '"The Secretary-General:"', text: [PV8699, 'The Secretary-General: I thank'], needle: 'The Secretary-General', scope: SPEAKER },
    { name: '"PRESIDENT BIDEN:"', text: [BIDEN, 'PRESIDENT BIDEN:'], needle: 'PRESIDENT BIDEN', scope: SPEAKER, exact: true },
    { name: '"SECRETARY-GENERAL GUTERRES:"', text: [BIDEN, 'SECRETARY-GENERAL GUTERRES:'], needle: 'SECRETARY-GENERAL GUTERRES', scope: SPEAKER },
    { name: '"THE PRESIDENT:"', text: [BIDEN, 'THE PRESIDENT:'], needle: 'THE PRESIDENT', scope: SPEAKER },
    { name: 'Hansard "HON.  P.  POKINO:" with double spaces', text: [HANSARD, 'HON.  P.  POKINO:'], needle: 'HON.  P.  POKINO', scope: SPEAKER, exact: true },
    { name: 'Hansard "MR CHAIRMAN:"', text: [HANSARD, 'MR CHAIRMAN:  The Honourable'], needle: 'MR CHAIRMAN', scope: SPEAKER },
    { name: 'Hansard "MR  P.  TEITI:"', text: [HANSARD, 'MR  P.  TEITI:'], needle: 'MR  P.  TEITI', scope: SPEAKER },
    { name: 'press turn "Mr. STEINER said"', text: [PRESS, 'Mr. STEINER said'], needle: 'Mr. STEINER', scope: SPEAKER, exact: true },
    { name: 'press turn "Ms. MLAMBO-NGCUKA" (ASCII hyphen)', text: [PRESS, 'Ms. MLAMBO-NGCUKA'], needle: 'Ms. MLAMBO-NGCUKA', scope: SPEAKER, exact: true },
    { name: 'press turn with U+2011: "Ms. MLAMBO‑NGCUKA"', text: 'Ms. MLAMBO‑NGCUKA said that since the adoption', needle: 'Ms. MLAMBO‑NGCUKA', scope: SPEAKER, exact: true },
    { name: 'press turn "Mr. VORONKOV, highlighting"', text: [PRESS, 'Mr. VORONKOV,'], needle: 'Mr. VORONKOV', scope: SPEAKER, exact: true },
    { name: '"ANTÓNIO GUTERRES, Secretary‑General of the United Nations, said" name', text: [PRESS, 'ANTÓNIO GUTERRES'], needle: 'ANTÓNIO GUTERRES', scope: SPEAKER, exact: true },
    { name: '… and role', text: [PRESS, 'ANTÓNIO GUTERRES'], needle: 'Secretary‑General of the United Nations', scope: ROLE },
    { name: '"CSABA KŐRÖSI (Hungary), President of the General Assembly, underscored"', text: 'CSABA KŐRÖSI (Hungary), President of the General Assembly, underscored the need', needle: 'CSABA KŐRÖSI', scope: SPEAKER, exact: true },
    { name: '"The representative of the United States said"', text: 'The representative of the United States said her country', needle: 'The representative of the United States', scope: SPEAKER, exact: true },
    { name: 'quote-first attribution', text: '“We must act now,” Szilvia Balázs (Hungary), Committee Rapporteur, said.', needle: 'Szilvia Balázs', scope: SPEAKER, exact: true },
  ]);

  const negatives: [string, string, string][] = [
    ['vote heading "In favour:"', 'In favour:\nBelgium, China', 'In favour'],
    ['vote heading "Against:"', 'Against:\nNone', 'Against'],
    ['vote heading "Abstaining:"', 'Abstaining:\nChina, Russian Federation', 'Abstaining'],
    ['title with a colon "Adapt Now: A Global Call"', 'Adapt Now: A Global Call for Leadership on Climate', 'Adapt Now'],
    ['a sentence ending in a colon', 'Kenya warmly congratulates Viet Nam for three things:', 'Kenya'],
    ['"He said:"', 'He said:', 'He said'],
    ['a mixed-case name in running text', 'Achim Steiner, Administrator of the United Nations Development Programme (UNDP), who chaired', 'Achim Steiner'],
    ['"Mr. Voronkov" mentioned inside a sentence', 'expressing his commitment to seek advice from Mr. Voronkov and Member States', 'Mr. Voronkov'],
    ['a dateline in capitals', 'NEW YORK, 20 September 2023', 'NEW YORK'],
  ];
  for (const [name, text, needle] of negatives) {
    it(`not a speaker: ${name}`, async () => expectNoScope(text, needle, '.speaker.'));
  }
});

describe('policytext grammar: references', () => {
  table([
    { name: '"resolution 2396 (2017)"', text: [PRESS, 'Security Council’s resolution 2396 (2017)'], needle: 'resolution 2396 (2017)', scope: RESOLUTION, exact: true },
    { name: '"Security Council resolution 2242 (2015)" with its organ', text: [PRESS, 'resolution 2242 (2015)'], needle: 'Security Council resolution 2242 (2015)', scope: RESOLUTION, exact: true },
    { name: '"General Assembly resolution 46/182"', text: 'in line with General Assembly resolution 46/182 and', needle: 'General Assembly resolution 46/182', scope: RESOLUTION, exact: true },
    { name: '"resolution 2832 (XXVI)"', text: [GA_RES, 'resolution 2832 (XXVI)'], needle: 'resolution 2832 (XXVI)', scope: RESOLUTION, exact: true },
    { name: '"resolutions 1267 (1999) and 1989 (2011)"', text: 'under resolutions 1267 (1999) and 1989 (2011), the Committee', needle: 'resolutions 1267 (1999) and 1989 (2011)', scope: RESOLUTION, exact: true },
    { name: '"resolutions 2170 and 2178"', text: 'recalling resolutions 2170 and 2178 on foreign fighters', needle: 'resolutions 2170 and 2178', scope: RESOLUTION, exact: true },
    { name: '"resolution 1566" without a year', text: 'as set out in resolution 1566.', needle: 'resolution 1566', scope: RESOLUTION, exact: true },
    { name: '"A/RES/46/182"', text: 'see A/RES/46/182 for the principles', needle: 'A/RES/46/182', scope: RESOLUTION, exact: true },
    { name: '"S/2020/24"', text: [PV8700, 'documents S/2020/24 and S/2020/25'], needle: 'S/2020/24', scope: DOCUMENT, exact: true },
    { name: '"(see S/PV.8697)"', text: [PV8700, '(see S/PV.8697)'], needle: 'S/PV.8697', scope: DOCUMENT, exact: true },
    { name: '"A/80/534, para. 7"', text: [GA_RES, 'A/80/534'], needle: 'A/80/534', scope: DOCUMENT, exact: true },
    { name: '"A/34/45/Corr.1"', text: [GA_RES, 'A/34/45/Corr.1'], needle: 'A/34/45/Corr.1', scope: DOCUMENT, exact: true },
    { name: 'joint symbol "A/57/759-S/2003/332"', text: [GA_RES, 'A/57/759-S/2003/332'], needle: 'A/57/759-S/2003/332', scope: DOCUMENT, exact: true },
    { name: '"A/78/L.12"', text: 'draft resolution A/78/L.12 was adopted', needle: 'A/78/L.12', scope: DOCUMENT, exact: true },
    { name: '"S/2022/10/Add.10*"', text: 'the report (S/2022/10/Add.10*) of', needle: 'S/2022/10/Add.10*', scope: DOCUMENT, exact: true },
    { name: 'press release symbol glued to a word "CouncilSC/11165"', text: 'Security CouncilSC/11165 12 October 2013', needle: 'SC/11165', scope: DOCUMENT, exact: true },
    { name: 'press release "GA/12010"', text: 'Meetings Coverage GA/12010', needle: 'GA/12010', scope: DOCUMENT, exact: true },
    { name: '"SC/8215"', text: 'Press Release SC/8215', needle: 'SC/8215', scope: DOCUMENT, exact: true },
  ]);

  it('takes a resolution wrapped before its year ("resolution 2504" / "(2020)")', async () => {
    const lines = await tokenize('members of the Council adopted resolution 2504\n(2020), which renews');
    await expectScope(lines, 'resolution 2504', RESOLUTION);
    await expectScope(lines, '(2020)', RESOLUTION, { exact: true });
    await expectNoScope(lines, 'which renews', '.reference.');
  });

  itWithCorpus('follows a list of resolutions with dates over three lines and stops at the first other word', async () => {
    const lines = await tokenize(readCorpusDoc(GA_RES));
    await expectScope(lines, 'resolutions 54/47', RESOLUTION, { exact: true });
    for (const symbol of ['56/16', '60/48', '64/23', '66/22', '76/17', '78/13']) await expectScope(lines, symbol, RESOLUTION, { exact: true });
    await expectNoScope(lines, 'of 1 December 1999', 'constant.');
    await expectNoScope(lines, 'other relevant resolutions', 'constant.');
  });

  const negatives: [string, string, string][] = [
    ['"HIV/AIDS" has no digit', 'the response to HIV/AIDS and', 'HIV/AIDS'],
    ['"ISIL/Da’esh"', 'Islamic State in Iraq and the Levant (ISIL/Da’esh) in Iraq', 'ISIL/Da’esh'],
    ['a date', 'on 10/01/2020 the Council', '10/01/2020'],
    ['"Security Council and General Assembly resolutions" (generic)', 'the implementation of Security Council and General Assembly resolutions.', 'General Assembly resolutions'],
    ['"2021/2022"', 'Our term on the Security Council in 2021/2022 saw', '2021/2022'],
  ];
  for (const [name, text, needle] of negatives) {
    it(`not a reference: ${name}`, async () => expectNoScope(text, needle, '.reference.'));
  }
});

describe('policytext grammar: figures', () => {
  table([
    { name: 'money range "$5 billion to $70 billion"', text: [PRESS, '$5 billion to $70 billion'], needle: '$5 billion to $70 billion', scope: figure('range'), exact: true },
    { name: 'money "over $3.5 billion"', text: [PV8700, 'over $3.5 billion'], needle: 'over $3.5 billion', scope: figure('money'), exact: true },
    { name: 'money "at least €225 million"', text: [IRELAND, '€225 million'], needle: 'at least €225 million', scope: figure('money'), exact: true },
    { name: 'money "¥ 9.8 million"', text: 'a contribution of ¥ 9.8 million to the Fund', needle: '¥ 9.8 million', scope: figure('money'), exact: true },
    { name: 'money "₤20 million" (U+20A4)', text: [PV8698, '₤20 million'], needle: '₤20 million', scope: figure('money'), exact: true },
    { name: 'money "US$ 3.5 billion"', text: 'pledges of US$ 3.5 billion were', needle: 'US$ 3.5 billion', scope: figure('money'), exact: true },
    { name: 'money "$92 billion"', text: [BUDGET, '$92 billion'], needle: '$92 billion', scope: figure('money'), exact: true },
    { name: 'percent "40 per cent"', text: [PV8700, '40 per cent'], needle: '40 per cent', scope: figure('percent'), exact: true },
    { name: 'percent "4.5 percent"', text: 'a 4.5 percent pay raise', needle: '4.5 percent', scope: figure('percent'), exact: true },
    { name: 'percent "12%"', text: 'grew by 12% last year', needle: '12%', scope: figure('percent'), exact: true },
    { name: 'percent "12.5  %" (Hansard spacing)', text: [HANSARD, '12.5  %'], needle: '12.5  %', scope: figure('percent'), exact: true },
    { name: 'percent "more than 90 per cent"', text: [IRELAND, 'more than 90 per cent'], needle: 'more than 90 per cent', scope: figure('percent'), exact: true },
    { name: 'vote "137 in favour to 12 against, with 17 abstentions"', text: 'adopted by a recorded vote of 137 in favour to 12 against, with 17 abstentions (Israel)', needle: '137 in favour to 12 against, with 17 abstentions', scope: figure('vote'), exact: true },
    { name: 'vote "108 in favour to none against"', text: 'by 108 in favour to none against, the Assembly', needle: '108 in favour to none against', scope: figure('vote'), exact: true },
    { name: 'vote "11 votes in favour, none against and 4 abstentions"', text: [PV8700, '11 votes in favour'], needle: '11 votes in favour, none against and 4 abstentions', scope: figure('vote'), exact: true },
    { name: 'vote in words "three votes in favour, seven against"', text: [PV8700, 'three votes in favour'], needle: 'three votes in favour, seven against', scope: figure('vote') },
    { name: 'vote of 1974 "100 (Australia) - 2 (China) - 11 (France, India)"', text: [DFAT, '100 (Australia)'], needle: '100 (Australia) - 2 (China) - 11 (France, India)', scope: figure('vote'), exact: true },
    { name: 'count "27 projects"', text: [PRESS, 'supporting 27 projects'], needle: '27 projects', scope: figure('count'), exact: true },
    { name: 'count "more than 35 capacity‑building projects" (U+2011)', text: [PRESS, 'more than 35 capacity‑building projects'], needle: 'more than 35 capacity‑building projects', scope: figure('count'), exact: true },
    { name: 'count "11 million Syrians"', text: [PV8700, '11 million Syrians'], needle: '11 million Syrians', scope: figure('count'), exact: true },
    { name: 'count "17 Sustainable Development Goals"', text: [IRELAND, '17 Sustainable Development Goals'], needle: '17 Sustainable Development Goals', scope: figure('count'), exact: true },
    { name: 'count in words "four crossing points"', text: [PV8700, 'four crossing points'], needle: 'four crossing points', scope: figure('count'), exact: true },
    { name: 'count "over 700,000 people"', text: [PV8700, '700,000 people'], needle: 'over 700,000 people', scope: figure('count'), exact: true },
    { name: 'count at the start of a line "More than 1.4 million people"', text: [PV8700, 'More than 1.4 million people'], needle: 'More than 1.4 million people', scope: figure('count'), exact: true },
    { name: 'range "8 to 10 trucks"', text: [PV8700, '8 to 10 trucks'], needle: '8 to 10 trucks', scope: figure('range'), exact: true },
    { name: 'duration "two‑day" (U+2011)', text: [PRESS, 'two‑day Conference'], needle: 'two‑day', scope: figure('duration'), exact: true },
    { name: 'duration "10-year"', text: 'a 10-year plan', needle: '10-year', scope: figure('duration'), exact: true },
    { name: 'duration "12 months"', text: 'renewed for 12 months.', needle: '12 months', scope: figure('duration'), exact: true },
    { name: 'duration "Within 180 days"', text: [EO, 'Within 180 days'], needle: 'Within 180 days', scope: figure('duration'), exact: true },
    { name: 'duration "Seventy-five years ago" at the start of a line', text: [PV8699, 'Seventy-five years ago'], needle: 'Seventy-five years ago', scope: figure('duration'), exact: true },
  ]);

  const negatives: [string, string, string][] = [
    ['a date "10 January 2020"', 'Friday, 10 January 2020, 3 p.m.', '10 January 2020'],
    ['a time "10.20 a.m."', 'The meeting was called to order at 10.20 a.m.', '10.20 a.m'],
    ['"rule 37 of the"', 'In accordance with rule 37 of the Council’s provisional rules', '37 of the'],
    ['a year and a capitalised word "2015 States"', 'In 2015 States agreed', '2015 States'],
    ['a job number "20-00806 (E)"', '20-00806 (E)', '20-00806'],
    ['"first‑ever"', 'the United Nations first‑ever High‑level Conference', 'first‑ever'],
    ['an age "24-year-old"', 'a 24-year-old man was killed', '24-year-old'],
    ['"Session III" numerals', 'Session III', 'III'],
    ['"paragraph 102 of"', 'Recalling further paragraph 102 of the Final Document', '102 of'],
    ['"No single Government"', 'No single Government or organization can push back the threat', 'No single'],
  ];
  for (const [name, text, needle] of negatives) {
    it(`not a figure: ${name}`, async () => expectNoScope(text, needle, '.figure.'));
  }
});

describe('policytext grammar: quotations', () => {
  it('colours a curly quotation with its marks and the figures inside it', async () => {
    const line = '“We will spend $5 billion on 27 projects,” he said.';
    await expectScope(line, '“We will spend $5 billion on 27 projects,”', QUOTED, { exact: true });
    await expectScope(line, '“', 'punctuation.definition.string.begin.policytext');
    await expectScope(line, '$5 billion', figure('money'));
    await expectNoScope(line, 'he said', 'string.');
  });

  it('colours a straight-quoted quotation', async () => {
    await expectScope('the so-called "humanitarian pause" was', '"humanitarian pause"', QUOTED, { exact: true });
  });

  itWithCorpus('colours the quotations of the press release, each closed on its line', async () => {
    const lines = await tokenize(readCorpusDoc(PRESS));
    await expectScope(lines, '“prevent new technologies from becoming lethal terrorist weapons”', QUOTED, { exact: true });
    await expectNoScope(lines, 'Secretary‑General António Guterres urged', 'string.');
  });
});

describe('policytext grammar: dates', () => {
  const DATE = 'constant.numeric.date.policytext';
  table([
    { name: 'a meeting date with its weekday "Friday, 10 January 2020"', text: [PV8700, 'Friday, 10 January 2020'], needle: 'Friday, 10 January 2020', scope: DATE, exact: true },
    { name: 'a date in capitals "WEDNESDAY, 22 MAY 2013"', text: 'WEDNESDAY, 22 MAY 2013', needle: '22 MAY 2013', scope: DATE },
    { name: 'an ordinal day "30th of June 2003"', text: 'from the 30th of June 2003 onwards', needle: '30th of June 2003', scope: DATE, exact: true },
    { name: 'a day range "2 to 13 July 1979"', text: 'held at Colombo from 2 to 13 July 1979,', needle: '2 to 13 July 1979', scope: DATE, exact: true },
    { name: 'a US date with a no-break space "October\u00a07, 2023"', text: 'since October\u00a07, 2023, the', needle: 'October\u00a07, 2023', scope: DATE, exact: true },
    { name: 'a month and year "October 2023"', text: 'In October 2023, the Administration', needle: 'October 2023', scope: DATE, exact: true },
    { name: 'a numeric date in a running header', text: [PV8700, 'S/PV.8700 The situation in the Middle East 10/01/2020'], needle: '10/01/2020', scope: DATE, exact: true },
    { name: 'an ISO date "2025-03-31"', text: 'the deadline is 2025-03-31.', needle: '2025-03-31', scope: DATE, exact: true },
    { name: 'the stamp of an old press-release deck "19951103"', text: '19951103 Forty Amendments Considered', needle: '19951103', scope: DATE, exact: true },
    { name: 'a time "10.20 a.m."', text: 'The meeting was called to order at 10.20 a.m.', needle: '10.20 a.m.', scope: DATE, exact: true },
    { name: 'a time with its zone "6:42 P.M. EDT"', text: '6:42 P.M. EDT', needle: '6:42 P.M. EDT', scope: DATE, exact: true },
    { name: 'a 24-hour time in a Hansard label', text: 'Mr DUTTON (Dickson—Leader of the Opposition) (14:02): My question', needle: '14:02', scope: DATE, exact: true },
    { name: 'a Canadian time stamp "(1710)" on its own line', text: '(1710)', needle: '(1710)', scope: DATE, exact: true },
    { name: 'a year "in 2014"', text: 'the number of attacks in 2014 doubled', needle: '2014', scope: DATE, exact: true },
    { name: 'a decade "1940s"', text: 'since the 1940s', needle: '1940s', scope: DATE, exact: true },
    { name: 'a term "2021/2022"', text: 'Our term on the Security Council in 2021/2022 saw', needle: '2021/2022', scope: DATE, exact: true },
    { name: 'a fiscal year "FY 2025"', text: 'The FY 2025 Budget includes', needle: 'FY 2025', scope: DATE, exact: true },
  ]);

  const negatives: [string, string, string][] = [
    ['the year of a resolution', 'adopted resolution 2505 (2020) unanimously', '2020'],
    ['a document symbol', 'contained in document S/2020/24', '2020'],
    ['an amount "$2000"', 'a fee of $2000 was', '2000'],
    ['a count "2,000 people"', 'some 2,000 people fled', '2,000'],
    ['a disease "COVID-19"', 'the COVID-19 pandemic', '19'],
    ['a job number "20-00806 (E)"', '20-00806 (E)', '20-00806'],
    ['an aircraft type "A330-200"', 'an Airbus A330-200 landed', '330-200'],
    ['military hours "1630 hours"', 'at 1630 hours the patrol', '1630'],
  ];
  for (const [name, text, needle] of negatives) {
    it(`not a date: ${name}`, async () => expectNoScope(text, needle, '.date.'));
  }
});

describe('policytext grammar: press-release headlines and issuers', () => {
  const ISSUER = 'entity.name.tag.speaker.issuer.policytext';
  it('colours the issuer of a press statement up to its colon', async () => {
    const line = 'The following statement was issued today by the Spokesperson for Secretary-General António Guterres:';
    await expectScope(line, 'Spokesperson for Secretary-General António Guterres', ISSUER, { exact: true });
  });
  it('colours a Council President issuing a press statement, with the country', async () => {
    const line = 'The following Security Council press statement was issued today by Council President Vanessa Frazier (Malta):';
    await expectScope(line, 'Council President Vanessa Frazier (Malta)', ISSUER, { exact: true });
  });
  it('colours the issuer of a statement attributable to a spokesperson, not its subject', async () => {
    const line = 'Statement attributable to the Spokesperson for the Secretary-General on Mali';
    await expectScope(line, 'Spokesperson for the Secretary-General', ISSUER, { exact: true });
    await expectNoScope(line, 'Mali', '.speaker.');
  });
  it('colours an ALL-CAPS headline with numbers and commas as a heading', async () => {
    await expectScope('ASSEMBLY ADOPTS 37 RESOLUTIONS CONTAINED IN SECOND COMMITTEE REPORTS', 'ASSEMBLY ADOPTS 37 RESOLUTIONS', HEADING);
    await expectScope('SECURITY COUNCIL CONFRONTS AMBITIOUS AGENDA IN 2006, BROKERING CEASEFIRES, EASING TRANSITIONS', 'BROKERING CEASEFIRES', HEADING);
  });
  it('does not take a sentence mentioning a statement for an issuer', async () => {
    await expectNoScope('The statement was issued by the delegation of France after the vote.', 'delegation of France', '.speaker.');
  });
});
