// What the grammar colours in the demo workspace, the project's own texts: the forms that the corpus tests
// check on real documents, here on a clone that has no corpus beside it.
import { demoDoc } from '../support/fixtures';
import { expectNoScope, expectScope, tokenize } from './harness';

const HEADING = 'markup.heading.section.policytext';
const SPEAKER = 'entity.name.tag.speaker.policytext';
const COUNTRY = 'entity.other.attribute-name.country.speaker.policytext';
const LANGUAGE = 'entity.other.attribute-name.language.speaker.policytext';
const RESOLUTION = 'constant.other.reference.resolution.policytext';
const DOCUMENT = 'constant.other.reference.document.policytext';

describe('policytext grammar on the demo workspace', () => {
  it('a press release: sub-headings, a speaker short form, money and percentages, a quotation', async () => {
    const lines = await tokenize(demoDoc('press-release').text);
    await expectScope(lines, 'Session II', HEADING, { exact: true });
    await expectScope(lines, 'Closing Remarks', HEADING, { exact: true });
    await expectScope(lines, 'Mr. VELDHUIS', SPEAKER, { exact: true });
    await expectScope(lines, '€225 million', 'constant.numeric.figure.money.policytext');
    await expectScope(lines, '40 per cent', 'constant.numeric.figure.percent.policytext');
    await expectScope(lines, 'resolution 3104 (2031)', RESOLUTION);
    await expectScope(lines, '“A warning that reaches a village ten minutes late is not a warning,”', 'string.quoted.double.policytext');
  });

  it('a verbatim record: labels wrapped inside the country and inside the language note, the vote, the adoption', async () => {
    const text = demoDoc('sc-record').text;
    const lines = await tokenize(text);
    const fromLine = text.split('\n').indexOf('The meeting was called to order at 10.05 a.m.');
    await expectScope(lines, 'Adoption of the agenda', HEADING, { exact: true });
    await expectScope(lines, 'Ms. Saarinen-Lowe', SPEAKER, { exact: true, fromLine });
    await expectScope(lines, 'Estmere)', COUNTRY, { exact: true, fromLine });
    await expectScope(lines, 'Mr. Kell', SPEAKER, { exact: true, fromLine });
    await expectScope(lines, 'Dravonian)', LANGUAGE, { exact: true });
    await expectScope(lines, '(spoke in French)', LANGUAGE, { exact: true });
    await expectScope(lines, 'The President', SPEAKER, { exact: true, fromLine });
    await expectScope(lines, 'Galdoria, Halvenia, Ixora, Jandar, Kelmoor, Lisvania,', 'meta.vote.list.policytext');
    await expectNoScope(lines, 'Marrow Coast', 'markup.heading');
    await expectScope(lines, 'resolution 3104 (2031)', RESOLUTION);
    await expectScope(lines, 'S/2031/401', DOCUMENT, { exact: true });
  });

  it('a resolution: its title line and the resolutions and documents it cites', async () => {
    const lines = await tokenize(demoDoc('ga-resolution').text);
    await expectScope(lines, '86/27. Strengthening early warning of coastal flooding', HEADING);
    await expectScope(lines, 'A/86/214', DOCUMENT, { exact: true });
    await expectScope(lines, '$90 billion', 'constant.numeric.figure.money.policytext');
  });

  it('a parliamentary debate: the bill’s heading and members’ labels with their offices', async () => {
    const lines = await tokenize(demoDoc('parliament').text);
    await expectScope(lines, 'COASTAL WARNING BILL', HEADING, { exact: true });
    await expectScope(lines, 'Hon. MIRA OSTEN', SPEAKER);
    await expectScope(lines, 'Ms. QUARRY', SPEAKER, { exact: true });
    await expectScope(lines, '$48 million', 'constant.numeric.figure.money.policytext');
  });
});
