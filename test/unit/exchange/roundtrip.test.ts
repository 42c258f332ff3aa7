import * as assert from 'node:assert/strict';
import { createTarget, emptySidecar, serializeSidecar, textHash, type Annotation } from '../../../src/core/annotations';
import { exportAs, readImport } from '../../../src/core/exchange';
import { corpusDoc } from '../document/corpus';
import { corpus, itWithCorpus } from '../../support/corpus';
import { exportInput, FOLDER_IRI, testFolder, type FolderFile } from './support/fixtures';
import { annotationsOf, documentPaths, folderOf, importInto, themesOf } from './support/folder';

const DOCS = ['sc-imaginaria.txt', 'plenary/ga-plenary-water.txt'];

describe('round trips', () => {
  const original = folderOf(testFolder());
  const input = exportInput(testFolder());

  describe('REFI-QDA project', () => {
    const qdpx = exportAs('qdpx', input).bytes;

    it('into an empty folder gives the same documents, annotations and codebook (orphans stay behind)', () => {
      const { folder, plan } = importInto('x.qdpx', qdpx, new Map());
      for (const doc of DOCS) {
        assert.equal(folder.get(doc), original.get(doc), `${doc} is written with its text`);
        const before = annotationsOf(original, doc);
        for (const [id, a] of before) if (a.status === 'orphan') before.delete(id);
        assert.deepEqual(annotationsOf(folder, doc), before, `${doc}: same ids, themes, notes, quotes, positions and dates`);
      }
      assert.deepEqual(themesOf(folder), themesOf(original), 'same ids, labels, colours, descriptions and hierarchy');
      assert.equal(plan.documents.flatMap((d) => d.changes).filter((c) => c.kind !== 'add').length, 0);
    });

    it('imported again into the folder it made changes nothing', () => {
      const first = importInto('x.qdpx', qdpx, new Map()).folder;
      const { written, plan } = importInto('x.qdpx', qdpx, first);
      assert.deepEqual(written, []);
      assert.ok(plan.documents.every((d) => d.changes.every((c) => c.kind === 'same')));
    });

    it('imported into the folder it came from changes nothing', () => {
      const { written } = importInto('x.qdpx', qdpx, original);
      assert.deepEqual(written, []);
    });

    it('the codebook alone (.qdc) into an empty folder gives the same codebook', () => {
      const { folder } = importInto('x.qdc', exportAs('qdc', input).bytes, new Map());
      assert.deepEqual(themesOf(folder), themesOf(original));
    });
  });

  describe('W3C Web Annotation', () => {
    const jsonld = exportAs('w3c', input).bytes;
    const documentsOnly = new Map(DOCS.map((d) => [d, original.get(d)!]));

    it('into a folder with the same documents gives the same annotations, orphans included, and the theme ids', () => {
      const { folder } = importInto('x.jsonld', jsonld, documentsOnly);
      // An orphan's last known positions belong to an older text: the export gives its quote and context only.
      const placeless = (m: ReturnType<typeof annotationsOf>) => new Map([...m].map(([id, a]) => [id, a.status === 'orphan' ? { ...a, start: 0, end: 0 } : a]));
      for (const doc of DOCS) assert.deepEqual(annotationsOf(folder, doc), placeless(annotationsOf(original, doc)));
      const pairs = (f: typeof folder) => themesOf(f).map((t) => `${t.id}=${t.label}`).sort();
      assert.deepEqual(pairs(folder), pairs(original), 'W3C carries theme ids and labels; colours and descriptions stay behind');
    });

    it('imported twice, or into the folder it came from, changes nothing', () => {
      const first = importInto('x.jsonld', jsonld, documentsOnly).folder;
      assert.deepEqual(importInto('x.jsonld', jsonld, first).written, []);
      assert.deepEqual(importInto('x.jsonld', jsonld, original).written, []);
    });

    it('finds the documents by the tail of their IRI in a folder elsewhere', () => {
      const incoming = readImport('x.jsonld', jsonld);
      assert.ok(incoming.documents.every((d) => d.source.startsWith(FOLDER_IRI)));
      const moved = new Map([...documentsOnly].map(([p, t]) => [`imaginaria/${p}`, t]));
      const { folder } = importInto('x.jsonld', jsonld, moved);
      assert.deepEqual(annotationsOf(folder, 'imaginaria/sc-imaginaria.txt'), annotationsOf(original, 'sc-imaginaria.txt'));
    });
  });

  // Its fixtures are built from corpus documents as the suite is collected: without the corpus it is skipped, and says why.
  if (!corpus.present) itWithCorpus('on real corpus documents', () => assert.fail('needs the corpus'));
  else describe('on real corpus documents', () => {
    // Every 1,500 characters a 60-character passage, on two corpus records; one copy with CRLF line ends and a BOM.
    const docs: FolderFile[] = [];
    for (const [prefix, name] of [['00-press', 'press.txt'], ['03-sc-pv8699', 'records/sc-pv8699.txt']] as const) {
      const text = corpusDoc(prefix);
      docs.push({ path: name, text }, { path: name.replace('.txt', '-crlf.txt'), text: `\uFEFF${text.replace(/\n/g, '\r\n')}` });
    }
    const files: FolderFile[] = docs.flatMap((d) => {
      const annotations: Annotation[] = [];
      for (let at = 100, n = 0; at + 60 < d.text.length && n < 120; at += 1500, n++) {
        annotations.push({ id: (0x100000 + n).toString(16), themes: [n % 2 ? 'odd' : 'even'], target: createTarget(d.text, at, at + 60), ...(n % 3 === 0 && { note: `note ${n}` }) });
      }
      const name = d.path.slice(d.path.lastIndexOf('/') + 1);
      return [d, { path: `${d.path}.annotations.yaml`, text: serializeSidecar({ ...emptySidecar(name, textHash(d.text)), annotations }) }];
    });
    files.push({ path: '.policy-lens/codebook.yaml', text: 'policyLensCodebook: 1\nthemes:\n  - id: even\n    label: Even\n    color: "#4e79a7"\n  - id: odd\n    label: Odd\n    color: "#f28e2b"\n' });
    const folder = folderOf(files);
    const corpusInput = exportInput(files, 'corpus');

    it('REFI-QDA: each selection selects its quote in the embedded text, which has no BOM and no CR', () => {
      const incoming = readImport('c.qdpx', exportAs('qdpx', corpusInput).bytes);
      for (const d of incoming.documents) {
        assert.ok(!d.text!.includes('\r') && !d.text!.startsWith('\uFEFF'), d.source);
        const cps = [...d.text!];
        const original = corpusInput.documents.find((x) => x.path === d.source)!;
        assert.equal(d.annotations.length, original.passages.length);
        for (const a of d.annotations) {
          const p = original.passages.find((x) => x.id === a.id)!;
          // Every CR of these texts is the first half of a CRLF: it is dropped, even at the quote's end.
          assert.equal(cps.slice(a.start, a.end).join(''), p.quote.replace(/\r\n?/g, (m) => (m.length === 2 ? '\n' : '')), `${d.source} ${a.id}`);
        }
      }
    });

    it('REFI-QDA: into an empty folder and back, the LF documents keep every annotation exactly', () => {
      const { folder: imported } = importInto('c.qdpx', exportAs('qdpx', corpusInput).bytes, new Map());
      for (const doc of ['press.txt', 'records/sc-pv8699.txt']) {
        assert.equal(imported.get(doc), folder.get(doc));
        assert.deepEqual(annotationsOf(imported, doc), annotationsOf(folder, doc));
      }
      // The CRLF copies come back with LF line ends; their passages are the same text at the mapped places.
      const crlf = annotationsOf(imported, 'press-crlf.txt');
      for (const [id, a] of annotationsOf(folder, 'press-crlf.txt')) assert.equal(crlf.get(id)?.quote, a.quote.replace(/\r\n?/g, (m) => (m.length === 2 ? '\n' : '')));
    });

    it('W3C: into the same documents and back, every annotation is the same', () => {
      const onlyDocs = new Map(documentPaths(folder).map((p) => [p, folder.get(p)!]));
      const { folder: imported } = importInto('c.jsonld', exportAs('w3c', corpusInput).bytes, onlyDocs);
      for (const doc of documentPaths(folder)) assert.deepEqual(annotationsOf(imported, doc), annotationsOf(folder, doc), doc);
    });
  });
});
