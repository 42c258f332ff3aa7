import * as vscode from 'vscode';
import { createTarget, emptySidecar, serializeSidecar, textHash, type Annotation } from '../../../src/core/annotations';
import type { AnalysisPassage, PolicyLensApi } from '../../../src/extension/api';
import * as assert from './assert';
import { activateExtension, waitFor, workspaceFile, requireCorpusDocument } from './util';

// The analyse job in the real extension host: the folder index follows a sidecar edited on disk and an edit in
// an open document, Find Coded Passages runs a query, the matrix webview opens and reports that it rendered its
// data, and Tag All Matches tags and undoes as one step. Sidecars are written through vscode.workspace.fs.
const record = '04-sc-pv8698-west-africa-sahel.txt';
const press = '00-press-counter-terrorism-conference.txt';
const unreadable = 'analysis-unreadable.txt';
// The workspace holds other suites' sidecars and the demo's: queries that count are kept to this suite's documents.
const ours = `{${record},${press}}`;

async function read(name: string): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceFile(name)));
}

async function write(name: string, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(workspaceFile(name), new TextEncoder().encode(text));
}

function annotation(text: string, id: string, quote: string, themes: string[]): Annotation {
  const at = text.indexOf(quote);
  if (at < 0) throw new Error(`"${quote}" is not in the document`);
  return { id, themes, target: createTarget(text, at, at + quote.length) };
}

async function sidecar(name: string, annotations: Annotation[]): Promise<void> {
  const text = await read(name);
  await write(`${name}.annotations.yaml`, serializeSidecar({ ...emptySidecar(name, textHash(text)), annotations }));
}

const of = (passages: AnalysisPassage[], document: string) => passages.filter((p) => p.document === document);

describe('analysing coded passages across the folder', () => {
  let api: PolicyLensApi;
  let recordText: string;
  let pressText: string;

  before(async function () {
    // Its documents are corpus documents: without ../shared/corpus the suite is skipped, and says why.
    await requireCorpusDocument(this, record);
    api = (await activateExtension()).exports as PolicyLensApi;
    recordText = await read(record);
    pressText = await read(press);
    await sidecar(record, [
      annotation(recordText, 'a1', 'allow me to\ncongratulate Viet Nam', ['presidency']),
      annotation(recordText, 'a2', 'welcoming you to the presidency', ['presidency', 'welcome']),
    ]);
    await sidecar(press, [annotation(pressText, 'b1', 'violent extremism was costing billions', ['finance'])]);
    await write(unreadable, 'A document whose sidecar cannot be read.\n');
    await write(`${unreadable}.annotations.yaml`, 'policyLens: 1\nannotations:\n  - id: [unclosed\n');
  });

  after(async () => {
    for (const name of [`${record}.annotations.yaml`, `${press}.annotations.yaml`, unreadable, `${unreadable}.annotations.yaml`]) {
      await vscode.workspace.fs.delete(workspaceFile(name)).then(undefined, () => undefined);
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('indexes every sidecar of the folder with the speaker and section of each passage', async () => {
    const snapshot = await waitFor('the passages of both documents', async () => {
      const s = await api.analysisSnapshot();
      return of(s.passages, record).length === 2 && of(s.passages, press).length === 1 ? s : undefined;
    });
    const [estonia, uk] = of(snapshot.passages, record).sort((a, b) => a.line - b.line);
    assert.deepEqual({ speaker: estonia.speaker, country: estonia.country, line: estonia.line }, { speaker: 'Mr. Auväärt', country: 'Estonia', line: 603 });
    assert.equal(uk.country, 'United Kingdom of Great Britain and Northern Ireland');
    const [steiner] = of(snapshot.passages, press);
    assert.equal(steiner.speaker, 'Achim Steiner');
    assert.equal(steiner.section.at(-1), 'Session III');
    // A malformed sidecar is reported with its line and column, never counted.
    const problems = await waitFor('the unreadable sidecar reported', async () => {
      const p = (await api.analysisSnapshot()).problems;
      return p.some((x) => x.startsWith(`${unreadable}:`)) ? p : undefined;
    });
    assert.match(problems.find((x) => x.startsWith(`${unreadable}:`))!, /^analysis-unreadable\.txt:\d+:\d+: /);
  });

  it('follows a sidecar edited on disk', async () => {
    await sidecar(press, [
      annotation(pressText, 'b1', 'violent extremism was costing billions', ['finance']),
      annotation(pressText, 'b2', 'Underlining the primacy of prevention', ['prevention']),
    ]);
    const passages = await waitFor('the new passage', async () => {
      const p = of((await api.analysisSnapshot()).passages, press);
      return p.length === 2 ? p : undefined;
    });
    assert.deepEqual(passages.map((p) => p.id).sort(), ['b1', 'b2']);
  });

  it('follows an edit in an open document before it is saved', async () => {
    const document = await vscode.workspace.openTextDocument(workspaceFile(record));
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), 'A line typed at the top.\n'));
    const moved = await waitFor('the passages to move down a line', async () => {
      const p = of((await api.analysisSnapshot()).passages, record).find((x) => x.id === 'a1');
      return p && p.line === 604 ? p : undefined;
    });
    assert.equal(moved.speaker, 'Mr. Auväärt');
    await editor.edit((e) => e.delete(new vscode.Range(0, 0, 1, 0)));
    await waitFor('the passages back in place', async () => of((await api.analysisSnapshot()).passages, record).find((x) => x.id === 'a1')?.line === 603 || undefined, 20000);
    // The text is the file's again: drop the dirty state so that closing asks nothing.
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('finds coded passages by theme and speaker, and lists them in the Coded Passages view', async () => {
    const result = await vscode.commands.executeCommand<{ passages: number; ids: string[] }>('policyLens.findPassages', { themes: 'presidency AND welcome', speaker: 'United Kingdom' });
    assert.deepEqual(result?.ids, [`${record}#a2`]);
    const any = await vscode.commands.executeCommand<{ passages: number; ids: string[] }>('policyLens.findPassages', { themes: 'presidency OR finance', document: ours });
    assert.equal(any?.passages, 3);
    const view = await waitFor('the Coded Passages view', () => {
      const items = api.passagesSnapshot();
      return items[0]?.label.startsWith('3 passages') ? items : undefined;
    });
    const presidency = view.find((g) => g.label === 'presidency');
    assert.ok(presidency, view.map((g) => g.label).join(', '));
    assert.equal(presidency.children.length, 2);
  });

  it('opens the matrix webview, which renders the counts it is sent', async () => {
    await vscode.commands.executeCommand('policyLens.openMatrix', { by: 'speaker', count: 'passages' });
    const snapshot = await waitFor('the webview to render the matrix', () => {
      const s = api.matrixSnapshot();
      return s.rendered && s.data?.by === 'speaker' ? s : undefined;
    }, 20000);
    const row = snapshot.data!.rows.findIndex((r) => r.id === 'presidency');
    const estonia = snapshot.data!.columns.findIndex((c) => c.label === 'Mr. Auväärt (Estonia)');
    assert.ok(row >= 0 && estonia >= 0, JSON.stringify(snapshot.data!.columns));
    assert.equal(snapshot.data!.counts[row][estonia], 1);
    assert.ok(snapshot.rendered!.rows >= 1 && snapshot.rendered!.columns >= 1);
    await vscode.commands.executeCommand('policyLens.openMatrix', { by: 'theme' });
    await waitFor('the themes × themes matrix', () => api.matrixSnapshot().data?.by === 'theme' || undefined);
    const themes = api.matrixSnapshot().data!;
    const p = themes.rows.findIndex((r) => r.id === 'presidency');
    const w = themes.columns.findIndex((c) => c.key === 'welcome');
    assert.equal(themes.counts[p][w], 1, 'one passage carries both');
  });

  it('tags all matches of a phrase in a document and undoes the run as one step', async () => {
    const document = await vscode.workspace.openTextDocument(workspaceFile(press));
    await vscode.window.showTextDocument(document);
    const tagged = await vscode.commands.executeCommand<number>('policyLens.tagAllMatches', { pattern: 'new technologies', mode: 'words', scope: 'document', theme: 'technology' });
    assert.ok(tagged && tagged >= 2, `tagged ${tagged}`);
    const withTech = await waitFor('the tagged passages in the index', async () => {
      const p = of((await api.analysisSnapshot()).passages, press).filter((x) => x.themes.includes('technology'));
      return p.length === tagged ? p : undefined;
    });
    assert.ok(withTech.every((p) => /^new technologies$/i.test(p.quote)));
    const undone = await vscode.commands.executeCommand<number>('policyLens.undoAutoCode');
    assert.equal(undone, tagged);
    await waitFor('the tags gone again', async () => of((await api.analysisSnapshot()).passages, press).every((x) => !x.themes.includes('technology')) || undefined);
  });

  it('tags every paragraph of a chosen section with Tag Speaker Turns, and undoes it', async () => {
    const document = await vscode.workspace.openTextDocument(workspaceFile(press));
    await vscode.window.showTextDocument(document);
    const tagged = await vscode.commands.executeCommand<number>('policyLens.tagSpeakerTurns', { sections: ['Session III'], scope: 'document', theme: 'session-iii' });
    assert.equal(tagged, 3, 'the chair introduction and the two paragraphs of Mr. Steiner');
    const passages = await waitFor('the paragraphs in the index', async () => {
      const p = of((await api.analysisSnapshot()).passages, press).filter((x) => x.themes.includes('session-iii'));
      return p.length === 3 ? p : undefined;
    });
    assert.deepEqual(passages.map((p) => p.line).sort((a, b) => a - b), [13, 14, 15]);
    assert.equal(await vscode.commands.executeCommand<number>('policyLens.undoAutoCode'), 3);
  });
});
