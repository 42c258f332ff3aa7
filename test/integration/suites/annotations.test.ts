import * as vscode from 'vscode';
import type { AnnotationsSnapshotItem, PolicyLensApi } from '../../../src/extension/api';
import * as assert from './assert';
import { activateExtension, waitFor, workspaceFile } from './util';

// The annotate job end to end in the real extension host: the sidecar is checked through
// vscode.workspace.fs (on disk in the Node host, where test/run/diskEffects.mjs checks it again). The documents
// are the project's own fixtures (test/fixtures/workspace), so the suite runs on a clone without the corpus.
const documentName = 'council-record.txt';
const passage = 'The draft resolution has been adopted';

async function sidecarText(name = documentName): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceFile(`${name}.annotations.yaml`)));
  } catch {
    return undefined;
  }
}

async function writeFile(name: string, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(workspaceFile(name), new TextEncoder().encode(text));
}

function annotations(result: AnnotationsSnapshotItem[] | { error: string }): AnnotationsSnapshotItem[] {
  if (!Array.isArray(result)) throw new Error(`sidecar error: ${result.error}`);
  return result;
}

describe('annotating a document', () => {
  let api: PolicyLensApi;
  let editor: vscode.TextEditor;
  let id: string;

  before(async () => {
    api = (await activateExtension()).exports as PolicyLensApi;
    const document = await vscode.workspace.openTextDocument(workspaceFile(documentName));
    editor = await vscode.window.showTextDocument(document);
  });

  it('tags a selection and writes a sidecar holding the passage', async () => {
    const start = editor.document.getText().indexOf(passage);
    assert.ok(start > 0, 'the passage is in the document');
    editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(start + passage.length));
    const ids = await vscode.commands.executeCommand<string[]>('policyLens.tagSelection', { themes: ['adoption', 'unanimity'] });
    assert.equal(ids?.length, 1);
    id = ids![0];
    const text = await waitFor('the sidecar', sidecarText);
    assert.match(text, new RegExp(`id: "?${id}"?\\n`));
    assert.match(text, /quote: The draft resolution has been adopted\n/);
    assert.match(text, /themes: \[adoption, unanimity\]/);
    assert.match(text, /^policyLens: 1$/m);
    assert.match(text, /^textHash: sha256:[0-9a-f]{64}$/m);
    const [item] = annotations(await api.annotationsSnapshot(editor.document.uri.toString()));
    assert.deepEqual({ id: item.id, text: item.text, status: item.status }, { id, text: passage, status: 'exact' });
  });

  it('shows the themes, with uncategorised ids, in the Themes view', async () => {
    const themes = await waitFor('the Themes view', () => {
      const t = api.themesSnapshot();
      return t.some((n) => n.label.startsWith('adoption')) ? t : undefined;
    });
    const adoption = themes.find((n) => n.label.startsWith('adoption'))!;
    // The count in this document, then (once the folder is indexed) the folder's: "1 · 1 in 1 docs".
    assert.match(adoption.description ?? '', /^1(?: · |$)/);
    assert.equal(adoption.contextValue, 'uncategorisedTheme');
    assert.match(adoption.children[0].label, /^The draft resolution has been adopted/);
  });

  it('adds a note through the command', async () => {
    await vscode.commands.executeCommand('policyLens.editNote', editor.document.uri.toString(), id, 'Vote outcome.');
    const text = await waitFor('the note in the sidecar', async () => ((await sidecarText())?.includes('note: Vote outcome.') ? sidecarText() : undefined));
    assert.match(text!, /note: Vote outcome\./);
  });

  it('keeps the passage when text is typed above it, and saves the new position', async () => {
    const before = /start: (\d+)/.exec((await sidecarText())!)![1];
    const inserted = 'Transcribed for the test.\n';
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), inserted));
    const [item] = annotations(await api.annotationsSnapshot(editor.document.uri.toString()));
    assert.equal(item.text, passage, 'the live range followed the edit');
    assert.ok(await editor.document.save(), 'saved');
    const text = await waitFor('the new position in the sidecar', async () => {
      const t = await sidecarText();
      return t && /start: (\d+)/.exec(t)![1] !== before ? t : undefined;
    });
    assert.equal(Number(/start: (\d+)/.exec(text)![1]), Number(before) + inserted.length);
  });

  it('follows the sidecar when it changes on disk', async () => {
    const text = (await sidecarText())!;
    await writeFile(`${documentName}.annotations.yaml`, text.replace('note: Vote outcome.', 'note: Changed in another editor.'));
    const item = await waitFor('the reloaded note', async () => {
      const [a] = annotations(await api.annotationsSnapshot(editor.document.uri.toString()));
      return a?.note === 'Changed in another editor.' ? a : undefined;
    });
    assert.equal(item.text, passage);
  });

  it('turns a passage deleted with its context into an orphan, kept and listed', async () => {
    const text = editor.document.getText();
    const start = text.lastIndexOf('\n', text.indexOf(passage) - 1) + 1;
    const end = text.indexOf('\n', text.indexOf(passage) + passage.length);
    await editor.edit((e) => e.delete(new vscode.Range(editor.document.positionAt(start), editor.document.positionAt(end + 1))));
    const [item] = annotations(await api.annotationsSnapshot(editor.document.uri.toString()));
    assert.equal(item.status, 'orphan');
    const orphans = await waitFor('the orphans group', () => api.themesSnapshot().find((n) => n.contextValue === 'orphans'));
    assert.equal(orphans.children.length, 1);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    const restored = await waitFor('the passage found again once the text is back', async () => {
      const [a] = annotations(await api.annotationsSnapshot(editor.document.uri.toString()));
      return a.status !== 'orphan' ? a : undefined;
    });
    assert.equal(restored.text, passage);
  });

  it('acts on the annotation that a Themes view item names, as its context menu does', async () => {
    const node = { kind: 'passage', documentUri: editor.document.uri.toString(), item: { annotation: { id } } };
    await vscode.commands.executeCommand('policyLens.editNote', node, [node], 'Noted from the tree.');
    const [item] = annotations(await api.annotationsSnapshot(editor.document.uri.toString()));
    assert.equal(item.note, 'Noted from the tree.');
  });

  it('starts a new sidecar when the old one is deleted on disk, keeping the new annotation', async () => {
    await vscode.workspace.fs.delete(workspaceFile(`${documentName}.annotations.yaml`));
    await waitFor('the annotations to go with their file', async () => (annotations(await api.annotationsSnapshot(editor.document.uri.toString())).length === 0 ? true : undefined));
    const start = editor.document.getText().indexOf('The meeting rose');
    editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(start + 'The meeting rose'.length));
    await vscode.commands.executeCommand('policyLens.tagSelection', { themes: ['closing'] });
    const text = await waitFor('the new sidecar', async () => ((await sidecarText())?.includes('The meeting rose') ? sidecarText() : undefined));
    assert.match(text!, /themes: \[closing\]/);
    const items = annotations(await api.annotationsSnapshot(editor.document.uri.toString()));
    assert.deepEqual(items.map((i) => i.text), ['The meeting rose']);
  });

  it('reports a malformed sidecar with its line and column and never overwrites it', async () => {
    const name = 'statement.txt';
    const broken = 'policyLens: 1\ndocument: x.txt\nannotations:\n  - id: [unclosed\n';
    await writeFile(`${name}.annotations.yaml`, broken);
    const document = await vscode.workspace.openTextDocument(workspaceFile(name));
    const other = await vscode.window.showTextDocument(document);
    const result = await api.annotationsSnapshot(document.uri.toString());
    assert.ok(!Array.isArray(result), 'an error is reported');
    assert.match(result.error, /^\d+:\d+: /);
    other.selection = new vscode.Selection(0, 0, 0, 10);
    await vscode.commands.executeCommand('policyLens.tagSelection', { themes: ['x'] });
    assert.equal(await sidecarText(name), broken, 'the malformed sidecar was not touched');
  });

  it('moves the sidecar with its document', async () => {
    const name = 'executive-order.txt';
    const document = await vscode.workspace.openTextDocument(workspaceFile(name));
    const e = await vscode.window.showTextDocument(document);
    const start = document.getText().indexOf('Section 1.');
    e.selection = new vscode.Selection(document.positionAt(start), document.positionAt(start + 'Section 1.'.length));
    await vscode.commands.executeCommand('policyLens.tagSelection', { themes: ['withdrawal'] });
    await waitFor('the sidecar', () => sidecarText(name));
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(workspaceFile(name), workspaceFile(`renamed-${name}`));
    assert.ok(await vscode.workspace.applyEdit(edit));
    const moved = await waitFor('the moved sidecar, naming its new document', async () => {
      const text = await sidecarText(`renamed-${name}`);
      return text?.includes(`document: renamed-${name}\n`) ? text : undefined;
    });
    assert.match(moved, /quote: Section 1\.\n/);
    assert.equal(await sidecarText(name), undefined, 'the old sidecar is gone');
  });
});

describe('the codebook', () => {
  let api: PolicyLensApi;
  const codebookUri = () => workspaceFile('.policy-lens/codebook.yaml');
  const codebookText = async () => new TextDecoder().decode(await vscode.workspace.fs.readFile(codebookUri()));

  before(async () => {
    api = (await activateExtension()).exports as PolicyLensApi;
    await writeFile('.policy-lens/codebook.yaml', [
      '# Themes agreed by the team',
      'policyLensCodebook: 1',
      'themes:',
      '  - id: coastal',
      '    label: Coastal resilience',
      '    color: "#4e79a7"',
      '    description: Adapting coasts to rising seas.',
      '',
    ].join('\n'));
    const document = await vscode.workspace.openTextDocument(workspaceFile('sample.policy.txt'));
    const editor = await vscode.window.showTextDocument(document);
    const start = document.getText().indexOf('coastal communities');
    editor.selection = new vscode.Selection(document.positionAt(start), document.positionAt(start + 'coastal communities'.length));
    await vscode.commands.executeCommand('policyLens.tagSelection', { themes: ['coastal'] });
  });

  it('shows the codebook theme with its label and passage in the Themes view', async () => {
    const theme = await waitFor('the theme', () => api.themesSnapshot().find((n) => n.label === 'Coastal resilience'));
    assert.equal(theme.contextValue, 'theme');
    assert.match(theme.description ?? '', /^1(?: · |$)/);
  });

  it('renames and recolours a theme in the codebook file, keeping its comment and id', async () => {
    await vscode.commands.executeCommand('policyLens.renameTheme', 'coastal', 'Coastal resilience and adaptation');
    await vscode.commands.executeCommand('policyLens.recolorTheme', 'coastal', '#E15759');
    const text = await codebookText();
    assert.match(text, /^# Themes agreed by the team$/m);
    assert.match(text, /label: Coastal resilience and adaptation/);
    assert.match(text, /color: "#e15759"/);
    assert.match(text, /id: coastal/);
    await waitFor('the renamed theme', () => api.themesSnapshot().find((n) => n.label === 'Coastal resilience and adaptation'));
  });
});
