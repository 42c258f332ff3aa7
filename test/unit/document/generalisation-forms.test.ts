// Generalisation, form by form: short texts in the shapes real documents take (written for these tests, not copied
// from the corpus), each with what the parser must find. The whole documents live in fixtures/generalisation.
import * as assert from 'node:assert/strict';
import { parsePolicyDocument } from '../../../src/core/document';

const doc = (text: string) => parsePolicyDocument(text);

describe('generalisation: speaker forms', () => {
  // Meetings coverage has no labels: one line of context, then the attribution.
  const coverage: { name: string; text: string; surface: string; country?: string; role?: string }[] = [
    { name: 'verb first after a quotation, delegation', text: '“Consent is everything,” said the representative of the Russian Federation, who abstained.', surface: 'the representative of the Russian Federation', country: 'Russian Federation' },
    { name: 'verb first after a quotation, name and office', text: '“We must act now,” said Volker Türk, United Nations High Commissioner for Human Rights.', surface: 'Volker Türk', role: 'United Nations High Commissioner for Human Rights' },
    { name: 'possessive delegation with an article', text: 'The European Union’s representative said the bloc supported the text.', surface: 'The European Union’s representative', country: 'European Union' },
    { name: 'delegation with an elided article', text: 'The representative of Côte d’Ivoire said that elections would be held.', surface: 'The representative of Côte d’Ivoire', country: 'Côte d’Ivoire' },
    { name: 'delegation with a possessive inside', text: 'The representative of the Lao People’s Democratic Republic said the region was stable.', surface: 'The representative of the Lao People’s Democratic Republic' },
    { name: 'the speaker for a group', text: 'After the vote, the speaker for the European Union said the bloc had joined the consensus.', surface: 'the speaker for the European Union', country: 'European Union' },
    { name: 'an apposition that runs on into circumstances', text: 'ANTÓNIO GUTERRES, Secretary-General of the United Nations, in a video message, said the world was at a crossroads.', surface: 'ANTÓNIO GUTERRES', role: 'Secretary-General of the United Nations' },
    { name: 'a capitalised name with a middle initial and a prefix', text: 'ROSEMARY A. McCARNEY (Canada), speaking also for Australia, welcomed the text.', surface: 'ROSEMARY A. McCARNEY', country: 'Canada' },
  ];
  for (const c of coverage) {
    it(c.name, () => {
      const [t, ...rest] = doc(`The Council met today.\n${c.text}`).speakers;
      assert.equal(rest.length, 0);
      assert.equal(t.surface, c.surface);
      if (c.country) assert.equal(t.country, c.country);
      if (c.role) assert.equal(t.role, c.role);
    });
  }

  // Labelled records: every line here is a turn, and nothing else is.
  const records: { name: string; text: string; surfaces: string[] }[] = [
    {
      name: 'Australian Hansard: electorate, office and time; offices in capitals',
      text: 'Mr DUTTON (Dickson—Leader of the Opposition) (14:02): My question is to the Prime Minister.\nThe SPEAKER: Order!\nThe DEPUTY SPEAKER (Ms Claydon): The member will cease interjecting.\nSenator WONG (South Australia—Minister for Foreign Affairs) (14:05): I thank the senator.',
      surfaces: ['Mr DUTTON', 'The SPEAKER', 'The DEPUTY SPEAKER', 'Senator WONG'],
    },
    {
      name: 'New Zealand Hansard: a numbered question, Rt Hon, plain names, a collective interjection',
      text: '1. NICOLA WILLIS (Deputy Leader—National) to the Prime Minister: Does he stand by his statements?\nRt Hon CHRIS HIPKINS (Prime Minister): Yes.\nNicola Willis: Why are food prices still rising?\nHon Member: What about rents?',
      surfaces: ['NICOLA WILLIS', 'Rt Hon CHRIS HIPKINS', 'Nicola Willis', 'Hon Member'],
    },
    {
      name: 'Fiji Hansard: labels that end in a full stop and a dash',
      text: 'HON. SPEAKER.- Honourable Members, please be seated.\nHON. C.J. SINGH.- Mr. Speaker, Sir, I rise.\nHON. MEMBER.- Hear, hear!',
      surfaces: ['HON. SPEAKER', 'HON. C.J. SINGH', 'HON. MEMBER'],
    },
    {
      name: 'historic UK Hansard: an office in capitals with its holder, Madam Speaker',
      text: 'The SECRETARY of STATE for FOREIGN AFFAIRS (Mr. Michael Stewart): The United Kingdom has paid.\nMadam SPEAKER: Order.\nHon. Members: Shame.',
      surfaces: ['The SECRETARY of STATE for FOREIGN AFFAIRS', 'Madam SPEAKER', 'Hon. Members'],
    },
    {
      name: 'General Assembly record: a head of State with a language',
      text: 'The President: The Assembly will now hear an\naddress by the President of Egypt.\nPresident Al Sisi (spoke in Arabic): Egypt hosts more\nthan 9 million migrants.',
      surfaces: ['The President', 'President Al Sisi'],
    },
    {
      name: 'Senedd and Holyrood: the Llywydd, the Convener, offices with a portfolio, then plain names',
      text: 'The Llywydd: Item 2 is questions to the Counsel General.\nThe Counsel General and Minister for Delivery (Eluned Rhys): Thank you, Llywydd.\n'
        + 'Gareth Pryce: Will the Minister publish the figures today?\nThe Convener: We turn to the next panel.\nThe Cabinet Secretary for Justice (Morag Innes): I welcome the report.',
      surfaces: ['The Llywydd', 'The Counsel General and Minister for Delivery', 'Gareth Pryce', 'The Convener', 'The Cabinet Secretary for Justice'],
    },
    {
      name: 'older Australian Hansard: the speech runs on after an em dash, with a time in the brackets',
      text: 'Mr BRANDT (Lyne—Minister for Trade) (2.14 p.m.)—I thank the member.\nThe SPEAKER—Order!\nMr Oakes—Answer the question!',
      surfaces: ['Mr BRANDT', 'The SPEAKER', 'Mr Oakes'],
    },
    {
      name: 'Kenya, the Philippine Senate and the Western Cape: bracketed courtesy titles, SEN. labels, an unnamed member',
      text: 'Hon. (Dr.) Amina Wanjiru (Kibra, ODM): On a point of order.\nSEN. DE GUZMAN. Mr. President, I move to adjourn.\nAn HON MEMBER: Shame!\nHON MEMBERS: Hear, hear!',
      surfaces: ['Hon. (Dr.) Amina Wanjiru', 'SEN. DE GUZMAN', 'An HON MEMBER', 'HON MEMBERS'],
    },
    {
      name: 'questions in reported form after their number, and a Minister of State answering for a Minister',
      text: '3 Ms Tan Mei Ling asked the Minister for Health whether clinic fees will rise.\n'
        + 'The Minister of State for Health (Mr Ong Boon Kiat) (for the Minister for Health): Sir, they will not.\n'
        + 'T2. Mr McAleer asked the Minister for Infrastructure what the delay is.\nAssoc Prof Lim Wei (Nominated Member): Sir, a supplementary question.',
      surfaces: ['Ms Tan Mei Ling', 'The Minister of State for Health', 'Mr McAleer', 'Assoc Prof Lim Wei'],
    },
    {
      name: 'a congressional hearing: indented paragraphs that open with the speaker and a full stop',
      text: '    The Chairwoman. The hearing will come to order. I thank our\nwitnesses for coming.\n\n    Senator Abernathy. Thank you, Madam Chair. The\nbudget request falls short.\n\n'
        + '    Secretary Moreno. Thank you. Let me begin with the\nnumbers.\n',
      surfaces: ['The Chairwoman', 'Senator Abernathy', 'Secretary Moreno'],
    },
    {
      name: 'the Lords’ written answers: the author of a question on a line of their own, a peer with a territorial title',
      text: 'Question\nAsked by Baroness Whitfield of Ashby\nTo ask Her Majesty’s Government what steps they are taking on rural broadband.\n'
        + 'Lord Penhallow of Truro: My Lords, the Government are investing £5 billion in gigabit broadband over this Parliament, and coverage now reaches 80 per cent.',
      surfaces: ['Baroness Whitfield of Ashby', 'Lord Penhallow of Truro'],
    },
  ];
  for (const c of records) {
    it(c.name, () => assert.deepEqual(doc(c.text).speakers.map((t) => t.surface), c.surfaces));
  }

  it('keeps a colon title out of a labelled record', () => {
    const text = 'Mr SPEAKER: Order.\nMs RYAN (Kooyong) (14:20): My question is to the Treasurer.\nAdapt Now: A Global Call for Leadership on Climate Resilience';
    assert.deepEqual(doc(text).speakers.map((t) => t.surface), ['Mr SPEAKER', 'Ms RYAN']);
  });

  it('resolves `President Petro Urrego` to the head of State introduced in full', () => {
    const d = doc('Mr. Gustavo Petro Urrego, President of the\nRepublic of Colombia, was escorted into the Hall.\nThe President: Welcome.\nPresident Petro Urrego (spoke in Spanish): Thank you.');
    const t = d.speakers.find((s) => s.surface === 'President Petro Urrego')!;
    assert.equal(t.name, 'Gustavo Petro Urrego');
    assert.equal(t.role, 'President of the Republic of Colombia');
    assert.equal(t.language, 'Spanish');
  });
});

describe('generalisation: section forms', () => {
  const titles = (text: string) => doc(text).sections.map((s) => s.title);
  it('skips organ and dated masthead lines before a press title', () => {
    const text = 'GA/SHC/4412\n15 November 2024\nGeneral Assembly\nThird Committee\nSeventy-ninth Session, 48th Meeting (PM)\nTHIRD COMMITTEE APPROVES NINE DRAFTS\nThe Committee met this afternoon to take action on nine draft resolutions, two of them by recorded vote, as it neared the end of its session.';
    assert.deepEqual(titles(text), ['Seventy-ninth Session, 48th Meeting (PM)', 'THIRD COMMITTEE APPROVES NINE DRAFTS']);
  });
  it('takes a date in capitals with an ordinal for a dateline', () => {
    assert.deepEqual(titles('PARLIAMENT OF THE REPUBLIC OF FIJI\nTUESDAY, 6TH AUGUST, 2024\nMINISTERIAL STATEMENTS\nHON. SPEAKER.- Please be seated.'),
      ['PARLIAMENT OF THE REPUBLIC OF FIJI', 'MINISTERIAL STATEMENTS']);
  });
  it('takes a venue above a time for a dateline', () => {
    assert.deepEqual(titles('Oval Office\n\n11:47 A.M. EST\n\nPRESIDENT BIDEN:  Welcome.\n\nTHE VICE PRESIDENT:  Thank you.'), []);
  });
  it('keeps a sub-heading right under a heading, and a stage direction out', () => {
    // One paragraph per line, as Hansard pages are published.
    const text = 'ORAL QUESTIONS\nQuestions to Ministers\nEconomy—Inflation\nMr SPEAKER: Order. The Minister has the call, and I remind members that interjections are disorderly and will be dealt with.\n'
      + 'Opposition members interjecting—\nMs RYAN: My question is to the Treasurer. How will the Government bring down inflation while protecting the most vulnerable households?';
    assert.deepEqual(titles(text), ['ORAL QUESTIONS', 'Questions to Ministers', 'Economy—Inflation']);
  });
  it('reads General Assembly record headings: agenda item, its title, a wrapped address', () => {
    const text = 'The meeting was called to order at 3 p.m.\nAgenda item 8 (continued)\nGeneral debate\nAddress by Mr. Abdel Fattah Al Sisi, President\nof the Arab Republic of Egypt\nThe President: The Assembly will now hear an address.';
    assert.deepEqual(titles(text), ['Agenda item 8 (continued)', 'General debate', 'Address by Mr. Abdel Fattah Al Sisi, President of the Arab Republic of Egypt']);
  });
  it('takes a running header without a title for page furniture', () => {
    const text = 'The meeting was called to order at 3 p.m.\nAgenda item 8 (continued)\nGeneral debate\nThe President: The Assembly will hear\nA/79/PV.6 24/09/2024\nan address by the President of Egypt.';
    assert.deepEqual(titles(text), ['Agenda item 8 (continued)', 'General debate']);
  });
  it('reads the items of minutes, whose text follows without a blank line, and not a numbered question', () => {
    // One paragraph per line, as minutes are published: the lines of text are long.
    const para = ' The President announced the order of business, and the House agreed to it without a vote after a short exchange of views.';
    const text = `Minutes\n\n1. Resumption of the session\nThe session resumed at 09:00.${para}\n\n2.1. Fisheries agreement with Gabon (vote)\nApproved.${para}\n\n`
      + `3. What steps is the Minister taking on ferry fares? OQ1234\n\n4. Ms Doyle asked the Minister for Finance for an update on rates. (AQO 99/16-21)\n${para}\n`;
    assert.deepEqual(titles(text), ['Minutes', 'Resumption of the session', 'Fisheries agreement with Gabon (vote)']);
  });
  it('keeps a record’s metadata fields and a vote’s lines out of the outline', () => {
    const text = 'Parliament No: 15\nSitting Date: 3-4-2025\n\nSCHOOL FEES\n\nMr Speaker: Order.\n\nIn favour: Cruz, Santos, Lim\nAgainst: Reyes\nAbstention: Tan\n';
    assert.deepEqual(titles(text), ['SCHOOL FEES']);
  });
  it('keeps the title page of a congressional hearing out of the outline, but not its title', () => {
    const text = '                                           S. Hrg. 119-7\n\n              OVERSIGHT OF FOOD AID PROGRAMS\n\n                    BEFORE THE\n\n'
      + '             COMMITTEE ON AGRICULTURE\n               UNITED STATES SENATE\n\n           ONE HUNDRED NINETEENTH CONGRESS\n\n                    FIRST SESSION\n\n'
      + '    Printed for the use of the Committee on Agriculture\n\n              U.S. GOVERNMENT PUBLISHING OFFICE\n61-002 PDF           WASHINGTON : 2025\n\n'
      + '    The committee met, pursuant to notice, at 9:30 a.m., in room SR-328A.\n';
    const found = titles(text);
    assert.ok(found.includes('OVERSIGHT OF FOOD AID PROGRAMS'), found.join(' | '));
    for (const furniture of ['S. Hrg. 119-7', 'BEFORE THE', 'UNITED STATES SENATE', 'ONE HUNDRED NINETEENTH CONGRESS', 'FIRST SESSION', 'U.S. GOVERNMENT PUBLISHING OFFICE']) {
      assert.ok(!found.some((t) => t.includes(furniture)), `${furniture} in ${found.join(' | ')}`);
    }
  });
  it('reads a UN report: its title under the cover, its chapters and sub-chapters', () => {
    const text = 'United Nations S/2026/101\nSecurity Council\nDistr.: General\n2 March 2026\nOriginal: French\n26-03311 (E) 020326\n*2603311*\n'
      + 'United Nations Mission in the Sahel Corridor\nReport of the Secretary-General\nI. Introduction\n1. The present report is submitted pursuant to\n'
      + 'resolution 2801 (2025).\nII. Recent developments\nA. Humanitarian access\n2. Access improved in January.\nIII. Observations\n3. I welcome the progress.\n';
    assert.deepEqual(doc(text).sections.map((x) => [x.level, x.title]), [
      [1, 'United Nations Mission in the Sahel Corridor'], [1, 'I. Introduction'], [1, 'II. Recent developments'], [2, 'A. Humanitarian access'],
      [1, 'III. Observations'],
    ]);
  });
  it('reads a government release: the headline under its page type, date and time, and its standard sub-headings', () => {
    const para = 'The Council decided today to extend the measures by another year, after a review of the situation on the ground and of the scientific advice on the stocks concerned.';
    const text = `Council of the EU\nPress release\n2 March 2026\n09:15\nFisheries: Council sets catch limits for the Baltic Sea for 2027\n${para}\nNext steps\n${para}\n`
      + `Contacts\nPress office\nGeneral Secretariat of the Council\n`;
    assert.deepEqual(titles(text), ['Fisheries: Council sets catch limits for the Baltic Sea for 2027', 'Next steps', 'Contacts']);
  });
  it('keeps a site name and its breadcrumbs out of a government page', () => {
    const para = 'The Minister announced new funding for flood defences in the north-west, to be spent over the next three years on schemes chosen with the councils concerned.';
    const text = `Skip to main content\nEXAMPLE.GOV\nHome  Environment  Flooding\nNews release\nMinister announces new funding for flood defences in the north-west\n${para}\nNotes to editors\n- the funding is new\n`;
    assert.deepEqual(titles(text), ['Minister announces new funding for flood defences in the north-west', 'Notes to editors']);
  });
  it('does not take the organ and symbol of an extracted resolution for a heading', () => {
    assert.deepEqual(titles('United Nations A/RES/78/123\n\n78/123. Cooperation between the United Nations and the Pacific Islands Forum'),
      ['Cooperation between the United Nations and the Pacific Islands Forum'].map((t) => `78/123. ${t}`));
  });
});

describe('generalisation: reference and figure forms', () => {
  const refs = (text: string) => doc(text).references.map((r) => [r.surface, r.symbols.join(' + ')]);
  const figs = (text: string) => doc(text).figures.map((f) => [f.surface, f.kind, f.value]);
  it('reads UNSCR abbreviations as Security Council resolutions', () => {
    assert.deepEqual(refs('It recalled UNSCR 2334 and UNSCRs 1820 and 1888.'), [['UNSCR 2334', 'S/RES/2334(2016)'], ['UNSCRs 1820 and 1888', 'S/RES/1820(2008) + S/RES/1888(2009)']]);
  });
  it('keeps the session of a pre-1976 resolution symbol', () => {
    assert.deepEqual(refs('See A/RES/377(V).'), [['A/RES/377(V)', 'A/RES/377(V)']]);
  });
  const figures: [string, string, string, unknown][] = [
    ['a tally in a capitalised headline', 'ADOPTING RESOLUTION 2789 (2025) BY 13 VOTES IN FAVOUR, 2 ABSTENTIONS', 'vote', '13-0-2'],
    ['a count in a capitalised headline', 'ASSEMBLY ADOPTS 31 TEXTS ON DISARMAMENT', 'count', 31],
    ['a modifier at the end of a wrapped line', 'In the past year alone, more\nthan 18,000 civilians were killed.', 'count', 18000],
    ['a suspended hyphen', 'support for 40 low- and middle-income countries', 'count', 40],
    ['thousands grouped with spaces', 'Some 150 000 people fled.', 'count', 150000],
    ['a glued scale', 'a budget of £3bn was approved', 'money', 3e9],
    ['a percentage range', 'some 30-40 per cent of aid', 'range', [30, 40]],
  ];
  for (const [name, text, kind, value] of figures) {
    it(name, () => {
      const found = figs(text).filter((f) => f[1] === kind);
      assert.equal(found.length, 1, JSON.stringify(figs(text)));
      assert.deepEqual(found[0][2], value);
    });
  }
  it('does not read a bare number near a duration as an elided duration', () => {
    assert.deepEqual(figs('EXTENDS MANDATE FOR SIX MONTHS, ADOPTING RESOLUTION 2789 (2025) BY 13 VOTES IN FAVOUR').map((f) => f[1]), ['duration', 'vote']);
  });
});
