import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import * as vscode from 'vscode';
import type { PolicyLensApi } from '../../../src/extension/api';
import type { ExportSummary } from '../../../src/extension/exchange/exportAnnotations';
import type { ImportSummary } from '../../../src/extension/exchange/importAnnotations';
import * as assert from './assert';
import { activateExtension, waitFor, workspaceFile } from './util';

// Export and import through the commands, in the real extension host: files go through vscode.workspace.fs (the
// web host's in-memory mount, or the disk under code-server).
const documentName = 'exchange-imaginaria.txt';
const TEXT = [
  'Security Council',
  '9999th Meeting (AM)',
  '',
  'Security Council Extends Mission in Imaginaria for One Year',
  '',
  'Briefing',
  '',
  'MARÍA ALBA TORRES, Special Representative of the Secretary-General for Imaginaria, said $40 million was needed by 31 May 2031 to keep the clinics open.',
  '',
  'Statements',
  '',
  'Mr. OKAFOR (Nigeria) said the Mission should report every 90 days on the protection of civilians.',
  '',
].join('\n');

async function read(uri: vscode.Uri): Promise<Uint8Array> {
  return vscode.workspace.fs.readFile(uri);
}

async function tag(editor: vscode.TextEditor, quote: string, themes: string[]): Promise<void> {
  const start = editor.document.getText().indexOf(quote);
  assert.ok(start >= 0, `"${quote}" is in the document`);
  editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(start + quote.length));
  await vscode.commands.executeCommand('policyLens.tagSelection', { themes });
}

describe('exchange', () => {
  let api: PolicyLensApi;
  let editor: vscode.TextEditor;

  before(async () => {
    api = (await activateExtension()).exports as PolicyLensApi;
    await vscode.workspace.fs.writeFile(workspaceFile(documentName), strToU8(TEXT));
    editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile(documentName)));
    await tag(editor, '$40 million was needed by 31 May 2031', ['funding', 'humanitarian']);
    await tag(editor, 'report every 90 days', ['protection']);
    // The export takes labels from the codebook: make sure one theme has a label of its own, whatever codebook the
    // suites before this one left.
    const codebook = workspaceFile('.policy-lens/codebook.yaml');
    const current = strFromU8(await read(codebook).catch(() => strToU8('policyLensCodebook: 1\nthemes:\n')));
    if (!/- id: humanitarian\b/.test(current)) {
      const themes = /^themes: \[\]\s*$/m.test(current) ? current.replace(/^themes: \[\]\s*$/m, 'themes:') : current;
      await vscode.workspace.fs.writeFile(codebook, strToU8(`${themes.trimEnd()}\n  - id: humanitarian\n    label: Humanitarian access and aid\n    color: "#e15759"\n`));
    } else {
      await vscode.commands.executeCommand('policyLens.renameTheme', 'humanitarian', 'Humanitarian access and aid');
    }
    await waitFor('the codebook label', () => JSON.stringify(api.themesSnapshot()).includes('Humanitarian access and aid') || undefined);
    await waitFor('the sidecar', async () => {
      const text = strFromU8(await read(workspaceFile(`${documentName}.annotations.yaml`)).catch(() => new Uint8Array()));
      return text.includes('report every 90 days') ? text : undefined;
    });
  });

  it('exports the folder as CSV, one row per passage, leaving out a sidecar that cannot be read', async () => {
    const target = workspaceFile('exports/folder.csv');
    const summary = await vscode.commands.executeCommand<ExportSummary>('policyLens.exportAnnotations', { format: 'csv', byteOrderMark: true, scope: 'folder', target: target.toString() });
    assert.ok(summary, 'the export ran');
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await read(target));
    assert.ok(csv.startsWith('\uFEFFdocument,line,section,speaker,'), 'a byte-order mark, then the header');
    assert.match(csv, /"exchange-imaginaria\.txt",8,"[^"]*Briefing","María Alba Torres","Special Representative[^"]*","","funding; humanitarian","funding; Humanitarian access[^"]*","\$40 million was needed by 31 May 2031"/);
    assert.match(csv, /"exchange-imaginaria\.txt",12,"[^"]*Statements","Mr\. Okafor","","Nigeria","protection"/);
    // The annotations suite leaves a document with a malformed sidecar behind: it is named, with its line and column.
    assert.ok(summary!.skipped.some((s) => /\.txt \(its sidecar has an error at line \d+, column \d+/.test(s)), `the malformed sidecar is named: ${summary!.skipped.join('; ')}`);
  });

  it('exports one document as a REFI-QDA project whose selections select the quotes', async () => {
    const target = workspaceFile('exports/imaginaria.qdpx');
    const summary = await vscode.commands.executeCommand<ExportSummary>('policyLens.exportAnnotations', { format: 'qdpx', scope: editor.document.uri.toString(), target: target.toString() });
    assert.equal(summary?.passages, 2);
    const files = unzipSync(await read(target));
    const qde = strFromU8(files['project.qde']);
    const source = /plainTextPath="internal:\/\/([^"]+)"/.exec(qde)![1];
    const text = [...strFromU8(files[`sources/${source}`])];
    const selections = [...qde.matchAll(/startPosition="(\d+)" endPosition="(\d+)"/g)].map((m) => text.slice(Number(m[1]), Number(m[2])).join(''));
    assert.deepEqual(selections, ['$40 million was needed by 31 May 2031', 'report every 90 days']);
    assert.match(qde, /<Case guid="[^"]+" name="Mr\. Okafor \(Nigeria\)">/);
  });

  it('exports W3C Web Annotation with absolute IRIs naming the document', async () => {
    const target = workspaceFile('exports/imaginaria.jsonld');
    await vscode.commands.executeCommand('policyLens.exportAnnotations', { format: 'w3c', scope: editor.document.uri.toString(), target: target.toString() });
    const [collection] = JSON.parse(strFromU8(await read(target)));
    const annotation = collection.first.items[0];
    assert.equal(annotation.target.source, editor.document.uri.toString());
    assert.match(annotation.id, /^[a-z][a-z0-9+.-]*:.*exchange-imaginaria\.txt\.annotations\.yaml#[0-9a-f]{6}$/);
  });

  it('imports what it exported into the same folder without changing anything', async () => {
    const before = strFromU8(await read(workspaceFile(`${documentName}.annotations.yaml`)));
    const summary = await vscode.commands.executeCommand<ImportSummary>('policyLens.importAnnotations', { file: workspaceFile('exports/imaginaria.qdpx').toString(), folder: workspaceFile('').toString(), confirm: true });
    assert.deepEqual([summary?.added, summary?.sidecarsWritten.length, summary?.documentsCreated.length], [0, 0, 0]);
    assert.equal(strFromU8(await read(workspaceFile(`${documentName}.annotations.yaml`))), before);
  });

  it('imports a .qdpx in the form other tools write: a new document whose passages open highlighted', async () => {
    const text = 'Water Action Decade\n\nMr. HALVORSEN (Norway) said: "Where wells run dry, conflict follows."\n';
    const quote = 'Where wells run dry, conflict follows.';
    const start = [...text.slice(0, text.indexOf(quote))].length;
    const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="From another tool" origin="QDA tool 1.0">
  <CodeBook><Codes><Code guid="0DCEF2F5-E55C-49DA-8C33-9B0803C7AEB4" name="Conflict" isCodable="true" color="#33CC33"/></Codes></CodeBook>
  <Sources>
    <TextSource guid="51AD8E46-427A-4E6B-AFE7-BD96C1EFF0AD" name="water-decade.txt" plainTextPath="internal://C8A57C71-D156-4A94-8407-2BD2FA57E2A4.txt">
      <PlainTextSelection guid="B49D7982-BB8E-4335-80AF-DC869CCC3F45" startPosition="${start}" endPosition="${start + quote.length}">
        <Description>Water and security.</Description>
        <Coding guid="2284BF5B-8F78-45B6-A6EF-A128D991408B"><CodeRef targetGUID="0DCEF2F5-E55C-49DA-8C33-9B0803C7AEB4"/></Coding>
      </PlainTextSelection>
    </TextSource>
  </Sources>
</Project>`;
    const file = workspaceFile('exports/other-tool.qdpx');
    await vscode.workspace.fs.writeFile(file, zipSync({ 'project.qde': strToU8(qde), 'Sources/C8A57C71-D156-4A94-8407-2BD2FA57E2A4.txt': strToU8(text) }));
    const summary = await vscode.commands.executeCommand<ImportSummary>('policyLens.importAnnotations', { file: file.toString(), folder: workspaceFile('').toString(), confirm: true });
    assert.deepEqual(summary?.documentsCreated, ['water-decade.txt']);
    assert.deepEqual(summary?.themesAdded, ['conflict']);
    const document = await vscode.workspace.openTextDocument(workspaceFile('water-decade.txt'));
    await vscode.window.showTextDocument(document);
    const items = await waitFor('the imported passage', async () => {
      const a = await api.annotationsSnapshot(document.uri.toString());
      return Array.isArray(a) && a.length ? a : undefined;
    });
    assert.deepEqual(items.map((i) => [i.text, i.status, i.themes, i.note]), [[quote, 'exact', ['conflict'], 'Water and security.']]);
    const theme = await waitFor('the new theme in the Themes view', () => api.themesSnapshot().find((n) => n.label === 'Conflict'));
    assert.equal(theme.contextValue, 'theme');
  });

  it('refuses a hostile project with a clear error and writes nothing', async () => {
    const file = workspaceFile('exports/hostile.qdpx');
    await vscode.workspace.fs.writeFile(file, zipSync({ 'project.qde': strToU8('<Project name="x"/>'), 'sources/../../escape.txt': strToU8('x') }));
    const summary = await vscode.commands.executeCommand<ImportSummary | undefined>('policyLens.importAnnotations', { file: file.toString(), folder: workspaceFile('').toString(), confirm: true });
    assert.equal(summary, undefined);
    const escaped = await Promise.resolve(vscode.workspace.fs.stat(workspaceFile('escape.txt'))).then(() => true, () => false);
    assert.equal(escaped, false, 'nothing was written outside the sources folder');
  });
});
