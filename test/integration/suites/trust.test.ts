import * as vscode from 'vscode';
import type { AnnotationsSnapshotItem, PolicyLensApi } from '../../../src/extension/api';
import * as assert from './assert';
import { activateExtension, waitFor, workspaceFile, requireCorpusDocument } from './util';

// The three ways the live editor broke the promise never to misplace or lose an annotation (issue 11),
// each as a careful user met them, plus a sidecar that git left with conflict markers.
const pressRelease = '00-press-counter-terrorism-conference.txt';

async function fileText(name: string): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceFile(name)));
  } catch {
    return undefined;
  }
}

async function writeFile(name: string, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(workspaceFile(name), new TextEncoder().encode(text));
}

function items(result: AnnotationsSnapshotItem[] | { error: string }): AnnotationsSnapshotItem[] {
  if (!Array.isArray(result)) throw new Error(`sidecar error: ${result.error}`);
  return result;
}

async function select(editor: vscode.TextEditor, quote: string, nth = 0): Promise<void> {
  const text = editor.document.getText();
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(quote, at + 1);
  assert.ok(at >= 0, `"${quote}" is in the document`);
  editor.selection = new vscode.Selection(editor.document.positionAt(at), editor.document.positionAt(at + quote.length));
}

describe('trust: the live editor never misplaces or loses an annotation', () => {
  let api: PolicyLensApi;

  before(async function () {
    // Its documents are corpus documents: without ../shared/corpus the suite is skipped, and says why.
    await requireCorpusDocument(this, pressRelease);
    api = (await activateExtension()).exports as PolicyLensApi;
  });

  it('orphans both overlapping annotations of a deleted line (Ctrl+Shift+K), and Undo puts both back where they were', async () => {
    const document = await vscode.workspace.openTextDocument(workspaceFile(pressRelease));
    const editor = await vscode.window.showTextDocument(document);
    const uri = document.uri.toString();
    // Line 23 of the press release repeats, nearly word for word, a sentence of its opening paragraph.
    const a = 'resolution 2396 (2017), which called on States to notify other countries';
    const b = 'notify other countries of the travel, arrival, deportation or detention of individuals they believed to be terrorists, he emphasized';
    await select(editor, a);
    await vscode.commands.executeCommand('policyLens.tagSelection', { themes: ['travel'] });
    await select(editor, b);
    await vscode.commands.executeCommand('policyLens.tagSelection', { themes: ['notification'] });
    const before = items(await api.annotationsSnapshot(uri));
    assert.deepEqual(before.map((i) => i.text).sort(), [a, b].sort());
    const line = document.positionAt(document.getText().indexOf(a)).line;
    editor.selection = new vscode.Selection(line, 3, line, 3);
    await vscode.commands.executeCommand('editor.action.deleteLines');
    // Past the pause in which orphans are looked for again: nothing may have jumped to line 5.
    await new Promise((r) => setTimeout(r, 800));
    const deleted = items(await api.annotationsSnapshot(uri));
    assert.deepEqual(deleted.map((i) => i.status), ['orphan', 'orphan'], JSON.stringify(deleted));
    await vscode.commands.executeCommand('undo');
    const restored = await waitFor('both passages back after Undo', async () => {
      const now = items(await api.annotationsSnapshot(uri));
      return now.every((i) => i.status !== 'orphan') ? now : undefined;
    });
    assert.deepEqual(restored.map((i) => i.text).sort(), [a, b].sort());
    assert.ok(await document.save(), 'saved');
    const sidecar = await waitFor('the sidecar', async () => {
      const t = await fileText(`${pressRelease}.annotations.yaml`);
      return t && t.includes('notification') && !t.includes('status: orphan') ? t : undefined;
    });
    assert.match(sidecar, /quote: resolution 2396 \(2017\), which called on States/);
  });

  it('never takes its own sidecar write for a change made on disk, even with saves in flight', async function () {
    // Two dozen writes of a 300 KB record's sidecar on a real disk take a while on a busy machine.
    this.timeout(120000);
    const name = '03-sc-pv8699-un-charter-open-debate.txt';
    const document = await vscode.workspace.openTextDocument(workspaceFile(name));
    const editor = await vscode.window.showTextDocument(document);
    const uri = document.uri.toString();
    const before = api.annotationsCounts();
    // Many annotations, tagged one after the other while the document is saved again and again (what
    // auto-save does during slow writes).
    const words = ['Charter', 'Security Council', 'multilateralism', 'sovereign equality', 'peaceful settlement'];
    const saves: Thenable<boolean>[] = [];
    for (let i = 0; i < 24; i++) {
      await select(editor, words[i % words.length], Math.floor(i / words.length));
      await vscode.commands.executeCommand('policyLens.tagSelection', { themes: ['charter'] });
      await editor.edit((e) => e.insert(new vscode.Position(0, 0), ' '));
      saves.push(document.save());
    }
    await Promise.all(saves);
    await waitFor('the sidecar with every annotation', async () => ((await fileText(`${name}.annotations.yaml`))?.match(/^ {2}- id:/gm)?.length === 24 ? true : undefined), 60000);
    await new Promise((r) => setTimeout(r, 1000));
    const after = api.annotationsCounts();
    assert.ok(after.writes > before.writes, 'the sidecar was written');
    assert.equal(after.reloadsFromDisk, before.reloadsFromDisk, 'no write of its own was reloaded as a change on disk');
    const now = items(await api.annotationsSnapshot(uri));
    assert.equal(now.length, 24);
    assert.equal(now.filter((i) => i.status === 'orphan').length, 0);
  });

  it('hides the highlights and hovers of a sidecar that stops parsing, and keeps no note typed into it', async () => {
    const name = '15-wh-biden-guterres-remarks-2021.txt';
    const document = await vscode.workspace.openTextDocument(workspaceFile(name));
    const editor = await vscode.window.showTextDocument(document);
    const uri = document.uri.toString();
    await select(editor, 'United Nations');
    const [id] = (await vscode.commands.executeCommand<string[]>('policyLens.tagSelection', { themes: ['un'] })) ?? [];
    assert.ok(id, 'tagged');
    const position = editor.selection.start.translate(0, 2);
    const hovers = async () => ((await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position)) ?? [])
      .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(await hovers(), /Edit note|Add note/);
    const sidecarName = `${name}.annotations.yaml`;
    const good = (await waitFor('the sidecar', () => fileText(sidecarName)))!;
    const broken = good.replace('themes: [un]', 'themes: [un');
    await writeFile(sidecarName, broken);
    await waitFor('the sidecar error', async () => (!Array.isArray(await api.annotationsSnapshot(uri)) ? true : undefined));
    assert.doesNotMatch(await hovers(), /Edit note|Add note/, 'no hover offers to edit an annotation that cannot be kept');
    const problem = await waitFor('the problem in the Themes view', () => api.themesSnapshot().find((n) => n.contextValue === 'problem'));
    assert.match(problem.label, /line \d+/);
    await vscode.commands.executeCommand('policyLens.editNote', uri, id, 'A note that cannot be kept.');
    assert.equal(await fileText(sidecarName), broken, 'the broken sidecar was not touched');
    await writeFile(sidecarName, good);
    const back = await waitFor('the annotations back once the file is fixed', async () => {
      const r = await api.annotationsSnapshot(uri);
      return Array.isArray(r) && r.length === 1 ? r : undefined;
    });
    assert.equal(back[0].note, undefined, 'the note typed while the file was broken was not kept anywhere');
  });

  it('recognises a sidecar with git conflict markers and resolves it by merging both sides by id', async () => {
    const name = '07-ga-general-debate-ireland-2023.txt';
    const document = await vscode.workspace.openTextDocument(workspaceFile(name));
    const editor = await vscode.window.showTextDocument(document);
    const uri = document.uri.toString();
    await select(editor, 'Ireland');
    const [id] = (await vscode.commands.executeCommand<string[]>('policyLens.tagSelection', { themes: ['ireland'] })) ?? [];
    const sidecarName = `${name}.annotations.yaml`;
    const good = (await waitFor('the sidecar', async () => ((await fileText(sidecarName))?.includes(id) ? fileText(sidecarName) : undefined)))!;
    const conflicted = good.replace('    themes: [ireland]\n', '<<<<<<< HEAD\n    themes: [ireland]\n    note: Our reading.\n=======\n    themes: [ireland, neutrality]\n>>>>>>> other-coder\n');
    await writeFile(sidecarName, conflicted);
    const error = await waitFor('the conflict error', async () => {
      const r = await api.annotationsSnapshot(uri);
      return !Array.isArray(r) ? r.error : undefined;
    });
    assert.match(error, /unresolved git merge conflict/);
    await waitFor('the conflict in the Themes view', () => api.themesSnapshot().find((n) => n.contextValue === 'conflict'));
    assert.equal(await vscode.commands.executeCommand('policyLens.resolveConflict', workspaceFile(sidecarName).toString(), { yes: true }), true);
    const merged = await waitFor('the merged annotation', async () => {
      const r = await api.annotationsSnapshot(uri);
      return Array.isArray(r) && r.length === 1 && r[0].themes.length === 2 ? r[0] : undefined;
    });
    assert.deepEqual(merged.themes, ['ireland', 'neutrality']);
    assert.equal(merged.note, 'Our reading.');
    assert.equal(merged.text, 'Ireland');
    const text = (await fileText(sidecarName))!;
    assert.doesNotMatch(text, /<<<<<<<|>>>>>>>/);
    assert.match(text, /review: .*both branches edited/);
  });
});
