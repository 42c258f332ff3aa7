import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { runAnalyze } from '../../../src/cli/analyze';
import { demoDir } from '../../support/fixtures';
import { docsDir, itWithCorpus } from './corpus';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runAnalyze(args, { stdout: (s) => { out += `${s}\n`; }, stderr: (s) => { err += `${s}\n`; } });
  return { code, out, err };
}

describe('policy-lens analyze', () => {
  const doc00 = join(docsDir, '00-press-counter-terrorism-conference.txt');
  const doc01 = join(docsDir, '01-sc-pv8701-res2505.txt');

  itWithCorpus('prints one JSON object for one file', async () => {
    const { code, out } = await run([doc00, '--json']);
    assert.equal(code, 0);
    const json = JSON.parse(out);
    assert.equal(json.file, doc00);
    assert.deepEqual(json.sections[1], { line: 12, text: 'Session III', level: 2, title: 'Session III' });
    assert.deepEqual(json.figures[0], { line: 6, surface: '$5 billion to $70 billion', kind: 'money-range', value: [5e9, 7e10], currency: 'USD', noun: null });
  });

  itWithCorpus('prints an array for several files', async () => {
    const { code, out } = await run(['--json', doc00, doc01]);
    assert.equal(code, 0);
    assert.deepEqual(JSON.parse(out).map((j: { file: string }) => j.file), [doc00, doc01]);
  });

  itWithCorpus('prints a readable report by default', async () => {
    const { code, out } = await run([doc01]);
    assert.equal(code, 0);
    assert.match(out, /Sections \(3\)/);
    assert.match(out, /68 {2}resolution 2505 \(2020\) {2}-> {2}S\/RES\/2505\(2020\) {2}\[resolution\]/);
  });

  it('names an unreadable file and the reason, and fails', async () => {
    const missing = join(demoDir, 'no-such-file.txt');
    const { code, err } = await run([missing, '--json']);
    assert.notEqual(code, 0);
    assert.match(err, /no-such-file\.txt: no such file/);
    assert.equal((await run([demoDir])).code, 1);
  });

  it('rejects unknown options and a missing file argument', async () => {
    assert.equal((await run(['--yaml', join(demoDir, 'no-such-file.txt')])).code, 2);
    assert.equal((await run([])).code, 2);
  });
});
