// State carried from line to line: what may continue on the next line (wrapped speaker labels, vote
// blocks, resolution lists, wrapped bold headings) and what must not (quotations).
import * as assert from 'node:assert/strict';
import { itWithCorpus } from '../support/corpus';
import { expectNoScope, expectScope, readCorpusDoc, tokenize } from './harness';

const SPEAKER = 'entity.name.tag.speaker.policytext';
const LANGUAGE = 'entity.other.attribute-name.language.speaker.policytext';
const COUNTRY = 'entity.other.attribute-name.country.speaker.policytext';

describe('policytext grammar: state across lines', () => {
  describe('quotations end with their line', () => {
    it('an unclosed “ colours the rest of its line only', async () => {
      const lines = await tokenize('The speaker read: “and in accordance with the humanitarian\nprinciples of humanity, neutrality, impartiality\nMr. Nebenzia (Russian Federation): We abstained.');
      await expectScope(lines, 'and in accordance with the humanitarian', 'string.quoted.double.policytext');
      await expectNoScope(lines, 'principles of humanity', 'string.');
      await expectScope(lines, 'Mr. Nebenzia', SPEAKER, { exact: true });
    });

    it('an unclosed straight quote does too', async () => {
      const lines = await tokenize('he called it "a turning point\nfor the region. The President: no.');
      await expectNoScope(lines, 'for the region', 'string.');
    });

    it('the closing mark on the next line does not open a quotation there', async () => {
      const lines = await tokenize('resolution 46/182”.\nMs. Pierce (United Kingdom): Thank you.');
      await expectNoScope(lines, 'Ms. Pierce', 'string.');
      await expectScope(lines, 'Ms. Pierce', SPEAKER, { exact: true });
    });

    itWithCorpus('a record full of wrapped quotations leaves no line in a quotation at its end', async () => {
      const lines = await tokenize(readCorpusDoc('02-sc-pv8700-syria-crossborder.txt'));
      const last = lines[lines.length - 1];
      assert.ok(last.tokens.every((t) => !t.scopes.some((s) => s.startsWith('string.'))));
    });
  });

  describe('speaker labels wrapped by the PDF', () => {
    it('after "(spoke in": "Mr. Nebenzia (Russian Federation) (spoke in" / "Russian):"', async () => {
      const lines = await tokenize('Mr. Nebenzia (Russian Federation) (spoke in\nRussian): The Russian Federation should like to\npropose an oral amendment.');
      await expectScope(lines, 'Mr. Nebenzia', SPEAKER, { exact: true });
      await expectScope(lines, '(Russian Federation)', COUNTRY, { exact: true });
      await expectScope(lines, '(spoke in', LANGUAGE);
      await expectScope(lines, 'Russian)', LANGUAGE, { exact: true });
      await expectScope(lines, ':', 'punctuation.separator.speaker.policytext', { fromLine: 1 });
      await expectNoScope(lines, 'The Russian Federation should', '.speaker.');
    });

    itWithCorpus('after the country: "Mr. Singer Weisinger (Dominican Republic)" / "(spoke in Spanish):"', async () => {
      const text = readCorpusDoc('02-sc-pv8700-syria-crossborder.txt');
      const lines = await tokenize(text);
      const label = text.split('\n').indexOf('Mr. Singer Weisinger (Dominican Republic)');
      assert.ok(label > 0);
      await expectScope(lines, 'Mr. Singer Weisinger', SPEAKER, { exact: true, fromLine: label });
      await expectScope(lines, '(Dominican Republic)', COUNTRY, { exact: true, fromLine: label });
      await expectScope(lines, '(spoke in Spanish)', LANGUAGE, { exact: true, fromLine: label });
      await expectScope(lines, 'resolution 2504 (2020)', 'constant.other.reference.resolution.policytext', { fromLine: label + 1 });
    });

    it('inside the country: "Ms. King (Saint Vincent and the" / "Grenadines):"', async () => {
      const lines = await tokenize('Ms. King (Saint Vincent and the\nGrenadines): I thank the briefers.');
      await expectScope(lines, 'Ms. King', SPEAKER, { exact: true });
      await expectScope(lines, 'Grenadines)', COUNTRY, { exact: true });
    });

    it('a label that is not continued ends at the next line, which keeps its own rules', async () => {
      const lines = await tokenize('Mr. Nebenzia (Russian Federation) (spoke in\nThe President: I now give the floor.');
      await expectScope(lines, 'The President', SPEAKER, { exact: true });
    });
  });

  describe('vote blocks', () => {
    itWithCorpus('keeps country lines of a vote block out of headings and speakers, and ends at "The President:"', async () => {
      const lines = await tokenize(readCorpusDoc('02-sc-pv8700-syria-crossborder.txt'));
      await expectScope(lines, 'China, Russian Federation, Viet Nam', 'meta.vote.list.policytext');
      await expectScope(lines, 'Against', 'keyword.other.vote.policytext');
      await expectNoScope(lines, 'Northern Ireland, United States of America', 'markup.heading');
      await expectScope(lines, 'The President', SPEAKER, { fromLine: 144 });
      await expectNoScope(lines, 'The President', 'meta.vote', { fromLine: 144 });
    });
  });

  describe('resolution references', () => {
    it('a reference context left open at the end of a line ends at the first word that is not a member', async () => {
      const lines = await tokenize('in violation of all relevant United Nations resolutions\nand of the 27 projects under resolution 2504 (2020).');
      await expectNoScope(lines, 'and of the', '.reference.');
      await expectNoScope(lines, 'and of the', 'meta.reference');
      await expectScope(lines, '27 projects', 'constant.numeric.figure.count.policytext', { exact: true });
      await expectScope(lines, 'resolution 2504 (2020)', 'constant.other.reference.resolution.policytext', { exact: true, fromLine: 1 });
    });

    it('"resolution" at the end of a line takes the number on the next', async () => {
      const lines = await tokenize('unanimous adoption of resolution\n2504 (2020) by the Council');
      await expectScope(lines, '2504 (2020)', 'constant.other.reference.resolution.policytext', { exact: true });
      await expectNoScope(lines, 'by the Council', '.reference.');
    });
  });

  describe('markdown bold headings', () => {
    it('a bold heading without its closing asterisks ends at the blank line', async () => {
      const lines = await tokenize('**Reiterates the Request for Immediate Funding for\nUrgent Priorities\n\nThe Budget provides $10 billion.');
      await expectScope(lines, 'Urgent Priorities', 'markup.heading.section.policytext');
      await expectNoScope(lines, 'The Budget provides', 'markup.heading');
      await expectScope(lines, '$10 billion', 'constant.numeric.figure.money.policytext');
    });
  });
});
