import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runExport } from '../../../src/cli/export';
import { runImport } from '../../../src/cli/import';
import { testFolder } from './support/fixtures';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { stdout: (s: string) => void out.push(s), stderr: (s: string) => void err.push(s) } };
}

function tree(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? tree(join(dir, e.name), base) : [join(dir, e.name).slice(base.length + 1)])).sort();
}

describe('policy-lens export and import', () => {
  let root: string;
  let source: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'policy-lens-cli-'));
    source = join(root, 'imaginaria');
    for (const f of testFolder()) {
      mkdirSync(dirname(join(source, f.path)), { recursive: true });
      writeFileSync(join(source, f.path), f.text);
    }
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('exports a folder as a .qdpx and imports it into an empty folder after showing the plan', async () => {
    const e = capture();
    assert.equal(await runExport([source, '--format', 'qdpx', '-o', join(root, 'out.qdpx')], e.io), 0, e.err.join('\n'));
    assert.match(e.err.join(''), /wrote .*out\.qdpx: 10 passage\(s\) and 1 orphan\(s\) from 2 document\(s\); 1 orphan\(s\) left out/);
    const target = join(root, 'empty');
    mkdirSync(target);
    const refused = capture();
    assert.equal(await runImport([join(root, 'out.qdpx'), '--into', target], refused.io), 1, 'no terminal and no --yes: nothing is written');
    assert.deepEqual(readdirSync(target), []);
    assert.match(refused.out.join(''), /10 annotation\(s\) to add/);
    const i = capture();
    assert.equal(await runImport([join(root, 'out.qdpx'), '--into', target, '--yes'], i.io), 0, i.err.join('\n'));
    assert.deepEqual(tree(target), ['.policy-lens/codebook.yaml', 'plenary/ga-plenary-water.txt', 'plenary/ga-plenary-water.txt.annotations.yaml', 'sc-imaginaria.txt', 'sc-imaginaria.txt.annotations.yaml']);
    assert.equal(readFileSync(join(target, 'sc-imaginaria.txt'), 'utf8'), readFileSync(join(source, 'sc-imaginaria.txt'), 'utf8'));
    const again = capture();
    assert.equal(await runImport([join(root, 'out.qdpx'), '--into', target, '--yes'], again.io), 0);
    assert.match(again.out.join(''), /Nothing to change/);
  });

  it('exports CSV, Markdown and W3C to standard output or a file', async () => {
    for (const [format, pattern] of [['csv', /^document,line,/], ['markdown', /^# imaginaria: coded passages/], ['w3c', /"type": "AnnotationCollection"/]] as const) {
      const c = capture();
      assert.equal(await runExport([source, '--format', format], c.io), 0);
      assert.match(c.out.join(''), pattern);
    }
    const one = capture();
    assert.equal(await runExport([join(source, 'sc-imaginaria.txt'), '--format', 'csv', '--bom', '-o', join(root, 'one.csv')], one.io), 0);
    const csv = readFileSync(join(root, 'one.csv'), 'utf8');
    assert.ok(csv.startsWith('\uFEFFdocument,'));
    assert.equal(csv.trim().split('\r\n').length, 7, 'the document alone, found by its path in the folder that has the codebook');
  });

  it('refuses a hostile project and writes nothing', async () => {
    const { zipSync, strToU8 } = await import('fflate');
    const evil = join(root, 'evil.qdpx');
    writeFileSync(evil, zipSync({ 'project.qde': strToU8('<Project name="x"/>'), 'sources/../../../tmp/evil.txt': strToU8('x') }));
    const target = join(root, 'target');
    mkdirSync(target);
    const c = capture();
    assert.equal(await runImport([evil, '--into', target, '--yes'], c.io), 1);
    assert.match(c.err.join(''), /leaves the archive's folder.*Nothing was written/);
    assert.deepEqual(readdirSync(target), []);
    assert.ok(!existsSync('/tmp/evil.txt') || readFileSync('/tmp/evil.txt', 'utf8') !== 'x');
  });
});
