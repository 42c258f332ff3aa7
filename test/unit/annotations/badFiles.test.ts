import * as assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCheck } from '../../../src/cli/check';
import { parseCodebook, parseSidecar, serializeCodebook, serializeSidecar } from '../../../src/core/annotations';
import { addTheme } from '../../../src/core/annotations/codebook';

// Every kind of bad sidecar and codebook, one fixture each (test/unit/annotations/fixtures/), all beside
// the same small document: each is reported with its line and column, `check` exits non-zero and
// never writes the file, even with --write.
const fixtures = join(__dirname, 'fixtures');
const sidecarCases: [fixture: string, line: number, column: number, message: RegExp][] = [
  ['invalid-yaml', 8, 5, /Flow sequence/],
  ['alias-bomb', 5, 10, /YAML aliases \(\*a0\) are not allowed/],
  ['too-large', 1, 1, /the file is \d+ MB, more than the 8 MB/],
  ['mixed-tabs', 17, 1, /a tab for indentation, where other lines are indented with spaces/],
  ['duplicate-key', 4, 1, /duplicate key/],
  ['duplicate-id', 16, 9, /duplicate annotation id "a00001" \(first used on line 6\)/],
  ['missing-field', 10, 7, /target is missing "quote"/],
  ['mistyped-field', 13, 14, /target.start must be a whole number/],
  ['offset-past-end', 23, 12, /target.end \(99999\) is past the end of the text \(231 code points\)/],
  ['negative-offset', 13, 14, /target.start must be a whole number \(0 or more\)/],
  ['start-after-end', 13, 14, /target.start \(150\) is after target.end \(120\)/],
  ['lone-surrogate', 10, 14, /target.quote holds a lone surrogate \(U\+D800\)/],
  ['newer-version', 2, 13, /written by a newer Policy Lens \(format 2/],
  ['other-document', 3, 11, /document: "GA-12010.txt" names another file than this sidecar's document "doc.txt"/],
  ['conflict-markers', 7, 1, /unresolved git merge conflict \(2 conflicts/],
];
const codebookCases: [fixture: string, line: number, column: number, message: RegExp][] = [
  ['theme-cycle', 7, 13, /parent "closing" makes a cycle/],
  ['invalid-yaml', 9, 5, /Flow sequence/],
  ['alias', 8, 12, /YAML aliases \(\*name\) are not allowed/],
  ['duplicate-id', 7, 9, /duplicate theme id "adoption"/],
  ['newer-version', 2, 21, /written by a newer Policy Lens \(format 3/],
  ['mistyped-field', 9, 12, /color is not valid: "red"/],
  ['conflict-markers', 7, 1, /unresolved git merge conflict \(1 conflict /],
];

async function fixture(kind: 'sidecars' | 'codebooks', name: string): Promise<string> {
  const file = join(fixtures, kind, `${name}${kind === 'sidecars' ? '.annotations' : ''}.yaml`);
  const text = await readFile(file, 'utf8');
  // 50 MB is not kept in the repository: the fixture is the file's head, padded here.
  return name === 'too-large' ? `${text}${`# ${'x'.repeat(98)}\n`.repeat(500_000)}` : text;
}

function sink() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { stdout: (s: string) => out.push(s), stderr: (s: string) => err.push(s) } };
}

describe('bad sidecars and codebooks (one fixture each)', () => {
  let dir: string;
  let docText: string;
  before(async () => {
    docText = await readFile(join(fixtures, 'doc.txt'), 'utf8');
  });
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'policy-lens-bad-'));
    await copyFile(join(fixtures, 'doc.txt'), join(dir, 'doc.txt'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  for (const [name, line, column, message] of sidecarCases) {
    it(`sidecar "${name}": reported at ${line}:${column}, check fails and writes nothing`, async () => {
      const source = await fixture('sidecars', name);
      const p = parseSidecar(source, { documentName: 'doc.txt', text: docText });
      assert.equal(p.ok, false);
      if (p.ok) return;
      assert.match(p.error.message, message);
      assert.deepEqual([p.error.line, p.error.column], [line, column], p.error.message);
      const path = join(dir, 'doc.txt.annotations.yaml');
      await writeFile(path, source);
      const { err, io } = sink();
      assert.equal(await runCheck([join(dir, 'doc.txt'), '--write'], io), 1);
      assert.match(err.join('\n'), new RegExp(`doc\\.txt\\.annotations\\.yaml:${line}:${column}: `));
      assert.equal(await readFile(path, 'utf8'), source, 'the file is left exactly as it was');
    });
  }

  for (const [name, line, column, message] of codebookCases) {
    it(`codebook "${name}": reported at ${line}:${column}, check fails`, async () => {
      const source = await fixture('codebooks', name);
      const p = parseCodebook(source);
      assert.equal(p.ok, false);
      if (p.ok) return;
      assert.match(p.error.message, message);
      assert.deepEqual([p.error.line, p.error.column], [line, column], p.error.message);
      await mkdir(join(dir, '.policy-lens'));
      await writeFile(join(dir, '.policy-lens', 'codebook.yaml'), source);
      await copyFile(join(fixtures, 'good.annotations.yaml'), join(dir, 'doc.txt.annotations.yaml'));
      const { err, io } = sink();
      assert.equal(await runCheck([join(dir, 'doc.txt'), '--write'], io), 1);
      assert.match(err.join('\n'), new RegExp(`codebook\\.yaml:${line}:${column}: `));
      assert.equal(await readFile(join(dir, '.policy-lens', 'codebook.yaml'), 'utf8'), source);
    });
  }

  it('a sidecar that is a directory: check names it and fails', async () => {
    await mkdir(join(dir, 'doc.txt.annotations.yaml'));
    const { err, io } = sink();
    assert.equal(await runCheck([join(dir, 'doc.txt')], io), 1);
    assert.match(err.join('\n'), /doc\.txt\.annotations\.yaml: cannot read: it is a directory/);
  });

  it('a sidecar that cannot be read (a link to itself): check names it and fails', async () => {
    await symlink('doc.txt.annotations.yaml', join(dir, 'doc.txt.annotations.yaml'));
    const { err, io } = sink();
    assert.equal(await runCheck([join(dir, 'doc.txt')], io), 1);
    assert.match(err.join('\n'), /doc\.txt\.annotations\.yaml: cannot read: it is a symbolic link that leads back to itself/);
  });

  for (const [name, form] of [['form-bom', (s: string) => s.startsWith('\uFEFF')], ['form-crlf', (s: string) => s.includes('\r\n') && !/[^\r]\n/.test(s)], ['form-tabs', (s: string) => /^\t\t\tquote: /m.test(s) && !/^ {2}/m.test(s)]] as const) {
    it(`reads a sidecar in its own form (${name.slice(5)}) and keeps that form when it writes`, async () => {
      const source = await fixture('sidecars', name);
      const p = parseSidecar(source, { documentName: 'doc.txt', text: docText });
      assert.ok(p.ok, p.ok ? '' : p.error.message);
      assert.equal(p.sidecar.annotations.length, 2);
      assert.equal(serializeSidecar(p.sidecar, p), source, 'unchanged: byte for byte');
      const edited = serializeSidecar({ ...p.sidecar, annotations: p.sidecar.annotations.map((a) => ({ ...a, note: 'Changed.' })) }, p);
      assert.ok(form(edited), JSON.stringify(edited.slice(0, 200)));
      const again = parseSidecar(edited);
      assert.ok(again.ok);
      assert.deepEqual(again.sidecar.annotations.map((a) => a.note), ['Changed.', 'Changed.']);
    });
  }

  it('keeps a CRLF codebook CRLF when a theme is added', async () => {
    const source = (await readFile(join(fixtures, 'good-codebook.yaml'), 'utf8')).replace(/\n/g, '\r\n');
    const p = parseCodebook(source);
    assert.ok(p.ok);
    const added = addTheme(p, { label: 'Mandate' });
    assert.ok(added.ok);
    const text = serializeCodebook(added.value);
    assert.match(text, /label: Mandate\r\n/);
    assert.ok(!/[^\r]\n/.test(text));
  });
});
