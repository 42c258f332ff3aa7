import * as vscode from 'vscode';
import * as assert from './assert';
import { activateExtension, waitFor, workspaceFile } from './util';

async function write(name: string, text: string): Promise<vscode.Uri> {
  const uri = workspaceFile(name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

async function open(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  return document;
}

function languageOf(uri: vscode.Uri): string | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())?.languageId;
}

describe('recognising policy texts', () => {
  before(async () => {
    await activateExtension();
  });

  after(async () => {
    await vscode.workspace.getConfiguration('policyLens').update('detection', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('opens a document that has an annotations sidecar as Policy Text', async () => {
    await write('plain-notes.md.annotations.yaml', `policyLens: 1\ndocument: plain-notes.md\ntextHash: sha256:${'0'.repeat(64)}\nannotations: []\n`);
    const uri = await write('plain-notes.md', '# Notes\n\nA short note about the meeting.\n');
    await open(uri);
    await waitFor('Policy Text', () => languageOf(uri) === 'policytext');
  });

  it('switches a Markdown copy of a Security Council record when detection is "switch"', async () => {
    await vscode.workspace.getConfiguration('policyLens').update('detection', 'switch', vscode.ConfigurationTarget.Workspace);
    const record = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceFile('council-record.txt')));
    const uri = await write('record-copy.md', record);
    await open(uri);
    await waitFor('Policy Text', () => languageOf(uri) === 'policytext');
  });

  it('leaves an ordinary Markdown document alone', async () => {
    const uri = await write('shopping.md', '# Shopping\n\n- apples\n- bread\n\nRemember to call the plumber on Tuesday.\n');
    const document = await open(uri);
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(document.languageId, 'markdown');
  });

  it('reads the active editor as Policy Text on command', async () => {
    const uri = await write('shopping-2.md', '# More shopping\n\n- milk\n');
    await open(uri);
    await vscode.commands.executeCommand('policyLens.readAsPolicyText');
    await waitFor('Policy Text', () => languageOf(uri) === 'policytext');
  });
});
