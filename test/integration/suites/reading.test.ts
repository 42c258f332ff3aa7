import * as vscode from 'vscode';
import type { PolicyLensApi } from '../../../src/extension/api';
import * as assert from './assert';
import { activateExtension, openDocument, requireCorpusDocument, waitFor } from './util';

// The read job on a meetings-coverage press release: the demo's own, always; the corpus's reference press
// release as well when the test workspace was prepared with the corpus.
interface ReadingCase {
  readonly document: string;
  readonly fromCorpus: boolean;
  /** Sessions view: section -> its speaker turns. */
  readonly sections: Readonly<Record<string, readonly string[]>>;
  readonly reference: { readonly surface: string; readonly symbol: string; readonly mentions?: RegExp };
  /** A later short form and what its hover gives from the person's introduction. */
  readonly shortForm: { readonly surface: string; readonly name: string; readonly role: RegExp };
  /** Text inside a turn, and the turn the Sessions view selects when the cursor is there. */
  readonly followCursor: { readonly text: string; readonly turn: string };
  /** A Sessions item and the text its command selects. */
  readonly reveal: { readonly label: string; readonly selects: string };
  readonly foldsAt: string;
}

const cases: readonly ReadingCase[] = [
  {
    document: 'press-release-ocean-forum.policy.txt',
    fromCorpus: false,
    sections: { 'Session I': ['Tomas Veldhuis'], 'Session II': ['The representative of Corvania', 'The representative of Dravonia'], 'Closing Remarks': ['Linnea Harrow'] },
    reference: { surface: 'resolution 3104 (2031)', symbol: 'S/RES/3104(2031)' },
    shortForm: { surface: 'Mr. VELDHUIS', name: 'Tomas Veldhuis', role: /Director of the Regional Ocean Observation Centre/ },
    followCursor: { text: 'The representative of Dravonia said', turn: 'The representative of Dravonia' },
    reveal: { label: 'Tomas Veldhuis', selects: 'Mr. VELDHUIS' },
    foldsAt: 'Session I',
  },
  {
    document: '00-press-counter-terrorism-conference.txt',
    fromCorpus: true,
    sections: {
      'Session III': ['Achim Steiner'],
      'Session IV': ['Vladimir Voronkov', 'Phumzile Mlambo-Ngcuka', 'Yury Fedotov'],
      'Closing Remarks': ['António Guterres'],
    },
    reference: { surface: 'resolution 2396 (2017)', symbol: 'S/RES/2396(2017)', mentions: /mentioned 2 times/ },
    shortForm: { surface: 'Mr. STEINER', name: 'Achim Steiner', role: /Administrator/ },
    followCursor: { text: 'Ms. MLAMBO-NGCUKA said', turn: 'Phumzile Mlambo-Ngcuka' },
    reveal: { label: 'Yury Fedotov', selects: 'Mr. FEDOTOV' },
    foldsAt: 'Session III',
  },
];

async function hoverAt(editor: vscode.TextEditor, offset: number): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, editor.document.positionAt(offset));
  return (hovers ?? []).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

for (const c of cases) {
  describe(`reading a press release: ${c.document}`, () => {
    let api: PolicyLensApi;
    let editor: vscode.TextEditor;

    before(async function () {
      if (c.fromCorpus) await requireCorpusDocument(this, c.document);
      api = (await activateExtension()).exports as PolicyLensApi;
      editor = await openDocument(c.document);
      await waitFor('Policy Text', () => editor.document.languageId === 'policytext');
    });

    it('opens as Policy Text', () => {
      assert.equal(editor.document.languageId, 'policytext');
    });

    it('lists the sections with their speakers in the Sessions view', async () => {
      await vscode.window.showTextDocument(editor.document);
      const tree = await waitFor('the Sessions view', () => {
        const t = api.sessionsSnapshot();
        return t.length ? t : undefined;
      });
      const flat: { label: string; children: string[] }[] = [];
      const walk = (items: ReturnType<PolicyLensApi['sessionsSnapshot']>): void => {
        for (const item of items) {
          flat.push({ label: item.label, children: item.children.map((child) => child.label) });
          walk(item.children);
        }
      };
      walk(tree);
      for (const [title, speakers] of Object.entries(c.sections)) {
        const found = flat.find((s) => s.label === title);
        assert.ok(found, `Sessions view has ${title}: ${JSON.stringify(flat.map((f) => f.label))}`);
        assert.deepEqual(found.children, speakers);
      }
    });

    it('gives the Outline the same sections and speakers', async () => {
      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
      const names: string[] = [];
      const walk = (list: vscode.DocumentSymbol[]): void => list.forEach((s) => { names.push(s.name); walk(s.children); });
      walk(symbols ?? []);
      for (const expected of Object.entries(c.sections).flat(2)) assert.ok(names.includes(expected), `Outline has ${expected}: ${JSON.stringify(names)}`);
    });

    it(`shows a hover and a link on ${c.reference.surface}`, async () => {
      const offset = editor.document.getText().indexOf(c.reference.surface);
      assert.ok(offset > 0);
      const hoverText = await hoverAt(editor, offset + 12);
      assert.ok(hoverText.includes(c.reference.symbol), `the hover names ${c.reference.symbol}: ${hoverText}`);
      if (c.reference.mentions) assert.match(hoverText, c.reference.mentions);
      const position = editor.document.positionAt(offset + 12);
      const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', editor.document.uri);
      const link = (links ?? []).find((l) => l.range.contains(position));
      assert.ok(link?.target, 'a link on the reference');
      assert.equal(link.target.toString(true), `https://undocs.org/${c.reference.symbol}`);
    });

    it(`shows the full name and role on the short form ${c.shortForm.surface}`, async () => {
      const hoverText = await hoverAt(editor, editor.document.getText().indexOf(c.shortForm.surface) + 5);
      assert.ok(hoverText.includes(c.shortForm.name), `the hover names ${c.shortForm.name}: ${hoverText}`);
      assert.match(hoverText, c.shortForm.role);
    });

    it('provides folding ranges for sections and speaker turns', async () => {
      const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', editor.document.uri);
      const line = editor.document.getText().split('\n').indexOf(c.foldsAt);
      assert.ok(line > 0);
      assert.ok((ranges ?? []).some((r) => r.start === line && r.end > line), `a folding range starts at ${c.foldsAt} (line ${line})`);
    });

    it('selects the speaker turn under the cursor in the Sessions view', async () => {
      await vscode.commands.executeCommand('policyLens.sessions.focus');
      await vscode.window.showTextDocument(editor.document);
      const offset = editor.document.getText().indexOf(c.followCursor.text);
      const position = editor.document.positionAt(offset + c.followCursor.text.length + 5);
      editor.selection = new vscode.Selection(position, position);
      await waitFor(`the Sessions view to select ${c.followCursor.turn}`, () => (api.sessionsSelection()[0] === c.followCursor.turn ? true : undefined));
    });

    it('reveals the place of a Sessions item', async () => {
      const item = api.sessionsSnapshot().flatMap(function all(i): ReturnType<PolicyLensApi['sessionsSnapshot']> { return [i, ...i.children.flatMap(all)]; })
        .find((i) => i.label === c.reveal.label);
      assert.ok(item?.command, 'the item has a command');
      await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
      const active = vscode.window.activeTextEditor!;
      assert.equal(active.document.getText(active.selection), c.reveal.selects);
    });
  });
}
