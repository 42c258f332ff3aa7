// The second generalisation set (fixtures/generalisation-2) is labelled by hand, so its gold can drift from its documents
// when either is edited. These tests hold it to the corpus conventions with scripts/validate-gold.mjs (the checks of
// ../shared/corpus/tools/validate_gold.py and a few more). They do not score the parser on the set: that is
// `node scripts/eval.mjs --verbose --gold <set>/gold --docs <set>/docs`.
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { repoRoot } from './corpus';

interface Validator {
  validate(gold: unknown, text: string): { errors: string[]; uncovered: string[] };
}

const set = join(__dirname, 'fixtures', 'generalisation-2');
const stems = (dir: string, ext: string) => readdirSync(join(set, dir)).filter((f) => f.endsWith(ext)).map((f) => f.slice(0, -ext.length)).sort();
const empty = { sections: [], speakers: [], resolutions: [], figures: [], dates: [] };

describe('generalisation-2 gold: hand-made labels that stand on their documents', () => {
  let validator: Validator;
  before(async () => {
    // A computed specifier: the validator is plain ESM JavaScript shared with the command line.
    validator = (await import(pathToFileURL(join(repoRoot, 'scripts', 'validate-gold.mjs')).href)) as Validator;
  });

  it('has one gold file for every document and no other', () => {
    assert.deepEqual(stems('gold', '.yaml'), stems('docs', '.txt'));
  });

  for (const stem of stems('gold', '.yaml')) {
    it(`${stem}: every surface starts on its line, every section is its whole line`, () => {
      const gold = parseYaml(readFileSync(join(set, 'gold', `${stem}.yaml`), 'utf8')) as { document: string };
      assert.equal(gold.document, `${stem}.txt`);
      const text = readFileSync(join(set, 'docs', gold.document), 'utf8');
      assert.deepEqual(validator.validate(gold, text).errors, []);
    });
  }

  it('the validator rejects a surface off its line, a section that is not the whole line and an unmarked wrap', () => {
    const text = 'Housing\nMr. Speaker, we will spend $42.5\nbillion by 2030.\n';
    const { errors } = validator.validate({
      ...empty,
      sections: [{ line: 1, text: 'Housin', level: 1 }],
      figures: [{ line: 3, surface: '$42.5', type: 'money', currency: 'CAD' }, { line: 2, surface: '$42.5\nbillion', type: 'money', currency: 'CAD' }],
      dates: [{ line: 3, surface: 'by 2030', type: 'deadline', value: '30 December' }],
    }, text);
    assert.equal(errors.length, 4, errors.join('\n'));
    assert.match(errors[0], /line 1 is "Housing"/);
    assert.match(errors[1], /does not start on line 3/);
    assert.match(errors[2], /spans_lines must be true/);
    assert.match(errors[3], /not ISO-shaped/);
  });

  it('the recall aid names money, percentages and symbols that no gold item covers', () => {
    const { uncovered } = validator.validate(empty, 'It costs €150 million, 5% of the total, under resolution 1566.\n');
    assert.deepEqual(uncovered, [
      '[resolutions? uncovered] line 1: "resolution 1566"',
      '[figures? uncovered] line 1: "€150"',
      '[figures? uncovered] line 1: "5%"',
    ]);
  });
});
