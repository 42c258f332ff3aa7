import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Commands, LanguageId, ViewIds } from '../../src/extension/commandIds';

const root = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const nls = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;

describe('package.json manifest', () => {
  const contributed: { command: string; title: string; category?: string }[] = manifest.contributes.commands;

  it('contributes exactly the commands of the Commands map', () => {
    assert.deepEqual(contributed.map((c) => c.command).sort(), Object.values(Commands).sort());
  });

  it('titles every command with a category and a localised title', () => {
    for (const c of contributed) {
      assert.equal(c.category, 'Policy Lens', c.command);
      const key = /^%(.+)%$/.exec(c.title)?.[1];
      assert.ok(key && nls[key], `${c.command} has a title in package.nls.json`);
    }
  });

  it('uses only localisation keys that exist', () => {
    const keys = [...JSON.stringify(manifest).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    for (const key of keys) assert.ok(nls[key], `package.nls.json has ${key}`);
  });

  it('points main and browser at the one bundle and declares its capabilities', () => {
    assert.equal(manifest.main, manifest.browser);
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, true);
    assert.equal(manifest.capabilities.virtualWorkspaces, true);
    assert.ok(!manifest.activationEvents.includes('*'), 'no eager activation');
  });

  it('contributes the policytext language, its grammar and the Policy Lens views', () => {
    assert.ok(manifest.contributes.languages.some((l: { id: string }) => l.id === LanguageId));
    assert.ok(manifest.contributes.grammars.some((g: { language: string }) => g.language === LanguageId));
    assert.ok(manifest.contributes.viewsContainers.activitybar.some((c: { id: string }) => c.id === ViewIds.container));
    assert.ok(manifest.contributes.views[ViewIds.container].some((v: { id: string }) => v.id === ViewIds.sessions));
  });

  it('hides tree-only commands from the palette', () => {
    const hidden = new Set(manifest.contributes.menus.commandPalette.filter((m: { when: string }) => m.when === 'false').map((m: { command: string }) => m.command));
    assert.ok(hidden.has(Commands.revealInDocument));
  });
});
