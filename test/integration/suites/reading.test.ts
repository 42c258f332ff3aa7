import * as vscode from 'vscode';
import type { PolicyLensApi } from '../../../src/extension/api';
import * as assert from './assert';
import { activateExtension, openDocument, waitFor } from './util';

const reference = '00-press-counter-terrorism-conference.txt';

describe('reading the reference press release', () => {
  let api: PolicyLensApi;
  let editor: vscode.TextEditor;

  before(async () => {
    api = (await activateExtension()).exports as PolicyLensApi;
    editor = await openDocument(reference);
    await waitFor('Policy Text', () => editor.document.languageId === 'policytext');
  });

  it('opens as Policy Text', () => {
    assert.equal(editor.document.languageId, 'policytext');
  });

  it('lists Session III, Session IV and Closing Remarks with their speakers in the Sessions view', async () => {
    const tree = await waitFor('the Sessions view', () => {
      const t = api.sessionsSnapshot();
      return t.length ? t : undefined;
    });
    const flat: { label: string; children: string[] }[] = [];
    const walk = (items: ReturnType<PolicyLensApi['sessionsSnapshot']>): void => {
      for (const item of items) {
        flat.push({ label: item.label, children: item.children.map((c) => c.label) });
        walk(item.children);
      }
    };
    walk(tree);
    const section = (title: string) => {
      const found = flat.find((s) => s.label === title);
      assert.ok(found, `Sessions view has ${title}: ${JSON.stringify(flat.map((f) => f.label))}`);
      return found;
    };
    assert.deepEqual(section('Session III').children, ['Achim Steiner']);
    assert.deepEqual(section('Session IV').children, ['Vladimir Voronkov', 'Phumzile Mlambo-Ngcuka', 'Yury Fedotov']);
    assert.deepEqual(section('Closing Remarks').children, ['António Guterres']);
  });

  it('gives the Outline the same sections and speakers', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
    const names: string[] = [];
    const walk = (list: vscode.DocumentSymbol[]): void => list.forEach((s) => { names.push(s.name); walk(s.children); });
    walk(symbols ?? []);
    for (const expected of ['Session III', 'Achim Steiner', 'Session IV', 'Yury Fedotov', 'Closing Remarks', 'António Guterres']) {
      assert.ok(names.includes(expected), `Outline has ${expected}: ${JSON.stringify(names)}`);
    }
  });

  it('shows a hover and a link on resolution 2396 (2017)', async () => {
    const text = editor.document.getText();
    const offset = text.indexOf('resolution 2396 (2017)');
    assert.ok(offset > 0);
    const position = editor.document.positionAt(offset + 12);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, position);
    const hoverText = (hovers ?? []).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(hoverText, /S\/RES\/2396\(2017\)/);
    assert.match(hoverText, /mentioned 2 times/);
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', editor.document.uri);
    const link = (links ?? []).find((l) => l.range.contains(position));
    assert.ok(link?.target, 'a link on the reference');
    assert.equal(link.target.toString(true), 'https://undocs.org/S/RES/2396(2017)');
  });

  it('shows the full name and role on a short speaker form', async () => {
    const offset = editor.document.getText().indexOf('Mr. STEINER');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, editor.document.positionAt(offset + 5));
    const hoverText = (hovers ?? []).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(hoverText, /Achim Steiner/);
    assert.match(hoverText, /Administrator/);
  });

  it('provides folding ranges for sections and speaker turns', async () => {
    const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', editor.document.uri);
    const sessionIII = editor.document.getText().split('\n').indexOf('Session III');
    assert.ok(sessionIII > 0);
    assert.ok((ranges ?? []).some((r) => r.start === sessionIII && r.end > sessionIII), `a folding range starts at Session III (line ${sessionIII})`);
  });

  it('selects the speaker turn under the cursor in the Sessions view', async () => {
    await vscode.commands.executeCommand('policyLens.sessions.focus');
    await vscode.window.showTextDocument(editor.document);
    const offset = editor.document.getText().indexOf('Ms. MLAMBO-NGCUKA said');
    const position = editor.document.positionAt(offset + 40);
    editor.selection = new vscode.Selection(position, position);
    await waitFor('the Sessions view to follow the cursor', () => (api.sessionsSelection()[0] === 'Phumzile Mlambo-Ngcuka' ? true : undefined));
  });

  it('reveals the place of a Sessions item', async () => {
    const item = api.sessionsSnapshot().flatMap(function all(i): ReturnType<PolicyLensApi['sessionsSnapshot']> { return [i, ...i.children.flatMap(all)]; })
      .find((i) => i.label === 'Yury Fedotov');
    assert.ok(item?.command, 'the item has a command');
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    const active = vscode.window.activeTextEditor!;
    assert.equal(active.document.getText(active.selection), 'Mr. FEDOTOV');
  });
});
