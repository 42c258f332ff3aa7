import * as assert from 'node:assert/strict';
import { parsePolicyDocument } from '../../../src/core/document';
import { titleCase } from '../../../src/core/document/text';
import { corpusDoc, itWithCorpus, snippet } from './corpus';

const turns = (text: string) => parsePolicyDocument(text).speakers;

describe('speakers', () => {
  const labels: { name: string; text: string; surface: string; country?: string; language?: string }[] = [
    { name: 'a plain verbatim label', text: 'Mr. Jürgenson (Estonia): We regret', surface: 'Mr. Jürgenson', country: 'Estonia' },
    {
      name: 'a label with a language',
      text: 'Mrs. Gueguen (France) (spoke in French): It was\nessential that',
      surface: 'Mrs. Gueguen', country: 'France', language: 'French',
    },
    {
      name: 'a label wrapped inside its language note',
      text: 'Mr. Nebenzia (Russian Federation) (spoke in\nRussian): The Russian Federation',
      surface: 'Mr. Nebenzia', country: 'Russian Federation', language: 'Russian',
    },
    {
      name: 'a label wrapped before its language note',
      text: 'Mr. Singer Weisinger (Dominican Republic)\n(spoke in Spanish): At the outset',
      surface: 'Mr. Singer Weisinger', country: 'Dominican Republic', language: 'Spanish',
    },
    { name: 'a curly apostrophe inside a name', text: 'Mr. Ja’afari (Syrian Arab Republic) (spoke in\nArabic): I', surface: 'Mr. Ja’afari' },
    { name: 'the presiding officer', text: 'The President: The Security Council will now', surface: 'The President' },
    { name: 'an ALL-CAPS transcript label with a no-break space', text: 'PRESIDENT BIDEN:\u00a0 Well, thank you', surface: 'PRESIDENT BIDEN' },
    { name: 'a Hansard label with doubled spaces', text: 'HON.  P.  POKINO:    Thank  you,  Mr  Speaker.', surface: 'HON.  P.  POKINO' },
  ];
  for (const c of labels) {
    it(c.name, () => {
      const [t, ...rest] = turns(c.text);
      assert.equal(rest.length, 0);
      assert.equal(t.surface, c.surface);
      if (c.country) assert.equal(t.country, c.country);
      if (c.language) assert.equal(t.language, c.language);
    });
  }

  itWithCorpus('takes vote lists and colon titles for what they are', () => {
    const text = `${snippet('02', 135, 144)}\nAdapt Now: A Global Call for Leadership on Climate Resilience`;
    assert.deepEqual(turns(text), []);
  });

  itWithCorpus('treats a language switch inside a turn as part of it', () => {
    const text = snippet('02', 53, 67);
    assert.deepEqual(turns(text).map((t) => t.surface), ['Mr. Nebenzia']);
  });

  itWithCorpus('resolves the President of a verbatim record from its cover page', () => {
    const doc = parsePolicyDocument(corpusDoc('01'));
    assert.deepEqual(doc.speakers.map((t) => [t.surface, t.name, t.country]), [
      ['The President', 'Mr. Dang', 'Viet Nam'], ['The President', 'Mr. Dang', 'Viet Nam'],
    ]);
    assert.equal(doc.speakers[0].person, doc.speakers[1].person);
  });

  itWithCorpus('resolves a later ALL-CAPS short form to the person introduced earlier, across U+2011 and ASCII hyphens', () => {
    const doc = parsePolicyDocument(corpusDoc('00'));
    const byLine = doc.speakers.map((t) => [doc.lineOf(t.range.start) + 1, t.surface, t.name, t.organisation]);
    assert.deepEqual(byLine, [
      [14, 'Mr. STEINER', 'Achim Steiner', 'UNDP'],
      [18, 'Mr. VORONKOV', 'Vladimir Voronkov', 'United Nations Office of Counter-Terrorism'],
      [19, 'Ms. MLAMBO-NGCUKA', 'Phumzile Mlambo-Ngcuka', 'UN-Women'],
      [20, 'Mr. FEDOTOV', 'Yury Fedotov', 'UNODC'],
      [22, 'ANTÓNIO GUTERRES', 'António Guterres', 'United Nations'],
    ]);
    assert.match(doc.speakers[0].role ?? '', /^Administrator of the United Nations Development Programme/);
  });

  itWithCorpus('gives two labels of one office holder the same person', () => {
    const doc = parsePolicyDocument(corpusDoc('15'));
    const [biden, guterres, president] = doc.speakers;
    assert.deepEqual(doc.speakers.map((t) => t.surface), ['PRESIDENT BIDEN', 'SECRETARY-GENERAL GUTERRES', 'THE PRESIDENT']);
    assert.equal(president.person, biden.person);
    assert.notEqual(guterres.person, biden.person);
  });

  itWithCorpus('links Hansard initials to the member called by full name', () => {
    const doc = parsePolicyDocument(snippet('19', 1, 20));
    const pokino = doc.speakers.find((t) => t.surface === 'HON.  P.  POKINO');
    const george = doc.speakers.find((t) => t.surface === 'HON.  N.  GEORGE');
    assert.equal(pokino?.name, 'Papamama Pokino');
    assert.equal(george?.name, 'Norman George');
  });

  it('finds delegations and quote-first attributions in meetings coverage', () => {
    const text = [
      'The representative of the United States said her delegation supported the renewal.',
      'Portugal’s representative, speaking for a group of States, said the text was balanced.',
      '“We cannot afford to fail,” Szilvia Balázs (Hungary), Committee Rapporteur, said.',
    ].join('\n');
    assert.deepEqual(turns(text).map((t) => [t.surface, t.country ?? null]), [
      ['The representative of the United States', 'United States'],
      ['Portugal’s representative', 'Portugal'],
      ['Szilvia Balázs', 'Hungary'],
    ]);
  });

  itWithCorpus('ends each turn at the next turn or section', () => {
    const doc = parsePolicyDocument(corpusDoc('02'));
    for (let i = 0; i + 1 < doc.speakers.length; i++) {
      assert.ok(doc.speakers[i].end <= doc.speakers[i + 1].range.start);
      assert.ok(doc.speakers[i].end > doc.speakers[i].range.start);
    }
    assert.equal(doc.speakers.at(-1)!.end, doc.text.length);
  });
});

describe('speakers named with their office, issuers and message authors', () => {
  const turns = (text: string) => parsePolicyDocument(text).speakers.map((s) => [s.surface, s.kind, s.name ?? null, s.role ?? null, s.country ?? null]);
  it('splits a Council President issuing a press statement into office, name and delegation', () => {
    assert.deepEqual(turns('The following Security Council press statement was issued today by Council President Vanessa Frazier (Malta):\n\nThe members condemned the attack.'),
      [['Council President Vanessa Frazier', 'issuer', 'Vanessa Frazier', 'Council President', 'Malta']]);
    assert.deepEqual(turns('The following statement was issued today by the Security Council President, Pedro Comissário Afonso (Mozambique):\n\nThe members condemned it.'),
      [['Security Council President, Pedro Comissário Afonso', 'issuer', 'Pedro Comissário Afonso', 'Security Council President', 'Mozambique']]);
  });
  it('keeps a spokesperson apart from the person spoken for', () => {
    assert.deepEqual(turns('The following statement was issued today by the Spokesperson for Secretary-General António Guterres:\n\nThe Secretary-General is alarmed.'),
      [['Spokesperson for Secretary-General António Guterres', 'issuer', null, 'Spokesperson for Secretary-General António Guterres', null]]);
  });
  it('takes the author of a message read out by someone else for its speaker', () => {
    assert.deepEqual(turns('Reading out Secretary-General António Guterres’s message, the Deputy Executive Director said that the crisis had deepened.'),
      [['António Guterres', 'turn', 'António Guterres', 'Secretary-General', null]]);
  });
  it('reads chairs named with their office, before or after the name', () => {
    assert.deepEqual(turns('Committee Chair Maria Theofili (Greece) opened the session and said the agenda was full.'),
      [['Maria Theofili', 'turn', 'Maria Theofili', 'Committee Chair', 'Greece']]);
    assert.deepEqual(turns('The Chair of the Committee, Maria Theofili (Greece), said the agenda was full.'),
      [['Maria Theofili', 'turn', 'Maria Theofili', 'Chair of the Committee', 'Greece']]);
  });
  it('reads a delegation written before the office', () => {
    assert.deepEqual(turns('The United Kingdom delegate said the text was balanced.'), [['The United Kingdom delegate', 'turn', null, null, 'United Kingdom']]);
    assert.deepEqual(turns('The Brazilian representative disagreed.'), [['The Brazilian representative', 'turn', null, null, 'Brazil']]);
  });
});

describe('members of parliaments: constituency and party from the brackets', () => {
  const details = (text: string) => parsePolicyDocument(text).speakers.map((s) => [s.surface, s.constituency ?? null, s.party ?? null, s.country ?? null]);
  it('reads a riding with a dash in its name and a party', () => {
    const text = 'The Speaker: Order.\nMr. Harold Albrecht (Kitchener—Conestoga, CPC): Mr. Speaker, it is unfortunate that we are here.';
    assert.deepEqual(details(text)[1], ['Mr. Harold Albrecht', 'Kitchener—Conestoga', 'CPC', null]);
  });
  it('reads party and electorate, electorate and office, and an electorate alone', () => {
    const text = 'Mr SPEAKER: Order.\nHon GERRY BROWNLEE (National—Ilam): I raise a point of order.\nMr DUTTON (Dickson—Leader of the Opposition) (14:02): My question is to the Prime Minister.\nSHRI SRIKANTA JENA (Cuttack): We are not going to participate.';
    assert.deepEqual(details(text).slice(1), [
      ['Hon GERRY BROWNLEE', 'Ilam', 'National', null],
      ['Mr DUTTON', 'Dickson', null, null],
      ['SHRI SRIKANTA JENA', 'Cuttack', null, null],
    ]);
  });
  it('reads a party after a name on its own line, with the name printed twice', () => {
    const text = 'Seanad debates\n\nPhoto of Pat MoylanPat Moylan (Fianna Fail)\nLink to this: Individually | In context\n\nI take it the Leader is suggesting that we adjourn at 7.15 p.m. this evening.\n';
    assert.deepEqual(details(text), [['Pat Moylan', null, 'Fianna Fail', null]]);
  });
  it('keeps the brackets of a UN record as the delegation', () => {
    const text = 'The President: I give the floor.\nMr. Nebenzia (Russian Federation): Thank you, Mr. President.';
    assert.deepEqual(details(text)[1], ['Mr. Nebenzia', null, null, 'Russian Federation']);
  });

  it('reads a name in capitals with its apostrophe: a single letter before it is a prefix, a possessive is not', () => {
    const [o] = turns('MR O\'ROURKE: I agree with the MINISTER\'S view.');
    assert.equal(o.name, 'O\'Rourke');
    assert.deepEqual(["EDITOR'S NOTE", 'D’SOUZA', "DON'T"].map(titleCase), ["Editor's Note", 'D’Souza', "Don't"]);
  });
});

