import * as assert from './assert';
import * as vscode from 'vscode';
import { Commands } from '../../../src/extension/commandIds';
import { activateExtension, extensionId, openDocument } from './util';

describe('activation and manifest', () => {
  it('activates without error', async () => {
    const extension = await activateExtension();
    assert.equal(extension.isActive, true);
  });

  it('opens .policy.txt files as Policy Text', async () => {
    const editor = await openDocument('sample.policy.txt');
    assert.equal(editor.document.languageId, 'policytext');
  });

  it('registers a handler for every contributed command and contributes every handler', async () => {
    const packageJSON = vscode.extensions.getExtension(extensionId)!.packageJSON as {
      contributes: { commands: { command: string }[]; views?: Record<string, { id: string }[]> };
    };
    const contributed = packageJSON.contributes.commands.map((c) => c.command).sort();
    const registered = (await vscode.commands.getCommands(true)).filter((id) => id.startsWith('policyLens.')).sort();
    const ours = Object.values(Commands).sort();
    assert.deepEqual(contributed, ours, 'package.json commands = Commands map');
    for (const id of ours) assert.ok(registered.includes(id), `${id} has a handler`);
    // The workbench derives commands from contributed views (`<view>.focus`, ...); everything else that
    // carries our prefix must be contributed.
    const viewIds = Object.keys(packageJSON.contributes.views ?? {}).flatMap((c) => packageJSON.contributes.views![c].map((v) => v.id));
    const own = registered.filter((id) => !viewIds.some((view) => id.startsWith(`${view}.`)) && !id.startsWith('policyLens.focus'));
    assert.deepEqual(own.filter((id) => !contributed.includes(id)), [], 'every registered command is contributed');
  });

  it('shows the Policy Lens view container', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.policyLens');
  });
});
